/** The portal navigation's groups and menu button, in English and Italian (merged into `messages.ts`). */
export const en = {
  navGroup_protection: 'Protection',
  navGroup_restore: 'Recovery',
  navGroup_monitoring: 'Monitoring',
  navGroup_administration: 'Administration',
  navGroup_help: 'Help',
  navOpen: 'Open the portal menu',
  navClose: 'Close the portal menu',
};

export const it: typeof en = {
  navGroup_protection: 'Protezione',
  navGroup_restore: 'Recupero dati',
  navGroup_monitoring: 'Monitoraggio',
  navGroup_administration: 'Amministrazione',
  navGroup_help: 'Aiuto',
  navOpen: 'Apri il menu del portale',
  navClose: 'Chiudi il menu del portale',
};
