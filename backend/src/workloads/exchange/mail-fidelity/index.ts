export { compareMessages } from './compare-messages.js';
export { describeDifference, type DifferenceLanguage } from './describe-difference.js';
export {
  exchangeRewrittenHeaders,
  type ExchangeHeaderTreatment,
  type ExchangeRewrittenHeader,
} from './exchange-rewritten-headers.js';
export type { MailDifference } from './mail-difference.js';
