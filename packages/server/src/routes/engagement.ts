import type { FastifyInstance } from 'fastify';
import { idSchema, type CommentCountsResponse, type CommentLikeResponse } from '@bantin/model';
import { assertRegistered, rateLimitConfig, type RouteContext } from './context.js';
import { ApiHttpError, articleKey, check, clientIp, MESSAGES, noStore, requestLocale, say } from './http.js';
import { articleIdsQuery } from './views.js';

/** Likes on comments and comment counts for list pages (docs/api.md). */
export async function engagementRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage, likeKeys } = ctx;

  app.get('/comment-counts', async (request, reply) => {
    const { ids, keys } = articleIdsQuery(request, requestLocale(request));
    const totals = await storage.commentCounts([...new Set(keys)]);
    // As for views: keyed by the ids as sent, 0 for none, and ids like "__proto__" are ids.
    const counts: CommentCountsResponse['counts'] = Object.create(null);
    ids.forEach((id, index) => {
      const key = keys[index]!;
      counts[id] = Object.hasOwn(totals, key) ? totals[key]! : 0;
    });
    noStore(reply);
    return { counts } satisfies CommentCountsResponse;
  });

  app.post<{ Params: { articleId: string; commentId: string } }>(
    '/articles/:articleId/comments/:commentId/likes',
    { bodyLimit: 1024, ...rateLimitConfig(ctx.rateLimits?.views) },
    async (request, reply) => {
      const locale = requestLocale(request);
      const key = articleKey(request.params.articleId, 'articleId', locale);
      const id = check(idSchema, request.params.commentId, 'commentId', locale, 'invalid_param');
      await assertRegistered(ctx, key, locale);
      const notFound = () =>
        new ApiHttpError(404, 'comment_not_found', say(locale, MESSAGES.commentNotFound, { id }), 'commentId');
      // Only a shown comment of this article can be liked; any other id is not found, so likes
      // reveal nothing about pending or rejected comments (likeComment checks `shown`).
      const comment = await storage.getComment(id);
      if (!comment || comment.articleId !== key) throw notFound();
      // Once per reader and comment for ever; the comment id is in the key, so one reader's
      // likes cannot be linked across comments (security.ts).
      const like = await likeKeys(comment.id, clientIp(request), request.headers['user-agent'] ?? '');
      const liked = await storage.likeComment(comment.id, like);
      if (!liked) throw notFound();
      noStore(reply);
      return { likes: liked.likes } satisfies CommentLikeResponse;
    },
  );
}
