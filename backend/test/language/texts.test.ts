import { defineTexts } from '../../src/language/texts.js';
import { ApiError } from '../../src/http/api-error.js';
import { runErrorBilingual } from '../../src/run-errors/run-error-texts.js';
import { plainSummary } from '../../src/jobs-api/run-view.js';
import { counted, formatBytes } from '../../src/language/quantities.js';
import { missingStepsInWords } from '../../src/tenants/setup-step-texts.js';

const texts = defineTexts({
  greeting: { it: 'Ciao', en: 'Hello' },
  files: (p: { count: number }) => ({
    it: `${p.count} file salvati`,
    en: `${p.count} file${p.count === 1 ? '' : 's'} saved`,
  }),
});

describe('defineTexts', () => {
  it('writes a fixed sentence and a parameterised one in the reader’s language', () => {
    expect(texts.text('greeting', {}, 'it')).toBe('Ciao');
    expect(texts.text('files', { count: 2 }, 'en')).toBe('2 files saved');
    expect(texts.bilingual('files', { count: 1 })).toEqual({ it: '1 file salvati', en: '1 file saved' });
  });

  it('gives the whole table in one language', () => {
    const en = texts.in('en');
    expect(en.greeting).toBe('Hello');
    expect(en.files({ count: 1 })).toBe('1 file saved');
    expect(texts.in('en')).toBe(en);
  });

  it('writes the API’s error messages with their parameters', () => {
    const error = new ApiError(409, 'licence_plan_missing', undefined, { profile: 'full', years: 3 });
    expect(error.messageIn('it')).toBe(
      'Non hai licenze per il profilo full con conservazione di 3 anni: scegli un profilo e una conservazione acquistati.',
    );
    expect(new ApiError(404, 'route_not_found').toBody('en').error.message).toBe(
      'This address does not exist in the Custodia API.',
    );
  });
});

describe('counted', () => {
  it('takes the singular for exactly one and the plural otherwise, in both languages', () => {
    expect(counted(1, ['anno', 'anni'], 'it')).toBe('1 anno');
    expect(counted(0, ['anno', 'anni'], 'it')).toBe('0 anni');
    expect(counted(1, ['account non salvato', 'account non salvati'], 'it')).toBe('1 account non salvato');
    expect(counted(1, ['item', 'items'], 'en')).toBe('1 item');
    expect(counted(0, ['item', 'items'], 'en')).toBe('0 items');
  });

  it('writes the number as the reader’s language does', () => {
    expect(counted(12000, ['elemento', 'elementi'], 'it')).toBe('12.000 elementi');
    expect(counted(12000, ['item', 'items'], 'en')).toBe('12,000 items');
  });
});

describe('formatBytes', () => {
  it('writes GB and MB with the Italian decimal comma in Italian', () => {
    expect(formatBytes(1.5 * 1024 ** 3, 'it')).toBe('1,5 GB');
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toBe('1.5 GB');
    expect(formatBytes(340 * 1024 ** 2, 'it')).toBe('340 MB');
  });
});

describe('API error messages in words', () => {
  it('agrees with one: a one-year plan, one person, one licence', () => {
    const values = { profile: 'Gold', years: 1, needed: 2, seats: 1 };
    expect(new ApiError(409, 'licence_seats_exceeded', undefined, values).messageIn('it')).toContain(
      'Il job proteggerebbe 2 utenti con il profilo Gold (1 anno), ma hai 1 licenza:',
    );
    expect(new ApiError(409, 'licence_seats_exceeded', undefined, { ...values, needed: 1 }).messageIn('en')).toContain(
      'The job would protect 1 person under the Gold profile (1 year), but you have 1 licence:',
    );
  });

  it('shows storage as people read it in a licence refusal', () => {
    const storage = { usedBytes: 1.5 * 1024 ** 3, purchasedBytes: 1024 ** 3, remedies: { it: '', en: '' } };
    expect(new ApiError(409, 'licence_storage_exceeded', undefined, storage).messageIn('it')).toContain(
      '(1,5 GB usati di 1 GB)',
    );
    expect(new ApiError(409, 'licence_storage_exceeded', undefined, storage).messageIn('en')).toContain(
      '(1.5 GB used of 1 GB)',
    );
  });

  it('names the missing setup steps as the Tenant setup page does', () => {
    const refusal = new ApiError(409, 'tenant_setup_incomplete', undefined, missingStepsInWords(['data_location']));
    expect(refusal.messageIn('it')).toBe(
      'Il tenant non è ancora impostato: completa il Setup del tenant (manca: «Dove salvare i dati di backup»).',
    );
    expect(refusal.messageIn('en')).toBe(
      'The tenant is not set up yet: complete Tenant setup (missing: “Where backup data is kept”).',
    );
  });
});

describe('run summary', () => {
  it('agrees with one warning, one item and one account not backed up', () => {
    const progress = { resourcesTotal: 2, resourcesDone: 1, resourcesFailed: 1, items: 1, bytes: 0, deletions: 0 };
    expect(plainSummary('warning', { ...progress, warnings: 1 })).toEqual({
      it: 'Backup completato con avvisi: controlla gli account indicati. 1 account salvato su 2, 1 elemento, 1 avviso, 1 account non salvato.',
      en: 'Backup completed with warnings: check the accounts listed. 1 of 2 accounts backed up, 1 item, 1 warning, 1 account not backed up.',
    });
  });

  it('says why a failed run did not proceed, in each language', () => {
    const progress = { resourcesTotal: 2, resourcesDone: 0, resourcesFailed: 2, items: 0, bytes: 0, deletions: 0 };
    const reason = runErrorBilingual({ code: 'accounts_failed', params: { failed: 2, total: 2 } });
    const summary = plainSummary('failed', { ...progress, warnings: 0 }, reason);
    expect(summary.it).toMatch(/ Motivo: non è stato possibile salvare 2 account su 2\.$/);
    expect(summary.en).toMatch(/ Reason: 2 of 2 accounts could not be backed up\.$/);
  });
});
