import { z } from 'zod';
import { notFound } from '../http/api-error.js';
import { defaultPageSize, maxPageSize, pageArray, pageOf } from '../http/pagination.js';
import { routeDefiner, type RouteServices } from '../http/route.js';
import { languageSchema } from '../http/schemas.js';
import { articleCategories, type Article, type KnowledgeBase } from './knowledge-base.js';

interface KnowledgeRouteServices extends RouteServices {
  readonly knowledge: KnowledgeBase;
}

const defineRoute = routeDefiner<KnowledgeRouteServices>();

const summarySchema = z.strictObject({
  slug: z.string(),
  language: languageSchema,
  title: z.string(),
  category: z.enum(articleCategories),
  tags: z.array(z.string()),
  excerpt: z.string(),
});

const articleSchema = summarySchema.omit({ excerpt: true }).extend({ markdown: z.string() });

const excerptLength = 240;

function summary(article: Article): z.input<typeof summarySchema> {
  const plain = article.body
    .replace(/[*_#`>[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return {
    slug: article.slug,
    language: article.language,
    title: article.title,
    category: article.category,
    tags: article.tags,
    excerpt: plain.length > excerptLength ? `${plain.slice(0, excerptLength - 1)}…` : plain,
  };
}

export const knowledgeRoutes = [
  defineRoute({
    id: 'knowledge.list',
    method: 'GET',
    path: '/knowledge/articles',
    tag: 'knowledge',
    summary: 'Knowledge base articles (concepts, how-tos, common errors), searched by words, best match first',
    permission: 'knowledge.read',
    beforeTerms: true,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
      cursor: z.string().max(64).optional(),
      q: z.string().max(200).optional().describe('Words that must all appear; accents and case do not matter'),
      category: z.enum(articleCategories).optional(),
      language: languageSchema.optional().describe('Defaults to the caller’s language'),
    }),
    response: pageOf(summarySchema),
    async handler({ query, language, services }) {
      const found = services.knowledge.search({
        language: query.language ?? language,
        category: query.category,
        text: query.q,
      });
      const page = pageArray(found, query);
      return { items: page.items.map(summary), nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    id: 'knowledge.read',
    method: 'GET',
    path: '/knowledge/articles/:slug',
    tag: 'knowledge',
    summary: 'One knowledge base article, as Markdown',
    permission: 'knowledge.read',
    beforeTerms: true,
    params: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) }),
    query: z.strictObject({ language: languageSchema.optional() }),
    response: articleSchema,
    async handler({ params, query, language, services }) {
      const article = services.knowledge.find(params.slug, query.language ?? language);
      if (!article) throw notFound('article');
      const { body, ...rest } = article;
      return { ...rest, markdown: body };
    },
  }),
];
