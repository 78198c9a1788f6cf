import * as z from 'zod/mini';
import { CategorySchema } from './category.js';
import type { ArticleSummary } from './article-summary.js';
import {
  idSchema,
  imageSchema,
  isoDateTimeSchema,
  linkUrlSchema,
  nonNegativeIntSchema,
  slugSchema,
  intSchema,
} from './primitives.js';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/**
 * The body is typed blocks of plain text rather than HTML, so that no renderer ever has to
 * trust markup from a CMS. HTML from a CMS is converted (and sanitised) at the edge.
 */
export const ArticleBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text(20_000) }),
  z.object({ type: z.literal('heading'), text: text(500), level: intSchema(2, 4) }),
  z.object({ type: z.literal('image'), image: imageSchema }),
  z.object({ type: z.literal('quote'), text: text(5_000), cite: z.optional(z.string().check(z.maxLength(300))) }),
]);
export type ArticleBlock = z.infer<typeof ArticleBlockSchema>;

export const ArticleSchema = z.object({
  id: idSchema,
  slug: slugSchema,
  title: text(500),
  /** The lead ("sapo"), shown under the title and on cards. */
  sapo: z.string().check(z.maxLength(2_000)),
  body: z.array(ArticleBlockSchema),
  category: CategorySchema,
  tags: z.array(z.string().check(z.minLength(1), z.maxLength(100))),
  author: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** Where a portal republishes: "Theo hanoimoi" style credits. */
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  publishedAt: isoDateTimeSchema,
  updatedAt: z.optional(isoDateTimeSchema),
  cover: z.optional(imageSchema),
  viewCount: nonNegativeIntSchema,
  commentCount: nonNegativeIntSchema,
  url: linkUrlSchema,
  officialIds: z.array(idSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

export function toArticleSummary(article: Article): ArticleSummary {
  const { id, slug, title, sapo, url, category, cover, publishedAt, viewCount, commentCount } = article;
  return { id, slug, title, sapo, url, category, cover, publishedAt, viewCount, commentCount };
}
