/** What a person asked for, whatever language and spelling they used. */
export type Command =
  | { kind: 'help' }
  | { kind: 'jobs' }
  | { kind: 'run'; jobName: string }
  | { kind: 'status'; jobName: string | undefined }
  | { kind: 'licences' }
  | { kind: 'restores' }
  | { kind: 'unknown'; text: string };

const words: Record<'help' | 'jobs' | 'licences' | 'restores', readonly string[]> = {
  help: ['help', 'aiuto', '?', 'guida'],
  jobs: ['jobs', 'job', 'lavori'],
  licences: ['licences', 'licenses', 'licence', 'license', 'licenze', 'licenza'],
  restores: ['restores', 'restore', 'ripristini', 'ripristino'],
};

/** Reads a chat message: `run job Nightly`, `esegui job Notturno`, `stato`, `licenze`… */
export function parseCommand(text: string): Command {
  const cleaned = text.trim().replace(/\s+/g, ' ');
  const lower = cleaned.toLowerCase();
  const run = /^(?:run|esegui|avvia)(?: (?:job|il job))? (.+)$/i.exec(cleaned);
  if (run?.[1]) return { kind: 'run', jobName: run[1].trim() };
  const status = /^(?:status|stato)(?: (?:job|del job|of))?(?: (.+))?$/i.exec(cleaned);
  if (status) return { kind: 'status', jobName: status[1]?.trim() || undefined };
  for (const kind of ['help', 'jobs', 'licences', 'restores'] as const) {
    if (words[kind].includes(lower)) return { kind };
  }
  if (lower === '') return { kind: 'help' };
  return { kind: 'unknown', text: cleaned };
}
