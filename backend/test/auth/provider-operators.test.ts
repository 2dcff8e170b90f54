import { openTestDatabase, type TestDatabase } from '../../../test-support/database.js';
import { ensureIndexes } from '../../src/db/index.js';
import {
  addProviderOperator,
  isProviderOperator,
  replaceProviderOperators,
} from '../../src/auth/provider-operators.js';

let database: TestDatabase;
const telco = '7e1c2a90-5b3d-4c1e-9f2a-0d4b6c8e1a22';
const otherProvider = '0b6f3c1d-2e4a-4f59-8c7d-9a1b2c3d4e5f';

beforeAll(async () => {
  database = await openTestDatabase('operators');
  await ensureIndexes(database.db);
});

afterAll(async () => {
  await database.dispose();
});

test('the configured list is the truth: the missing are added, the unlisted removed, another provider untouched', async () => {
  const { db } = database;
  await addProviderOperator(db, { providerTenantId: telco, email: 'vecchio@telco.example', name: 'Vecchio' });
  await addProviderOperator(db, { providerTenantId: otherProvider, email: 'altro@rete.example', name: 'Altro' });

  expect(await replaceProviderOperators(db, telco, ['Serena.Galli@telco.example', 'assistenza@telco.example'])).toEqual(
    {
      added: 2,
      removed: 1,
    },
  );
  expect(await isProviderOperator(db, telco, 'serena.galli@telco.example')).toBe(true);
  expect(await isProviderOperator(db, telco, 'assistenza@telco.example')).toBe(true);
  expect(await isProviderOperator(db, telco, 'vecchio@telco.example')).toBe(false);
  expect(await isProviderOperator(db, otherProvider, 'altro@rete.example')).toBe(true);

  // The next start with the same list changes nothing.
  expect(await replaceProviderOperators(db, telco, ['serena.galli@telco.example', 'assistenza@telco.example'])).toEqual(
    {
      added: 0,
      removed: 0,
    },
  );
});
