import { isIsoDate } from '../checks.js';

/**
 * Dates in Vietnam time, whatever the machine's zone. This module is the one place where an
 * instant or a string becomes a Vietnam date: officials.ts and lunar.ts read dates through it,
 * and so should the elements and the server (`toVietnamDateString`, `toVietnamIsoString`).
 *
 * Vietnam time is UTC+7, fixed, for every year. Vietnam has kept UTC+7 with no daylight saving
 * since 1975; before that parts of the country used UTC+8 (the South until 1975, the North
 * until 1967), and zone databases follow that history, but bantin does not: one rule, so that a
 * date computed by one function never disagrees with another (docs/decisions.md). Vietnam
 * wall-clock time is the instant shifted by seven hours, read with UTC getters, which needs no
 * time-zone database. Formatting uses Intl, which speaks Vietnamese natively and costs nothing
 * in a browser bundle (date-fns's relative formatter with its `vi` locale measured 5.1 kB gzip).
 */

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_UTC_OFFSET_MINUTES * 60_000;

/** A Date, epoch milliseconds, or an ISO 8601 string (see `toDate`). */
export type DateInput = Date | string | number;
export type DateLocale = 'vi' | 'en';

// "2026-02-17", "2026-02-17T08:00", "2026-02-17 08:00:00.5", "2026-02-17T01:00:00Z", "…+07:00",
// "…+0700". Hours, minutes, seconds and offsets are range-checked here, the day by isIsoDate.
const ISO_8601 =
  /^(\d{4}-\d\d-\d\d)(?:[T ]((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** Epoch milliseconds of an ISO 8601 string read as `toDate` documents; NaN when it is none. */
function parseIso(text: string): number {
  const [, day = '', time = '00:00', zone = '+07:00'] = ISO_8601.exec(text.trim()) ?? [];
  // Date.parse reads the standard form exactly, once it has an offset with a colon and the day exists.
  return isIsoDate(day) ? Date.parse(`${day}T${time}${zone.replace(/(\d\d)(\d\d)$/, '$1:$2')}`) : Number.NaN;
}

/**
 * Reads an instant. Strings must be ISO 8601, read the Vietnamese way whatever the machine's
 * zone: "2026-02-17" is 00:00 Vietnam time that day, a date-time without an offset is Vietnam
 * wall-clock time, and one with "Z" or "±HH:mm" is that exact instant. Throws a RangeError
 * naming the bad value (a day or time that does not exist, another string form, NaN).
 */
export function toDate(input: DateInput): Date {
  const date =
    input instanceof Date
      ? new Date(input.getTime())
      : new Date(typeof input === 'string' ? parseIso(input) : typeof input === 'number' ? input : Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Ngày giờ không hợp lệ / invalid date: ${JSON.stringify(String(input))}`);
  }
  return date;
}

export interface VietnamDateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Chủ Nhật (Sunday) … 6 = Thứ Bảy */
  weekday: number;
}

/** The wall-clock fields of an instant in Vietnam. */
export function vietnamParts(input: DateInput): VietnamDateParts {
  const shifted = new Date(toDate(input).getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a Vietnam wall-clock time. Months are 1–12. */
export function fromVietnamTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS);
}

/**
 * "2026-11-25T08:30:00+07:00": ISO 8601 as Vietnamese newsrooms publish it. With
 * `{ milliseconds: true }`, "2026-11-25T08:30:00.000+07:00" (the server's API times).
 */
export function toVietnamIsoString(input: DateInput, options: { milliseconds?: boolean } = {}): string {
  const p = vietnamParts(input);
  const ms = options.milliseconds ? `.${String(toDate(input).getUTCMilliseconds()).padStart(3, '0')}` : '';
  return `${isoYear(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${ms}+07:00`;
}

/**
 * The Vietnam calendar date of an instant, YYYY-MM-DD: the one Vietnam-date function of bantin
 * (UTC+7 for every year; strings as `toDate` reads them, so "2026-02-17" stays that day).
 */
export function toVietnamDateString(input: DateInput): string {
  const p = vietnamParts(input);
  return `${isoYear(p.year)}-${pad(p.month)}-${pad(p.day)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
// ISO 8601 writes years 0–999 with four digits (and those before 0 with a sign, as Date does).
const isoYear = (year: number) =>
  year < 0
    ? `-${String(-year).padStart(6, '0')}`
    : year > 9999
      ? `+${String(year).padStart(6, '0')}`
      : String(year).padStart(4, '0');

/** A weekday or month name: Intl has them in both languages, so no tables ship. */
function dateName(p: VietnamDateParts, part: 'weekday' | 'month', locale: DateLocale): string {
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).toLocaleString(locale, { [part]: 'long', timeZone: 'UTC' });
}

/**
 * - `full`: "Thứ Tư, 25/11/2026" (en: "Wednesday, 25 November 2026")
 * - `short`: "25/11/2026"
 * - `long`: "ngày 25 tháng 11 năm 2026" (en: "25 November 2026")
 * - `dateTime`: "25/11/2026 08:30", the byline form of Vietnamese portals
 * - `time`: "08:30"
 */
export type DateStyle = 'full' | 'short' | 'long' | 'dateTime' | 'time';

export function formatDate(
  input: DateInput,
  style: DateStyle = 'short',
  options: { locale?: DateLocale } = {},
): string {
  const p = vietnamParts(input);
  const en = options.locale === 'en';
  const short = `${pad(p.day)}/${pad(p.month)}/${p.year}`;
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  switch (style) {
    case 'full':
      return en
        ? `${dateName(p, 'weekday', 'en')}, ${p.day} ${dateName(p, 'month', 'en')} ${p.year}`
        : `${dateName(p, 'weekday', 'vi')}, ${short}`;
    case 'long':
      return en ? `${p.day} ${dateName(p, 'month', 'en')} ${p.year}` : `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
    case 'dateTime':
      return `${short} ${time}`;
    case 'time':
      return time;
    default:
      return short;
  }
}

const DAY = 86_400_000;

/** Whole Vietnam calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: DateInput, to: DateInput): number {
  const a = vietnamParts(from);
  const b = vietnamParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY);
}

/**
 * The instant the next Vietnam calendar day starts (00:00 UTC+7), strictly after `now`: when a
 * page left open overnight turns to the next day, at Vietnam midnight rather than the reader's.
 */
export function startOfNextVietnamDay(now: DateInput = Date.now()): Date {
  const { year, month, day } = vietnamParts(now);
  // Date.UTC rolls day 32 over into the next month, and 31 December into the next year.
  return fromVietnamTime(year, month, day + 1);
}
