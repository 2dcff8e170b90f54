/** A sentence for people, in both languages the product speaks. */
export interface LocalizedText {
  readonly en: string;
  readonly it: string;
}

export type StoreErrorCode =
  | 'invalid-tenant'
  | 'wrong-master-key'
  | 'invalid-master-key'
  | 'corrupt-key-file'
  | 'blob-not-found'
  | 'corrupt-blob'
  | 'corrupt-pack'
  | 'content-mismatch'
  | 'store-closed'
  | 'pack-write-failed'
  | 'location-not-configured';

/** Every failure of the content store: a stable code for programs and a clear sentence in English and Italian. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly localized: LocalizedText;

  constructor(code: StoreErrorCode, text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'StoreError';
    this.code = code;
    this.localized = text;
  }
}
