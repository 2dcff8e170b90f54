import type { RestoreStatus } from '@custodia/backend/restore-model/model';
import { formatNumber } from '@custodia/backend/language/quantities';
import type { Language } from '../language.js';
import type { AdaptiveCard, CardElement } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';
import { restoreTexts } from './restore-texts.js';

export interface RestoreOutcome {
  restored: number;
  skipped: number;
  failed: number;
  verified: number;
  mismatched: number;
  /** Where the items went, in plain words. */
  where: string;
}

/** Tells a self-service user their restore finished: what came back and where to find it. */
export function restoreCompletedCard(data: RestoreOutcome, language: Language): AdaptiveCard {
  const t = restoreTexts.in(language);
  const body: CardElement[] = [
    title(t.completed, data.failed > 0 ? 'Warning' : 'Good'),
    paragraph(t.whereTo({ where: data.where })),
    facts([
      [t.restored, formatNumber(data.restored, language)],
      [t.verified, formatNumber(data.verified, language)],
      [t.skipped, formatNumber(data.skipped, language)],
      [t.failed, formatNumber(data.failed, language)],
    ]),
  ];
  if (data.mismatched > 0) {
    body.push(paragraph(t.mismatched({ count: data.mismatched }), { color: 'Warning' }));
  }
  return adaptiveCard(body);
}

export interface RestoreSummary {
  requestedAt: string;
  status: RestoreStatus;
  restored: number;
  total: number;
  where: string;
}

/** The latest restores the reader may see. */
export function restoresCard(restores: readonly RestoreSummary[], language: Language): AdaptiveCard {
  const t = restoreTexts.in(language);
  const body: CardElement[] = [title(t.latest)];
  if (restores.length === 0) body.push(paragraph(t.none));
  for (const restore of restores) {
    body.push(
      facts([
        [t.requested, restore.requestedAt],
        [t.status, restoreTexts.text(`status_${restore.status}`, {}, language)],
        [t.restored, `${formatNumber(restore.restored, language)} / ${formatNumber(restore.total, language)}`],
        [t.where, restore.where],
      ]),
    );
  }
  return adaptiveCard(body);
}
