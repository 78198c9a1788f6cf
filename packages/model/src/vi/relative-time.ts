/**
 * Relative times ("5 phút trước", "1 ngày trước"), apart from dates.ts so that an element that
 * only writes dates (the civic ones) does not download them.
 */
import { formatDate, toDate, type DateInput, type DateLocale } from './dates.js';

const relativeFormats = new Map<DateLocale, Intl.RelativeTimeFormat>();
function relativeFormat(locale: DateLocale): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale === 'en' ? 'en' : 'vi', { numeric: 'always' });
    relativeFormats.set(locale, format);
  }
  return format;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * "vừa xong", "5 phút trước", "2 giờ trước", "1 ngày trước"; from a week on, the absolute
 * date ("18/11/2026"). Counts are floored, as readers expect: 47 hours is "1 ngày trước".
 */
export function formatRelativeTime(
  input: DateInput,
  now: DateInput = Date.now(),
  options: { locale?: DateLocale } = {},
): string {
  const locale: DateLocale = options.locale === 'en' ? 'en' : 'vi';
  const diff = toDate(now).getTime() - toDate(input).getTime();
  const size = Math.abs(diff);
  if (size >= WEEK) return formatDate(input, 'short', { locale });
  if (size < MINUTE) return locale === 'en' ? 'just now' : 'vừa xong';
  const sign = diff > 0 ? -1 : 1;
  const format = relativeFormat(locale);
  if (size < HOUR) return format.format(sign * Math.floor(size / MINUTE), 'minute');
  if (size < DAY) return format.format(sign * Math.floor(size / HOUR), 'hour');
  return format.format(sign * Math.floor(size / DAY), 'day');
}

/** How long until a relative label can change, so a shared timer can tick no more than needed. */
export function relativeTimeRefreshMs(input: DateInput, now: DateInput = Date.now()): number | null {
  const size = Math.abs(toDate(now).getTime() - toDate(input).getTime());
  if (size >= WEEK) return null;
  if (size < HOUR) return MINUTE;
  if (size < DAY) return HOUR / 4;
  return HOUR;
}
