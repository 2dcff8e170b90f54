import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { languages, type Language } from '../language/language.js';

export const articleCategories = ['concept', 'how-to', 'error'] as const;
export type ArticleCategory = (typeof articleCategories)[number];

export interface Article {
  slug: string;
  language: Language;
  title: string;
  category: ArticleCategory;
  tags: string[];
  /** Markdown, without the front matter. */
  body: string;
}

export interface ArticleQuery {
  language: Language;
  category?: ArticleCategory | undefined;
  /** Words that must all appear (title, tags or text); accents and case do not matter. */
  text?: string | undefined;
}

/**
 * What the product's configuration writes into articles: `{{name}}` in an article's text becomes the value of `name`
 * in its language (the provider's support phone, hours and PIN).
 */
export type ArticleFill = Readonly<Record<Language, Readonly<Record<string, string>>>>;

/** The articles shipped with the product: `backend/knowledge/<language>/<slug>.md`. */
export const defaultKnowledgeDir = fileURLToPath(new URL('../../knowledge/', import.meta.url));

/**
 * The knowledge base, loaded once into memory: at a few dozen articles a token search over
 * title, tags and text is instant and needs no database text index.
 */
export class KnowledgeBase {
  private constructor(private readonly articles: readonly Article[]) {}

  static async load(fill: ArticleFill, directory = defaultKnowledgeDir): Promise<KnowledgeBase> {
    const articles: Article[] = [];
    for (const language of languages) {
      const folder = join(directory, language);
      const files = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
      for (const file of files) {
        const slug = file.slice(0, -3);
        const source = await readFile(join(folder, file), 'utf8');
        articles.push(parseArticle(slug, language, filled(source, fill[language], `${language}/${slug}`)));
      }
    }
    return new KnowledgeBase(articles);
  }

  get size(): number {
    return this.articles.length;
  }

  find(slug: string, language: Language): Article | undefined {
    return this.articles.find((a) => a.slug === slug && a.language === language);
  }

  search(query: ArticleQuery): Article[] {
    const terms = tokenize(query.text ?? '');
    const scored = this.articles
      .filter((a) => a.language === query.language && (!query.category || a.category === query.category))
      .map((article) => ({ article, score: score(article, terms) }))
      .filter(({ score }) => score > 0 || terms.length === 0);
    scored.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title, query.language));
    return scored.map(({ article }) => article);
  }
}

function score(article: Article, terms: readonly string[]): number {
  const title = new Set(tokenize(article.title));
  const tags = new Set(article.tags.flatMap(tokenize));
  const body = tokenize(article.body);
  let total = 0;
  for (const term of terms) {
    const inTitle = [...title].some((word) => word.startsWith(term));
    const inTags = [...tags].some((word) => word.startsWith(term));
    const inBody = body.filter((word) => word.startsWith(term)).length;
    if (!inTitle && !inTags && inBody === 0) return 0;
    total += (inTitle ? 5 : 0) + (inTags ? 3 : 0) + Math.min(inBody, 5);
  }
  return total;
}

/** An article names only values the product fills: a misspelt `{{name}}` stops the start, not a reader. */
function filled(source: string, values: Readonly<Record<string, string>>, article: string): string {
  return source.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`knowledge article ${article}: nothing fills {{${name}}}`);
    return value;
  });
}

/** Lower case, accents removed, split on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1);
}

function parseArticle(slug: string, language: Language, source: string): Article {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!match?.[1] || match[2] === undefined) throw new Error(`knowledge article ${language}/${slug}: no front matter`);
  const fields = Object.fromEntries(
    match[1].split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [
        line.slice(0, colon).trim(),
        line
          .slice(colon + 1)
          .trim()
          .replace(/^(["'])(.*)\1$/, '$2'),
      ];
    }),
  );
  const category = fields.category as ArticleCategory;
  if (!fields.title || !articleCategories.includes(category)) {
    throw new Error(
      `knowledge article ${language}/${slug}: needs a title and a category (${articleCategories.join(', ')})`,
    );
  }
  return {
    slug,
    language,
    title: fields.title,
    category,
    tags: (fields.tags ?? '')
      .split(',')
      .map((tag: string) => tag.trim())
      .filter(Boolean),
    body: match[2].trim(),
  };
}
