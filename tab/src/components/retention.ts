import type { Translate } from '../i18n/language.js';

/** "1 year", "3 years": the one tier that is singular gets its own words. */
export function retentionLabel(years: number, t: Translate): string {
  return years === 1 ? t('jobRetentionOneYear') : t('jobRetentionYears', { years });
}
