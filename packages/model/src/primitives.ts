import * as z from 'zod/mini';
import { passesCheck, type BantinCheck } from './checks.js';

/**
 * Building blocks shared by the domain schemas.
 *
 * Written for the browser bundle as much as for the server: `zod/mini`, and only a few of its
 * features. Each zod feature costs 0.2–0.9 kB gzip in a bundle (measured), so dates, integers,
 * URLs and slugs are checked by small functions here rather than by z.iso, z.int or z.url.
 * Their messages are keyed by `params.bantin`; `validate()` words them in Vietnamese or
 * English like zod's own.
 */

export type { BantinCheck } from './checks.js';

// Each check carries its name (and bounds) in `params`, which lets validate() word its message
// and lets the JSON Schema generator (scripts/generate-wire-schemas.ts) carry it to the browser.
const check = <T>(bantin: BantinCheck, extra: { min?: number; max?: number } = {}) =>
  z.refine<T>((value) => passesCheck(bantin, value, extra.min, extra.max), { params: { bantin, ...extra } });

export const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

/** ISO 8601 with a UTC offset or Z. */
export const isoDateTimeSchema = z.string().check(check('dateTime'));

/** A calendar date, YYYY-MM-DD, for things that have no time of day (terms, election day). */
export const isoDateSchema = z.string().check(check('date'));

export const slugSchema = z.string().check(z.maxLength(200), check('slug'));

/** An integer in [min, max]. */
export function intSchema(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z.number().check(check('int', { min, max }));
}

export const nonNegativeIntSchema = intSchema(0);

/** A link or media address: only http(s) or a path on the same site ever reaches a page. */
export const linkUrlSchema = z.string().check(z.maxLength(2048), check('url'));

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
