import { defineTexts } from '@custodia/backend/language/texts';

/** Where a restore put the items, as the bot's sentences and cards say it. */
export const restoreWhereTexts = defineTexts({
  original: { it: 'nella posizione originale', en: 'in their original place' },
  newFolder: (p: { folder: string }) => ({
    it: `nella cartella "${p.folder}"`,
    en: `in the folder "${p.folder}"`,
  }),
  otherUser: (p: { folder: string; userId: string }) => ({
    it: `nella cartella "${p.folder}" di un altro utente (${p.userId})`,
    en: `in the folder "${p.folder}" of another user (${p.userId})`,
  }),
});
