import * as z from 'zod/mini';
import { nonNegativeIntSchema } from './primitives.js';

/**
 * GET {endpoint}/comment-counts?ids=a,b → `{ "counts": { "a": 3, "b": 0 } }`: approved comments
 * per article, 1–100 ids per request, for list pages ("3 bình luận" under each card).
 * Ids missing from `counts` have no comments.
 */
export const CommentCountsResponseSchema = z.object({ counts: z.record(z.string(), nonNegativeIntSchema) });
export type CommentCountsResponse = z.infer<typeof CommentCountsResponseSchema>;
