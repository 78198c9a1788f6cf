import type { SpamStore } from './spam-store.js';
import type { ArticleSummary, CommentSort, CommentStatus, Period } from '@bantin/model';

/**
 * What the HTTP layer needs from a database. SQLite (embedded, the default) and PostgreSQL
 * (several stateless server processes sharing one database) both implement it, and one test
 * suite runs against both (storage.test.ts).
 *
 * Keys are canonical article keys (`canonicalArticleKey`): the HTTP layer canonicalises before
 * calling. Days are Vietnam calendar days, 'YYYY-MM-DD'.
 */
export interface Storage {
  /** Creates or upgrades the schema; safe to call on every start and from several processes. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  // ---- views -------------------------------------------------------------------------------
  /**
   * Counts a view unless this visitor already counted one for this article on this day.
   * `visitorHash` is a salted hash of the address (raw addresses are never stored).
   * Exact under concurrency: N parallel calls from N distinct visitors add exactly N.
   *
   * With `limit`, the call is also one hit on that rate limit's counter (`rateLimitHit`'s table,
   * shared by every process), written in the same transaction as the view: a hit over the limit
   * counts no view and answers `limited`.
   */
  recordView(articleKey: string, visitorHash: string, day: string, limit?: ViewLimit): Promise<ViewResult>;
  /** Total views per key; keys never viewed are absent. */
  getViews(articleKeys: readonly string[]): Promise<Record<string, number>>;
  /**
   * Most viewed over the `days` Vietnam days ending on `today` (1 for day, 7 for week, 30 for
   * month), from daily buckets; ties broken by key so the order is stable.
   */
  mostViewed(
    days: number,
    today: string,
    limit: number,
    options?: { exclude?: string },
  ): Promise<Array<{ articleKey: string; views: number }>>;
  /**
   * Sets the view counts a site brings from its previous system (`bantin-server import views`):
   * each total becomes baseline + views counted here. Setting the same baseline again changes
   * nothing; day, week and month rankings never see baselines. Returns how many totals changed.
   */
  setViewBaselines(rows: ReadonlyArray<{ key: string; views: number }>): Promise<{ changed: number }>;

  /**
   * The salt of a Vietnam day for visitor hashes: stores `candidate` (32 random bytes) unless the
   * day has one already, and answers the day's salt, the same to every process. Salts of days
   * older than two days before `day` are deleted, so old hashes cannot be tied to addresses.
   */
  visitorSalt(day: string, candidate: Buffer): Promise<Buffer>;

  /**
   * One hit on a fixed-window counter shared by every process: `rule` ('admin', …) and `subject`
   * (a hashed address) name it; the window is the `windowMs` slice of time holding `nowMs`.
   * Answers the hits in this window, this one included, and when the window ends (ms).
   */
  rateLimitHit(
    rule: string,
    subject: string,
    windowMs: number,
    nowMs: number,
  ): Promise<{ hits: number; resetAtMs: number }>;

  /**
   * A long-lived random secret named `name` (e.g. 'like-keys'): stores `candidate` unless the
   * name has one already, and answers the stored one, the same to every process and after a
   * restart. Never deleted.
   */
  serverSecret(name: string, candidate: Buffer): Promise<Buffer>;

  /**
   * Marks a one-time token (`kind` 'altcha': a challenge's signature) used until `expiresAtMs`.
   * True the first time; false while it is recorded, whichever process recorded it. Tokens
   * expired at `nowMs` are deleted.
   */
  useOnce(kind: string, token: string, expiresAtMs: number, nowMs: number): Promise<boolean>;

  // ---- articles (what most-viewed items show) ---------------------------------------------
  upsertArticles(articles: ReadonlyArray<{ key: string; summary: ArticleSummary }>): Promise<void>;
  getArticles(articleKeys: readonly string[]): Promise<Map<string, ArticleSummary>>;
  /** Forgets a registered article (its views and comments stay). False when it was not registered. */
  deleteArticle(articleKey: string): Promise<boolean>;

  // ---- comments ----------------------------------------------------------------------------
  /**
   * Comments of one article with the given status (the public API asks for 'approved'),
   * sorted, in pages. `cursor` is opaque to callers: null for the first page; a page's
   * `nextCursor` is null when there is no more. An invalid cursor throws `InvalidCursorError`.
   */
  listComments(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; status: CommentStatus },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null; total: number }>;
  /**
   * The public comment page: shown top-level comments (approved, see `shown` below), `limit` at
   * a time in `sort` order, each followed by the first `replies` shown replies of its thread in
   * the order they were posted (by id: a reply's parent always comes before it), with each
   * thread's reply count and the cursor of the rest (`listReplies`). `total` counts every shown
   * comment of the article. An invalid cursor throws `InvalidCursorError`.
   *
   * A comment is shown when it is approved and its parent, if any, is shown: a pending or
   * rejected comment hides the replies under it.
   */
  listThreads(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; replies: number },
  ): Promise<ThreadPage>;
  /**
   * More shown replies of one thread, in the order they were posted, after the thread's
   * `repliesCursor` (null: from the first). Null when `rootId` is not a shown top-level comment
   * of the article. A cursor of another thread throws `InvalidCursorError`.
   */
  listReplies(
    articleKey: string,
    rootId: string,
    query: { cursor: string | null; limit: number },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null; total: number } | null>;
  /**
   * Stores a new comment. With an idempotency key already used for this article by the same
   * visitor (same `ipHash`), returns the stored comment and `duplicate: true` instead of storing
   * a second copy. A `parentId` must name a shown comment of the same article, otherwise
   * `UnknownParentError` (whatever the reason, so that callers cannot tell them apart).
   */
  createComment(input: NewStoredComment): Promise<{ comment: StoredComment; duplicate: boolean }>;
  getComment(id: string): Promise<StoredComment | null>;
  /** Moderation queue across all articles, oldest first. */
  listByStatus(
    status: CommentStatus,
    query: { cursor: string | null; limit: number },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null }>;
  /** Returns the updated comment, or null when the id is unknown. */
  setCommentStatus(id: string, status: CommentStatus): Promise<StoredComment | null>;
  /** Returns false when the id is unknown. */
  deleteComment(id: string): Promise<boolean>;
  /**
   * A reader likes a shown comment (approved, under shown parents): counted once per
   * `visitorHash` (the route passes a per-comment like key, security.ts) and comment. Null when the id is unknown or the comment is not shown.
   */
  likeComment(id: string, visitorHash: string): Promise<{ counted: boolean; likes: number } | null>;
  /** Shown comments per article key (what the public list counts); keys without any are absent. */
  commentCounts(articleKeys: readonly string[]): Promise<Record<string, number>>;
  /**
   * Adds comments brought from another system (`bantin-server import comments`) in one
   * transaction: all or none. A comment whose import key is already stored is left as it is
   * (a second import adds nothing). Parents come before their replies; a parent import key
   * found neither earlier in `rows` nor in the database throws an ImportError naming the row.
   * Content may be longer than the reader form allows. `dryRun` rolls the transaction back.
   */
  /** Spam defence: flags of held comments, per-rule counts, the blocklist. */
  readonly spam: SpamStore;
  importComments(
    rows: readonly ImportedComment[],
    options?: { dryRun?: boolean },
  ): Promise<{ inserted: number; existing: number }>;
}

/** The view counter's rate limit for one request (see `Storage.recordView`). */
export interface ViewLimit {
  /** The counter's name ('views') and the hashed address it counts. */
  rule: string;
  subject: string;
  /** Hits allowed per window. */
  max: number;
  windowMs: number;
  /** The request's time; the window is the `windowMs` slice of time holding it. */
  nowMs: number;
}

/** What `recordView` answers: `limited` (with when the window ends, ms) when the limit refused it. */
export interface ViewResult {
  counted: boolean;
  views: number;
  limited?: { resetAtMs: number };
}

/** A comment read from an export file (see import/comments.ts). */
export interface ImportedComment {
  /** Where it is in the file ("<item> 2, <wp:comment> 3 (comment_id 322)"), for messages. */
  where: string;
  /** 'wxr:<site>:<id>' or 'artrans:<site>:<id>': unique among stored comments. */
  importKey: string;
  parentImportKey: string | null;
  articleKey: string;
  authorName: string;
  email: string | null;
  content: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  status: CommentStatus;
  likes: number;
}

/** A comment as stored: the public `Comment` plus what only moderators see. */
export interface StoredComment {
  id: string;
  articleId: string;
  parentId: string | null;
  authorName: string;
  content: string;
  /** ISO 8601 with offset. */
  createdAt: string;
  status: CommentStatus;
  likes: number;
  /** Moderators only: never in a public response. */
  email: string | null;
  /** Salted hash of the poster's address, for abuse handling; never the address itself. */
  ipHash: string | null;
}

export interface NewStoredComment {
  articleKey: string;
  parentId: string | null;
  authorName: string;
  email: string | null;
  content: string;
  status: CommentStatus;
  ipHash: string | null;
  idempotencyKey: string | null;
  /**
   * Refuse (UnknownParentError) a parent that is not shown, as the public API does. Off, a
   * parent of the same article is enough (imports bring replies to pending comments).
   */
  parentMustBeShown?: boolean;
  /** For tests and imports; default now. */
  createdAt?: string;
}

/** One thread of a comment page (docs/api.md, `threads`). */
export interface ThreadInfo {
  /** The top-level comment's id. */
  id: string;
  /** Shown replies in the whole thread. */
  replies: number;
  /** Null when every reply is on the page; otherwise where `listReplies` goes on. */
  repliesCursor: string | null;
}

export interface ThreadPage {
  comments: StoredComment[];
  threads: ThreadInfo[];
  nextCursor: string | null;
  total: number;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export type { Period };
