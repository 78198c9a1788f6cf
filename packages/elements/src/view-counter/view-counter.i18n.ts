import type { MessageTable } from '../internal/i18n.js';

/**
 * The strings of <tin-view-counter>, Vietnamese and English, in their own module so that a page
 * downloads only the strings of the elements it uses. Registered by the elements that show
 * them (`addMessages`); the shared ones (loading, retry, errors) are in internal/i18n.ts.
 */
const vi = {
  viewsLabel: 'Lượt xem',
};

export type ViewCounterMessageKey = keyof typeof vi;

export const viewCounterMessages: MessageTable<ViewCounterMessageKey> = {
  vi,
  en: {
    viewsLabel: 'Views',
  },
};
