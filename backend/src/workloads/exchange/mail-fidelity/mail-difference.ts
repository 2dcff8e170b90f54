/**
 * One way a restored message differs from the backed-up original.
 *
 * `where` names the entity: `headers` (the message's own header block), `body` (the message's content type and, for
 * a single-part message, its text), `part 1.2` (a MIME part, numbered as IMAP numbers them), `attachment
 * invoice.pdf` (a part with a file name); a part of a nested message/rfc822 is prefixed by its container, as in
 * `part 2 > attachment invoice.pdf` or `part 2 > headers`. `what` is a short English phrase (see
 * difference-phrases.ts for the full set, which describeDifference also renders in Italian). `expected` is the
 * original's value and `actual` the restored copy's, when there is one to show.
 */
export interface MailDifference {
  where: string;
  what: string;
  expected?: string;
  actual?: string;
}
