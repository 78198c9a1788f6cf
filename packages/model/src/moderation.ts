import * as z from 'zod/mini';
import { CommentSchema } from './comment.js';
import { idSchema } from './primitives.js';
import { SpamRuleSchema } from './spam.js';

/** The moderation API (docs/api.md, "Moderation"), behind the admin token. */

export const ModerationActionSchema = z.enum(['approve', 'reject', 'delete']);
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

/** How many comments one bulk call may act on. */
export const MODERATION_BULK_MAX = 100;

/** POST {endpoint}/admin/comments/bulk */
export const ModerationBulkRequestSchema = z.object({
  action: ModerationActionSchema,
  ids: z.array(idSchema).check(z.minLength(1), z.maxLength(MODERATION_BULK_MAX)),
});
export type ModerationBulkRequest = z.infer<typeof ModerationBulkRequestSchema>;

/** Its answer: one result per id, in order; `ok: false` for an id that does not exist (any more). */
export const ModerationBulkResponseSchema = z.object({
  results: z.array(z.object({ id: idSchema, ok: z.boolean() })),
});
export type ModerationBulkResponse = z.infer<typeof ModerationBulkResponseSchema>;

/** A comment in the queue: what moderators see, with the article it belongs to when registered. */
export const QueuedCommentSchema = z.extend(CommentSchema, {
  email: z.nullable(z.string()),
  ipHash: z.nullable(z.string()),
  article: z.nullable(z.object({ title: z.string(), url: z.string() })),
  /** The spam rules the comment tripped, when any (it is held for moderation). */
  flags: z.optional(z.array(SpamRuleSchema)),
});
export type QueuedComment = z.infer<typeof QueuedCommentSchema>;

/** GET {endpoint}/admin/comments?status=pending */
export const ModerationQueueResponseSchema = z.object({
  comments: z.array(QueuedCommentSchema),
  nextCursor: z.nullable(z.string()),
});
export type ModerationQueueResponse = z.infer<typeof ModerationQueueResponseSchema>;
