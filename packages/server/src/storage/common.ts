// What both drivers share: errors, day and time formatting, id parsing, the cursor codec and
// row mapping. Free of driver imports, like migrations.ts.

import { isIsoDate, isIsoDateTime, VN_UTC_OFFSET_MINUTES, type CommentSort, type CommentStatus } from '@bantin/model';
import { InvalidCursorError, type StoredComment } from './types.js';

// ---- errors ---------------------------------------------------------------------------------

/**
 * `createComment` with a `parentId` that names no comment of the same article. Not part of the
 * `Storage` contract in types.ts; the HTTP layer may catch it (by class or by `name`) and answer
 * 400, or check the parent with `getComment` first.
 */
export class UnknownParentError extends Error {
  override readonly name = 'UnknownParentError';
  constructor(readonly parentId: string) {
    super(`parentId ${JSON.stringify(parentId)} names no comment of this article`);
  }
}

// ---- days -----------------------------------------------------------------------------------

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a TypeError unless `day` is a real calendar day 'YYYY-MM-DD'. */
export function assertDay(day: string): void {
  if (typeof day === 'string' && isIsoDate(day)) return;
  throw new TypeError(`expected a day 'YYYY-MM-DD', got ${JSON.stringify(day)}`);
}

/** 'YYYY-MM-DD' plus `n` days (n may be negative). Pure calendar arithmetic: no time zone. */
export function addDays(day: string, n: number): string {
  const m = DAY.exec(day);
  if (!m) throw new TypeError(`expected a day 'YYYY-MM-DD', got ${JSON.stringify(day)}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n));
  return date.toISOString().slice(0, 10);
}

export function assertPositiveInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${value}`);
}

// ---- times ----------------------------------------------------------------------------------

const VN_OFFSET_MS = VN_UTC_OFFSET_MINUTES * 60_000;

/** Milliseconds since the epoch as Vietnam time with its offset: '2026-02-04T08:00:00.000+07:00'. */
export function toVnIso(ms: number): string {
  return `${new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 23)}+07:00`;
}

/**
 * The canonical stored form of a creation time: UTC with milliseconds, which sorts as text.
 * `value` must be ISO 8601 with an offset (a bare local time would depend on the server's zone).
 */
export function toStoredUtc(value: string | undefined, now = Date.now()): string {
  if (value === undefined) return new Date(now).toISOString();
  if (typeof value !== 'string' || !isIsoDateTime(value)) {
    throw new TypeError(`createdAt must be ISO 8601 with an offset, got ${JSON.stringify(value)}`);
  }
  const iso = new Date(Date.parse(value)).toISOString();
  if (!STORED_UTC.test(iso)) throw new TypeError(`createdAt out of range: ${value}`);
  return iso;
}

const STORED_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// ---- ids ------------------------------------------------------------------------------------

/** A comment id as the API shows it ('42') back to the integer; null for anything else. */
export function parseCommentId(id: string): number | null {
  if (typeof id !== 'string' || !/^[1-9][0-9]{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}

// ---- cursors --------------------------------------------------------------------------------

/**
 * What a cursor carries: the last row's sort key and id. `s` ties a cursor to the listing that
 * made it, so a `newest` cursor given to `top` is rejected rather than silently misread.
 */
export type CursorKey =
  { s: 'newest' | 'oldest' | 'queue'; c: string; i: number } | { s: 'top'; l: number; c: string; i: number };

export type CursorKind = CursorKey['s'];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const MAX_CURSOR_LENGTH = 512;

/** The inverse of encodeCursor; anything else, or a cursor of another listing, throws InvalidCursorError. */
export function decodeCursor(cursor: string, kind: CursorKind): CursorKey {
  const bad = (why: string) => new InvalidCursorError(`invalid cursor: ${why}`);
  if (
    typeof cursor !== 'string' ||
    cursor.length === 0 ||
    cursor.length > MAX_CURSOR_LENGTH ||
    !/^[A-Za-z0-9_-]+$/.test(cursor)
  ) {
    throw bad('not a cursor');
  }
  let value: unknown;
  try {
    const bytes = Buffer.from(cursor, 'base64url');
    // Buffer decoding is lenient; insist on the exact encoding we produce.
    if (bytes.toString('base64url') !== cursor) throw new Error('not canonical base64url');
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('not a cursor');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a cursor');
  const v = value as Record<string, unknown>;
  if (v.s !== kind) throw bad(`made for another listing (${String(v.s)}), not ${kind}`);
  if (typeof v.c !== 'string' || !STORED_UTC.test(v.c) || Number.isNaN(Date.parse(v.c))) throw bad('bad time');
  if (typeof v.i !== 'number' || !Number.isSafeInteger(v.i) || v.i < 1) throw bad('bad id');
  if (kind === 'top') {
    if (typeof v.l !== 'number' || !Number.isSafeInteger(v.l) || v.l < 0) throw bad('bad likes');
    return { s: 'top', l: v.l, c: v.c, i: v.i };
  }
  return { s: kind, c: v.c, i: v.i };
}

/**
 * The parameters of one page of a listing, in the order both drivers' SQL takes them: the
 * leading values, then the cursor's sort key and id (likes first for `top`), then limit + 1
 * (the extra row only says there is a next page). An invalid cursor throws InvalidCursorError.
 */
export function listingParams(
  kind: CursorKind,
  leading: readonly unknown[],
  query: { cursor: string | null; limit: number },
): { limit: number; afterCursor: boolean; params: unknown[] } {
  const limit = clampLimit(query.limit);
  const key = query.cursor === null || query.cursor === undefined ? null : decodeCursor(query.cursor, kind);
  const params = [...leading];
  if (key) params.push(...(key.s === 'top' ? [key.l, key.c, key.i] : [key.c, key.i]));
  params.push(limit + 1);
  return { limit, afterCursor: key !== null, params };
}

/** Limits are validated by the HTTP layer; here they are only kept sane. */
export function clampLimit(limit: number, max = 1000): number {
  if (!Number.isFinite(limit)) return 20;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}

// ---- rows -----------------------------------------------------------------------------------

/** A comments row as both drivers read it (created_at already as UTC ISO text). */
export interface CommentRow {
  id: number;
  article_key: string;
  parent_id: number | null;
  author_name: string;
  email: string | null;
  content: string;
  created_at: string;
  status: CommentStatus;
  likes: number;
  ip_hash: string | null;
}

export function toStoredComment(row: CommentRow): StoredComment {
  return {
    id: String(row.id),
    articleId: row.article_key,
    parentId: row.parent_id === null ? null : String(row.parent_id),
    authorName: row.author_name,
    content: row.content,
    createdAt: toVnIso(Date.parse(row.created_at)),
    status: row.status,
    likes: row.likes,
    email: row.email,
    ipHash: row.ip_hash,
  };
}

export function cursorFor(kind: CursorKind, row: CommentRow): string {
  return encodeCursor(
    kind === 'top'
      ? { s: 'top', l: row.likes, c: row.created_at, i: row.id }
      : { s: kind, c: row.created_at, i: row.id },
  );
}

export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected'];

export function assertStatus(status: CommentStatus): void {
  if (!COMMENT_STATUSES.includes(status)) throw new TypeError(`unknown comment status ${JSON.stringify(status)}`);
}

/** Visitor rows are needed only for today's dedupe (and a late request for yesterday). */
export const VISITOR_RETENTION_DAYS = 2;

export function sortKind(sort: CommentSort): CursorKind {
  if (sort === 'newest' || sort === 'oldest' || sort === 'top') return sort;
  throw new TypeError(`unknown sort ${JSON.stringify(sort)}`);
}

/** `rows` holds up to limit + 1 rows: the extra one only says there is a next page. */
export function page(kind: CursorKind, rows: CommentRow[], limit: number, total: number) {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    comments: shown.map(toStoredComment),
    nextCursor: more && last ? cursorFor(kind, last) : null,
    total,
  };
}

/** Bulk writes take the last value given for a key, as a run of single writes would. */
export function latestPerKey<T>(rows: ReadonlyArray<{ key: string; views: T }>): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const { key, views } of rows) byKey.set(key, views);
  return byKey;
}
