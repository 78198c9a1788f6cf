import type { FastifyInstance } from 'fastify';
import { ArticleUpsertRequestSchema, type ArticleUpsertResponse } from '@bantin/model';
import type { RouteContext } from './context.js';
import { ApiHttpError, articleKey, check, MESSAGES, requestLocale, say } from './http.js';

/** 500 summaries of about 1 kB each, with room to spare. */
export const ARTICLES_BODY_LIMIT = 1024 * 1024;

/**
 * Registering a site's articles (what most-viewed lists show, and what `--registered-only`
 * accepts), behind the admin token: registered inside the admin routes' context.
 */
export async function articleAdminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage } = ctx;

  // All or nothing: a sync script learns which item is wrong (the field names its index) and
  // nothing is half-registered.
  app.put('/admin/articles', { bodyLimit: ARTICLES_BODY_LIMIT }, async (request) => {
    const locale = requestLocale(request);
    const { articles } = check(ArticleUpsertRequestSchema, request.body, 'body', locale, 'invalid_body');
    const rows = articles.map((summary, index) => ({
      key: articleKey(summary.id, `articles[${index}].id`, locale),
      summary,
    }));
    await storage.upsertArticles(rows);
    return { upserted: new Set(rows.map((row) => row.key)).size } satisfies ArticleUpsertResponse;
  });

  app.delete<{ Params: { articleId: string } }>('/admin/articles/:articleId', async (request, reply) => {
    const locale = requestLocale(request);
    const key = articleKey(request.params.articleId, 'articleId', locale);
    if (!(await storage.deleteArticle(key))) {
      throw new ApiHttpError(404, 'article_not_found', say(locale, MESSAGES.articleNotFound, { id: key }), 'articleId');
    }
    return reply.code(204).send();
  });
}
