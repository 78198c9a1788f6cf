import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CommentSortSchema,
  idSchema,
  intSchema,
  NewCommentSchema,
  validate,
  formatIssue,
  type CommentCreatedResponse,
  type CommentListResponse,
  type CommentSort,
  type Locale,
} from '@bantin/model';
import { COMMENT_BODY_LIMIT } from '../security.js';
import { blocklistMatcher, spamFlags } from '../spam/rules.js';
import { InvalidCursorError } from '../storage/types.js';
import { MAX_REPLIES_PER_THREAD } from '../storage/common.js';
import { assertRegistered, rateLimitConfig, type RouteContext } from './context.js';
import {
  ApiHttpError,
  articleKey,
  check,
  clientIp,
  cursorQuery,
  enumQuery,
  intQuery,
  invalidCursor,
  MESSAGES,
  noStore,
  publicComment,
  requestLocale,
  say,
} from './http.js';

const listLimitSchema = intSchema(1, 100);
const repliesSchema = intSchema(0, MAX_REPLIES_PER_THREAD);
const DEFAULT_REPLIES_PER_THREAD = 3;

export function isInvalidCursor(error: unknown): boolean {
  return error instanceof InvalidCursorError || (error as Error | null)?.name === 'InvalidCursorError';
}

/** `Idempotency-Key`: 1–200 printable ASCII characters (a UUID in practice), or none. */
function idempotencyKey(request: FastifyRequest, locale: Locale): string | null {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
    throw new ApiHttpError(400, 'invalid_header', say(locale, MESSAGES.badIdempotencyKey), 'Idempotency-Key');
  }
  return raw;
}

export async function commentRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage, hasher } = ctx;

  // Paged by thread: `limit` top-level comments, each with its first `replies` replies.
  app.get<{ Params: { articleId: string } }>('/articles/:articleId/comments', async (request, reply) => {
    const locale = requestLocale(request);
    const key = articleKey(request.params.articleId, 'articleId', locale);
    await assertRegistered(ctx, key, locale);
    const sort = enumQuery<CommentSort>(request, 'sort', CommentSortSchema, 'newest', locale);
    const limit = intQuery(request, 'limit', listLimitSchema, 20, locale);
    const replies = intQuery(request, 'replies', repliesSchema, DEFAULT_REPLIES_PER_THREAD, locale);
    const cursor = cursorQuery(request, locale);
    let page;
    try {
      page = await storage.listThreads(key, { sort, cursor, limit, replies });
    } catch (error) {
      if (isInvalidCursor(error)) throw invalidCursor(locale);
      throw error;
    }
    noStore(reply);
    return {
      comments: page.comments.map(publicComment),
      threads: page.threads,
      nextCursor: page.nextCursor,
      total: page.total,
    } satisfies CommentListResponse;
  });

  // "Xem thêm trả lời": the rest of one thread's replies, in the order they were posted.
  app.get<{ Params: { articleId: string; commentId: string } }>(
    '/articles/:articleId/comments/:commentId/replies',
    async (request, reply) => {
      const locale = requestLocale(request);
      const key = articleKey(request.params.articleId, 'articleId', locale);
      const id = check(idSchema, request.params.commentId, 'commentId', locale, 'invalid_param');
      const limit = intQuery(request, 'limit', listLimitSchema, 20, locale);
      const cursor = cursorQuery(request, locale);
      let page;
      try {
        page = await storage.listReplies(key, id, { cursor, limit });
      } catch (error) {
        if (isInvalidCursor(error)) throw invalidCursor(locale);
        throw error;
      }
      // The same answer for an unknown id, a reply, a pending or a rejected comment.
      if (!page)
        throw new ApiHttpError(404, 'comment_not_found', say(locale, MESSAGES.commentNotFound, { id }), 'commentId');
      noStore(reply);
      return {
        comments: page.comments.map(publicComment),
        nextCursor: page.nextCursor,
        total: page.total,
      } satisfies CommentListResponse;
    },
  );

  app.post<{ Params: { articleId: string } }>(
    '/articles/:articleId/comments',
    { bodyLimit: COMMENT_BODY_LIMIT, ...rateLimitConfig(ctx.rateLimits?.comments) },
    async (request, reply) => {
      const locale = requestLocale(request);
      const key = articleKey(request.params.articleId, 'articleId', locale);
      await assertRegistered(ctx, key, locale);
      const result = validate(NewCommentSchema, request.body, { locale });
      if (!result.ok) {
        const issue = result.issues[0]!;
        throw new ApiHttpError(400, 'invalid_body', formatIssue(issue, locale), issue.path || undefined);
      }
      const body = result.value;
      const idemKey = idempotencyKey(request, locale);

      // The parent must be a comment shown on this article (docs/api.md). The storage checks it
      // in the insert's transaction and throws UnknownParentError otherwise, whatever the reason
      // (unknown, another article's, pending, rejected): one answer, so nothing leaks.
      const parentId = body.parentId ?? null;

      const flags = ctx.spam ? await spamFlags(body, blocklistMatcher(await storage.spam.blocklist()), ctx.spam) : [];
      const day = hasher.today();
      await hasher.prepare(day);
      const email = body.email?.trim() ? body.email.trim() : null;
      const { comment, duplicate } = await storage.createComment({
        articleKey: key,
        parentId,
        authorName: body.authorName,
        email,
        content: body.content,
        // A suspect comment is held for moderators, flagged, never published at once.
        status: ctx.autoApprove && flags.length === 0 ? 'approved' : 'pending',
        ipHash: hasher.address(clientIp(request), day),
        idempotencyKey: idemKey,
        parentMustBeShown: true,
      });
      if (!duplicate && flags.length > 0) await storage.spam.flag(comment.id, flags);
      noStore(reply);
      // A retry answered from the idempotency record created nothing: 200 rather than 201.
      reply.code(duplicate ? 200 : 201);
      return { comment: publicComment(comment) } satisfies CommentCreatedResponse;
    },
  );
}
