import type { Bilingual, Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { formatBytes, formatNumber } from '@custodia/backend/language/quantities';
import { adaptiveCard, facts, openUrl, paragraph, title } from './elements.js';
import { licenceTexts } from './licence-texts.js';

export interface LicenceCardData {
  plans: { profile: string; retentionYears: number; seats: number; used: number }[];
  /** Profiles and tiers jobs protect that were never bought. */
  unlicensed: { profile: string; retentionYears: number; used: number }[];
  storage: { purchasedBytes: number; usedBytes: number } | null;
  overrun: boolean;
  /** What the customer guide's FAQ says to do about an overrun. */
  remedies: readonly Bilingual[];
  licencesUrl: string;
}

/** Usage against what was bought, per profile and retention tier; on an overrun, what to do about it. */
export function licenceCard(data: LicenceCardData, language: Language): AdaptiveCard {
  const t = licenceTexts.in(language);
  const years = (n: number) => t.years({ years: n });
  const count = (n: number) => formatNumber(n, language);
  const body: CardElement[] = [title(data.overrun ? t.exceeded : t.status, data.overrun ? 'Attention' : 'Default')];
  const rows: [string, string][] = data.plans.map((plan) => [
    `${plan.profile}, ${years(plan.retentionYears)}`,
    `${count(plan.used)} / ${count(plan.seats)}${plan.used > plan.seats ? t.overLimit : ''}`,
  ]);
  for (const extra of data.unlicensed) {
    rows.push([`${extra.profile}, ${years(extra.retentionYears)}`, `${count(extra.used)} / 0 ${t.notBought}`]);
  }
  if (data.storage) {
    const { usedBytes, purchasedBytes } = data.storage;
    rows.push([t.storage, `${formatBytes(usedBytes, language)} / ${formatBytes(purchasedBytes, language)}`]);
  }
  if (rows.length === 0) body.push(paragraph(t.noLicence));
  else body.push(facts(rows));
  if (data.overrun) {
    body.push(paragraph(t.whatToDo, { isSubtle: true }));
    for (const remedy of data.remedies) body.push(paragraph(`- ${remedy[language]}`));
  }
  return adaptiveCard(body, [openUrl(t.openLicences, data.licencesUrl)]);
}
