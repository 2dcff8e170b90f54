import type { Bilingual } from '../language/language.js';
import { defineTexts } from '../language/texts.js';
import type { DataLocation } from './tenant-store.js';

/** Each data location named as the portal's Tenant setup page names it. */
const dataLocationTexts = defineTexts({
  'italy-north': { it: 'Italia (Milano)', en: 'Italy (Milan)' },
  'west-europe': { it: 'Europa occidentale (Paesi Bassi)', en: 'Western Europe (Netherlands)' },
} satisfies Record<DataLocation, Bilingual>);

/** A refused location and the ones offered, in words, for `data_location_unavailable`. */
export function locationsInWords(
  refused: DataLocation,
  offered: readonly DataLocation[],
): { location: Bilingual; offered: Bilingual } {
  const names = offered.map((location) => dataLocationTexts.bilingual(location, {}));
  return {
    location: dataLocationTexts.bilingual(refused, {}),
    offered: { it: names.map((name) => name.it).join(', '), en: names.map((name) => name.en).join(', ') },
  };
}
