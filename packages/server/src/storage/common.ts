// What both drivers share: errors, day and time formatting, id parsing, the cursor codec and
// row mapping. Free of driver imports, like migrations.ts.

import { addDays as addCalendarDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';
import { isIsoDate, isIsoDateTime, toVietnamIsoString, type CommentSort, type CommentStatus } from '@bantin/model';
import { InvalidCursorError, type StoredComment, type ThreadInfo, type ThreadPage, type ViewLimit } from './types.js';

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
  if (!DAY.test(day)) throw new TypeError(`expected a day 'YYYY-MM-DD', got ${JSON.stringify(day)}`);
  // Calendar arithmetic on the date alone, with date-fns: a calendar day has the same neighbours
  // in every zone, so the process's own zone (where date-fns counts) cannot shift the window.
  const date = parse(day, 'yyyy-MM-dd', new Date(0));
  if (Number.isNaN(date.getTime())) throw new TypeError(`no such day: ${day}`);
  return format(addCalendarDays(date, n), 'yyyy-MM-dd');
}

export function assertPositiveInt(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${value}`);
}

// ---- times ----------------------------------------------------------------------------------

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
  | { s: 'newest' | 'oldest' | 'queue'; c: string; i: number }
  | { s: 'top'; l: number; c: string; i: number }
  | { s: 'replies'; r: number; i: number };

export type CursorKind = CursorKey['s'];
/** The listings paged by a sort key and an id (every one but a thread's replies). */
export type ListingKind = Exclude<CursorKind, 'replies'>;

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
  if (kind === 'replies') {
    // i = 0: from the first reply (a thread whose page carried none of its replies).
    if (!isId(v.r, 1)) throw bad('bad thread');
    if (!isId(v.i, 0)) throw bad('bad id');
    return { s: 'replies', r: v.r, i: v.i };
  }
  if (!isStoredTime(v.c)) throw bad('bad time');
  if (!isId(v.i, 1)) throw bad('bad id');
  if (kind === 'top') {
    // likes is a 32-bit integer column on PostgreSQL: a bigger number would be a 500 there.
    if (typeof v.l !== 'number' || !Number.isSafeInteger(v.l) || v.l < 0 || v.l > MAX_INT32) throw bad('bad likes');
    return { s: 'top', l: v.l, c: v.c, i: v.i };
  }
  return { s: kind, c: v.c, i: v.i };
}

const MAX_INT32 = 2 ** 31 - 1;

/** Ids are integers (bigint on PostgreSQL) and never past 2^53 here. */
function isId(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/**
 * A time exactly as toStoredUtc writes it: Date.parse alone would roll 30 February over to
 * 2 March, and accepts year 0, which PostgreSQL refuses (a 500 rather than a 400).
 */
function isStoredTime(value: unknown): value is string {
  if (typeof value !== 'string' || !STORED_UTC.test(value) || value.startsWith('0000')) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

/**
 * The parameters of one page of a listing, in the order both drivers' SQL takes them: the
 * leading values, then the cursor's sort key and id (likes first for `top`), then limit + 1
 * (the extra row only says there is a next page). An invalid cursor throws InvalidCursorError.
 */
export function listingParams(
  kind: ListingKind,
  leading: readonly unknown[],
  query: { cursor: string | null; limit: number },
): { limit: number; afterCursor: boolean; params: unknown[] } {
  const limit = clampLimit(query.limit);
  const key = query.cursor === null || query.cursor === undefined ? null : decodeCursor(query.cursor, kind);
  const params = [...leading];
  if (key?.s === 'replies') throw new TypeError('replies cursors have their own listing');
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
  /** The thread's top-level comment; null for a top-level comment itself. */
  root_id: number | null;
}

export function toStoredComment(row: CommentRow): StoredComment {
  return {
    id: String(row.id),
    articleId: row.article_key,
    parentId: row.parent_id === null ? null : String(row.parent_id),
    authorName: row.author_name,
    content: row.content,
    // The one Vietnam-time function of @bantin/model: '2026-02-04T08:00:00.000+07:00'.
    createdAt: toVietnamIsoString(Date.parse(row.created_at), { milliseconds: true }),
    status: row.status,
    likes: row.likes,
    email: row.email,
    ipHash: row.ip_hash,
  };
}

export function cursorFor(kind: ListingKind, row: CommentRow): string {
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

export function sortKind(sort: CommentSort): ListingKind {
  if (sort === 'newest' || sort === 'oldest' || sort === 'top') return sort;
  throw new TypeError(`unknown sort ${JSON.stringify(sort)}`);
}

/** `rows` holds up to limit + 1 rows: the extra one only says there is a next page. */
export function page(kind: ListingKind, rows: CommentRow[], limit: number, total: number) {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return {
    comments: shown.map(toStoredComment),
    nextCursor: more && last ? cursorFor(kind, last) : null,
    total,
  };
}

// ---- threads --------------------------------------------------------------------------------

/**
 * The statement that rewrites `shown` of one comment (parameter `param`) and of its whole
 * subtree: approved, under a shown parent. SQLite writes false as 0, PostgreSQL as false.
 */
export function updateShownSql(param: '?' | '$1', falseValue: '0' | 'false'): string {
  return `
  WITH RECURSIVE sub (id, shown) AS (
    SELECT c.id, c.status = 'approved' AND (c.parent_id IS NULL OR coalesce((SELECT p.shown FROM comments AS p WHERE p.id = c.parent_id), ${falseValue}))
    FROM comments AS c WHERE c.id = ${param}
    UNION ALL
    SELECT c.id, sub.shown AND c.status = 'approved' FROM comments AS c JOIN sub ON c.parent_id = sub.id
  )
  UPDATE comments SET shown = sub.shown FROM sub WHERE comments.id = sub.id AND comments.shown <> sub.shown`;
}

/** Replies carried per thread on a comment page: at most this many (docs/api.md). */
export const MAX_REPLIES_PER_THREAD = 10;

/** Where "more replies" of thread `root` start: after reply `afterId` (0: from the first). */
export function repliesCursor(root: number, afterId: number): string {
  return encodeCursor({ s: 'replies', r: root, i: afterId });
}

/**
 * The reply id a replies cursor of thread `root` starts after; InvalidCursorError for a cursor
 * of another thread or listing. No cursor: 0, from the first reply.
 */
export function repliesAfter(cursor: string | null, root: number): number {
  if (cursor === null || cursor === undefined) return 0;
  const key = decodeCursor(cursor, 'replies');
  if (key.s !== 'replies' || key.r !== root) throw new InvalidCursorError('invalid cursor: made for another thread');
  return key.i;
}

/**
 * A page of threads from what both drivers read: `roots` holds up to limit + 1 top-level comments
 * in the listing's order, `replies` the first replies of the shown ones (any order), `counts`
 * every thread's number of shown replies.
 */
export function threadPage(
  kind: ListingKind,
  roots: CommentRow[],
  limit: number,
  replies: CommentRow[],
  counts: ReadonlyMap<number, number>,
  total: number,
): ThreadPage {
  const { comments: _, nextCursor } = page(kind, roots, limit, total);
  const shown = roots.slice(0, limit);
  const byRoot = new Map<number, CommentRow[]>();
  for (const row of replies) {
    const list = byRoot.get(row.root_id!) ?? [];
    list.push(row);
    byRoot.set(row.root_id!, list);
  }
  const comments: StoredComment[] = [];
  const threads: ThreadInfo[] = [];
  for (const root of shown) {
    const carried = (byRoot.get(root.id) ?? []).sort((a, b) => a.id - b.id);
    const count = counts.get(root.id) ?? 0;
    comments.push(toStoredComment(root), ...carried.map(toStoredComment));
    const last = carried[carried.length - 1];
    threads.push({
      id: String(root.id),
      replies: count,
      repliesCursor: count > carried.length ? repliesCursor(root.id, last ? last.id : 0) : null,
    });
  }
  return { comments, threads, nextCursor, total };
}

// ---- rate limits ----------------------------------------------------------------------------

/**
 * Adds a counter's new hits (`excluded.hits`) to its window, or starts a new window with them:
 * the one upsert of `rate_limits`, for a single hit and for a batch of views alike, on both
 * databases.
 */
export const ADD_RATE_LIMIT_HITS = `ON CONFLICT (rule, subject) DO UPDATE SET
  hits = CASE WHEN rate_limits.window_start = excluded.window_start THEN rate_limits.hits + excluded.hits ELSE excluded.hits END,
  window_start = excluded.window_start`;

/** The fixed window holding `nowMs`: windows of one length start at the same instants everywhere. */
export function windowStart(windowMs: number, nowMs: number): number {
  assertPositiveInt('windowMs', windowMs);
  if (!Number.isSafeInteger(nowMs)) throw new TypeError(`nowMs must be an integer, got ${nowMs}`);
  return nowMs - (((nowMs % windowMs) + windowMs) % windowMs);
}

// ---- views ----------------------------------------------------------------------------------

/**
 * What `recordView` checks before queueing a view; throws. `checkedDay` is the day checked last
 * (nearly every call carries today's: each new one is checked once); returns the day to remember.
 */
export function checkView(
  articleKey: string,
  visitorHash: string,
  day: string,
  checkedDay: string | null,
  closed: boolean,
): string {
  if (closed) throw new Error('storage is closed');
  if (day !== checkedDay) assertDay(day);
  if (typeof articleKey !== 'string' || typeof visitorHash !== 'string')
    throw new TypeError('articleKey and visitorHash must be strings');
  return day;
}

/**
 * The answers of a group-committed batch, as if its views had been applied one by one, in order:
 * walking backwards, a view sees its article's final total less the views of it counted after.
 */
export function answerBatch(
  batch: ReadonlyArray<{ articleKey: string }>,
  counted: (index: number) => boolean,
  total: (articleKey: string) => number,
): Array<{ counted: boolean; views: number }> {
  const results = new Array<{ counted: boolean; views: number }>(batch.length);
  const after = new Map<string, number>();
  for (let i = batch.length - 1; i >= 0; i--) {
    const key = batch[i]!.articleKey;
    const later = after.get(key) ?? 0;
    const isCounted = counted(i);
    results[i] = { counted: isCounted, views: total(key) - later };
    if (isCounted) after.set(key, later + 1);
  }
  return results;
}

/** One rate-limit counter hit by a batch of views: `n` hits, in the window starting at `windowStart`. */
export interface ViewLimitGroup {
  rule: string;
  subject: string;
  max: number;
  windowMs: number;
  windowStart: number;
  n: number;
}

/**
 * The rate-limit counters a batch of views hits, one per (rule, subject), so that each takes one
 * upsert (+n) for the whole batch; `groupOf[i]` is view i's counter (-1: no limit) and
 * `ordinal[i]` its place among that counter's hits in the batch (1-based). With the counter's
 * hits after the upsert, view i is the `hits - n + ordinal`-th hit of the window: over `max`,
 * it is refused, as it would have been had the views come one by one, in order.
 */
export function groupViewLimits(batch: ReadonlyArray<{ limit?: ViewLimit | undefined }>) {
  const groups: ViewLimitGroup[] = [];
  const index = new Map<string, number>();
  const groupOf = new Int32Array(batch.length).fill(-1);
  const ordinal = new Int32Array(batch.length);
  batch.forEach(({ limit }, i) => {
    if (!limit) return;
    const id = `${limit.rule}\u0000${limit.subject}`;
    let g = index.get(id);
    const start = windowStart(limit.windowMs, limit.nowMs);
    if (g === undefined) {
      g = groups.push({ ...limit, windowStart: start, n: 0 }) - 1;
      index.set(id, g);
    }
    const group = groups[g]!;
    // A batch that straddles two windows counts in the later one.
    if (start > group.windowStart) group.windowStart = start;
    ordinal[i] = ++group.n;
    groupOf[i] = g;
  });
  return { groups, groupOf, ordinal };
}

/** Whether view i of a batch is over its limit, given its counter's hits after the batch's upsert. */
export function overLimit(group: ViewLimitGroup, hitsAfter: number, ordinal: number): boolean {
  return hitsAfter - group.n + ordinal > group.max;
}

/** Bulk writes take the last value given for a key, as a run of single writes would. */
export function latestPerKey<T>(rows: ReadonlyArray<{ key: string; views: T }>): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const { key, views } of rows) byKey.set(key, views);
  return byKey;
}
