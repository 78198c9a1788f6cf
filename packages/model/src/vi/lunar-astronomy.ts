/**
 * The astronomy behind lunar.ts: Vietnam civil day numbers, ΔT, true new moons (Meeus ch. 49)
 * and the sun's apparent longitude (Meeus ch. 25). Internal: not part of the public surface
 * (index.ts exports lunar.ts only); apart so that tests can reach the new-moon instants.
 */
import { VN_UTC_OFFSET_MINUTES } from './dates.js';

/** Non-negative remainder, so years before the cycle's anchor still land in range. */
export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

// ---------------------------------------------------------------------------
// Day numbers and time
// ---------------------------------------------------------------------------

/** Vietnam's offset from UTC, in days: dates.ts's fixed UTC+7 for every year (see lunar.ts). */
const VN_OFFSET_DAYS = VN_UTC_OFFSET_MINUTES / (24 * 60);
const MS_PER_DAY = 86_400_000;
/** Julian Day Number of 1970-01-01, so epoch days convert to day numbers. */
const JDN_UNIX_EPOCH = 2_440_588;

/**
 * We number Vietnam civil days by their Julian Day Number (JDN): an integer per calendar
 * day, which makes "days between" plain subtraction. A Julian Date (JD, fractional) is an
 * instant; the UT instant JD falls on local day floor(JD + 0.5 + offset).
 */
export function localDayOfJd(jdUt: number): number {
  return Math.floor(jdUt + 0.5 + VN_OFFSET_DAYS);
}

/** The UT instant (JD) of 00:00 Vietnam time at the start of local day `jdn`. */
function localMidnightJd(jdn: number): number {
  return jdn - 0.5 - VN_OFFSET_DAYS;
}

export function jdnOfGregorian(year: number, month: number, day: number): number {
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / MS_PER_DAY) + JDN_UNIX_EPOCH;
}

export function gregorianOfJdn(jdn: number): { year: number; month: number; day: number } {
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
export function newMoonJd(k: number): number {
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
export function newMoonDay(k: number): number {
  return localDayOfJd(newMoonJd(k));
}

/** Lunation number whose mean new moon is nearest the given instant. */
export function nearestLunation(jd: number): number {
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
export function sunSectorAtDayStart(jdn: number): number {
  return Math.floor(sunLongitude(localMidnightJd(jdn)) / 30);
}

/** UT instant of the December solstice (sun at 270°) of a Gregorian year. */
export function decemberSolsticeJd(year: number): number {
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

/**
 * Vietnam days of 1800–2199 on which a month starts because a new moon falls within 30 s of
 * midnight (before it, or after it for 2054-05-08): a more precise ephemeris, another ΔT or
 * another published table may start those months a day later (2054: a day earlier).
 * lunar.test.ts recomputes this list from every lunation.
 */
export const NEAR_MIDNIGHT_NEW_MOONS = [
  '1944-06-20',
  '1967-07-07',
  '2054-05-08',
  '2077-11-15',
  '2085-10-18',
  '2175-01-22',
] as const;
