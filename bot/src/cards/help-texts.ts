import { defineTexts } from '@custodia/backend/language/texts';

/** The words of the help card: each command as the reader types it, and what it does. */
export const helpTexts = defineTexts({
  title: { it: 'Cosa posso fare', en: 'What I can do' },
  help: { it: 'aiuto', en: 'help' },
  helpDoes: { it: 'questo elenco', en: 'this list' },
  jobs: { it: 'jobs', en: 'jobs' },
  jobsDoes: { it: 'i job di backup e la loro ultima esecuzione', en: 'the backup jobs and their last run' },
  run: { it: 'esegui job <nome>', en: 'run job <name>' },
  runDoes: { it: 'avvia un job (chiedo conferma)', en: 'starts a job (I ask you to confirm)' },
  status: { it: 'stato [job]', en: 'status [job]' },
  statusDoes: { it: 'come sta andando l’ultima esecuzione', en: 'how the latest run is going' },
  licences: { it: 'licenze', en: 'licences' },
  licencesDoes: { it: 'licenze acquistate e usate', en: 'licences bought and used' },
  restores: { it: 'ripristini', en: 'restores' },
  restoresDoes: { it: 'gli ultimi restore', en: 'the latest restores' },
});
