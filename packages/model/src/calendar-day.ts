import { toLunarDate, type LunarDate } from './vi/lunar.js';
import { fromVietnamTime, toVietnamDateString, vietnamParts, type DateInput, type DateLocale } from './vi/dates.js';

/**
 * What a Vietnamese portal's date bar shows for one day: the lunar date in words and the
 * festival of the day. When that day ends in Vietnam is `startOfNextVietnamDay` (vi/dates.ts),
 * kept there so a countdown that only needs midnight does not download the lunar calendar.
 */

/** The lunar days portals name: Tết Nguyên đán (1 tháng Giêng) and Rằm (the 15th). */
export type LunarHoliday = 'tet' | 'ram';

export function lunarHoliday(lunar: Pick<LunarDate, 'day' | 'month' | 'isLeapMonth'>): LunarHoliday | null {
  if (lunar.day === 1 && lunar.month === 1 && !lunar.isLeapMonth) return 'tet';
  return lunar.day === 15 ? 'ram' : null;
}

/**
 * "22 tháng 10 năm Bính Ngọ", with a leap month marked: "3 tháng 6 nhuận năm Ất Tỵ".
 * English: "Lunar 22/10, year of Bính Ngọ", "Lunar 3/6 (leap month), year of Ất Tỵ".
 */
export function formatLunarDate(lunar: LunarDate, options: { locale?: DateLocale } = {}): string {
  if (options.locale === 'en') {
    return `Lunar ${lunar.day}/${lunar.month}${lunar.isLeapMonth ? ' (leap month)' : ''}, year of ${lunar.yearName}`;
  }
  return `${lunar.day} tháng ${lunar.month}${lunar.isLeapMonth ? ' nhuận' : ''} năm ${lunar.yearName}`;
}

/** A Vietnam day as the date bar shows it. */
export interface VietnamCalendarDay {
  /** YYYY-MM-DD, the Vietnam calendar date. */
  date: string;
  lunar: LunarDate;
  holiday: LunarHoliday | null;
}

/** The Vietnam calendar day containing `now`, with its lunar date. Throws RangeError outside 1800–2199. */
export function vietnamCalendarDay(now: DateInput = Date.now()): VietnamCalendarDay {
  const date = toVietnamDateString(now);
  const lunar = toLunarDate(date);
  return { date, lunar, holiday: lunarHoliday(lunar) };
}
