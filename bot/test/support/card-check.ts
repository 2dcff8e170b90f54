import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const { window } = dom;
// jsdom implements no layout, so no `innerText`: the renderer sets text through it, textContent is the same here.
Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
  get(this: HTMLElement) {
    return this.textContent;
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  },
});
const domNames = Object.getOwnPropertyNames(window).filter((name) =>
  /^(HTML|SVG)\w*Element$|^(Node|Element|Event|KeyboardEvent|MouseEvent)$/.test(name),
);
Object.assign(globalThis, { window, document: window.document, navigator: window.navigator });
for (const name of domNames)
  Object.assign(globalThis, { [name]: (window as unknown as Record<string, unknown>)[name] });
const AC = await import('adaptivecards');

// Teams renders a small Markdown subset; plain text is what the checks read, so it is shown as written.
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  result.didProcess = true;
};

export interface CheckedCard {
  errors: string[];
  html: string;
  /** The visible text of the rendered card. */
  text: string;
}

/** Parses a card with the `adaptivecards` library, validates it and renders it to HTML, as Teams would. */
export function checkCard(json: object): CheckedCard {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const errors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) errors.push(event.message);
  const element = card.render();
  if (!element) throw new Error('the card did not render');
  return { errors, html: element.outerHTML, text: element.textContent ?? '' };
}
