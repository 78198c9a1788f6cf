import { isCalendarDate } from '../checks.js';
import { fromVietnamTime, toDate, vietnamParts, type DateInput } from './dates.js';

// Apart from dates.ts so that elements that only format dates don't ship the parser.

export type PartOfDay = 'sáng' | 'trưa' | 'chiều' | 'tối' | 'đêm';

export interface ParsedVietnameseDate {
  /** The instant: the stated time, or 00:00 Vietnam time when only a day is given. */
  date: Date;
  /** Whether a clock time ("17h00") was given. */
  hasTime: boolean;
  /** "Sáng 28/11" → 'sáng'. */
  partOfDay?: PartOfDay;
  /** Whether the year was written or inferred from the reference. */
  yearInferred: boolean;
}

// "Sáng 28/11", "17h00 ngày 01/02/2026", "ngày 20/11/2025", "15/3/2026", "8 giờ 30 ngày 5-9-2026",
// "ngày 28 tháng 11 năm 2020".
const DATE_PATTERN = new RegExp(
  [
    '(?:(sáng|trưa|chiều|tối|đêm)\\s+(?:ngày\\s+|hôm\\s+)?)?',
    '(?:(\\d{1,2})\\s*(?:h|giờ|:)\\s*(\\d{1,2})?\\s*(?:phút)?\\s*(?:(sáng|trưa|chiều|tối|đêm)\\s*)?,?\\s*(?:ngày\\s+|hôm\\s+)?)?',
    '(?:ngày\\s+)?',
    '(\\d{1,2})(?:\\s*([/.-])\\s*|\\s+tháng\\s+)(\\d{1,2})',
    '(?:(?:\\s*[/.-]\\s*|\\s+năm\\s+)(\\d{4}))?',
  ].join(''),
  'iu',
);

/**
 * Parses the date forms Vietnamese news uses. Returns null when nothing date-like is found or
 * the date does not exist (31/2). A missing year is taken from `reference` (default: now),
 * choosing the year that puts the date nearest to it: "28/11" read in January is last November.
 */
export function parseVietnameseDate(
  text: string,
  options: { reference?: DateInput } = {},
): ParsedVietnameseDate | null {
  if (typeof text !== 'string') return null;
  const match = DATE_PATTERN.exec(text.normalize('NFC'));
  if (!match) return null;
  const [, partBefore, hourText, minuteText, partAfter, dayText, , monthText, yearText] = match;
  const part = partBefore ?? partAfter;
  const day = Number(dayText);
  const month = Number(monthText);
  const hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;

  let year: number;
  if (yearText !== undefined) {
    year = Number(yearText);
  } else {
    let reference: Date;
    try {
      reference = toDate(options.reference ?? Date.now());
    } catch {
      return null;
    }
    const refYear = vietnamParts(reference).year;
    const candidates = [refYear - 1, refYear, refYear + 1].filter((y) => isCalendarDate(y, month, day));
    if (candidates.length === 0) return null;
    year = candidates.reduce((best, y) =>
      Math.abs(fromVietnamTime(y, month, day).getTime() - reference.getTime()) <
      Math.abs(fromVietnamTime(best, month, day).getTime() - reference.getTime())
        ? y
        : best,
    );
  }
  if (!isCalendarDate(year, month, day)) return null;

  let adjustedHour = hour;
  const partOfDay = part?.toLowerCase() as PartOfDay | undefined;
  // "3 giờ chiều" style: a 12-hour clock qualified by the part of the day.
  if (hourText !== undefined && partOfDay && (partOfDay === 'chiều' || partOfDay === 'tối') && hour < 12)
    adjustedHour += 12;
  const result: ParsedVietnameseDate = {
    date: fromVietnamTime(year, month, day, adjustedHour, minute),
    hasTime: hourText !== undefined,
    yearInferred: yearText === undefined,
  };
  if (partOfDay) result.partOfDay = partOfDay;
  return result;
}
