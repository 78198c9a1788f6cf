import { CommentSortSchema, PeriodSchema } from '@bantin/model';

/**
 * The manifest names some property types by their alias ("Period"), not by their members, so
 * Storybook cannot offer their choices by itself. The choices come from the model where it has
 * them at runtime; the two element-only unions are listed here until the manifest carries them
 * (see the report: a JSDoc `@type` on those fields would do it).
 */
export const ALIAS_OPTIONS = {
  Period: PeriodSchema.options,
  CommentSort: CommentSortSchema.options,
  TimeFormat: ['relative', 'full', 'short', 'long', 'dateTime', 'time'],
  ArticleCardLayout: ['vertical', 'horizontal', 'compact', 'featured'],
  OfficialLayout: ['inline', 'card'],
} as const satisfies Record<string, readonly string[]>;
