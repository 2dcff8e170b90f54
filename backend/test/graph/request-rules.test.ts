import { planBatches, sortRound, type BatchRequest } from '../../src/graph/batch.js';
import { toDeltaPage } from '../../src/graph/delta.js';
import { directoryUnitCost, sharePointUnitCost } from '../../src/graph/resource-units.js';
import { serverPauseMs, withJitter } from '../../src/graph/retry-timing.js';

test('SharePoint requests cost the resource units Microsoft documents', () => {
  expect(sharePointUnitCost('GET', '/drives/d1/items/i1')).toBe(1);
  // The 302 and the download it leads to.
  expect(sharePointUnitCost('GET', '/drives/d1/items/i1/content')).toBe(2);
  expect(sharePointUnitCost('GET', '/drives/d1/root/delta')).toBe(2);
  expect(sharePointUnitCost('GET', '/drives/d1/root/delta?token=abc')).toBe(1);
  expect(sharePointUnitCost('GET', '/drives/d1/items/i1/children')).toBe(2);
  expect(sharePointUnitCost('PUT', '/drives/d1/items/i1/content')).toBe(2);
  expect(sharePointUnitCost('GET', '/drives/d1/items/i1/permissions')).toBe(5);
  expect(sharePointUnitCost('GET', '/drives/d1/items/i1?$expand=permissions')).toBe(5);
  expect(directoryUnitCost('/users')).toBe(2);
  expect(directoryUnitCost('/groups/g/members')).toBe(3);
  expect(directoryUnitCost('/groups/g/transitiveMembers')).toBe(5);
});

test('the pause honoured is the larger of Retry-After and RateLimit-Reset, and jitter never shortens it', () => {
  expect(serverPauseMs(new Headers({ 'retry-after': '2' }))).toBe(2_000);
  expect(serverPauseMs(new Headers({ 'retry-after': '2', 'ratelimit-reset': '7' }))).toBe(7_000);
  expect(serverPauseMs(new Headers({ 'retry-after': '9', 'ratelimit-reset': '7' }))).toBe(9_000);
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(serverPauseMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3_000);
  expect(serverPauseMs(new Headers({}))).toBeUndefined();
  for (const random of [0, 0.5, 0.999]) {
    const pause = withJitter(2_000, () => random);
    expect(pause).toBeGreaterThanOrEqual(2_000);
    expect(pause).toBeLessThanOrEqual(3_000);
  }
});

const get = (id: string): BatchRequest => ({ id, method: 'GET', url: `/users/u/messages/${id}` });

test('batches hold at most 20 requests and chain a mailbox into 4 lanes with dependsOn', () => {
  const requests = Array.from({ length: 45 }, (_, index) => get(`m${index}`));
  const batches = planBatches(requests, 4);
  expect(batches.map((batch) => batch.length)).toEqual([20, 20, 5]);
  for (const batch of batches) {
    const ids = new Set(batch.map((request) => request.id));
    // Requests without a dependency are the lane heads: never more than 4 start at once.
    expect(batch.filter((request) => !request.dependsOn?.length).length).toBeLessThanOrEqual(4);
    for (const request of batch) for (const parent of request.dependsOn ?? []) expect(ids.has(parent)).toBe(true);
  }
  expect(planBatches(requests, undefined)[0]?.every((request) => request.dependsOn === undefined)).toBe(true);
});

test('a round repeats throttled and dependency-failed sub-requests and settles the rest', () => {
  const sent = [get('a'), get('b'), get('c'), get('d')];
  const { settled, repeat } = sortRound(sent, [
    { id: 'a', status: 200, headers: {}, body: {} },
    { id: 'b', status: 429, headers: { 'Retry-After': '1' }, body: {} },
    { id: 'c', status: 424, headers: {}, body: {} },
    { id: 'd', status: 404, headers: {}, body: {} },
  ]);
  expect([...settled.keys()].sort()).toEqual(['a', 'd']);
  expect(repeat.map(({ request }) => request.id)).toEqual(['b', 'c']);
});

test('a delta page keeps Graph order and lists removals from Outlook and drives', () => {
  const page = toDeltaPage({
    value: [
      { id: 'm1', subject: 'kept' },
      { id: 'm2', '@removed': { reason: 'deleted' } },
      { id: 'f1', deleted: { state: 'deleted' } },
    ],
    '@odata.nextLink': 'https://graph.example/v1.0/next',
  });
  expect(page.items.map((item) => (item as { id: string }).id)).toEqual(['m1', 'm2', 'f1']);
  expect(page.removed).toEqual([
    { id: 'm2', reason: 'deleted' },
    { id: 'f1', reason: 'deleted' },
  ]);
  expect(page.nextLink).toBe('https://graph.example/v1.0/next');
  expect(page.deltaLink).toBeUndefined();
});
