import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpCard } from '@custodia/bot/cards/help-card';
import { parseCommand, type Command } from '@custodia/bot/commands';
import { buildDevPackage, repositoryRoot } from './package-fixture.js';

/** What a person gets by picking a command from the menu (and typing a job name after `run job`). */
function picked(title: string): { kind: Command['kind']; jobName?: string | undefined } {
  const command = parseCommand(/job$/.test(title) ? `${title} Backup notturno` : title);
  return command.kind === 'run' || command.kind === 'status'
    ? { kind: command.kind, jobName: command.jobName }
    : { kind: command.kind };
}

/** The commands the bot's own help card lists, without their `<name>` and `[job]` arguments. */
function helpCommands(language: 'en' | 'it'): string[] {
  const factSet = helpCard(language).body.find((element) => element.type === 'FactSet') as {
    facts: { title: string }[];
  };
  return factSet.facts.map((fact) => fact.title.replace(/\s*[<[].*$/, ''));
}

async function menus(): Promise<{ en: string[]; it: string[]; scopes: string[][] }> {
  const { manifest } = await buildDevPackage();
  const [bot] = manifest.bots as {
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  const italian = JSON.parse(readFileSync(join(repositoryRoot, 'appPackage/it.json'), 'utf8')) as Record<
    string,
    string
  >;
  const en = bot!.commandLists[0]!.commands.map((command) => command.title);
  const it = en.map((_title, index) => italian[`bots[0].commandLists[0].commands[${index}].title`] ?? '');
  return { en, it, scopes: [bot!.scopes, ...bot!.commandLists.map((list) => list.scopes)] };
}

test("the command menu, in personal chat and in teams, offers in each language what the bot's help lists", async () => {
  const { en, it, scopes } = await menus();
  expect(scopes).toEqual([
    ['personal', 'team'],
    ['personal', 'team'],
  ]);
  expect(en).toEqual(helpCommands('en'));
  expect(it).toEqual(helpCommands('it'));
});

test('each menu command, English or Italian, is parsed by the bot as the command it names', async () => {
  const { en, it } = await menus();
  const expected = [
    { kind: 'help' },
    { kind: 'jobs' },
    { kind: 'run', jobName: 'Backup notturno' },
    { kind: 'status', jobName: undefined },
    { kind: 'licences' },
    { kind: 'restores' },
  ];
  expect(en.map(picked)).toEqual(expected);
  expect(it.map(picked)).toEqual(expected);
});
