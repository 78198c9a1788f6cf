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
 * ephemeris) makes 1938's leap month 8 here, 7 there. The new moons of 1944-06-20,
 * 1967-07-07, 2077-11-15, 2085-10-18 and 2175-01-22 fall within 30 s before midnight, so
 * those months may start a day later elsewhere; that of 2054-05-08 falls 22 s after it, so
 * month 4 of 2054 may start a day earlier elsewhere (the published calendar agrees with us
 * there: see lunar.test.ts). Far from 2000 the unknown future (or
 * poorly observed past) ΔT adds an uncertainty of a minute or more by itself.
 *
 * Everything is pure and DOM-free; results per lunar year are memoised because callers
 * typically convert many days of the same year.
 */

import { VN_UTC_OFFSET_MINUTES, vietnamParts } from './dates.js';

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

/** Non-negative remainder, so years before the cycle's anchor still land in range. */
function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

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
// Day numbers and time
// ---------------------------------------------------------------------------

/** Vietnam's offset from UTC, in days: dates.ts's fixed UTC+7 (see the file comment). */
const VN_OFFSET_DAYS = VN_UTC_OFFSET_MINUTES / (24 * 60);
const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01, so epoch days convert to day numbers. */
const JDN_UNIX_EPOCH = 2_440_588;

/**
 * We number Vietnam civil days by their Julian Day Number (JDN): an integer per calendar
 * day, which makes "days between" plain subtraction. A Julian Date (JD, fractional) is an
 * instant; the UT instant JD falls on local day floor(JD + 0.5 + offset).
 */
function localDayOfJd(jdUt: number): number {
  return Math.floor(jdUt + 0.5 + VN_OFFSET_DAYS);
}

/** The UT instant (JD) of 00:00 Vietnam time at the start of local day `jdn`. */
function localMidnightJd(jdn: number): number {
  return jdn - 0.5 - VN_OFFSET_DAYS;
}

function jdnOfGregorian(year: number, month: number, day: number): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY) + JDN_UNIX_EPOCH;
}

function gregorianOfJdn(jdn: number): { year: number; month: number; day: number } {
  const d = new Date((jdn - JDN_UNIX_EPOCH) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * ΔT = TT − UT in seconds (Espenak & Meeus, "Polynomial expressions for Delta T", NASA).
 * It is about a minute in our era; ignoring it would misplace new moons that fall within
 * a minute of midnight.
 */
function deltaTSeconds(year: number): number {
  if (year < 1800) {
    const u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (year < 1860) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (year < 1900) {
    const t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (year - 1820) / 100;
  if (year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

function deltaTDays(jd: number): number {
  const year = 2000 + (jd - 2_451_545) / 365.25;
  return deltaTSeconds(year) / 86_400;
}

// ---------------------------------------------------------------------------
// Astronomy
// ---------------------------------------------------------------------------

const RAD = Math.PI / 180;
const sinDeg = (deg: number): number => Math.sin(deg * RAD);

/** Mean synodic month in days (Meeus 49.1). */
const SYNODIC_MONTH = 29.530588861;
/** JDE of the mean new moon with k = 0 (6 January 2000). */
const NEW_MOON_EPOCH = 2_451_550.09766;

/**
 * UT instant (JD) of the true new moon number `k` (k = 0 is January 2000), per Meeus ch. 49:
 * the mean new moon plus periodic terms for the eccentricities and inclination of the
 * orbits. Accurate to well under a minute for our range.
 */
function newMoonJd(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;

  const meanJde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;

  // E corrects terms involving the sun's anomaly for the slowly shrinking eccentricity of Earth's orbit.
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3; // sun's mean anomaly
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4; // moon's mean anomaly
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4; // moon's argument of latitude
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3; // longitude of the ascending node

  const periodic =
    -0.4072 * sinDeg(Mp) +
    0.17241 * E * sinDeg(M) +
    0.01608 * sinDeg(2 * Mp) +
    0.01039 * sinDeg(2 * F) +
    0.00739 * E * sinDeg(Mp - M) -
    0.00514 * E * sinDeg(Mp + M) +
    0.00208 * E * E * sinDeg(2 * M) -
    0.00111 * sinDeg(Mp - 2 * F) -
    0.00057 * sinDeg(Mp + 2 * F) +
    0.00056 * E * sinDeg(2 * Mp + M) -
    0.00042 * sinDeg(3 * Mp) +
    0.00042 * E * sinDeg(M + 2 * F) +
    0.00038 * E * sinDeg(M - 2 * F) -
    0.00024 * E * sinDeg(2 * Mp - M) -
    0.00017 * sinDeg(Om) -
    0.00007 * sinDeg(Mp + 2 * M) +
    0.00004 * sinDeg(2 * Mp - 2 * F) +
    0.00004 * sinDeg(3 * M) +
    0.00003 * sinDeg(Mp + M - 2 * F) +
    0.00003 * sinDeg(2 * Mp + 2 * F) -
    0.00003 * sinDeg(Mp + M + 2 * F) +
    0.00003 * sinDeg(Mp - M + 2 * F) -
    0.00002 * sinDeg(Mp - M - 2 * F) -
    0.00002 * sinDeg(3 * Mp + M) +
    0.00002 * sinDeg(4 * Mp);

  // Planetary perturbations (Meeus table 49.A, "additional corrections").
  const planetary =
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * T2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);

  const jde = meanJde + periodic + planetary;
  return jde - deltaTDays(jde);
}

/** The Vietnam civil day on which lunation `k` begins a month. */
function newMoonDay(k: number): number {
  return localDayOfJd(newMoonJd(k));
}

/** Lunation number whose mean new moon is nearest the given instant. */
function nearestLunation(jd: number): number {
  return Math.round((jd - NEW_MOON_EPOCH) / SYNODIC_MONTH);
}

/** Sun's apparent geometric longitude in degrees [0, 360) at a UT instant (Meeus ch. 25, low precision). */
function sunLongitude(jdUt: number): number {
  const T = (jdUt + deltaTDays(jdUt) - 2_451_545) / 36_525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T; // mean longitude
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T; // mean anomaly
  const C = // equation of centre: where the elliptical orbit puts the sun relative to the mean
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) +
    (0.019993 - 0.000101 * T) * sinDeg(2 * M) +
    0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  // Nutation and aberration turn the true longitude into the apparent one.
  const apparent = L0 + C - 0.00569 - 0.00478 * sinDeg(omega);
  return mod(apparent, 360);
}

/**
 * Which 30° sector (0..11) the sun is in at the start of a Vietnam civil day. A month
 * contains a major solar term exactly when the sector changes between its first day and
 * the first day of the next month.
 */
function sunSectorAtDayStart(jdn: number): number {
  return Math.floor(sunLongitude(localMidnightJd(jdn)) / 30);
}

/** UT instant of the December solstice (sun at 270°) of a Gregorian year. */
function decemberSolsticeJd(year: number): number {
  let jd = jdnOfGregorian(year, 12, 21);
  // Newton-style refinement: the sun moves about 360° per tropical year, and its speed
  // varies by only ~3%, so each step gains more than a digit; 10 steps is generous.
  for (let i = 0; i < 10; i++) {
    const error = mod(270 - sunLongitude(jd) + 180, 360) - 180; // signed, in (-180, 180]
    jd += (error * 365.2422) / 360;
    if (Math.abs(error) < 1e-7) break;
  }
  return jd;
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
