/** The sign-in page outside Teams and Outlook: Microsoft sign-in, and the development sign-in on the simulator. */
export const en = {
  microsoftSignInIntro:
    'Sign in with your organisation’s Microsoft 365 work account, the one you use for Teams and Outlook. Custodia opens with the role your administrator gave you.',
  microsoftSignInButton: 'Sign in with Microsoft',
  microsoftSignInDeclined: 'Sign-in was cancelled at the permissions request: Custodia cannot open without them.',
  microsoftSignInFailed:
    'Sign-in with Microsoft did not complete ({code}). Try again; if it keeps happening, ask your administrator.',
  devSignInTitle: 'Development mode',
};

export const it: typeof en = {
  microsoftSignInIntro:
    'Accedi con l’account aziendale Microsoft 365 della tua organizzazione, lo stesso di Teams e Outlook. Custodia si apre con il ruolo che ti ha assegnato l’amministratore.',
  microsoftSignInButton: 'Accedi con Microsoft',
  microsoftSignInDeclined:
    'L’accesso è stato annullato alla richiesta di autorizzazioni: senza di esse Custodia non può aprirsi.',
  microsoftSignInFailed:
    'L’accesso con Microsoft non è stato completato ({code}). Riprova; se si ripete, rivolgiti all’amministratore.',
  devSignInTitle: 'Modalità di sviluppo',
};
