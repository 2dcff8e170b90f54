import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { supportArticleFill } from '../../src/support/support-article-fill.js';
import { person, seedTenant, startHarness, tenantA, testSupport, type Harness } from '../api/support/harness.js';

let api: Harness;
const endUser = person(tenantA, 'ugo');

beforeAll(async () => {
  api = await startHarness({ prefix: 'knowledge' });
  await seedTenant(api.services, tenantA);
});
afterAll(() => api.close());

interface Summary {
  slug: string;
  title: string;
  category: string;
  language: string;
}

test('every article exists in Italian and in English, with the same slug and category', async () => {
  const base = await KnowledgeBase.load(
    supportArticleFill({ tenantId: tenantA, name: 'TIM', supportEmail: 'supporto@tim.example', support: testSupport }),
  );
  const italian = base.search({ language: 'it' });
  const english = base.search({ language: 'en' });
  expect(italian.length).toBeGreaterThanOrEqual(15);
  expect(italian.map((a) => `${a.slug}:${a.category}`).sort()).toEqual(
    english.map((a) => `${a.slug}:${a.category}`).sort(),
  );
  for (const category of ['concept', 'how-to', 'error']) {
    expect(italian.filter((a) => a.category === category).length).toBeGreaterThanOrEqual(3);
  }
  // Titles read as written, without the quotes of their front matter.
  expect([...italian, ...english].filter((a) => /^['"]|['"]$/.test(a.title)).map((a) => a.title)).toEqual([]);
});

test('searching finds the FAQ answer in the caller’s language, ignoring accents and case', async () => {
  const token = await api.token(endUser);
  const italian = await api.call('GET', `/knowledge/articles?q=${encodeURIComponent('superamento LICENZE')}`, {
    token,
  });
  expect((italian.body as { items: Summary[] }).items[0]).toMatchObject({
    slug: 'superamento-licenze',
    language: 'it',
  });
  const english = await api.call('GET', '/knowledge/articles?q=licence+exceeded', {
    token,
    headers: { 'accept-language': 'en-GB' },
  });
  expect((english.body as { items: Summary[] }).items[0]).toMatchObject({
    slug: 'superamento-licenze',
    language: 'en',
  });
  const accents = await api.call(
    'GET',
    `/knowledge/articles?q=${encodeURIComponent('ATTIVITA gdpr')}&category=concept`,
    { token },
  );
  expect((accents.body as { items: Summary[] }).items.map((a) => a.slug)).toContain('log-attivita-gdpr');
  const nothing = await api.call('GET', '/knowledge/articles?q=zzzyyyxxx', { token });
  expect(nothing.body).toEqual({ items: [], nextCursor: null });
});

test('lists page with a cursor; one article reads as Markdown; unknown slugs are 404', async () => {
  const token = await api.token(endUser);
  const first = (await api.call('GET', '/knowledge/articles?category=error&limit=2', { token })).body as {
    items: Summary[];
    nextCursor: string;
  };
  expect(first.items).toHaveLength(2);
  const second = (
    await api.call('GET', `/knowledge/articles?category=error&limit=2&cursor=${first.nextCursor}`, { token })
  ).body as { items: Summary[] };
  expect(second.items.map((a) => a.slug)).not.toContain(first.items[0]!.slug);
  const article = await api.call('GET', '/knowledge/articles/primo-accesso-e-setup?language=en', { token });
  expect(article.body).toMatchObject({
    title: 'First sign-in and tenant setup',
    markdown: expect.stringContaining('Italy (Milan)'),
  });
  expect((await api.call('GET', '/knowledge/articles/non-esiste', { token })).status).toBe(404);
  expect((await api.call('GET', '/knowledge/articles/..%2F..%2Fpackage', { token })).status).toBe(400);
});

test('an article that names a value nothing fills stops the knowledge base from loading', async () => {
  await expect(KnowledgeBase.load({ it: {}, en: {} })).rejects.toThrow(/chiedere-supporto: nothing fills \{\{\w+\}\}/);
});

test('the article on addresses Microsoft does not recognise says what the product accepts: work accounts of the organisation, not personal Microsoft accounts', async () => {
  // Browsers sign in through the multi-tenant authority for work and school accounts only.
  const config = (await api.call('GET', '/client-config')).body as { authority: string };
  expect(config.authority).toMatch(/\/organizations$/);
  // A personal Microsoft account's token names the consumer tenant: Custodia refuses it.
  const consumerTenant = '9188040d-6c67-4c5b-b112-36a304b66dad';
  const personal = await api.token(person(consumerTenant, 'mario.rossi'));
  expect(await api.call('GET', '/me', { token: personal })).toMatchObject({
    status: 403,
    body: { error: { code: 'tenant_not_onboarded' } },
  });
  const token = await api.token(endUser);
  const advice = {
    en: { accepted: /only \*\*work accounts\*\*/, refused: /personal Microsoft account .* cannot open Custodia/ },
    it: {
      accepted: /solo \*\*account aziendali\*\*/,
      refused: /account Microsoft personale .* non può aprire Custodia/,
    },
  };
  for (const [language, expected] of Object.entries(advice)) {
    const article = (
      await api.call('GET', `/knowledge/articles/email-non-collegata-a-microsoft?language=${language}`, { token })
    ).body as { markdown: string };
    expect(article.markdown).toMatch(expected.accepted);
    expect(article.markdown).toMatch(expected.refused);
    expect(article.markdown).not.toMatch(/create one for free|creane uno gratuitamente/);
  }
});
