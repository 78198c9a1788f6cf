// Storage on embedded SQLite (better-sqlite3), the default for a single server process.
//
// Durability. The database runs in WAL mode. With synchronous=NORMAL (the default here) a
// commit appends to the WAL without an fsync: every call that has resolved survives a crash of
// the server process (kill -9, an uncaught exception, the OOM killer), because the bytes are
// already in the operating system's page cache; a power cut or kernel crash may lose the last
// moments of acknowledged writes (it never corrupts the database). That is what keeps a view at
// tens of microseconds. `synchronous: 'FULL'` (or `sqlite:./data.db?synchronous=full`) fsyncs
// the WAL on every commit: durable against power loss too, at one fsync (milliseconds) a commit.
//
// Every method resolves only after its transaction has committed. Writes other than views commit
// synchronously inside the call (better-sqlite3 is synchronous). Views are group-committed: the
// calls of one turn of the event loop share one transaction, and each resolves after it commits.
//
// Speed. Three things keep recordView cheap: group commit (one commit, one set of locks and one
// bucket/total upsert per article for a whole batch of views); a 64 MB page cache; and WAL
// checkpoints (two fsyncs each) on a worker thread instead of inside a commit (see the end of the
// file). On a 2-core VM whose fsync takes ~5 ms: ~10–35 µs per view under concurrent load.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ArticleSummary, CommentSort, CommentStatus } from '@bantin/model';
import {
  addDays,
  answerBatch,
  checkView,
  assertDay,
  assertPositiveInt,
  assertStatus,
  clampLimit,
  latestPerKey,
  listingParams,
  MAX_REPLIES_PER_THREAD,
  page,
  parseCommentId,
  repliesAfter,
  repliesCursor,
  threadPage,
  sortKind,
  toStoredComment,
  toStoredUtc,
  UnknownParentError,
  updateShownSql,
  windowStart,
  ADD_RATE_LIMIT_HITS,
  groupViewLimits,
  overLimit,
  VISITOR_RETENTION_DAYS,
  type CommentRow,
  type ListingKind,
} from './common.js';
import { sqliteSpamStore } from './spam-store.js';
import { importCommentsSqlite } from './import-comments.js';
import { SQLITE_MIGRATIONS, type Migration } from './migrations.js';
import type {
  ImportedComment,
  NewStoredComment,
  Storage,
  StoredComment,
  ThreadPage,
  ViewLimit,
  ViewResult,
} from './types.js';

export interface SqliteStorageOptions {
  /** 'NORMAL' (default): durable against process crashes; 'FULL': also against power loss. */
  synchronous?: 'NORMAL' | 'FULL';
  /** How long a write waits for another connection's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Delete visitor rows no longer needed for dedupe, in the background. Default true. */
  pruneVisitors?: boolean;
  /**
   * 'background' (default for files): WAL checkpoints, with their fsyncs, run on a worker thread
   * with its own connection, so the event loop does not wait for the disk (see the end of this
   * file). 'auto': SQLite's own, inside whichever commit crosses 1000 WAL pages (a stall of one
   * or two fsyncs, ~25 ms on a slow disk).
   */
  checkpoint?: 'background' | 'auto';
  /** WAL frames at which the checkpoint thread starts the WAL over. Default 4096; tests only. */
  walResetFrames?: number;
  /** The migrations to apply; tests only. */
  migrations?: readonly Migration[];
}

type Statement = Database.Statement<unknown[], unknown>;

const PRUNE_BATCH = 5000;
/** Views per group-commit transaction; more wait for the next one (same turn). */
const MAX_VIEW_BATCH = 2000;

interface PendingView {
  articleKey: string;
  visitorHash: string;
  day: string;
  limit: ViewLimit | undefined;
  resolve: (result: ViewResult) => void;
  reject: (error: unknown) => void;
}

export class SqliteStorage implements Storage {
  /** Spam defence's tables (spam-store.ts). */
  get spam() {
    return (this.spamStore ??= sqliteSpamStore(this.db));
  }
  private spamStore: ReturnType<typeof sqliteSpamStore> | null = null;
  readonly db: Database.Database;
  private readonly options: Required<Omit<SqliteStorageOptions, 'migrations'>> & { migrations: readonly Migration[] };
  private statements: ReturnType<SqliteStorage['prepareAll']> | null = null;
  private readonly listStatements = new Map<string, Statement>();
  private listTx:
    | ((
        statement: Statement,
        values: unknown[],
        key: string,
        status: CommentStatus,
      ) => { rows: CommentRow[]; total: number })
    | null = null;
  private recordViewsFn: ((batch: readonly PendingView[]) => ViewResult[]) | null = null;
  /** When idle view counters were last deleted from rate_limits (ms, the views' clock). */
  private viewLimitsPrunedAt = 0;
  private viewQueue: PendingView[] = [];
  private viewFlush: NodeJS.Immediate | null = null;
  private threadsTx:
    | ((
        statement: Statement,
        values: unknown[],
        key: string,
        replies: number,
      ) => { roots: CommentRow[]; replies: CommentRow[]; counts: Map<number, number>; total: number })
    | null = null;
  private createCommentTx:
    ((input: NewStoredComment, createdAt: string) => { row: CommentRow; duplicate: boolean }) | null = null;
  private newestDay = '';
  private lastDay: string | null = null;
  private pruneTimer: NodeJS.Immediate | null = null;
  private pruneBefore = '';
  private closed = false;
  private closing: Promise<void> | null = null;
  private checkpointer: Worker | null = null;
  private holdingViews = false;
  /** How often views were held for the WAL to start over (tests and diagnostics). */
  readonly walStats = { holds: 0 };
  private holdTimer: NodeJS.Timeout | null = null;

  constructor(filename: string, options: SqliteStorageOptions = {}) {
    this.options = {
      synchronous: options.synchronous ?? 'NORMAL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      pruneVisitors: options.pruneVisitors ?? true,
      checkpoint: options.checkpoint ?? 'background',
      migrations: options.migrations ?? SQLITE_MIGRATIONS,
      walResetFrames: options.walResetFrames ?? RESET_FRAMES,
    };
    if (this.options.synchronous !== 'NORMAL' && this.options.synchronous !== 'FULL') {
      throw new TypeError(`synchronous must be NORMAL or FULL, got ${String(this.options.synchronous)}`);
    }
    this.db = new Database(filename, { timeout: this.options.busyTimeoutMs });
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(this.options.busyTimeoutMs))}`);
      if (!this.db.memory) this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${this.options.synchronous}`);
      this.db.pragma('foreign_keys = ON');
      // Keeps the WAL file from staying large after a burst (it is truncated to this after checkpoints).
      this.db.pragma('journal_size_limit = 67108864');
      // 64 MB of page cache: the visitor table of a busy day stays in memory.
      this.db.pragma('cache_size = -65536');
      if (!this.db.memory && this.options.checkpoint === 'background') {
        // A safety net only: normally the checkpoint thread lets the WAL start over long before.
        this.db.pragma(`wal_autocheckpoint = ${SAFETY_NET_FRAMES}`);
        this.checkpointer = startCheckpointer(this.db.name, this.options);
        this.checkpointer.on('error', () => this.checkpointInForeground());
        this.checkpointer.on('message', (message: { type?: string }) => this.onCheckpointerMessage(message));
      }
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** If the checkpoint thread fails, SQLite's own checkpoints take over (the WAL must not grow forever). */
  private checkpointInForeground(): void {
    this.releaseViews();
    if (this.closed) return;
    try {
      this.db.pragma('wal_autocheckpoint = 1000');
    } catch {
      // closed meanwhile
    }
    const worker = this.checkpointer;
    this.checkpointer = null;
    void worker?.terminate();
  }

  private onCheckpointerMessage(message: { type?: string }): void {
    if (message?.type === 'failed') return this.checkpointInForeground();
    if (message?.type === 'hold' && this.checkpointer && !this.closed) {
      // Views wait in the queue (the event loop keeps running) while the thread checkpoints the
      // last frames; the next commit then starts the WAL over. Bounded, whatever happens.
      this.holdingViews = true;
      this.walStats.holds++;
      this.holdTimer = setTimeout(() => this.releaseViews(), MAX_HOLD_MS);
      this.checkpointer.postMessage('held');
    }
    if (message?.type === 'release') this.releaseViews();
  }

  private releaseViews(): void {
    if (this.holdTimer) clearTimeout(this.holdTimer);
    this.holdTimer = null;
    if (!this.holdingViews) return;
    this.holdingViews = false;
    if (this.viewQueue.length > 0 && !this.closed) this.viewFlush ??= setImmediate(this.flushViews);
  }

  /** The journal mode in effect ('wal' for files, 'memory' for :memory:). */
  get journalMode(): string {
    return String(this.db.pragma('journal_mode', { simple: true }));
  }

  async migrate(): Promise<void> {
    const db = this.db;
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const known = Math.max(0, ...this.options.migrations.map((m) => m.version));
    const newest = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null;
    if (newest !== null && newest > known) {
      throw new Error(
        `the database schema is version ${newest}, newer than this server knows (${known}); upgrade the server`,
      );
    }
    const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of [...this.options.migrations].sort((a, b) => a.version - b.version)) {
      // IMMEDIATE takes the write lock before the check, so two processes cannot both apply it.
      db.transaction(() => {
        if (applied.get(migration.version)) return;
        db.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
      }).immediate();
    }
  }

  close(): Promise<void> {
    return (this.closing ??= this.closeOnce());
  }

  private async closeOnce(): Promise<void> {
    // Views already asked for are committed (and answered) before the database closes.
    const worker = this.checkpointer;
    this.checkpointer = null;
    if (worker) await stopCheckpointer(worker);
    this.releaseViews();
    if (this.viewFlush) clearImmediate(this.viewFlush);
    this.viewFlush = null;
    this.flushViews();
    this.closed = true;
    if (this.pruneTimer) clearImmediate(this.pruneTimer);
    this.pruneTimer = null;
    // The last connection to close checkpoints the WAL into the database and removes it.
    this.db.close();
  }

  // ---- statements (prepared once, on first use, after the schema exists) ------------------

  private prepareAll() {
    const db = this.db;
    return {
      insertVisitor: db.prepare(
        'INSERT OR IGNORE INTO view_visitors (day, article_key, visitor_hash) VALUES (?, ?, ?)',
      ),
      bumpDaily: db.prepare(
        'INSERT INTO daily_views (day, article_key, views) VALUES (?, ?, ?) ON CONFLICT (day, article_key) DO UPDATE SET views = views + excluded.views',
      ),
      bumpTotal: db
        .prepare(
          'INSERT INTO article_views (article_key, views) VALUES (?, ?) ON CONFLICT (article_key) DO UPDATE SET views = views + excluded.views RETURNING views',
        )
        .pluck(),
      total: db.prepare('SELECT views FROM article_views WHERE article_key = ?').pluck(),
      pruneRateLimits: db.prepare('DELETE FROM rate_limits WHERE window_start < ?'),
      // n hits on one counter at once: 1 for rateLimitHit, a batch's for views.
      rateLimitAdd: db
        .prepare(
          `INSERT INTO rate_limits (rule, subject, window_start, hits) VALUES (?, ?, ?, ?)
           ${ADD_RATE_LIMIT_HITS} RETURNING hits`,
        )
        .pluck(),
      insertSalt: db.prepare('INSERT INTO visitor_salts (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING'),
      deleteSalts: db.prepare('DELETE FROM visitor_salts WHERE day < ?'),
      salt: db.prepare('SELECT salt FROM visitor_salts WHERE day = ?').pluck(),
      views: db
        .prepare('SELECT article_key, views FROM article_views WHERE article_key IN (SELECT value FROM json_each(?))')
        .raw(),
      // Registered articles only: views of unknown ids can never crowd real articles out.
      mostViewed: db.prepare(
        `SELECT d.article_key AS articleKey, SUM(d.views) AS views FROM daily_views d
         JOIN articles a ON a.article_key = d.article_key
         WHERE d.day BETWEEN ? AND ? AND d.article_key <> ? GROUP BY d.article_key
         ORDER BY views DESC, d.article_key ASC LIMIT ?`,
      ),
      baseline: db.prepare('SELECT views FROM view_baselines WHERE article_key = ?').pluck(),
      setBaseline: db.prepare(
        'INSERT INTO view_baselines (article_key, views) VALUES (?, ?) ON CONFLICT (article_key) DO UPDATE SET views = excluded.views',
      ),
      shiftTotal: db.prepare(
        'INSERT INTO article_views (article_key, views) VALUES (?, ?) ON CONFLICT (article_key) DO UPDATE SET views = views + ?',
      ),
      deleteArticle: db.prepare('DELETE FROM articles WHERE article_key = ?'),
      shownComment: db.prepare('SELECT likes FROM comments WHERE id = ? AND shown = 1').pluck(),
      insertLike: db.prepare('INSERT OR IGNORE INTO comment_likes (comment_id, visitor_hash) VALUES (?, ?)'),
      bumpLikes: db.prepare('UPDATE comments SET likes = likes + 1 WHERE id = ? RETURNING likes').pluck(),
      commentCounts: db
        .prepare(
          `SELECT article_key, COUNT(*) FROM comments WHERE shown = 1
           AND article_key IN (SELECT value FROM json_each(?)) GROUP BY article_key`,
        )
        .raw(),
      pruneVisitors: db.prepare(
        `DELETE FROM view_visitors WHERE (day, article_key, visitor_hash) IN
           (SELECT day, article_key, visitor_hash FROM view_visitors WHERE day < ? LIMIT ${PRUNE_BATCH})`,
      ),
      upsertArticle: db.prepare(
        `INSERT INTO articles (article_key, summary, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (article_key) DO UPDATE SET summary = excluded.summary, updated_at = excluded.updated_at`,
      ),
      articles: db
        .prepare('SELECT article_key, summary FROM articles WHERE article_key IN (SELECT value FROM json_each(?))')
        .raw(),
      insertComment: db.prepare(
        `INSERT INTO comments (article_key, parent_id, author_name, email, content, created_at, status, likes, ip_hash, idempotency_key, root_id, shown)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING
         RETURNING ${COLUMNS}`,
      ),
      byIdempotencyKey: db.prepare(
        `SELECT ${COLUMNS} FROM comments WHERE article_key = ? AND coalesce(ip_hash, '') = ? AND idempotency_key = ?`,
      ),
      parent: db.prepare('SELECT article_key, root_id, shown FROM comments WHERE id = ?'),
      comment: db.prepare(`SELECT ${COLUMNS} FROM comments WHERE id = ?`),
      setStatus: db.prepare(`UPDATE comments SET status = ? WHERE id = ? RETURNING ${COLUMNS}`),
      updateShown: db.prepare(UPDATE_SHOWN_SQL),
      shownTotal: db.prepare('SELECT COUNT(*) FROM comments WHERE article_key = ? AND shown = 1').pluck(),
      shownRoot: db
        .prepare('SELECT 1 FROM comments WHERE id = ? AND article_key = ? AND parent_id IS NULL AND shown = 1')
        .pluck(),
      replies: db.prepare(
        `SELECT ${COLUMNS} FROM comments WHERE root_id = ? AND shown = 1 AND id > ? ORDER BY id LIMIT ?`,
      ),
      replyCount: db.prepare('SELECT COUNT(*) FROM comments WHERE root_id = ? AND shown = 1').pluck(),
      addLikes: db.prepare(`UPDATE comments SET likes = MAX(0, likes + ?) WHERE id = ? RETURNING ${COLUMNS}`),
      deleteComment: db.prepare('DELETE FROM comments WHERE id = ?'),
      count: db.prepare('SELECT COUNT(*) FROM comments WHERE article_key = ? AND status = ?').pluck(),
    };
  }

  private get s() {
    if (this.closed) throw new Error('storage is closed');
    return (this.statements ??= this.prepareAll());
  }

  private listStatement(kind: ListingKind, withCursor: boolean, threads = false): Statement {
    const key = `${kind}:${withCursor}:${threads}`;
    let statement = this.listStatements.get(key);
    if (!statement) {
      statement = this.db.prepare(threads ? threadsSql(kind, withCursor) : listSql(kind, withCursor));
      this.listStatements.set(key, statement);
    }
    return statement;
  }

  // ---- views ------------------------------------------------------------------------------

  /**
   * Group commit: the views asked for during one turn of the event loop are written in one
   * transaction (each view's three updates stay atomic and in order), and every call resolves
   * only after that transaction has committed. Under load this turns thousands of commits a
   * second into a few hundred, which is what keeps a call at a few microseconds; a lone call
   * waits only for the rest of the current turn.
   */
  recordView(articleKey: string, visitorHash: string, day: string, limit?: ViewLimit): Promise<ViewResult> {
    try {
      this.lastDay = checkView(articleKey, visitorHash, day, this.lastDay, this.closed);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.viewQueue.push({ articleKey, visitorHash, day, limit, resolve, reject });
      if (!this.holdingViews) this.viewFlush ??= setImmediate(this.flushViews);
    });
  }

  private readonly flushViews = (): void => {
    this.viewFlush = null;
    if (this.holdingViews && !this.closed) return; // releaseViews() flushes
    while (this.viewQueue.length > 0) {
      const batch = this.viewQueue.length <= MAX_VIEW_BATCH ? this.viewQueue : this.viewQueue.slice(0, MAX_VIEW_BATCH);
      this.viewQueue = batch === this.viewQueue ? [] : this.viewQueue.slice(MAX_VIEW_BATCH);
      let results: ViewResult[];
      try {
        results = this.recordViewsTx(batch);
      } catch (error) {
        // Nothing of this batch was committed: every caller learns so.
        for (const op of batch) op.reject(error);
        continue;
      }
      let newest = this.newestDay;
      for (let i = 0; i < batch.length; i++) {
        const op = batch[i]!;
        if (op.day > newest) newest = op.day;
        op.resolve(results[i]!);
      }
      if (newest > this.newestDay) {
        this.newestDay = newest;
        this.schedulePrune(addDays(newest, -VISITOR_RETENTION_DAYS));
      }
    }
  };

  /**
   * One transaction for a batch. Each view's visitor row is inserted in order; the buckets and
   * totals then take one upsert per article and day for the whole batch (+n), and every call is
   * answered with the total it would have seen had the views been applied one by one, in order.
   * Rate limits come first: one upsert per counter for the batch, and views over their limit
   * insert nothing.
   */
  private get recordViewsTx(): (batch: readonly PendingView[]) => ViewResult[] {
    if (this.recordViewsFn) return this.recordViewsFn;
    const s = this.s;
    this.recordViewsFn = this.db.transaction((batch: readonly PendingView[]) => {
      const { groups, groupOf, ordinal } = groupViewLimits(batch);
      const hitsAfter = groups.map((g) => s.rateLimitAdd.get(g.rule, g.subject, g.windowStart, g.n) as number);
      const limited = (i: number) =>
        groupOf[i]! >= 0 && overLimit(groups[groupOf[i]!]!, hitsAfter[groupOf[i]!]!, ordinal[i]!);
      if (groups.length > 0) this.pruneViewLimits(Math.max(...groups.map((g) => g.windowStart)));
      const counted = new Array<boolean>(batch.length);
      const perKey = new Map<string, { added: number; days: Map<string, number>; total: number }>();
      for (let i = 0; i < batch.length; i++) {
        const { articleKey, visitorHash, day } = batch[i]!;
        let entry = perKey.get(articleKey);
        if (!entry) perKey.set(articleKey, (entry = { added: 0, days: new Map(), total: 0 }));
        counted[i] = !limited(i) && s.insertVisitor.run(day, articleKey, visitorHash).changes > 0;
        if (counted[i]) {
          entry.added++;
          entry.days.set(day, (entry.days.get(day) ?? 0) + 1);
        }
      }
      for (const [key, entry] of perKey) {
        if (entry.added === 0) {
          entry.total = (s.total.get(key) as number | undefined) ?? 0;
          continue;
        }
        for (const [day, n] of entry.days) s.bumpDaily.run(day, key, n);
        entry.total = s.bumpTotal.get(key, entry.added) as number;
      }
      const results: ViewResult[] = answerBatch(
        batch,
        (i) => counted[i]!,
        (key) => perKey.get(key)!.total,
      );
      for (let i = 0; i < batch.length; i++) {
        if (!limited(i)) continue;
        const group = groups[groupOf[i]!]!;
        results[i]!.limited = { resetAtMs: group.windowStart + group.windowMs };
      }
      return results;
    }).immediate;
    return this.recordViewsFn;
  }

  /** Inside a view batch's transaction: counters idle for a day go, at most every ten minutes. */
  private pruneViewLimits(nowMs: number): void {
    if (Math.abs(nowMs - this.viewLimitsPrunedAt) < 600_000) return;
    this.viewLimitsPrunedAt = nowMs;
    this.s.pruneRateLimits.run(nowMs - 86_400_000);
  }

  /** Deletes visitor rows of days before `before`, a batch per turn of the event loop. */
  private schedulePrune(before: string): void {
    if (!this.options.pruneVisitors || this.closed) return;
    if (before > this.pruneBefore) this.pruneBefore = before;
    if (this.pruneTimer) return; // the running prune picks the new bound up
    const step = () => {
      this.pruneTimer = null;
      if (this.closed) return;
      try {
        const deleted = this.s.pruneVisitors.run(this.pruneBefore).changes;
        if (deleted === PRUNE_BATCH) this.pruneTimer = setImmediate(step);
      } catch {
        // Busy or closed: the next new day tries again.
      }
    };
    this.pruneTimer = setImmediate(step);
  }

  async rateLimitHit(
    rule: string,
    subject: string,
    windowMs: number,
    nowMs: number,
  ): Promise<{ hits: number; resetAtMs: number }> {
    const start = windowStart(windowMs, nowMs);
    const s = this.s;
    const hits = this.db
      .transaction(() => {
        const n = s.rateLimitAdd.get(rule, subject, start, 1) as number;
        // A new window: counters idle for a day are dropped, now and then.
        if (n === 1) s.pruneRateLimits.run(nowMs - 86_400_000);
        return n;
      })
      .immediate();
    return { hits, resetAtMs: start + windowMs };
  }

  // Rare calls (once per process; once per captcha'd comment): prepared when called, so that the
  // statements prepared up front need no table newer than migration 5.
  async serverSecret(name: string, candidate: Buffer): Promise<Buffer> {
    const db = this.db;
    return db
      .transaction(() => {
        db.prepare('INSERT INTO server_secrets (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(
          name,
          candidate,
        );
        return db.prepare('SELECT secret FROM server_secrets WHERE name = ?').pluck().get(name) as Buffer;
      })
      .immediate();
  }

  async useOnce(kind: string, token: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    const db = this.db;
    return db
      .transaction(() => {
        db.prepare('DELETE FROM used_tokens WHERE expires_at <= ?').run(nowMs);
        return (
          db
            .prepare(
              'INSERT INTO used_tokens (kind, token, expires_at) VALUES (?, ?, ?) ON CONFLICT (kind, token) DO NOTHING',
            )
            .run(kind, token, expiresAtMs).changes > 0
        );
      })
      .immediate();
  }

  async visitorSalt(day: string, candidate: Buffer): Promise<Buffer> {
    assertDay(day);
    const s = this.s;
    return this.db
      .transaction(() => {
        s.insertSalt.run(day, candidate);
        s.deleteSalts.run(addDays(day, -VISITOR_RETENTION_DAYS));
        return s.salt.get(day) as Buffer;
      })
      .immediate();
  }

  async getViews(articleKeys: readonly string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    if (articleKeys.length === 0) return result;
    for (const [key, views] of this.s.views.all(JSON.stringify(articleKeys)) as Array<[string, number]>)
      result[key] = views;
    return result;
  }

  async mostViewed(
    days: number,
    today: string,
    limit: number,
    options: { exclude?: string } = {},
  ): Promise<Array<{ articleKey: string; views: number }>> {
    assertPositiveInt('days', days);
    assertPositiveInt('limit', limit);
    assertDay(today);
    return this.s.mostViewed.all(addDays(today, 1 - days), today, options.exclude ?? '', limit) as Array<{
      articleKey: string;
      views: number;
    }>;
  }

  async setViewBaselines(rows: ReadonlyArray<{ key: string; views: number }>): Promise<{ changed: number }> {
    const s = this.s;
    const wanted = latestPerKey(rows);
    return this.db
      .transaction(() => {
        let changed = 0;
        for (const [key, views] of wanted) {
          const delta = views - ((s.baseline.get(key) as number | undefined) ?? 0);
          if (delta === 0) continue;
          s.setBaseline.run(key, views);
          s.shiftTotal.run(key, Math.max(0, delta), delta);
          changed++;
        }
        return { changed };
      })
      .immediate();
  }

  // ---- articles ---------------------------------------------------------------------------

  async deleteArticle(articleKey: string): Promise<boolean> {
    return this.s.deleteArticle.run(articleKey).changes > 0;
  }

  async upsertArticles(articles: ReadonlyArray<{ key: string; summary: ArticleSummary }>): Promise<void> {
    if (articles.length === 0) return;
    const s = this.s;
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        for (const { key, summary } of articles) s.upsertArticle.run(key, JSON.stringify(summary), now);
      })
      .immediate();
  }

  async getArticles(articleKeys: readonly string[]): Promise<Map<string, ArticleSummary>> {
    const result = new Map<string, ArticleSummary>();
    if (articleKeys.length === 0) return result;
    for (const [key, summary] of this.s.articles.all(JSON.stringify(articleKeys)) as Array<[string, string]>) {
      result.set(key, JSON.parse(summary) as ArticleSummary);
    }
    return result;
  }

  // ---- comments ---------------------------------------------------------------------------

  async listComments(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; status: CommentStatus },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null; total: number }> {
    const kind = sortKind(query.sort);
    assertStatus(query.status);
    const { limit, afterCursor, params } = listingParams(kind, [articleKey, query.status], query);
    // One read transaction: the page and the total come from one snapshot.
    this.listTx ??= this.db.transaction(
      (statement: Statement, values: unknown[], key: string, status: CommentStatus) => ({
        rows: statement.all(...values) as CommentRow[],
        total: this.s.count.get(key, status) as number,
      }),
    );
    const { rows, total } = this.listTx(this.listStatement(kind, afterCursor), params, articleKey, query.status);
    return page(kind, rows, limit, total);
  }

  async listThreads(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; replies: number },
  ): Promise<ThreadPage> {
    const kind = sortKind(query.sort);
    const { limit, afterCursor, params } = listingParams(kind, [articleKey], query);
    const perThread = Math.min(MAX_REPLIES_PER_THREAD, Math.max(0, Math.floor(query.replies) || 0));
    const s = this.s;
    // One read transaction: the threads, their replies and the counts come from one snapshot.
    this.threadsTx ??= this.db.transaction((statement: Statement, values: unknown[], key: string, n: number) => {
      const roots = statement.all(...values) as CommentRow[];
      const replies: CommentRow[] = [];
      const counts = new Map<number, number>();
      // The last value is limit + 1: the extra root only says there is a next page.
      for (const root of roots.slice(0, (values[values.length - 1] as number) - 1)) {
        const count = s.replyCount.get(root.id) as number;
        counts.set(root.id, count);
        if (count > 0 && n > 0) replies.push(...(s.replies.all(root.id, 0, n) as CommentRow[]));
      }
      return { roots, replies, counts, total: s.shownTotal.get(key) as number };
    });
    const { roots, replies, counts, total } = this.threadsTx(
      this.listStatement(kind, afterCursor, true),
      params,
      articleKey,
      perThread,
    );
    return threadPage(kind, roots, limit, replies, counts, total);
  }

  async listReplies(
    articleKey: string,
    rootId: string,
    query: { cursor: string | null; limit: number },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null; total: number } | null> {
    const root = parseCommentId(rootId);
    if (root === null) return null;
    const after = repliesAfter(query.cursor, root);
    const limit = clampLimit(query.limit);
    const s = this.s;
    const read = this.db.transaction(() => {
      if (!s.shownRoot.get(root, articleKey)) return null;
      return {
        rows: s.replies.all(root, after, limit + 1) as CommentRow[],
        total: s.replyCount.get(root) as number,
      };
    });
    const found = read();
    if (!found) return null;
    const more = found.rows.length > limit;
    const rows = more ? found.rows.slice(0, limit) : found.rows;
    return {
      comments: rows.map(toStoredComment),
      nextCursor: more ? repliesCursor(root, rows[rows.length - 1]!.id) : null,
      total: found.total,
    };
  }

  async createComment(input: NewStoredComment): Promise<{ comment: StoredComment; duplicate: boolean }> {
    assertStatus(input.status);
    const createdAt = toStoredUtc(input.createdAt);
    const s = this.s;
    this.createCommentTx ??= this.db.transaction((c: NewStoredComment, at: string) => {
      if (c.idempotencyKey !== null && c.idempotencyKey !== undefined) {
        const existing = s.byIdempotencyKey.get(c.articleKey, c.ipHash ?? '', c.idempotencyKey) as
          CommentRow | undefined;
        if (existing) return { row: existing, duplicate: true };
      }
      let parent: number | null = null;
      let root: number | null = null;
      let parentShown = true;
      if (c.parentId !== null && c.parentId !== undefined) {
        parent = parseCommentId(c.parentId);
        const found =
          parent === null
            ? undefined
            : (s.parent.get(parent) as { article_key: string; root_id: number | null; shown: number } | undefined);
        parentShown = found?.shown === 1;
        if (!found || found.article_key !== c.articleKey || (c.parentMustBeShown && !parentShown))
          throw new UnknownParentError(c.parentId);
        root = found.root_id ?? parent;
      }
      const row = s.insertComment.get(
        c.articleKey,
        parent,
        c.authorName,
        c.email ?? null,
        c.content,
        at,
        c.status,
        c.ipHash ?? null,
        c.idempotencyKey ?? null,
        root,
        c.status === 'approved' && parentShown ? 1 : 0,
      ) as CommentRow | undefined;
      if (!row) throw new Error('comment insert conflicted unexpectedly');
      return { row, duplicate: false };
    }).immediate;
    const { row, duplicate } = this.createCommentTx(input, createdAt);
    return { comment: toStoredComment(row), duplicate };
  }

  async getComment(id: string): Promise<StoredComment | null> {
    const n = parseCommentId(id);
    if (n === null) return null;
    const row = this.s.comment.get(n) as CommentRow | undefined;
    return row ? toStoredComment(row) : null;
  }

  async listByStatus(
    status: CommentStatus,
    query: { cursor: string | null; limit: number },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null }> {
    assertStatus(status);
    const { limit, afterCursor, params } = listingParams('queue', [status], query);
    const rows = this.listStatement('queue', afterCursor).all(...params) as CommentRow[];
    const { comments, nextCursor } = page('queue', rows, limit, 0);
    return { comments, nextCursor };
  }

  async setCommentStatus(id: string, status: CommentStatus): Promise<StoredComment | null> {
    assertStatus(status);
    const n = parseCommentId(id);
    if (n === null) return null;
    const s = this.s;
    // The comment and, under it, every reply: a hidden comment hides its subtree.
    const row = this.db
      .transaction(() => {
        const updated = s.setStatus.get(status, n) as CommentRow | undefined;
        if (updated) s.updateShown.run(n);
        return updated;
      })
      .immediate();
    return row ? toStoredComment(row) : null;
  }

  async deleteComment(id: string): Promise<boolean> {
    const n = parseCommentId(id);
    if (n === null) return false;
    return this.s.deleteComment.run(n).changes > 0;
  }

  async likeComment(id: string, visitorHash: string): Promise<{ counted: boolean; likes: number } | null> {
    const n = parseCommentId(id);
    if (n === null) return null;
    const s = this.s;
    return this.db
      .transaction(() => {
        const likes = s.shownComment.get(n) as number | undefined;
        if (likes === undefined) return null;
        if (s.insertLike.run(n, visitorHash).changes === 0) return { counted: false, likes };
        return { counted: true, likes: s.bumpLikes.get(n) as number };
      })
      .immediate();
  }

  async importComments(
    rows: readonly ImportedComment[],
    options: { dryRun?: boolean } = {},
  ): Promise<{ inserted: number; existing: number }> {
    if (this.closed) throw new Error('storage is closed');
    return importCommentsSqlite(this.db, rows, options.dryRun ?? false);
  }

  async commentCounts(articleKeys: readonly string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    if (articleKeys.length === 0) return result;
    for (const [key, count] of this.s.commentCounts.all(JSON.stringify(articleKeys)) as Array<[string, number]>)
      result[key] = count;
    return result;
  }

  /** Not in the Storage contract (no route likes comments yet); adds `delta` likes, never below 0. */
  async addLikes(id: string, delta: number): Promise<StoredComment | null> {
    const n = parseCommentId(id);
    if (n === null || !Number.isSafeInteger(delta)) return null;
    const row = this.s.addLikes.get(delta, n) as CommentRow | undefined;
    return row ? toStoredComment(row) : null;
  }
}

const COLUMNS = 'id, article_key, parent_id, author_name, email, content, created_at, status, likes, ip_hash, root_id';

const UPDATE_SHOWN_SQL = updateShownSql('?', '0');

/** Shown top-level comments of an article, in the listing's order (keyset, as listSql). */
function threadsSql(kind: ListingKind, withCursor: boolean): string {
  const where = 'WHERE article_key = ? AND parent_id IS NULL AND shown = 1';
  switch (kind) {
    case 'newest':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (created_at, id) < (?, ?)' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
    case 'oldest':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (created_at, id) > (?, ?)' : ''} ORDER BY created_at ASC, id ASC LIMIT ?`;
    case 'top':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (likes, created_at, id) < (?, ?, ?)' : ''} ORDER BY likes DESC, created_at DESC, id DESC LIMIT ?`;
    case 'queue':
      throw new TypeError('the moderation queue is not paged by thread');
  }
}

/** Keyset pagination: rows strictly after the cursor's (sort key, id), in the listing's order. */
function listSql(kind: ListingKind, withCursor: boolean): string {
  switch (kind) {
    case 'newest':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = ? AND status = ?
        ${withCursor ? 'AND (created_at, id) < (?, ?)' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
    case 'oldest':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = ? AND status = ?
        ${withCursor ? 'AND (created_at, id) > (?, ?)' : ''} ORDER BY created_at ASC, id ASC LIMIT ?`;
    case 'top':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = ? AND status = ?
        ${withCursor ? 'AND (likes, created_at, id) < (?, ?, ?)' : ''} ORDER BY likes DESC, created_at DESC, id DESC LIMIT ?`;
    case 'queue':
      return `SELECT ${COLUMNS} FROM comments WHERE status = ?
        ${withCursor ? 'AND (created_at, id) > (?, ?)' : ''} ORDER BY created_at ASC, id ASC LIMIT ?`;
  }
}

// ---- the checkpoint thread --------------------------------------------------------------------
//
// With synchronous=NORMAL a commit costs no fsync, but a checkpoint (copying WAL pages into the
// database) costs two, and SQLite normally runs it inside the commit that crosses 1000 pages:
// the event loop would stall ~25 ms at a time on this kind of disk. Here a worker thread, with its
// own connection, runs PASSIVE checkpoints (they never block the writer) every few milliseconds.
// A WAL only starts over when a commit finds every frame already copied, which steady writing
// never allows; so once the WAL holds RESET_FRAMES frames the thread asks the main thread to hold
// views for a moment ('hold'), copies the last frames while nothing is written ('held'), and lets
// them go ('release'): the next commit starts the WAL over. Views wait in the queue meanwhile, the
// event loop does not. Other writes are not held (they are rare); at worst that cycle is missed.
// If the thread fails, SQLite's own checkpoints take over.

const CHECKPOINT_INTERVAL_MS = 20;
/** ~16 MB of 4 KB pages: when the thread arranges for the WAL to start over. */
const RESET_FRAMES = 4096;
/** ~64 MB: SQLite's own checkpoint in the main thread, if the thread falls behind. */
const SAFETY_NET_FRAMES = 16384;
/** Views are never held longer than this, whatever the thread does. */
const MAX_HOLD_MS = 1000;

// Plain JavaScript, run with `eval` so that it survives bundling.
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.filename, { timeout: workerData.busyTimeoutMs, fileMustExist: true });
  db.pragma('synchronous = ' + workerData.synchronous);
  db.pragma('wal_autocheckpoint = 0');
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
  throw error;
}
let timer = null;
let failures = 0;
let stopped = false;
function schedule() {
  if (!stopped && !timer) timer = setTimeout(tick, workerData.intervalMs);
}
function checkpoint() {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    failures = 0;
    return result;
  } catch (error) {
    // SQLITE_BUSY and the like: try again next time; give up after a long run of failures.
    if (++failures >= 200) {
      stopped = true;
      parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
    }
    return null;
  }
}
function tick() {
  timer = null;
  if (stopped) return;
  const result = checkpoint();
  if (result && result.busy === 0 && result.log >= workerData.resetFrames) {
    parentPort.postMessage({ type: 'hold' });
    return; // the next tick is scheduled when the hold is answered
  }
  schedule();
}
parentPort.on('message', (message) => {
  if (message === 'held') {
    if (!stopped) checkpoint();
    parentPort.postMessage({ type: 'release' });
    schedule();
  } else if (message === 'stop') {
    stopped = true;
    if (timer) clearTimeout(timer);
    try { db.close(); } catch {}
    parentPort.close();
  }
});
schedule();
`;

function startCheckpointer(
  filename: string,
  options: { busyTimeoutMs: number; synchronous: string; walResetFrames: number },
): Worker {
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {
      modulePath: createRequire(import.meta.url).resolve('better-sqlite3'),
      filename,
      busyTimeoutMs: options.busyTimeoutMs,
      synchronous: options.synchronous,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      resetFrames: options.walResetFrames,
    },
  });
  worker.unref();
  return worker;
}

async function stopCheckpointer(worker: Worker): Promise<void> {
  // Referenced again while we wait: an unreferenced worker would let the process exit mid-close.
  worker.ref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage('stop');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 2000)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') await worker.terminate();
}
