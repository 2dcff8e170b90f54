import { contentLines, escapeText } from './export-content-lines.js';
import type { GraphContact } from '../../graph/index.js';

/** A Graph physicalAddress (learn.microsoft.com/graph/api/resources/physicaladdress). */
interface PhysicalAddress {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  countryOrRegion?: string | null;
}

/** The contact properties the card reads beyond those restore knows. */
export interface VcardContact extends GraphContact {
  title?: string | null;
  generation?: string | null;
  nickName?: string | null;
  department?: string | null;
  birthday?: string | null;
  businessAddress?: PhysicalAddress | null;
  homeAddress?: PhysicalAddress | null;
  otherAddress?: PhysicalAddress | null;
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value !== '';

/** Components of a structured value (N, ADR, ORG): each escaped, joined by `;`. */
const structured = (components: ReadonlyArray<string | null | undefined>): string =>
  components.map((component) => escapeText(component ?? '')).join(';');

function address(type: 'work' | 'home' | undefined, value: PhysicalAddress | null | undefined): string[] {
  if (!value) return [];
  const parts = [value.street, value.city, value.state, value.postalCode, value.countryOrRegion];
  if (!parts.some(present)) return [];
  // ADR: post office box; extended address; street; locality; region; postal code; country (RFC 6350 6.3.1).
  return [`ADR${type ? `;TYPE=${type}` : ''}:${structured(['', '', ...parts])}`];
}

/**
 * A contact's Graph JSON as a vCard 4.0 (RFC 6350): FN, N, EMAIL, TEL, ORG, TITLE, ADR, NOTE and a few more,
 * escaped and folded.
 */
export function contactToVcard(contact: VcardContact): string {
  const fullName =
    contact.displayName?.trim() ||
    [contact.givenName, contact.middleName, contact.surname].filter(present).join(' ') ||
    contact.emailAddresses?.[0]?.address ||
    '';
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(fullName)}`];
  lines.push(
    `N:${structured([contact.surname, contact.givenName, contact.middleName, contact.title, contact.generation])}`,
  );
  if (present(contact.nickName)) lines.push(`NICKNAME:${escapeText(contact.nickName)}`);
  (contact.emailAddresses ?? [])
    .filter((email) => present(email.address))
    .forEach((email, index) => lines.push(`EMAIL${index === 0 ? ';PREF=1' : ''}:${escapeText(email.address!)}`));
  if (present(contact.mobilePhone)) lines.push(`TEL;TYPE=cell:${escapeText(contact.mobilePhone)}`);
  for (const phone of (contact.businessPhones ?? []).filter(present)) lines.push(`TEL;TYPE=work:${escapeText(phone)}`);
  for (const phone of (contact.homePhones ?? []).filter(present)) lines.push(`TEL;TYPE=home:${escapeText(phone)}`);
  if (present(contact.companyName) || present(contact.department))
    lines.push(
      `ORG:${structured([contact.companyName, ...(present(contact.department) ? [contact.department] : [])])}`,
    );
  if (present(contact.jobTitle)) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  lines.push(
    ...address('work', contact.businessAddress),
    ...address('home', contact.homeAddress),
    ...address(undefined, contact.otherAddress),
  );
  if (present(contact.birthday)) lines.push(`BDAY:${contact.birthday.slice(0, 10).replace(/-/g, '')}`);
  if (present(contact.personalNotes)) lines.push(`NOTE:${escapeText(contact.personalNotes)}`);
  if (present(contact.id)) lines.push(`UID:${escapeText(contact.id)}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}
