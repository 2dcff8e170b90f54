import { GraphRequestError } from '../graph/index.js';
import type { RestoreMethod } from './model.js';

/** What writing one item achieved; the runner records it and then verifies restored items. */
export type WriteOutcome =
  | { state: 'restored'; createdId: string; targetName: string; restoredBy?: RestoreMethod }
  | { state: 'skipped'; reason: { en: string; it: string } };

export interface VerifyOutcome {
  verified: boolean;
  differences: string[];
}

export const alreadyThere = {
  en: 'an item with the same identity is already there; the conflict policy says skip',
  it: 'un elemento identico è già presente; la politica dei conflitti dice di saltarlo',
};

/** An item that cannot be written back, with the reason in English and Italian. */
export class ItemNotRestorable extends Error {
  constructor(readonly messages: { en: string; it: string }) {
    super(messages.en);
    this.name = 'ItemNotRestorable';
  }
}

export function reasonOf(error: unknown): { en: string; it: string } {
  if (error instanceof GraphRequestError || error instanceof ItemNotRestorable) return error.messages;
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, it: text };
}

export function isGraphStatus(error: unknown, status: number): boolean {
  return error instanceof GraphRequestError && error.status === status;
}
