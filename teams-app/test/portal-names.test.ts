import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTexts } from '../../bot/src/cards/run-texts.js';
import { messages, type Language, type MessageKey } from '../../tab/src/i18n/messages.js';

/**
 * Letters, the bot and the knowledge base send people to the portal's sections and buttons by name; those names must
 * be the ones the portal shows in the same language ("one name for one button everywhere"). A renamed section or
 * button fails here until every text that points to it says the new name.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

interface TextLine {
  readonly where: string;
  readonly text: string;
}

/** The lines people read: knowledge articles whole, and the source lines of backend and bot that are not comments. */
function peopleText(): TextLine[] {
  const articles = filesUnder('backend/knowledge', '.md');
  const sources = [...filesUnder('backend/src', '.ts'), ...filesUnder('bot/src', '.ts')];
  return [...articles, ...sources].flatMap((path) =>
    readFileSync(join(root, path), 'utf8')
      .split('\n')
      .map((text, index) => ({ where: `${path}:${index + 1}`, text }))
      .filter(({ text }) => !/^\s*(\/\/|\/\*|\*)/.test(text)),
  );
}

const sectionLabels = (language: Language): string[] =>
  (Object.keys(messages[language]) as MessageKey[])
    .filter((key) => /^tab[A-Z]/.test(key))
    .map((key) => messages[language][key]);

/** The names a text gives the sections: "scheda X …" in Italian, "the X tab" in English (X bold or quoted or plain). */
function sectionReferences(lines: readonly TextLine[]): { where: string; language: Language; named: string }[] {
  return lines.flatMap(({ where, text }) => [
    ...[...text.matchAll(/\bscheda ["“«*]*([A-Z][^"”»*]*)/g)].map((match) => ({
      where,
      language: 'it' as const,
      named: match[1]!,
    })),
    ...[...text.matchAll(/\bthe ["“«*]*([A-Z][\w ]*?)["”»*]* tab\b/g)].map((match) => ({
      where,
      language: 'en' as const,
      named: match[1]!,
    })),
  ]);
}

test('every section a letter, the bot or an article names is a section of the portal, by its name in that language', () => {
  const references = sectionReferences(peopleText());
  expect(references.length).toBeGreaterThan(10);
  const wrong = references.filter(({ language, named }) => {
    const labels = sectionLabels(language);
    // Italian runs on after the name ("scheda Log dei job per vedere…"): the name is the label it starts with.
    return language === 'it' ? !labels.some((label) => named.startsWith(label)) : !labels.includes(named);
  });
  expect(wrong).toEqual([]);
});

test('the button that runs a job has the portal’s name wherever a text tells people to press it', () => {
  const run = { it: messages.it.jobRunNow, en: messages.en.jobRunNow };
  const quoted = peopleText().flatMap(({ where, text }) =>
    [
      ...text.matchAll(
        /["“«*]{1,2}(Esegui ora|Avvia il job|Avvia|Esegui di nuovo|Run now|Run this job|Run again)["”»*]{1,2}/g,
      ),
    ].map((match) => ({ where, named: match[1]! })),
  );
  expect(quoted.length).toBeGreaterThan(2);
  expect(quoted.filter(({ named }) => named !== run.it && named !== run.en)).toEqual([]);
});

test('the bot’s card runs a job under the portal’s name for that button, in both languages', () => {
  expect(runTexts.table.runAgain).toEqual({ it: messages.it.jobRunNow, en: messages.en.jobRunNow });
});
