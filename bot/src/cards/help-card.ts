import type { Language } from '../language.js';
import type { AdaptiveCard } from './card-types.js';
import { adaptiveCard, facts, paragraph, title } from './elements.js';

/** The commands the bot understands, in the reader's language. */
export function helpCard(language: Language, notice?: string): AdaptiveCard {
  const it = language === 'it';
  return adaptiveCard([
    title(it ? 'Cosa posso fare' : 'What I can do'),
    ...(notice ? [paragraph(notice)] : []),
    facts(
      it
        ? [
            ['aiuto', 'questo elenco'],
            ['jobs', 'i job di backup e la loro ultima esecuzione'],
            ['esegui job <nome>', 'avvia un job (chiedo conferma)'],
            ['stato [job]', 'come sta andando l’ultima esecuzione'],
            ['licenze', 'licenze acquistate e usate'],
            ['ripristini', 'gli ultimi restore'],
          ]
        : [
            ['help', 'this list'],
            ['jobs', 'the backup jobs and their last run'],
            ['run job <name>', 'starts a job (I ask you to confirm)'],
            ['status [job]', 'how the latest run is going'],
            ['licences', 'licences bought and used'],
            ['restores', 'the latest restores'],
          ],
    ),
  ]);
}
