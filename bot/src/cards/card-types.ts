/**
 * The part of Adaptive Cards schema 1.5 our cards use, typed so each card is a checked function of
 * its data. Tests parse every card with the `adaptivecards` library.
 */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  color?: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  isSubtle?: boolean;
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning';
}

/** A free-text field; `Action.Execute` sends its value in `data` under its `id`. */
export interface TextInput {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export type CardElement = TextBlock | FactSet | Container | TextInput;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: Record<string, string>;
  style?: 'default' | 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | OpenUrlAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Teams asks the bot for a fresh view when these users open the card (Universal Actions). */
  refresh?: { action: ExecuteAction; userIds?: string[] };
}
