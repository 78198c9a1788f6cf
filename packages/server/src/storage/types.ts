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
   */
  recordView(articleKey: string, visitorHash: string, day: string): Promise<{ counted: boolean; views: number }>;
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
   * Stores a new comment. With an idempotency key already used for this article, returns the
   * stored comment and `duplicate: true` instead of storing a second copy.
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
   * A reader likes an approved comment: counted once per `visitorHash` and comment. Null when
   * the id is unknown or the comment is not approved.
   */
  likeComment(id: string, visitorHash: string): Promise<{ counted: boolean; likes: number } | null>;
  /** Approved comments per article key; keys without any are absent. */
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
  /** For tests and imports; default now. */
  createdAt?: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export type { Period };
