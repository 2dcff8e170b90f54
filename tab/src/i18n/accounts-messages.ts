/** The words of the account lists (Items, the licence of each account), in English and Italian (merged into `messages.ts`). */
export const en = {
  itemsView: 'Show',
  itemsViewPerson: 'By person',
  itemsViewAccount: 'Each account',
  itemsNoPerson: 'Teams and sites',
  itemTeamMembers: 'Members: {count}',
  accountsSearch: 'Name or e-mail',
  accountsSearchButton: 'Search',
  accountsSearchNone: 'No account matches “{q}”.',
  itemsNotIncludedTitle: 'Accounts of your organisation that no job includes',
  itemsNotIncludedIntro:
    'People and teams of your directory that no job has backed up, read from Microsoft 365 now. Add them to a job from the Overview.',
  licenceAccountsTitle: 'Licence of each account',
  licenceAccountsIntro:
    'Each person’s mailbox and OneDrive, the profile and retention they consume through the jobs that include them, and whether that licence was bought.',
  licenceAccountUses: 'Consumes',
  licenceAccountStatus: 'Licence status',
  licenceAccountNone: 'No seat: no job includes it',
  licenceAccountBought: 'Licensed',
  licenceAccountNotBought: 'Profile not bought',
  tableColumnResize: 'Resize column {name}: Left and Right arrows',
  tableColumnWidth: '{width} pixels',
  notIncludedSearch: 'Search the accounts no job includes',
  notIncludedSearchNone: 'No account that no job includes matches “{q}”.',
};

export const it: typeof en = {
  itemsView: 'Mostra',
  itemsViewPerson: 'Per persona',
  itemsViewAccount: 'Account per account',
  itemsNoPerson: 'Team e siti',
  itemTeamMembers: 'Membri: {count}',
  accountsSearch: 'Nome o e-mail',
  accountsSearchButton: 'Cerca',
  accountsSearchNone: 'Nessun account corrisponde a “{q}”.',
  itemsNotIncludedTitle: 'Account della tua organizzazione che nessun job include',
  itemsNotIncludedIntro:
    'Persone e team della tua directory di cui nessun job ha fatto il backup, letti ora da Microsoft 365. Aggiungili a un job dall’Overview.',
  licenceAccountsTitle: 'Licenza di ogni account',
  licenceAccountsIntro:
    'La casella di posta e il OneDrive di ogni persona, il profilo e la conservazione che consumano tramite i job che li includono, e se quella licenza è stata acquistata.',
  licenceAccountUses: 'Consuma',
  licenceAccountStatus: 'Stato della licenza',
  licenceAccountNone: 'Nessuna licenza: nessun job lo include',
  licenceAccountBought: 'Coperto dalla licenza',
  licenceAccountNotBought: 'Profilo non acquistato',
  tableColumnResize: 'Ridimensiona la colonna {name}: frecce sinistra e destra',
  tableColumnWidth: '{width} pixel',
  notIncludedSearch: 'Cerca tra gli account che nessun job include',
  notIncludedSearchNone: 'Nessun account escluso dai job corrisponde a “{q}”.',
};
