import { person, seedPortalUser, startSeededHarness, tenantA, type Harness } from '../api/support/harness.js';

let api: Harness;
let admin: Awaited<ReturnType<typeof startSeededHarness>>['admin'];
const viewer = person(tenantA, 'vera');
/** Of the same tenant, with no portal role. */
const endUser = person(tenantA, 'ugo');

beforeAll(async () => {
  ({ api, admin } = await startSeededHarness('support-contact'));
  await seedPortalUser(api.services, viewer, 'viewer');
});
afterAll(() => api.close());

test('portal users read the provider’s phone line, its hours in both languages and the PIN, as configured', async () => {
  for (const who of [admin, viewer]) {
    const answer = await api.call('GET', '/support/contact', { token: await api.token(who) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      provider: 'TIM',
      email: 'supporto@provider.example',
      phone: '800 123 456',
      dial: '800123456',
      pin: '4321',
      hours: { fromDay: 'mon', toDay: 'fri', opens: '08:00', closes: '18:00', timeZone: 'Europe/Rome' },
      hoursText: {
        it: 'dal lunedì al venerdì, dalle 08:00 alle 18:00 (fuso orario Europe/Rome)',
        en: 'Monday to Friday, 08:00 to 18:00 (Europe/Rome time)',
      },
    });
  }
});

test('a person without a portal role is refused the contact', async () => {
  const answer = await api.call('GET', '/support/contact', { token: await api.token(endUser) });
  expect(answer.status).toBe(403);
});

test('the knowledge base’s support article gives the same phone, PIN and hours in the reader’s language', async () => {
  const token = await api.token(viewer);
  const italian = await api.call('GET', '/knowledge/articles/chiedere-supporto?language=it', { token });
  expect((italian.body as { markdown: string }).markdown).toContain(
    '**Telefono**: 800 123 456, con il **PIN** 4321 quando la linea lo chiede.\n' +
      '- **Orari**: dal lunedì al venerdì, dalle 08:00 alle 18:00 (fuso orario Europe/Rome).',
  );
  const english = await api.call('GET', '/knowledge/articles/chiedere-supporto?language=en', { token });
  expect((english.body as { markdown: string }).markdown).toContain(
    '**Phone**: 800 123 456, with the **PIN** 4321 when the line asks for it.\n' +
      '- **Hours**: Monday to Friday, 08:00 to 18:00 (Europe/Rome time).',
  );
  expect((english.body as { markdown: string }).markdown).not.toContain('{{');
});
