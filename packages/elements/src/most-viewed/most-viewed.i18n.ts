import type { MessageTable } from '../internal/i18n.js';

/**
 * The strings of <tin-most-viewed>, and the view counts of <tin-article-card>, Vietnamese and English, in their own module so that a page
 * downloads only the strings of the elements it uses. Registered by the elements that show
 * them (`addMessages`); the shared ones (loading, retry, errors) are in internal/i18n.ts.
 */
const vi = {
  mostViewedHeading: 'Xem nhiều nhất',
  mostViewedPeriodLabel: 'Khoảng thời gian',
  mostViewedDay: 'Ngày',
  mostViewedWeek: 'Tuần',
  mostViewedMonth: 'Tháng',
  mostViewedEmpty: 'Chưa có bài viết nào.',
};

export type MostViewedMessageKey = keyof typeof vi;

export const mostViewedMessages: MessageTable<MostViewedMessageKey> = {
  vi,
  en: {
    mostViewedHeading: 'Most viewed',
    mostViewedPeriodLabel: 'Period',
    mostViewedDay: 'Day',
    mostViewedWeek: 'Week',
    mostViewedMonth: 'Month',
    mostViewedEmpty: 'No articles yet.',
  },
};
