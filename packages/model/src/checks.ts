/**
 * The hand-made checks behind the schemas, free of zod so that browser code can run them
 * through `checkWire()` without pulling zod in. primitives.ts attaches them to zod schemas.
 */

export type BantinCheck = 'dateTime' | 'date' | 'int' | 'url' | 'slug' | 'email' | 'text' | 'line';

// 2026-02-03T08:00:00+07:00, 2026-02-03T01:00:00.123Z: a date-time that names its offset,
// because a bare local time is ambiguous for readers outside Vietnam.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ROOT_RELATIVE = /^\/(?!\/)/;

/** Whether the day exists: 29/2 only in leap years, no 31/4. Months are 1–12. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** True for absolute http(s) URLs and root-relative paths; false for javascript:, data:, //host and the rest. */
export function isSafeLinkUrl(value: string): boolean {
  if (typeof value !== 'string') return false;
  if (ROOT_RELATIVE.test(value)) return !/[\s\\]/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Deliberately loose: one @, something on each side, a dot in the domain. The mailbox decides the
 * rest. No whitespace and no control characters (a NUL is a 500 on PostgreSQL, and no address has one).
 */
export function isEmail(value: string): boolean {
  return /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(value);
}

// Plain text that a reader typed: no control characters (NUL and the like break storage and
// terminals, and never come from a keyboard). `text` keeps line breaks and tabs; `line` does not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f\u2028\u2029]/;
/**
 * One character that shows: not whitespace, a control or format character (U+0085, U+200B,
 * U+200E…), a separator, a lone combining mark, nor another default-ignorable code point (U+3164
 * HANGUL FILLER, variation selectors), nor U+2800 BRAILLE PATTERN BLANK.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * A name a reader typed (`line`): one line, no control characters, and at least one character
 * that shows, so that "\u200b" or "\u0085" cannot pass for a name. The browser and the server
 * both run this, through the same schema.
 */
export function isOneLineName(value: string): boolean {
  // An empty name is the length check's to report, once.
  return !CONTROL_OR_BREAK.test(value) && (value === '' || VISIBLE.test(value));
}

/** Runs one named check; `int` takes its bounds. */
export function passesCheck(check: BantinCheck, value: unknown, min = -Infinity, max = Infinity): boolean {
  // Safe integers only: beyond 2^53 a count can no longer be told from its neighbour.
  if (check === 'int') return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
  if (typeof value !== 'string') return false;
  switch (check) {
    case 'dateTime':
      return isIsoDateTime(value);
    case 'date':
      return isIsoDate(value);
    case 'url':
      return isSafeLinkUrl(value);
    case 'slug':
      return isSlug(value);
    case 'email':
      return value === '' || isEmail(value);
    case 'text':
      return !CONTROL.test(value);
    case 'line':
      return isOneLineName(value);
  }
}
