import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import * as api from './api.js';
import { ArticleSchema } from './article.js';
import { ArticleSummarySchema } from './article-summary.js';
import { CategorySchema } from './category.js';
import type { BantinCheck } from './checks.js';
import { CommentSchema } from './comment.js';
import { ElectionPlanSchema } from './election-plan.js';
import { MeetingSchema } from './meeting.js';
import { OfficialSchema } from './official.js';
import type { WireSchema } from './wire.js';
import { compileGuard, type Guard } from './wire-guard.js';
import * as domain from './domain-wire.generated.js';
import * as wire from './wire-schemas.generated.js';
import { validateWith, type Locale, type Schema, type SchemaOutput, type ValidationResult } from './issues.js';

export * from './issues.js';

// zod ships these translations; we only pick the two we support so the rest stay out of bundles.
const zodMessages = { vi: vi().localeError, en: en().localeError };

// Messages for the checks primitives.ts makes itself (see there for why).
const ownMessages: Record<Locale, Record<BantinCheck, string>> = {
  vi: {
    dateTime: 'ngày giờ không hợp lệ: cần dạng ISO 8601 có múi giờ, ví dụ 2026-02-03T08:00:00+07:00',
    date: 'ngày không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2026-03-15',
    int: 'cần một số nguyên{range}',
    url: 'URL không hợp lệ: chỉ nhận http://, https:// hoặc đường dẫn bắt đầu bằng /',
    slug: 'slug chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang',
    email: 'địa chỉ email không hợp lệ',
    text: 'không được chứa ký tự điều khiển',
    line: 'chỉ một dòng, không chứa ký tự điều khiển',
  },
  en: {
    dateTime: 'invalid date-time: expected ISO 8601 with an offset, e.g. 2026-02-03T08:00:00+07:00',
    date: 'invalid date: expected YYYY-MM-DD, e.g. 2026-03-15',
    int: 'expected an integer{range}',
    url: 'invalid URL: only http://, https:// or a path starting with / is accepted',
    slug: 'a slug has only lowercase ASCII letters, digits and hyphens',
    email: 'invalid email address',
    text: 'must not contain control characters',
    line: 'must be one line, without control characters',
  },
};

function rangeText(locale: Locale, min: number, max: number): string {
  const hasMin = min > Number.MIN_SAFE_INTEGER;
  const hasMax = max < Number.MAX_SAFE_INTEGER;
  if (hasMin && hasMax) return locale === 'vi' ? ` từ ${min} đến ${max}` : ` from ${min} to ${max}`;
  if (hasMin) return ` ≥ ${min}`;
  if (hasMax) return ` ≤ ${max}`;
  return '';
}

type Issue = { code?: string; params?: Record<string, unknown> };

const errorMaps = Object.fromEntries(
  (['vi', 'en'] as const).map((locale) => [
    locale,
    (issue: Issue) => {
      const own = issue.code === 'custom' ? (issue.params?.bantin as BantinCheck | undefined) : undefined;
      if (!own) return zodMessages[locale](issue as never);
      const range = own === 'int' ? rangeText(locale, Number(issue.params?.min), Number(issue.params?.max)) : '';
      return ownMessages[locale][own].replace('{range}', range);
    },
  ]),
) as Record<Locale, (issue: Issue) => ReturnType<(typeof zodMessages)['vi']>>;

// Schemas with a fast path: those without transforms (no trim, no defaults), whose zod output is
// the input itself whenever the input has no keys to strip. NewCommentSchema trims, so it has none.
const WIRE_OF = new Map<Schema, WireSchema>([
  [ArticleSchema, domain.ArticleWire],
  [ArticleSummarySchema, wire.ArticleSummaryWire],
  [CategorySchema, domain.CategoryWire],
  [CommentSchema, domain.CommentWire],
  [OfficialSchema, domain.OfficialWire],
  [MeetingSchema, domain.MeetingWire],
  [ElectionPlanSchema, domain.ElectionPlanWire],
  [api.ViewCountsResponseSchema, wire.ViewCountsResponseWire],
  [api.ViewIncrementResponseSchema, wire.ViewIncrementResponseWire],
  [api.CommentListResponseSchema, wire.CommentListResponseWire],
  [api.CommentCreatedResponseSchema, wire.CommentCreatedResponseWire],
  [api.MostViewedResponseSchema, wire.MostViewedResponseWire],
]);
const guards = new Map<Schema, Guard | null>();

function fastGuard(schema: Schema): Guard | null {
  let guard = guards.get(schema);
  if (guard === undefined) {
    const source = WIRE_OF.get(schema);
    guard = source ? compileGuard(source, { strict: true }) : null;
    guards.set(schema, guard);
  }
  return guard;
}

/**
 * Validates without throwing. Messages are Vietnamese by default and English with
 * `{ locale: 'en' }`; each issue names the field it is about. For the model's own schemas,
 * valid input that needs no change comes back as the same object.
 */
export function validate<S extends Schema>(
  schema: S,
  data: unknown,
  options: { locale?: Locale } = {},
): ValidationResult<SchemaOutput<S>> {
  // Valid data with nothing to strip is returned as it is (zod would return an equal copy),
  // about ten times faster; anything else goes to zod, which words the issues.
  let fast = false;
  try {
    fast = fastGuard(schema)?.(data) === true;
  } catch {
    // A getter that throws: zod (below) words the issue.
  }
  if (fast) return { ok: true, value: data as SchemaOutput<S> };
  const locale: Locale = options.locale === 'en' ? 'en' : 'vi';
  return validateWith(schema, data, { error: errorMaps[locale] as never, locale });
}
