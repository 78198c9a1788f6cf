import type { FastifyInstance } from 'fastify';
import { CommentStatusSchema, idSchema, intSchema, type CommentStatus } from '@bantin/model';
import { bearerTokenMatches } from '../security.js';
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
      return { comments: page.comments.map(adminComment), nextCursor: page.nextCursor };
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

  app.delete<{ Params: { id: string } }>('/admin/comments/:id', async (request, reply) => {
    const locale = requestLocale(request);
    const id = check(idSchema, request.params.id, 'id', locale, 'invalid_param');
    if (!(await storage.deleteComment(id))) {
      throw new ApiHttpError(404, 'comment_not_found', say(locale, MESSAGES.commentNotFound, { id }), 'id');
    }
    return reply.code(204).send();
  });
}
