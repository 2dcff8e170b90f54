export { compareMessages } from './compare-messages.js';
export { describeDifference, type DifferenceLanguage } from './describe-difference.js';
export {
  exchangeRewrittenHeaders,
  type ExchangeHeaderTreatment,
  type ExchangeRewrittenHeader,
} from './exchange-rewritten-headers.js';
export type { MailDifference } from './mail-difference.js';
export { decodeText } from './charset-text.js';
export { isAttachment, isMultipart, type MimeEntity } from './mime-entity.js';
export { parseMimeTree } from './parse-mime-tree.js';
