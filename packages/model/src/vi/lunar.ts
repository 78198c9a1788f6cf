/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from astronomy.
 *
 * How the calendar works, in the terms used below:
 * - A lunar month starts on the Vietnam civil day that contains a new moon.
 * - Month 11 is the month that contains the December (winter) solstice.
 * - Between two consecutive month-11s there are normally 12 months. When there are 13,
 *   the first month after month 11 that contains no major solar term (trung khí: the sun
 *   crossing a multiple of 30° of longitude) is a leap month and repeats the number of the
 *   month before it.
 * - Tết (1/1) starts lunar month 1, two months after month 11 (three if a leap 11 or 12
 *   comes between).
 *
 * The "day" is always the Vietnam civil day, UTC+7. We use UTC+7 for every date we
 * support, even though North Vietnam only moved from UTC+8 to UTC+7 in August 1967 and
 * the South in 1975: that switch is why Tết 1968 fell on 29 January in Hanoi but
 * 30 January in Saigon. Dates before 1968 therefore follow the modern Vietnamese rule,
 * not necessarily the almanac people used at the time (nor the Hiệp kỷ calendar of the
 * Nguyễn court). The one-hour difference from China's UTC+8 is also why Vietnam's Tết
 * sometimes differs from Chinese New Year (2007, 2030, and by a whole month in 1985).
 *
 * Astronomy: new moons from Jean Meeus, *Astronomical Algorithms* (2nd ed.), ch. 49, and
 * the sun's apparent longitude from the low-precision method of ch. 25 (about 0.01°, i.e.
 * a solar term is placed within roughly a quarter of an hour, which only matters when a
 * term falls within minutes of midnight). Meeus works in Terrestrial Time, so ΔT converts
 * to civil time, using the Espenak & Meeus polynomials published by NASA.
 *
 * Known limits, found by rebuilding 1800–2199 from a full ephemeris with the same rules:
 * every day agrees except around events too close to Vietnam midnight for any method to
 * settle. The 1938 September equinox (1 min before midnight here, 1.5 s after in the
 * ephemeris) makes 1938's leap month 8 here, 7 there. Six new moons fall within 30 s of
 * midnight (NEAR_MIDNIGHT_NEW_MOONS in lunar-astronomy.ts, which a test recomputes): five just
 * before it (1944-06-20, 1967-07-07, 2077-11-15, 2085-10-18, 2175-01-22), so those months may
 * start a day later elsewhere, and that of 2054-05-08 22 s after it, so month 4 of 2054 may
 * start a day earlier elsewhere (the published calendar agrees with us there: see
 * lunar.test.ts). Far from 2000 the unknown future (or
 * poorly observed past) ΔT adds an uncertainty of a minute or more by itself.
 *
 * Everything is pure and DOM-free; results per lunar year are memoised because callers
 * typically convert many days of the same year.
 */

import { vietnamParts } from './dates.js';
import {
  decemberSolsticeJd,
  gregorianOfJdn,
  jdnOfGregorian,
  localDayOfJd,
  mod,
  nearestLunation,
  newMoonDay,
  sunSectorAtDayStart,
} from './lunar-astronomy.js';

/** A date in the Vietnamese lunar calendar. */
export interface LunarDate {
  /** Day of the lunar month, 1..30. */
  day: number;
  /** Lunar month number, 1..12 (a leap month repeats the number of the month before it). */
  month: number;
  /** Lunar year, named after the Gregorian year in which that lunar year's Tết falls. */
  year: number;
  /** True for a leap month (tháng nhuận). */
  isLeapMonth: boolean;
  /** Can-chi name of the lunar year, e.g. "Bính Ngọ". */
  yearName: string;
}

/** Gregorian years (of the Vietnam civil date) that we accept. ΔT and UTC+7 are only
 *  meaningful for modern dates, so we refuse rather than silently extrapolate further. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

// ---------------------------------------------------------------------------
// Can-chi (sexagenary cycle)
// ---------------------------------------------------------------------------

const STEMS = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
// Vietnamese uses Mão (cat) and the "Tỵ" spelling; strings are NFC.
const BRANCHES = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/**
 * Can-chi name of a lunar year, e.g. 2026 → "Bính Ngọ", 1984 → "Giáp Tý".
 * Year 4 (CE) is the anchor "Giáp Tý"; the cycle repeats every 60 years.
 */
export function canChiOfYear(year: number): string {
  if (!Number.isSafeInteger(year)) {
    throw new RangeError(`canChiOfYear: year must be an integer, got ${String(year)}`);
  }
  return `${STEMS[mod(year - 4, 10)]} ${BRANCHES[mod(year - 4, 12)]}`;
}

// ---------------------------------------------------------------------------
// Lunar years
// ---------------------------------------------------------------------------

/**
 * The months from month 11 of Gregorian year `year` (which starts in late Nov/Dec of
 * that year) up to, not including, the next month 11.
 */
interface SolsticeYear {
  /** Gregorian year in which this span's month 11 starts. */
  year: number;
  /** First day (JDN) of each month, plus the first day of the next month 11 at the end. */
  starts: number[];
  /** Index into `starts` of the leap month, or -1 if the span has 12 months. */
  leapIndex: number;
}

/** Lunation number of the month 11 that contains the December solstice of `year`. */
function month11Lunation(year: number): number {
  const solsticeJd = decemberSolsticeJd(year);
  const solsticeDay = localDayOfJd(solsticeJd);
  let k = nearestLunation(solsticeJd);
  // Month 11 begins on the last new-moon day on or before the solstice's day.
  while (newMoonDay(k) > solsticeDay) k--;
  while (newMoonDay(k + 1) <= solsticeDay) k++;
  return k;
}

const solsticeYearCache = new Map<number, SolsticeYear>();

function solsticeYear(year: number): SolsticeYear {
  const cached = solsticeYearCache.get(year);
  if (cached) return cached;

  const k11 = month11Lunation(year);
  const nextK11 = month11Lunation(year + 1);
  const starts: number[] = [];
  for (let k = k11; k <= nextK11; k++) starts.push(newMoonDay(k));

  let leapIndex = -1;
  const monthCount = nextK11 - k11;
  if (monthCount === 13) {
    // 11 major terms (300°, 330°, …, 240°) fall strictly between the two solstices, so
    // at least one of the 12 months after month 11 lacks a term; the first one is leap.
    let sector = sunSectorAtDayStart(starts[1]!);
    for (let i = 1; i <= 12; i++) {
      const nextSector = sunSectorAtDayStart(starts[i + 1]!);
      if (nextSector === sector) {
        leapIndex = i;
        break;
      }
      sector = nextSector;
    }
    if (leapIndex === -1) throw new Error(`lunar: no leap month found after month 11 of ${year}`);
  } else if (monthCount !== 12) {
    throw new Error(`lunar: ${monthCount} months between the month-11s of ${year} and ${year + 1}`);
  }

  const result: SolsticeYear = { year, starts, leapIndex };
  // The supported range bounds this cache to a few hundred small entries.
  solsticeYearCache.set(year, result);
  return result;
}

/** Position of month `index` in its span counted without the leap month (0 = month 11). */
function regularIndex(span: SolsticeYear, index: number): number {
  return span.leapIndex !== -1 && index >= span.leapIndex ? index - 1 : index;
}

function lunarDateOfDay(jdn: number): LunarDate {
  const gregorianYear = gregorianOfJdn(jdn).year;
  let span = solsticeYear(gregorianYear);
  if (jdn < span.starts[0]!) span = solsticeYear(gregorianYear - 1);

  let index = 0;
  while (jdn >= span.starts[index + 1]!) index++;

  const regular = regularIndex(span, index);
  // Regular positions 0 and 1 are months 11 and 12 of the lunar year whose Tết was in
  // span.year; from position 2 (month 1, Tết) on, the lunar year is span.year + 1.
  const year = regular < 2 ? span.year : span.year + 1;
  return {
    day: jdn - span.starts[index]! + 1,
    month: ((regular + 10) % 12) + 1,
    year,
    isLeapMonth: index === span.leapIndex,
    yearName: canChiOfYear(year),
  };
}

// ---------------------------------------------------------------------------
// Input parsing
// ---------------------------------------------------------------------------

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

/** The JDN of the Vietnam civil day of `date`, read by dates.ts like every Vietnam date. */
function vietnamDayOf(date: Date | string | number): number {
  let jdn: number;
  try {
    const { year, month, day } = vietnamParts(date);
    jdn = jdnOfGregorian(year, month, day);
  } catch {
    throw new RangeError(
      `toLunarDate: invalid date ${describe(date)} (expected a valid Date, epoch milliseconds, or an ISO 8601 string such as "2026-02-17" or "2026-02-16T17:30:00Z")`,
    );
  }
  const { year } = gregorianOfJdn(jdn);
  if (year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(
      `toLunarDate: ${describe(date)} is in ${year}, outside the supported years ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`,
    );
  }
  return jdn;
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * The Vietnamese lunar date of the Vietnam civil day (UTC+7) containing `date`.
 *
 * `date` may be a `Date`, epoch milliseconds, or an ISO 8601 string. A date-only string
 * ("2026-03-15") names that day in Vietnam; a date-time without an offset is read as
 * Vietnam time; with "Z" or an offset it is that instant.
 *
 * @example toLunarDate('2026-02-16T17:30:00Z') // { day: 1, month: 1, year: 2026, isLeapMonth: false, yearName: 'Bính Ngọ' }
 * @throws RangeError for invalid dates or years outside 1800–2199.
 */
export function toLunarDate(date: Date | string | number): LunarDate {
  return lunarDateOfDay(vietnamDayOf(date));
}

/**
 * Gregorian date of Tết (1/1 of lunar year `year`) in Vietnam.
 *
 * @example tetDate(2026) // { year: 2026, month: 2, day: 17 }
 * @throws RangeError if `year` is not an integer in 1800–2199.
 */
export function tetDate(year: number): { year: number; month: number; day: number } {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new RangeError(
      `tetDate: year must be an integer in ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}, got ${String(year)}`,
    );
  }
  const span = solsticeYear(year - 1);
  // Month 1 is regular position 2; a leap 11 or 12 before it pushes it one slot later.
  const index = span.leapIndex !== -1 && span.leapIndex <= 2 ? 3 : 2;
  return gregorianOfJdn(span.starts[index]!);
}
