import * as z from 'zod/mini';
import { ArticleSummarySchema } from './article-summary.js';
import { idSchema, nonNegativeIntSchema, intSchema } from './primitives.js';

export const ViewCountSchema = z.object({ articleId: idSchema, views: nonNegativeIntSchema });
export type ViewCount = z.infer<typeof ViewCountSchema>;

export const PeriodSchema = z.enum(['day', 'week', 'month']);
export type Period = z.infer<typeof PeriodSchema>;

export const MostViewedItemSchema = z.object({
  rank: intSchema(1),
  article: ArticleSummarySchema,
  views: nonNegativeIntSchema,
  period: PeriodSchema,
});
export type MostViewedItem = z.infer<typeof MostViewedItemSchema>;
