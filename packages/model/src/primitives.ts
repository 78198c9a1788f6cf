import * as z from 'zod/mini';

/**
 * Building blocks shared by the domain schemas.
 *
 * Written for the browser bundle as much as for the server: `zod/mini`, and only a few of its
 * features. Each zod feature costs 0.2–0.9 kB gzip in a bundle (measured), so dates, integers,
 * URLs and slugs are checked by small functions here rather than by z.iso, z.int or z.url.
 * Their messages are keyed by `params.bantin`; `validate()` words them in Vietnamese or
 * English like zod's own.
 */

export type BantinCheck = 'dateTime' | 'date' | 'int' | 'url' | 'slug' | 'email';

const check = <T>(fn: (value: T) => boolean, bantin: BantinCheck, extra: Record<string, number> = {}) =>
  z.refine<T>(fn, { params: { bantin, ...extra } });

export const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

// 2026-02-03T08:00:00+07:00, 2026-02-03T01:00:00.123Z: a date-time that names its offset,
// because a bare local time is ambiguous for readers outside Vietnam.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && isIsoDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value));
}

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** ISO 8601 with a UTC offset or Z. */
export const isoDateTimeSchema = z.string().check(check(isIsoDateTime, 'dateTime'));

/** A calendar date, YYYY-MM-DD, for things that have no time of day (terms, election day). */
export const isoDateSchema = z.string().check(check(isIsoDate, 'date'));

export const slugSchema = z.string().check(z.maxLength(200), check((v: string) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), 'slug'));

/** An integer in [min, max]. */
export function intSchema(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z.number().check(check((n: number) => Number.isInteger(n) && n >= min && n <= max, 'int', { min, max }));
}

export const nonNegativeIntSchema = intSchema(0);

const ROOT_RELATIVE = /^\/(?!\/)/;

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

/** A link or media address: only http(s) or a path on the same site ever reaches a page. */
export const linkUrlSchema = z.string().check(z.maxLength(2048), check(isSafeLinkUrl, 'url'));

export const imageSchema = z.object({
  src: linkUrlSchema,
  alt: z.string().check(z.maxLength(500)),
  caption: z.optional(z.string().check(z.maxLength(1000))),
  // Width and height let a page reserve the box before the image arrives (no layout shift).
  width: intSchema(1),
  height: intSchema(1),
});
export type Image = z.infer<typeof imageSchema>;

/** "khóa XVII, nhiệm kỳ 2020-2025": a numbered term, a period, or both. */
export const termSchema = z.object({
  number: z.optional(intSchema(1, 3999)),
  roman: z.optional(z.string().check(z.regex(/^[IVXLCDM]+$/))),
  period: z.optional(z.object({ from: intSchema(1900, 2200), to: intSchema(1900, 2200) })),
});
export type Term = z.infer<typeof termSchema>;
