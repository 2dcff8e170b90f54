import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** The files behind one module-to-module edge: each importer with the file it names. */
export interface EdgeEvidence {
  readonly from: string;
  readonly to: string;
}

/** module -> module it imports -> the file pairs that make that edge. */
export type ModuleGraph = Map<string, Map<string, EdgeEvidence[]>>;

/**
 * The modules of a source tree: each first-level folder is one module, and a file directly in the root is a module
 * of its own (`events.ts` is `events`). Imports inside one module are no edge.
 */
export function readModuleGraph(root: string): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const file of sourceFiles(root)) {
    const from = moduleOf(root, file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const specifier of importedSpecifiers(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      const to = moduleOf(root, target);
      if (to === from || relative(root, target).startsWith('..')) continue;
      const edges = graph.get(from)!;
      const evidence = edges.get(to) ?? [];
      evidence.push({ from: relative(root, file), to: relative(root, target).replace(/\.js$/, '.ts') });
      edges.set(to, evidence);
    }
  }
  return graph;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function moduleOf(root: string, file: string): string {
  const [first = '', ...rest] = relative(root, file).split(sep);
  return rest.length === 0 ? first.replace(/\.(ts|js)x?$/, '') : first;
}

/**
 * Every module a file names: import and export declarations (type-only ones too: a cycle of types still ties the
 * modules together), `import('…')` calls and `import('…')` types.
 */
function importedSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/** A knot: modules that all reach each other (a strongly connected component of more than one module). */
export interface Knot {
  readonly modules: string[];
  /** The edges between the knot's modules, each with its files. */
  readonly edges: { from: string; to: string; files: EdgeEvidence[] }[];
}

/** The knots of a graph, by Tarjan's algorithm: no knot means no cycle. */
export function findKnots(graph: ModuleGraph): Knot[] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const knots: Knot[] = [];
  const nodes = [...new Set([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])])].sort();

  const connect = (node: string): void => {
    index.set(node, index.size);
    lowLink.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        connect(next);
        lowLink.set(node, Math.min(lowLink.get(node)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node)!, index.get(next)!));
      }
    }
    if (lowLink.get(node) !== index.get(node)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    if (members.length > 1) knots.push(knotOf(graph, members.sort()));
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return knots.sort((a, b) => a.modules[0]!.localeCompare(b.modules[0]!));
}

function knotOf(graph: ModuleGraph, modules: string[]): Knot {
  const inside = new Set(modules);
  const edges = modules.flatMap((from) =>
    [...(graph.get(from) ?? new Map<string, EdgeEvidence[]>())]
      .filter(([to]) => inside.has(to))
      .map(([to, files]) => ({ from, to, files }))
      .sort((a, b) => a.to.localeCompare(b.to)),
  );
  return { modules, edges };
}

/** A knot as a reader wants it in a failing test: its modules, then each edge with the files that make it. */
export function describeKnot(knot: Knot): string {
  const lines = [`cycle among ${knot.modules.join(', ')}:`];
  for (const edge of knot.edges) {
    lines.push(`  ${edge.from} → ${edge.to}`);
    for (const file of edge.files) lines.push(`      ${file.from} imports ${file.to}`);
  }
  return lines.join('\n');
}
