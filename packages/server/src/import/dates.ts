// Dates as old systems and feeds write them, read with date-fns (never hand-written calendar
// code). A time without an offset is Vietnam time, unless the format says it is UTC
// (WordPress's *_gmt fields).
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { tz } from '@date-fns/tz';

// Vietnam time is UTC+7 for every year (docs/decisions.md), not the zone database's history.
const VIETNAM = tz('+07:00');
const UTC = tz('UTC');
const REFERENCE = new Date(0);

/** Formats tried in order, with the zone a time without an offset is read in. */
const FORMATS: ReadonlyArray<readonly [string, typeof VIETNAM | null]> = [
  // RFC 822 / 1123 (RSS): "Mon, 30 Nov 2026 08:00:00 +0700", also without the weekday or seconds.
  ['EEE, d MMM yyyy HH:mm:ss xx', null],
  ['EEE, d MMM yyyy HH:mm xx', null],
  ['d MMM yyyy HH:mm:ss xx', null],
  ["EEE, d MMM yyyy HH:mm:ss 'GMT'", UTC],
  ["EEE, d MMM yyyy HH:mm:ss 'UT'", UTC],
  ["EEE, d MMM yyyy HH:mm:ss 'UTC'", UTC],
  // Vietnamese portals: "30/11/2026 08:00", "30/11/2026 08:00:15", "30/11/2026".
  ['d/M/yyyy HH:mm:ss', VIETNAM],
  ['d/M/yyyy HH:mm', VIETNAM],
  ['d/M/yyyy', VIETNAM],
  // Artalk and SQL dumps: "2026-11-28 20:54:32 +0700", "2026-11-28 20:54:32".
  ['yyyy-MM-dd HH:mm:ss xx', null],
  ['yyyy-MM-dd HH:mm:ss', VIETNAM],
];

/**
 * A date as feeds, sitemaps and comment exports write it, as a Date; null when it is none of
 * the known forms. ISO 8601 (Atom, sitemaps) with an offset is taken as is, without one as
 * Vietnam time; RFC 822 keeps its offset; "30/11/2026 08:00" is Vietnam time.
 */
export function parseLooseDate(input: string): Date | null {
  if (typeof input !== 'string') return null;
  // Go's time.String() (Artalk exports) ends with a zone abbreviation after the offset.
  const text = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.\d+)? ([+-]\d{4}) [A-Za-z0-9+-]+$/, '$1 $2');
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
    const date = hasOffset
      ? parse(
          text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'),
          text.includes('.')
            ? "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"
            : text.length > 22
              ? "yyyy-MM-dd'T'HH:mm:ssXXX"
              : "yyyy-MM-dd'T'HH:mmXXX",
          REFERENCE,
        )
      : parse(text, text.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm", REFERENCE, { in: VIETNAM });
    return isValid(date) ? new Date(date.getTime()) : null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return valid(parse(text, 'yyyy-MM-dd', REFERENCE, { in: VIETNAM }));
  for (const [format, zone] of FORMATS) {
    const date = zone ? parse(text, format, REFERENCE, { in: zone }) : parse(text, format, REFERENCE);
    if (isValid(date)) return new Date(date.getTime());
  }
  return null;
}

/** WordPress's `*_gmt` fields: "2026-11-28 06:05:10" in UTC; "0000-00-00 00:00:00" is none. */
export function parseUtcDateTime(input: string): Date | null {
  if (typeof input !== 'string' || input.startsWith('0000-')) return null;
  return valid(parse(input.trim(), 'yyyy-MM-dd HH:mm:ss', REFERENCE, { in: UTC }));
}

function valid(date: Date): Date | null {
  return isValid(date) ? new Date(date.getTime()) : null;
}
