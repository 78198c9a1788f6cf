import * as z from 'zod/mini';
import { CategorySchema } from './category.js';
import {
  idSchema,
  imageSchema,
  isoDateTimeSchema,
  linkUrlSchema,
  nonNegativeIntSchema,
  slugSchema,
} from './primitives.js';

// Its own module so that browser bundles validating lists and cards leave the article body's
// block types (and zod's union machinery) out.

/** What a card or a list item needs: no body. */
export const ArticleSummarySchema = z.object({
  id: idSchema,
  slug: slugSchema,
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  sapo: z.optional(z.string().check(z.maxLength(2_000))),
  url: linkUrlSchema,
  category: z.optional(CategorySchema),
  cover: z.optional(imageSchema),
  publishedAt: isoDateTimeSchema,
  viewCount: z.optional(nonNegativeIntSchema),
  commentCount: z.optional(nonNegativeIntSchema),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
