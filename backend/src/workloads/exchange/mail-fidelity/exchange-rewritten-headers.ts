/**
 * How Exchange Online treats a header when it stores an item and renders its MIME again:
 * - `rewritten`: it drops, replaces or stamps the header whatever the original said, so the header is ignored on
 *   both sides;
 * - `added`: it writes the header from a property it keeps for every item, so a header the original did not have
 *   is expected in the restored copy; one the original did have must still come back unchanged.
 */
export type ExchangeHeaderTreatment = 'rewritten' | 'added';

export interface ExchangeRewrittenHeader {
  /** Header names, case-insensitive; a trailing `*` matches any name with that prefix. */
  names: readonly string[];
  /** A parameter of the header rather than the whole header (only `boundary` of Content-Type). */
  parameter?: string;
  treatment: ExchangeHeaderTreatment;
  reason: string;
  source: string;
}

/**
 * Everything the comparison forgives, each with why. Kept short on purpose: any header not matched here is compared
 * in full, so a restore that loses a trace header, a Bcc or a custom X- header is reported.
 */
export const exchangeRewrittenHeaders: readonly ExchangeRewrittenHeader[] = [
  {
    names: ['X-MS-Exchange-Organization-*', 'X-MS-Exchange-Forest-*'],
    treatment: 'rewritten',
    reason:
      'Reserved prefixes of Exchange transport: a MIME reader does not keep them with the stored item, and the ' +
      'copy read back carries the organization stamps of its own import instead.',
    source:
      'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/77b8b4dc-546e-4cde-a2e0-c160c6772578',
  },
  {
    names: ['X-MS-Exchange-*'],
    treatment: 'rewritten',
    reason:
      'Exchange-related X-headers (cross-tenant, transport and anti-spam stamps) describe how one copy was routed; ' +
      'the header firewall removes and Exchange re-stamps them as a message enters or leaves an organization.',
    source: 'https://learn.microsoft.com/en-us/previous-versions/office/exchange-server-2010/bb232136(v=exchg.141)',
  },
  {
    names: ['X-MS-Has-Attach'],
    treatment: 'rewritten',
    reason:
      'Written from PidTagHasAttachments, which the store computes from the attachment table; the attachments ' +
      'themselves are compared part by part.',
    source:
      'https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/pidtaghasattachments-canonical-property',
  },
  {
    names: ['X-MS-TNEF-Correlator'],
    treatment: 'rewritten',
    reason: 'A key chosen afresh by each MIME writer to pair a message with its TNEF body part.',
    source:
      'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/bdc07f69-53a1-40e2-ae18-6ef49aaa374d',
  },
  {
    names: ['Content-Transfer-Encoding'],
    treatment: 'rewritten',
    reason:
      'The MIME writer re-encodes content and falls back to base64 for encodings it does not support; every ' +
      'part is compared decoded, and signed content byte for byte, so a change of encoding hides nothing.',
    source:
      'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/2ec01c0b-d258-416f-9089-d4c95b60c1a6',
  },
  {
    names: ['Content-Type'],
    parameter: 'boundary',
    treatment: 'rewritten',
    reason:
      'A boundary only delimits parts and is chosen by whoever writes the MIME; the parts it delimits are ' +
      'compared one by one.',
    source: 'https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1',
  },
  {
    names: ['MIME-Version'],
    treatment: 'added',
    reason: 'The MIME writer may ignore the saved value and always writes "1.0", also for a pre-MIME message.',
    source:
      'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/2ec01c0b-d258-416f-9089-d4c95b60c1a6',
  },
  {
    names: ['Thread-Topic', 'Thread-Index'],
    treatment: 'added',
    reason:
      'Written from the conversation topic and index, which the store sets on every message that arrives ' +
      'without them.',
    source:
      'https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/pidtagconversationtopic-canonical-property',
  },
  {
    names: ['Accept-Language', 'Content-Language'],
    treatment: 'added',
    reason: "Written from the message's locale and the mailbox's accepted languages.",
    source:
      'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/4c30333f-b3c8-489d-a78e-f4072a15c74f',
  },
];

function nameMatches(pattern: string, name: string): boolean {
  const lowerPattern = pattern.toLowerCase();
  return lowerPattern.endsWith('*') ? name.startsWith(lowerPattern.slice(0, -1)) : name === lowerPattern;
}

/** The list's treatment of a whole header (parameter entries excluded), by lower-case name; the first entry wins. */
export function exchangeTreatmentOf(lowerCaseName: string): ExchangeHeaderTreatment | undefined {
  return exchangeRewrittenHeaders.find(
    (entry) => entry.parameter === undefined && entry.names.some((pattern) => nameMatches(pattern, lowerCaseName)),
  )?.treatment;
}

/** Whether a parameter of a header is one the list forgives (Content-Type's boundary). */
export function isExchangeRewrittenParameter(lowerCaseHeader: string, lowerCaseParameter: string): boolean {
  return exchangeRewrittenHeaders.some(
    (entry) =>
      entry.parameter === lowerCaseParameter && entry.names.some((pattern) => nameMatches(pattern, lowerCaseHeader)),
  );
}
