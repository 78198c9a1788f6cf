import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { BantinCheck } from './checks.js';
import { validateWith, type Locale, type Schema, type SchemaOutput, type ValidationResult } from './issues.js';
import { vietnameseZodMessage } from './zod-vi.js';

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
    slug: 'chuỗi định danh chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang',
    email: 'địa chỉ email không hợp lệ',
    text: 'không được chứa ký tự điều khiển',
    line: 'chỉ một dòng, không chứa ký tự điều khiển, và có ít nhất một chữ nhìn thấy được',
  },
  en: {
    dateTime: 'invalid date-time: expected ISO 8601 with an offset, e.g. 2026-02-03T08:00:00+07:00',
    date: 'invalid date: expected YYYY-MM-DD, e.g. 2026-03-15',
    int: 'expected an integer{range}',
    url: 'invalid URL: only http://, https:// or a path starting with / is accepted',
    slug: 'a slug has only lowercase ASCII letters, digits and hyphens',
    email: 'invalid email address',
    text: 'must not contain control characters',
    line: 'must be one line, without control characters, with at least one visible character',
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

type Issue = { code?: string; input?: unknown; params?: Record<string, unknown>; [key: string]: unknown };

const errorMaps = Object.fromEntries(
  (['vi', 'en'] as const).map((locale) => [
    locale,
    (issue: Issue) => {
      const own = issue.code === 'custom' ? (issue.params?.bantin as BantinCheck | undefined) : undefined;
      if (!own) return (locale === 'vi' && vietnameseZodMessage(issue)) || zodMessages[locale](issue as never);
      const range = own === 'int' ? rangeText(locale, Number(issue.params?.min), Number(issue.params?.max)) : '';
      return ownMessages[locale][own].replace('{range}', range);
    },
  ]),
) as Record<Locale, (issue: Issue) => ReturnType<(typeof zodMessages)['vi']>>;

/**
 * Validates with zod, without throwing. Messages are Vietnamese by default and English with
 * `{ locale: 'en' }`; each issue names the field it is about. Browsers use `checkWire` instead.
 */
export function validate<S extends Schema>(
  schema: S,
  data: unknown,
  options: { locale?: Locale } = {},
): ValidationResult<SchemaOutput<S>> {
  const locale: Locale = options.locale === 'en' ? 'en' : 'vi';
  return validateWith(schema, data, { error: errorMaps[locale] as never, locale });
}
