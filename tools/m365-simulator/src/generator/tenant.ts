import type { DriveItemDefinition, GenerateSpec, TenantDefinition, UserDefinition } from '../model/definition.js';
import { loadTenant } from '../model/load-definition.js';
import type { Tenant } from '../model/tenant.js';
import { createRandom, hashSeed, intBetween, pick } from '../util/random.js';
import { DEPARTMENTS, FILE_EXTENSIONS, FILE_NAMES, FOLDER_NAMES, GIVEN_NAMES, SURNAMES } from './corpus.js';

/** The one very large file of a generated tenant, streamed from its seed (2 GiB). */
export const LARGE_FILE_SIZE = 2 * 1024 * 1024 * 1024;

/** The generated person at this index: a name from the corpus, a UPN in the domain, numbered once names run out. */
export function generatedPerson(index: number, domain: string): UserDefinition {
  const given = GIVEN_NAMES[index % GIVEN_NAMES.length] as string;
  const surname = SURNAMES[Math.floor(index / GIVEN_NAMES.length) % SURNAMES.length] as string;
  const clean = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return {
    userPrincipalName: `${clean(given)}.${clean(surname)}${index >= GIVEN_NAMES.length * SURNAMES.length ? index : ''}@${domain}`,
    displayName: `${given} ${surname}`,
    givenName: given,
    surname,
    department: DEPARTMENTS[index % DEPARTMENTS.length] as string,
    jobTitle: 'Impiegato',
  };
}

/** A user's generated files: a few nested folders, sizes mostly between 10 KB and 2 MB, bytes derived from seeds. */
function filesFor(spec: GenerateSpec, index: number): DriveItemDefinition[] {
  const random = createRandom(hashSeed(spec.seed, index, 'files'));
  const folders: DriveItemDefinition[] = ['Documenti', pick(random, FOLDER_NAMES), pick(random, FOLDER_NAMES)].map(
    (name, position) => ({
      name: position === 0 ? name : `${name} ${position}`,
      children: [],
    }),
  );
  const roots: DriveItemDefinition[] = [...folders];
  for (let file = 0; file < spec.filesPerUser; file++) {
    const name = `${pick(random, FILE_NAMES)} ${file}.${pick(random, FILE_EXTENSIONS)}`;
    const size = Math.floor(10_000 * Math.exp(random() * Math.log(200)));
    const definition: DriveItemDefinition = { name, size, seed: hashSeed(spec.seed, index, file) };
    const parent = intBetween(random, 0, folders.length);
    if (parent === folders.length) roots.push(definition);
    else (folders[parent] as DriveItemDefinition).children?.push(definition);
  }
  if (index === 0 && spec.filesPerUser > 0)
    roots.push({ name: 'Archivio video 2 GB.zip', size: LARGE_FILE_SIZE, seed: spec.seed });
  return roots;
}

/**
 * A tenant of any size, deterministic by seed: users exist up front, their mailboxes and drives are built on first
 * use, and message bodies are derived from (seed, user, index) whenever they are read.
 */
export function generateTenant(spec: GenerateSpec): Tenant {
  const domain = `generato${spec.seed}.onmicrosoft.com`;
  const users = Array.from({ length: spec.users }, (_, index): UserDefinition => ({
    ...generatedPerson(index, domain),
    mailbox: { generate: { messages: spec.messagesPerUser, seed: spec.seed } },
  }));
  const definition: TenantDefinition = {
    displayName: `Azienda generata ${spec.seed}`,
    domain,
    users,
    groups: DEPARTMENTS.map((department, position) => ({
      displayName: department,
      mailNickname: `reparto${position}`,
      members: users
        .filter((_, index) => index % DEPARTMENTS.length === position)
        .map((user) => user.userPrincipalName),
    })),
    sites: [
      {
        name: 'intranet',
        displayName: 'Intranet',
        drives: [{ name: 'Documenti condivisi', items: filesFor(spec, spec.users + 1) }],
      },
    ],
  };
  return loadTenant(definition, { driveItems: (user) => filesFor(spec, user.index) });
}
