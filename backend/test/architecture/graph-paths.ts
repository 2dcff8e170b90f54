import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** A string or template literal of a source file that spells a Graph path. */
export interface GraphPathLiteral {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/**
 * Where a Graph path starts: a collection of the tenant (`/users`, `/groups`, `/drives`, `/sites`, `/teams`, `/chats`),
 * the mailbox API (`/admin/exchange`), or the signed-in person (`/me`) when a query or a Graph navigation property
 * follows, so that our own routes (`/me`, `/me/backups`, `/me/restores`) are not taken for Graph's.
 */
const graphRoot =
  /^\/(?:users|groups|drives|sites|teams|chats|admin\/exchange|me(?=\?|\/(?:drive|messages|mailFolders|events|calendars?|contacts|contactFolders|joinedTeams|memberOf|sendMail|photo|people|manager|settings)\b))(?:[/?]|$)/;

/** Navigation segments only Graph has, found anywhere in a literal (`${base}/childFolders`). */
const graphSegment =
  /\/(?:mailFolders|contactFolders|childFolders|calendarView|createUploadSession|createImportSession|transitiveMembers|sendMail|exportItems|\$value|root\/delta)\b/;

/** Whether a literal's text (a template's expressions as `${}`) spells a Graph path. */
export function isGraphPath(text: string): boolean {
  return graphRoot.test(text) || graphSegment.test(text);
}

/** The Graph path literals of one source text; comments are not literals, so they may name paths freely. */
export function graphPathLiterals(file: string, source: string): GraphPathLiteral[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: GraphPathLiteral[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined && !isModuleSpecifier(node) && isGraphPath(text)) {
      found.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `\${}${span.literal.text}`).join('');
  return undefined;
}

function isModuleSpecifier(node: ts.Node): boolean {
  return ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
}

/** Every Graph path literal in the TypeScript sources under `directories`, files named relative to `root`. */
export function graphPathsUnder(
  root: string,
  directories: readonly string[],
  skipped: readonly string[],
): GraphPathLiteral[] {
  return directories.flatMap((directory) =>
    sourceFiles(join(root, directory))
      .map((path) => relative(root, path).split('\\').join('/'))
      .filter((file) => !skipped.some((prefix) => file.startsWith(prefix)))
      .flatMap((file) => graphPathLiterals(file, readFileSync(join(root, file), 'utf8'))),
  );
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
