import type {
  AdaptiveCard,
  CardAction,
  CardElement,
  ExecuteAction,
  FactSet,
  OpenUrlAction,
  TextBlock,
  TextInput,
} from './card-types.js';

export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 && { actions }),
  };
}

export function title(text: string, color: TextBlock['color'] = 'Default'): TextBlock {
  return { type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true, color };
}

export function paragraph(text: string, options: Pick<TextBlock, 'color' | 'isSubtle'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function facts(entries: readonly (readonly [string, string])[]): FactSet {
  return { type: 'FactSet', facts: entries.map(([factTitle, value]) => ({ title: factTitle, value })) };
}

export function multilineInput(id: string, label: string, maxLength: number): TextInput {
  return { type: 'Input.Text', id, label, isMultiline: true, maxLength };
}

export function execute(
  actionTitle: string,
  verb: string,
  data: Record<string, string>,
  style?: ExecuteAction['style'],
): ExecuteAction {
  return { type: 'Action.Execute', title: actionTitle, verb, data, ...(style && { style }) };
}

export function openUrl(actionTitle: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title: actionTitle, url };
}
