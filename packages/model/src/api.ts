import * as z from 'zod/mini';
import { CommentSchema } from './comment.js';
import { idSchema, nonNegativeIntSchema } from './primitives.js';
import { MostViewedItemSchema } from './views.js';

/** Response bodies of the JSON contract in docs/api.md, validated wherever they are received. */

/** GET {endpoint}/views?ids=a,b,c */
export const ViewCountsResponseSchema = z.object({ views: z.record(z.string(), nonNegativeIntSchema) });
export type ViewCountsResponse = z.infer<typeof ViewCountsResponseSchema>;

/** POST {endpoint}/views/{articleId} */
export const ViewIncrementResponseSchema = z.object({ articleId: idSchema, views: nonNegativeIntSchema });
export type ViewIncrementResponse = z.infer<typeof ViewIncrementResponseSchema>;

/**
 * One thread of a comment page: its top-level comment's id, how many replies it has in all, and
 * the cursor of `GET …/comments/{id}/replies` when not all of them are on the page.
 */
export const CommentThreadInfoSchema = z.object({
  id: idSchema,
  replies: nonNegativeIntSchema,
  repliesCursor: z.nullable(z.string()),
});
export type CommentThreadInfo = z.infer<typeof CommentThreadInfoSchema>;

/**
 * GET {endpoint}/articles/{articleId}/comments (paged by thread, with `threads`) and
 * GET {endpoint}/articles/{articleId}/comments/{commentId}/replies (without).
 */
export const CommentListResponseSchema = z.object({
  comments: z.array(CommentSchema),
  nextCursor: z.nullable(z.string()),
  total: nonNegativeIntSchema,
  threads: z.optional(z.array(CommentThreadInfoSchema)),
});
export type CommentListResponse = z.infer<typeof CommentListResponseSchema>;

/** POST {endpoint}/articles/{articleId}/comments → 201 */
export const CommentCreatedResponseSchema = z.object({ comment: CommentSchema });
export type CommentCreatedResponse = z.infer<typeof CommentCreatedResponseSchema>;

/** GET {endpoint}/most-viewed */
export const MostViewedResponseSchema = z.object({ items: z.array(MostViewedItemSchema) });
export type MostViewedResponse = z.infer<typeof MostViewedResponseSchema>;

/** Every 4xx/5xx body. `field` names the offending field where there is one. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const CommentSortSchema = z.enum(['newest', 'oldest', 'top']);
export type CommentSort = z.infer<typeof CommentSortSchema>;
