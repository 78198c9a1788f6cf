import type { FastifyInstance } from 'fastify';
import {
  CommentStatusSchema,
  idSchema,
  intSchema,
  ModerationBulkRequestSchema,
  type CommentStatus,
  type ModerationAction,
  type QueuedComment,
} from '@bantin/model';
import type { Storage, StoredComment } from '../storage/types.js';
import { bearerTokenMatches } from '../security.js';
import { articleAdminRoutes } from './articles.js';
import { spamAdminRoutes } from './spam.js';
import type { RouteContext } from './context.js';
import { isInvalidCursor } from './comments.js';
import {
  adminComment,
  ApiHttpError,
  clientIp,
  check,
  cursorQuery,
  enumQuery,
  intQuery,
  invalidCursor,
  MESSAGES,
  noStore,
  requestLocale,
  say,
} from './http.js';

const adminLimitSchema = intSchema(1, 100);

/**
 * Moderation, behind `Authorization: Bearer <admin token>`. Only registered when a token is
 * configured: without one these routes do not exist (404).
 */
export async function adminRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage } = ctx;
  // The token, before any body is read (onRequest), then the limits. Wrong tokens and right ones
  // are counted apart (in the database, shared by every process): a stream of wrong tokens from
  // an address earns it 429s for wrong tokens, and never locks the right token out.
  app.addHook('onRequest', async (request, reply) => {
    noStore(reply);
    const locale = requestLocale(request);
    const good = bearerTokenMatches(request.headers.authorization, ctx.adminToken);
    const rule = good ? ctx.rateLimits?.admin : ctx.rateLimits?.adminFailures;
    if (rule) {
      const day = ctx.hasher.today();
      await ctx.hasher.prepare(day);
      const subject = ctx.hasher.address(clientIp(request), day);
      const now = ctx.now();
      const { hits, resetAtMs } = await ctx.storage.rateLimitHit(
        good ? 'admin' : 'admin-failures',
        subject,
        rule.windowMs,
        now,
      );
      if (hits > rule.max) {
        const seconds = Math.max(1, Math.ceil((resetAtMs - now) / 1000));
        throw new ApiHttpError(429, 'rate_limited', say(locale, MESSAGES.rateLimited, { seconds }), undefined, {
          'retry-after': String(seconds),
        });
      }
    }
    if (!good) {
      reply.header('www-authenticate', 'Bearer realm="bantin-admin"');
      throw new ApiHttpError(401, 'unauthorized', say(locale, MESSAGES.unauthorized));
    }
  });

  app.get('/admin/comments', async (request) => {
    const locale = requestLocale(request);
    const status = enumQuery<CommentStatus>(request, 'status', CommentStatusSchema, 'pending', locale);
    const pageSize = intQuery(request, 'limit', adminLimitSchema, 50, locale);
    const cursor = cursorQuery(request, locale);
    try {
      const page = await storage.listByStatus(status, { cursor, limit: pageSize });
      return { comments: await withArticles(storage, page.comments), nextCursor: page.nextCursor };
    } catch (error) {
      if (isInvalidCursor(error)) throw invalidCursor(locale);
      throw error;
    }
  });

  for (const [action, status] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post<{ Params: { id: string } }>(`/admin/comments/:id/${action}`, async (request) => {
      const locale = requestLocale(request);
      const id = check(idSchema, request.params.id, 'id', locale, 'invalid_param');
      const comment = await storage.setCommentStatus(id, status);
      if (!comment)
        throw new ApiHttpError(404, 'comment_not_found', say(locale, MESSAGES.commentNotFound, { id }), 'id');
      return { comment: adminComment(comment) };
    });
  }

  // Several comments at once (the moderation page's bulk actions): one request, not one per id,
  // so that bulk work neither waits on the admin rate limit nor half-finishes on a dropped tab.
  app.post('/admin/comments/bulk', async (request) => {
    const locale = requestLocale(request);
    const { action, ids } = check(ModerationBulkRequestSchema, request.body, 'body', locale, 'invalid_body');
    const results = [];
    for (const id of ids) results.push({ id, ok: await moderate(storage, action, id) });
    return { results };
  });

  await articleAdminRoutes(app, ctx);
  await spamAdminRoutes(app, ctx);

  app.delete<{ Params: { id: string } }>('/admin/comments/:id', async (request, reply) => {
    const locale = requestLocale(request);
    const id = check(idSchema, request.params.id, 'id', locale, 'invalid_param');
    if (!(await storage.deleteComment(id))) {
      throw new ApiHttpError(404, 'comment_not_found', say(locale, MESSAGES.commentNotFound, { id }), 'id');
    }
    return reply.code(204).send();
  });
}

async function moderate(storage: Storage, action: ModerationAction, id: string): Promise<boolean> {
  if (action === 'delete') return storage.deleteComment(id);
  return (await storage.setCommentStatus(id, action === 'approve' ? 'approved' : 'rejected')) !== null;
}

/** Queue entries with the title and link of their article, when the site registered it. */
async function withArticles(storage: Storage, comments: readonly StoredComment[]): Promise<QueuedComment[]> {
  const [articles, flags] = await Promise.all([
    storage.getArticles([...new Set(comments.map((comment) => comment.articleId))]),
    storage.spam.flagsOf(comments.map((comment) => comment.id)),
  ]);
  return comments.map((comment) => {
    const article = articles.get(comment.articleId);
    const flagged = flags[comment.id];
    return {
      ...adminComment(comment),
      article: article ? { title: article.title, url: article.url } : null,
      ...(flagged ? { flags: flagged } : {}),
    };
  });
}
