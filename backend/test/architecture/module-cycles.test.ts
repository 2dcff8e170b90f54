import { fileURLToPath } from 'node:url';
import { describeKnot, findKnots, readModuleGraph, type EdgeEvidence, type ModuleGraph } from './module-graph.js';

const backendSource = fileURLToPath(new URL('../../src', import.meta.url));

/** A graph written out by hand: `a → b` with one made-up file pair per edge. */
function graphOf(edges: readonly (readonly [string, string])[]): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const [from, to] of edges) {
    const targets = graph.get(from) ?? new Map<string, EdgeEvidence[]>();
    targets.set(to, [{ from: `${from}/index.ts`, to: `${to}/index.ts` }]);
    graph.set(from, targets);
  }
  return graph;
}

describe('module cycles', () => {
  test('the checker finds a cycle, and only the modules in it', () => {
    const knots = findKnots(
      graphOf([
        ['api', 'tenants'],
        ['tenants', 'http'],
        ['http', 'api'],
        ['http', 'db'],
        ['reports', 'db'],
        ['backup', 'restore'],
        ['restore', 'backup'],
      ]),
    );
    expect(knots.map((knot) => knot.modules)).toEqual([
      ['api', 'http', 'tenants'],
      ['backup', 'restore'],
    ]);
    expect(describeKnot(knots[1]!)).toBe(
      [
        'cycle among backup, restore:',
        '  backup → restore',
        '      backup/index.ts imports restore/index.ts',
        '  restore → backup',
        '      restore/index.ts imports backup/index.ts',
      ].join('\n'),
    );
  });

  test('the checker finds none where the imports point one way', () => {
    expect(
      findKnots(
        graphOf([
          ['api', 'http'],
          ['http', 'db'],
          ['api', 'db'],
        ]),
      ),
    ).toEqual([]);
  });

  test('the checker reads the modules and their imports of backend/src', () => {
    const graph = readModuleGraph(backendSource);
    expect(graph.get('api')?.has('http')).toBe(true);
    expect(graph.has('events')).toBe(true);
  });

  test('no module of backend/src imports, through others, itself', () => {
    const knots = findKnots(readModuleGraph(backendSource));
    expect(knots.map(describeKnot).join('\n\n')).toBe('');
  });
});
