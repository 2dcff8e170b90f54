/**
 * A host config and page close to Teams' light theme (Fluent colours, Segoe UI with the system's sans-serif
 * fallback, 14 px text, bold fact titles, rounded buttons), so screenshots show roughly what a reader sees.
 */
const text = { default: '#242424', subtle: '#616161' };

function foreground(background: string) {
  return {
    backgroundColor: background,
    foregroundColors: {
      default: text,
      dark: text,
      light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      accent: { default: '#5B5FC7', subtle: '#7579EB' },
      good: { default: '#0E700E', subtle: '#107C10' },
      warning: { default: '#835B00', subtle: '#8A6500' },
      attention: { default: '#C4314B', subtle: '#B10E1C' },
    },
  };
}

export const teamsLightHostConfig = {
  fontTypes: {
    default: {
      fontFamily: '"Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif',
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: '"Cascadia Mono", "DejaVu Sans Mono", monospace',
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  supportsInteractivity: true,
  containerStyles: {
    default: foreground('#FFFFFF'),
    emphasis: foreground('#F5F5F5'),
    good: foreground('#F1FAF1'),
    attention: foreground('#FDF3F4'),
    warning: foreground('#FFF9F5'),
    accent: foreground('#EBF3FC'),
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    showCard: { actionMode: 'inline', inlineTopMargin: 8 },
  },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 170 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 16,
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'default' },
    },
    errorMessage: { size: 'default', spacing: 'small', weight: 'default' },
  },
};

/** The chat around the card: a bot message with its name and time, on Teams' grey background. */
export function teamsChatPage(adaptiveCardsCss: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
${adaptiveCardsCss}
body { margin: 0; background: #F5F5F5; font-family: "Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif; }
#chat { display: inline-flex; gap: 10px; padding: 20px 24px; }
.avatar { width: 32px; height: 32px; border-radius: 50%; background: #5B5FC7; color: #FFFFFF; font-weight: 600;
  display: flex; align-items: center; justify-content: center; font-size: 14px; flex: none; }
.meta { font-size: 12px; color: #616161; margin-bottom: 4px; }
.meta b { color: #242424; font-weight: 600; margin-right: 8px; }
#card { width: 480px; background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,0.14), 0 0 2px rgba(0,0,0,0.12);
  overflow: hidden; }
.ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 5px 12px;
  border: 1px solid #D1D1D1; border-radius: 4px; background: #FFFFFF; color: #242424; }
.ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
.ac-pushButton.style-destructive { background: #FFFFFF; border-color: #D1D1D1; color: #C4314B; }
.ac-textInput { font-family: inherit; font-size: 14px; border: 1px solid #D1D1D1; border-bottom-color: #616161;
  border-radius: 4px; padding: 6px 8px; }
.ac-textInput.ac-multiline { height: 64px; resize: none; }
</style></head><body>
<div id="chat"><div class="avatar">C</div><div><div class="meta"><b>Custodia</b>10:42</div><div id="card"></div></div></div>
</body></html>`;
}
