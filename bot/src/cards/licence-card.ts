import type { Bilingual, Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, facts, openUrl, paragraph, readableBytes, title } from './elements.js';

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
  const it = language === 'it';
  const years = (n: number) => (it ? `${n} ${n === 1 ? 'anno' : 'anni'}` : `${n} year${n === 1 ? '' : 's'}`);
  const body: CardElement[] = [
    title(
      data.overrun ? (it ? 'Licenze superate' : 'Licences exceeded') : it ? 'Stato della licenza' : 'Licence status',
      data.overrun ? 'Attention' : 'Default',
    ),
  ];
  const rows: [string, string][] = data.plans.map((plan) => [
    `${plan.profile}, ${years(plan.retentionYears)}`,
    `${plan.used} / ${plan.seats}${plan.used > plan.seats ? (it ? ' (oltre il limite)' : ' (over the limit)') : ''}`,
  ]);
  for (const extra of data.unlicensed) {
    rows.push([
      `${extra.profile}, ${years(extra.retentionYears)}`,
      `${extra.used} / 0 ${it ? '(non acquistata)' : '(not bought)'}`,
    ]);
  }
  if (data.storage) {
    rows.push([
      it ? 'Spazio' : 'Storage',
      `${readableBytes(data.storage.usedBytes)} / ${readableBytes(data.storage.purchasedBytes)}`,
    ]);
  }
  if (rows.length === 0)
    body.push(
      paragraph(it ? 'Nessuna licenza registrata per questo tenant.' : 'No licence is recorded for this tenant.'),
    );
  else body.push(facts(rows));
  if (data.overrun) {
    body.push(paragraph(it ? 'Cosa puoi fare:' : 'What you can do:', { isSubtle: true }));
    for (const remedy of data.remedies) body.push(paragraph(`- ${remedy[language]}`));
  }
  return adaptiveCard(body, [openUrl(it ? 'Apri la pagina licenze' : 'Open the licence page', data.licencesUrl)]);
}
