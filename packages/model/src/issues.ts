import type * as z from 'zod/mini';

/**
 * Validation without message tables: the typed value, or issues with field paths. Browser
 * bundles use this (zod's locale tables cost about 2 kB gzip); `validate()` in validate.ts adds
 * Vietnamese and English wording on top.
 */

export type Locale = 'vi' | 'en';

export interface ValidationIssue {
  /** Dotted path with array indexes: "body[2].image.src". Empty for the value itself. */
  path: string;
  message: string;
  code: string;
}

export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; issues: ValidationIssue[]; /** One line per issue, naming the field. */ message: string };

/** Any schema of this package, for code that validates without depending on zod directly. */
export type Schema = z.ZodMiniType;
/** The value a schema produces. */
export type SchemaOutput<S extends Schema> = z.output<S>;

type ErrorMap = NonNullable<Parameters<z.ZodMiniType['safeParse']>[1]>['error'];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const ROOT_LABEL: Record<Locale, string> = { vi: '(toàn bộ dữ liệu)', en: '(the value itself)' };
const FIELD_LABEL: Record<Locale, string> = { vi: 'Trường', en: 'Field' };

/** "Trường `author.name`: …": the form used in console messages and API errors. */
export function formatIssue(issue: ValidationIssue, locale: Locale = 'vi'): string {
  const field = issue.path ? `${FIELD_LABEL[locale]} \`${issue.path}\`` : ROOT_LABEL[locale];
  return `${field}: ${issue.message}`;
}

const UNREADABLE: Record<Locale, string> = {
  vi: 'giá trị không đọc được: không chuyển được thành chuỗi hay số',
  en: 'unreadable value: it cannot be converted to a string or a number',
};

/**
 * The path of the first value in `data` that cannot be read as plain data: an object that throws
 * when turned into a string or number, or a property whose getter throws. zod throws on those
 * (it compares `value.length` without checking its type), so this finds the field to name.
 */
function unreadablePath(data: unknown): PropertyKey[] {
  const seen = new Set<object>();
  const walk = (value: unknown, path: PropertyKey[]): PropertyKey[] | undefined => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    try {
      void String(value);
      void Number(value);
    } catch {
      return path;
    }
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      return path;
    }
    for (const key of keys) {
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        return [...path, Array.isArray(value) ? Number(key) : key];
      }
      const found = walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(data, []) ?? [];
}

/**
 * Never throws, whatever the input: when zod itself throws (it does on some hostile objects),
 * the answer is one issue naming the unreadable field. Without an error map, messages are zod's
 * bare "Invalid input" plus the code.
 */
export function validateWith<S extends Schema>(
  schema: S,
  data: unknown,
  options: { error?: ErrorMap; locale?: Locale } = {},
): ValidationResult<SchemaOutput<S>> {
  const locale = options.locale ?? 'en';
  let result;
  try {
    result = schema.safeParse(data, options.error ? { error: options.error } : undefined);
  } catch {
    const issue = { path: formatPath(unreadablePath(data)), code: 'invalid_type', message: UNREADABLE[locale] };
    return { ok: false, issues: [issue], message: formatIssue(issue, locale) };
  }
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: options.error ? issue.message : `${issue.message} (${issue.code})`,
    code: issue.code,
  }));
  return { ok: false, issues, message: issues.map((issue) => formatIssue(issue, locale)).join('\n') };
}
