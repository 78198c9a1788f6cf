import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  canonicalArticleKey,
  formatIssue,
  idSchema,
  validate,
  type ApiError,
  type Comment,
  type Locale,
  type Schema,
  type SchemaOutput,
} from '@bantin/model';
import type { StoredComment } from '../storage/types.js';

/**
 * Shared plumbing of the routes: the error type every 4xx/5xx goes through, the locale of a
 * request, query-parameter validation with field-naming messages, and the public view of a
 * stored comment.
 */

/** An answer in the shape of `ApiErrorSchema`, already worded in the request's language. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiHttpError';
  }

  toBody(): ApiError {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** English when `Accept-Language` starts with `en` or the query has `lang=en`; else Vietnamese. */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && /^\s*en/i.test(header)) return 'en';
  const url = request.raw.url ?? '';
  const q = url.indexOf('?');
  if (q !== -1 && /(?:^|&)lang=en(?:&|$)/i.test(url.slice(q + 1))) return 'en';
  return 'vi';
}

type Words = Record<Locale, string>;

/** Messages of the server's own errors (validation messages come from @bantin/model). */
export const MESSAGES = {
  notFound: { vi: 'Không tìm thấy: {what}', en: 'Not found: {what}' },
  invalidJson: { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  emptyJson: {
    vi: 'Nội dung gửi lên trống: cần một đối tượng JSON',
    en: 'The request body is empty: a JSON object is expected',
  },
  unsupportedMediaType: {
    vi: 'Nội dung gửi lên phải có kiểu application/json',
    en: 'The request body must be application/json',
  },
  tooLarge: { vi: 'Nội dung gửi lên quá lớn (tối đa {limit})', en: 'The request body is too large (at most {limit})' },
  rateLimited: {
    vi: 'Bạn thao tác quá nhanh, vui lòng thử lại sau {seconds} giây',
    en: 'Too many requests, please retry in {seconds} seconds',
  },
  unauthorized: {
    vi: 'Cần mã quản trị hợp lệ (Authorization: Bearer …)',
    en: 'A valid admin token is required (Authorization: Bearer …)',
  },
  badUrl: { vi: 'Địa chỉ yêu cầu không hợp lệ', en: 'The request URL is not valid' },
  badRequest: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' },
  headersTooLarge: {
    vi: 'Phần đầu (headers) của yêu cầu quá lớn',
    en: 'The request headers are too large',
  },
  requestTimeout: {
    vi: 'Yêu cầu gửi lên quá chậm, vui lòng thử lại',
    en: 'The request took too long to arrive, please retry',
  },
  internal: { vi: 'Máy chủ đang gặp sự cố', en: 'Internal server error' },
  invalidCursor: {
    vi: 'Trường `cursor`: con trỏ phân trang không hợp lệ hoặc đã hết hạn',
    en: 'Field `cursor`: invalid or expired page cursor',
  },
  tooManyIds: {
    vi: 'Trường `ids`: tối đa {max} mã bài viết mỗi yêu cầu, nhận được {count}',
    en: 'Field `ids`: at most {max} article ids per request, got {count}',
  },
  missingIds: {
    vi: 'Trường `ids`: bắt buộc (các mã bài viết, cách nhau bằng dấu phẩy)',
    en: 'Field `ids`: required (comma-separated article ids)',
  },
  emptyKey: {
    vi: 'Trường `{field}`: mã bài viết rỗng sau khi chuẩn hóa',
    en: 'Field `{field}`: the article id is empty once canonicalised',
  },
  keyTooLong: {
    vi: 'Trường `{field}`: mã bài viết dài quá {max} ký tự sau khi chuẩn hóa ({length} ký tự)',
    en: 'Field `{field}`: the article id is longer than {max} characters once canonicalised ({length})',
  },
  keyControl: {
    vi: 'Trường `{field}`: mã bài viết không được chứa ký tự điều khiển (như NUL)',
    en: 'Field `{field}`: the article id must not contain control characters (such as NUL)',
  },
  parentUnknown: {
    vi: 'Trường `parentId`: không có bình luận này trong bài viết',
    en: 'Field `parentId`: no such comment on this article',
  },
  commentNotFound: { vi: 'Không tìm thấy bình luận {id}', en: 'Comment {id} not found' },
  articleNotFound: { vi: 'Không tìm thấy bài viết {id}', en: 'Article {id} not found' },
  unknownArticle: {
    vi: 'Bài viết {id} chưa được đăng ký với máy chủ bình luận',
    en: 'Article {id} is not registered with this server',
  },
  badIdempotencyKey: {
    vi: 'Trường `Idempotency-Key`: cần 1–200 ký tự ASCII in được',
    en: 'Field `Idempotency-Key`: 1–200 printable ASCII characters expected',
  },
} satisfies Record<string, Words>;

export function say(locale: Locale, words: Words, values: Record<string, string | number> = {}): string {
  return words[locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/**
 * Validates one value against a model schema and throws a 400 naming `field` otherwise.
 * `code` is the ApiError code ('invalid_query', 'invalid_param', …).
 */
export function check<S extends Schema>(
  schema: S,
  value: unknown,
  field: string,
  locale: Locale,
  code: string,
): SchemaOutput<S> {
  const result = validate(schema, value, { locale });
  if (result.ok) return result.value;
  const issue = result.issues[0]!;
  const path = issue.path ? `${field}.${issue.path}` : field;
  throw new ApiHttpError(400, code, formatIssue({ ...issue, path }, locale), path);
}

/** A query parameter that must be a single string if present. */
export function queryValue(request: FastifyRequest, name: string): unknown {
  return (request.query as Record<string, unknown> | undefined)?.[name];
}

/**
 * Integer query parameter: absent → `fallback`; otherwise checked against `schema`
 * (`intSchema(min, max)`). Digits are converted; anything else is handed to the schema as is so
 * that the message says what was wrong ("expected number, received string").
 */
export function intQuery(
  request: FastifyRequest,
  name: string,
  schema: Schema,
  fallback: number,
  locale: Locale,
): number {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return fallback;
  const value =
    typeof raw === 'string' && /^[+-]?(?:\d{1,15}(?:\.\d*)?|\.\d+)$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  return check(schema, value, name, locale, 'invalid_query') as number;
}

/** Enum query parameter: absent → `fallback`. */
export function enumQuery<T extends string>(
  request: FastifyRequest,
  name: string,
  schema: Schema,
  fallback: T,
  locale: Locale,
): T {
  const raw = queryValue(request, name);
  if (raw === undefined || raw === '') return fallback;
  return check(schema, raw, name, locale, 'invalid_query') as T;
}

/** Optional opaque string query parameter (cursors): at most 1,000 characters. */
export function cursorQuery(request: FastifyRequest, locale: Locale): string | null {
  const raw = queryValue(request, 'cursor');
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || raw.length > 1000) throw invalidCursor(locale);
  return raw;
}

/** 429 with Retry-After: the window ends in `ttlMs`. */
export function rateLimited(locale: Locale, ttlMs: number): ApiHttpError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new ApiHttpError(429, 'rate_limited', say(locale, MESSAGES.rateLimited, { seconds }), undefined, {
    'retry-after': String(seconds),
  });
}

export function invalidCursor(locale: Locale): ApiHttpError {
  return new ApiHttpError(400, 'invalid_cursor', say(locale, MESSAGES.invalidCursor), 'cursor');
}

/**
 * An article id from the path or the query, checked (1–200 characters), canonicalised, and
 * checked again: NFC can lengthen an id (200 × U+0958 become 400 characters), and the key is what
 * is stored and sent back, so it must pass the same schema as any id. Control characters (a NUL
 * is a 500 on PostgreSQL) are refused; in URL-like ids canonicalArticleKey keeps them encoded.
 */
export function articleKey(raw: unknown, field: string, locale: Locale): string {
  const id = check(idSchema, raw, field, locale, 'invalid_param');
  return checkedKey(canonicalArticleKey(id), field, locale);
}

/** The checks of `articleKey` on an already canonical key. */
export function checkedKey(key: string, field: string, locale: Locale): string {
  if (!key) throw new ApiHttpError(400, 'invalid_param', say(locale, MESSAGES.emptyKey, { field }), field);
  if (key.length > MAX_KEY_LENGTH)
    throw new ApiHttpError(
      400,
      'invalid_param',
      say(locale, MESSAGES.keyTooLong, { field, max: MAX_KEY_LENGTH, length: key.length }),
      field,
    );
  if (CONTROL.test(key))
    throw new ApiHttpError(400, 'invalid_param', say(locale, MESSAGES.keyControl, { field }), field);
  return key;
}

/** idSchema's bound, applied to the canonical key too. */
export const MAX_KEY_LENGTH = 200;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The public view of a stored comment: fields listed one by one, so email and ipHash never leak. */
export function publicComment(stored: StoredComment): Comment {
  return {
    id: stored.id,
    articleId: stored.articleId,
    parentId: stored.parentId,
    authorName: stored.authorName,
    content: stored.content,
    createdAt: stored.createdAt,
    status: stored.status,
    likes: stored.likes,
  };
}

/** What moderators see: everything, including the email and the salted address hash. */
export function adminComment(stored: StoredComment): StoredComment {
  return { ...publicComment(stored), email: stored.email, ipHash: stored.ipHash };
}

/** The address to count or limit: Fastify's `request.ip` (honours `trustProxy` when set). */
export function clientIp(request: FastifyRequest): string {
  return request.ip ?? request.socket.remoteAddress ?? '';
}

/**
 * Headers of every API answer: never cached (counts and comments change by the second) and never
 * sniffed as anything but JSON. Set in each handler rather than in an onSend hook, which would
 * cost every request a hook run.
 */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
}
