import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CommentSortSchema,
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
import { assertRegistered, rateLimitConfig, type RouteContext } from './context.js';
import {
  ApiHttpError,
  articleKey,
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

  app.get<{ Params: { articleId: string } }>('/articles/:articleId/comments', async (request, reply) => {
    const locale = requestLocale(request);
    const key = articleKey(request.params.articleId, 'articleId', locale);
    await assertRegistered(ctx, key, locale);
    const sort = enumQuery<CommentSort>(request, 'sort', CommentSortSchema, 'newest', locale);
    const limit = intQuery(request, 'limit', listLimitSchema, 20, locale);
    const cursor = cursorQuery(request, locale);
    let page;
    try {
      page = await storage.listComments(key, { sort, cursor, limit, status: 'approved' });
    } catch (error) {
      if (isInvalidCursor(error)) throw invalidCursor(locale);
      throw error;
    }
    noStore(reply);
    return {
      comments: page.comments.map(publicComment),
      nextCursor: page.nextCursor,
      total: page.total,
    } satisfies CommentListResponse;
  });

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

      const parentId = body.parentId ?? null;
      if (parentId !== null) {
        const parent = await storage.getComment(parentId);
        // The parent must be a comment of the same article that moderators have not rejected.
        if (!parent || parent.articleId !== key || parent.status === 'rejected') {
          throw new ApiHttpError(400, 'invalid_body', say(locale, MESSAGES.parentUnknown), 'parentId');
        }
      }

      const flags = ctx.spam ? await spamFlags(body, blocklistMatcher(await storage.spam.blocklist()), ctx.spam) : [];
      const day = hasher.today();
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
      });
      if (!duplicate && flags.length > 0) await storage.spam.flag(comment.id, flags);
      noStore(reply);
      // A retry answered from the idempotency record created nothing: 200 rather than 201.
      reply.code(duplicate ? 200 : 201);
      return { comment: publicComment(comment) } satisfies CommentCreatedResponse;
    },
  );
}
