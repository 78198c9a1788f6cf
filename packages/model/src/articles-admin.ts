import * as z from 'zod/mini';
import { ArticleSummarySchema } from './article-summary.js';
import { nonNegativeIntSchema } from './primitives.js';

/** How many articles one `PUT /admin/articles` may register. */
export const ARTICLE_UPSERT_MAX = 500;

/**
 * PUT {endpoint}/admin/articles: registers (or updates) a site's articles, what most-viewed
 * lists show. Each is keyed by the canonical key of its `id`.
 */
export const ArticleUpsertRequestSchema = z.object({
  articles: z.array(ArticleSummarySchema).check(z.minLength(1), z.maxLength(ARTICLE_UPSERT_MAX)),
});
export type ArticleUpsertRequest = z.infer<typeof ArticleUpsertRequestSchema>;

export const ArticleUpsertResponseSchema = z.object({ upserted: nonNegativeIntSchema });
export type ArticleUpsertResponse = z.infer<typeof ArticleUpsertResponseSchema>;

/** POST {endpoint}/articles/{articleId}/comments/{commentId}/likes */
export const CommentLikeResponseSchema = z.object({ likes: nonNegativeIntSchema });
export type CommentLikeResponse = z.infer<typeof CommentLikeResponseSchema>;
