import { resolve } from 'node:path';
import { tenantRecords } from '@custodia/backend/tenants/tenant-store';
import { openTestDatabase } from '../../test-support/database.js';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/config.js';
import { refuseTenantsWithoutStore } from '../src/content-store.js';

const azure = 'DefaultEndpointsProtocol=https;AccountName=custodia;AccountKey=a2V5;EndpointSuffix=core.windows.net';

function problemOf(environment: NodeJS.ProcessEnv): string {
  try {
    loadConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

test('without STORE_LOCATIONS only Italy North is offered, on DATA_DIR/store or the Azure store', () => {
  expect(loadConfig({ DATA_DIR: '/srv/custodia' }).storeLocations).toEqual([
    { location: 'italy-north', store: { kind: 'directory', path: resolve('/srv/custodia/store') } },
  ]);
  expect(loadConfig({ STORE_AZURE_CONNECTION_STRING: azure }).storeLocations).toEqual([
    { location: 'italy-north', store: { kind: 'azure', connectionString: azure, container: 'custodia-store' } },
  ]);
});

test('each data location gets its own store: a directory or an Azure container, in the order given', () => {
  const config = loadConfig({
    STORE_AZURE_CONNECTION_STRING: azure,
    STORE_LOCATIONS: 'west-europe=azure:custodia-weu, italy-north=file:/mnt/store-it',
  });
  expect(config.storeLocations).toEqual([
    { location: 'west-europe', store: { kind: 'azure', connectionString: azure, container: 'custodia-weu' } },
    { location: 'italy-north', store: { kind: 'directory', path: '/mnt/store-it' } },
  ]);
});

test.each([
  ['north-pole', '"north-pole": the location must be one of italy-north, west-europe'],
  ['italy-north,italy-north=file:/mnt/it', 'italy-north is listed twice'],
  ['italy-north=file:store', '"italy-north=file:store": the store must be file:<absolute path> or azure:<container>'],
  ['italy-north=azure:Not_A_Container', 'the store must be file:<absolute path> or azure:<container>'],
  [
    'west-europe=azure:custodia-weu',
    'STORE_LOCATIONS: west-europe is in Azure container custodia-weu, which needs STORE_AZURE_CONNECTION_STRING',
  ],
])('STORE_LOCATIONS=%s is refused at start', (value, problem) => {
  expect(problemOf({ STORE_LOCATIONS: value })).toContain(problem);
});

test('start-up is refused while a tenant keeps its data in a location that has no store any more', async () => {
  const database = await openTestDatabase('store-locations');
  try {
    const setUpIn = (tenantId: string, dataLocation: 'italy-north' | 'west-europe') => ({
      tenantId,
      name: tenantId,
      onboardedAt: new Date(),
      onboardedBy: 'provider@test',
      itManager: { name: 'Ida', email: 'ida@example.test' },
      setup: { dataLocation },
    });
    await tenantRecords
      .raw(database.db)
      .insertMany([setUpIn('milano', 'italy-north'), setUpIn('olanda', 'west-europe')]);
    const milanOnly = loadConfig({}).storeLocations;
    await expect(refuseTenantsWithoutStore(database.db, milanOnly)).rejects.toThrow(
      'STORE_LOCATIONS has no store for west-europe, where tenant olanda keeps its data',
    );
    const both = loadConfig({ STORE_LOCATIONS: 'italy-north,west-europe=file:/mnt/store-weu' }).storeLocations;
    await expect(refuseTenantsWithoutStore(database.db, both)).resolves.toBeUndefined();
  } finally {
    await database.dispose();
  }
});
