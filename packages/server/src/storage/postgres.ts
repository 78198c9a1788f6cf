// Storage on PostgreSQL (pg 8, a Pool), for several stateless server processes sharing one
// database. Same schema and semantics as sqlite.ts.
//
// Exact counts under concurrency: a batch of views is one statement (so one transaction, one
// commit) whose steps run in a fixed order: insert the visitor rows ON CONFLICT DO NOTHING; for
// those inserted, bump each day's bucket and then each total with INSERT … ON CONFLICT DO UPDATE
// SET views = views + n. Row locks make the increments atomic across connections and processes,
// and rows sorted by key in every step mean two batches can never deadlock.
//
// Every method resolves after PostgreSQL has acknowledged the commit (synchronous_commit is left
// at the server's setting, `on` by default).

import pg from 'pg';
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
import { postgresSpamStore } from './spam-store.js';
import { importCommentsPostgres } from './import-comments.js';
import { POSTGRES_MIGRATIONS, type Migration } from './migrations.js';
import type {
  ImportedComment,
  NewStoredComment,
  Storage,
  StoredComment,
  ThreadPage,
  ViewLimit,
  ViewResult,
} from './types.js';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Connections in the pool. Default 10. */
  max?: number;
  /** Delete visitor rows no longer needed for dedupe, in the background. Default true. */
  pruneVisitors?: boolean;
  /** Errors of idle pooled connections (e.g. the server restarted). Default: console.error. */
  onError?: (error: Error) => void;
  /** The migrations to apply; tests only. */
  migrations?: readonly Migration[];
}

interface PendingView {
  articleKey: string;
  visitorHash: string;
  day: string;
  limit: ViewLimit | undefined;
  resolve: (result: ViewResult) => void;
  reject: (error: unknown) => void;
}

/** Views per batch; more wait for the next one. */
const MAX_VIEW_BATCH = 1000;
/** Batches written at once; the views that arrive meanwhile make the next, bigger, batch. */
const MAX_VIEW_BATCHES_IN_FLIGHT = 4;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Any 64-bit number, the same in every process: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 0x62616e74696e; // 'bantin'
const PRUNE_BATCH = 5000;

// bigint (int8) columns and counts as numbers: views and ids stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

const CREATED_AT_UTC = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, article_key, parent_id, author_name, email, content, ${CREATED_AT_UTC} AS created_at, status, likes, ip_hash, root_id`;

export class PostgresStorage implements Storage {
  /** Spam defence's tables (spam-store.ts). */
  get spam() {
    return (this.spamStore ??= postgresSpamStore(this.pool));
  }
  private spamStore: ReturnType<typeof postgresSpamStore> | null = null;
  readonly pool: pg.Pool;
  private readonly migrations: readonly Migration[];
  private readonly pruneVisitors: boolean;
  private newestDay = '';
  private lastDay: string | null = null;
  private viewQueue: PendingView[] = [];
  private viewFlush: NodeJS.Immediate | null = null;
  private readonly viewBatches = new Set<Promise<void>>();
  private pruning: Promise<void> | null = null;
  /** When idle view counters were last deleted from rate_limits (ms, the views' clock). */
  private viewLimitsPrunedAt = 0;
  private pruneBefore = '';
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(options: PostgresStorageOptions) {
    this.migrations = options.migrations ?? POSTGRES_MIGRATIONS;
    this.pruneVisitors = options.pruneVisitors ?? true;
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      types,
      application_name: 'bantin-server',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
    const onError =
      options.onError ?? ((error: Error) => console.error('bantin: PostgreSQL pool error:', error.message));
    // Without a listener, an idle connection's error would crash the process.
    this.pool.on('error', onError);
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    let locked = false;
    try {
      // Several processes starting at once queue here; the first applies, the others find it done.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      locked = true;
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      const known = Math.max(0, ...this.migrations.map((m) => m.version));
      const newest = Math.max(0, ...applied);
      if (newest > known) {
        throw new Error(
          `the database schema is version ${newest}, newer than this server knows (${known}); upgrade the server`,
        );
      }
      for (const migration of [...this.migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            migration.version,
            migration.name,
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }
    } finally {
      if (locked) await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      this.closed = true;
      // Views already asked for are written (and answered) before the pool ends.
      if (this.viewFlush) clearImmediate(this.viewFlush);
      this.viewFlush = null;
      while (this.viewQueue.length > 0 || this.viewBatches.size > 0) {
        this.flushViews();
        await Promise.all([...this.viewBatches]);
      }
      await this.pruning?.catch(() => {});
      await this.pool.end();
    })());
  }

  // ---- views ------------------------------------------------------------------------------

  /**
   * Group commit: the views asked for while earlier batches are being written wait in a queue and
   * go together, in one statement (so one transaction and one fsync) per batch, with a few batches
   * in flight. Every call resolves only after its batch has committed. On one hot article each
   * batch takes the total's row lock once for the whole batch instead of once per view.
   */
  recordView(articleKey: string, visitorHash: string, day: string, limit?: ViewLimit): Promise<ViewResult> {
    try {
      this.lastDay = checkView(articleKey, visitorHash, day, this.lastDay, this.closed);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.viewQueue.push({ articleKey, visitorHash, day, limit, resolve, reject });
      this.scheduleViews();
    });
  }

  private scheduleViews(): void {
    if (this.viewFlush || this.viewQueue.length === 0 || this.viewBatches.size >= MAX_VIEW_BATCHES_IN_FLIGHT) return;
    this.viewFlush = setImmediate(() => {
      this.viewFlush = null;
      this.flushViews();
    });
  }

  private flushViews(): void {
    while (this.viewQueue.length > 0 && this.viewBatches.size < MAX_VIEW_BATCHES_IN_FLIGHT) {
      const batch = this.viewQueue.splice(0, MAX_VIEW_BATCH);
      const written: Promise<void> = this.writeViews(batch).finally(() => {
        this.viewBatches.delete(written);
        this.scheduleViews();
      });
      this.viewBatches.add(written);
    }
  }

  private async writeViews(batch: readonly PendingView[]): Promise<void> {
    // The first view of a (day, article, visitor) in the batch is the one that may count; rows go
    // in a fixed order so that two processes' batches lock them in the same order (no deadlock).
    const firstOf = new Map<string, number>();
    batch.forEach((view, i) => {
      const id = `${view.day}\u0000${view.articleKey}\u0000${view.visitorHash}`;
      if (!firstOf.has(id)) firstOf.set(id, i);
    });
    const { groups, groupOf, ordinal } = groupViewLimits(batch);
    // Indices into the batch, so that a batch without limits builds nothing more.
    const candidates = [...firstOf.values()].sort((i, j) => {
      const a = batch[i]!;
      const b = batch[j]!;
      return compare(a.day, b.day) || compare(a.articleKey, b.articleKey) || compare(a.visitorHash, b.visitorHash);
    });
    let rows: Array<{
      kind: 'v' | 't' | 'c' | 'r';
      day: string | null;
      article_key: string;
      visitor_hash: string | null;
      views: number | null;
    }>;
    try {
      ({ rows } = await this.pool.query(
        groups.length > 0
          ? {
              name: 'bantin_record_views_limited',
              text: RECORD_LIMITED_VIEWS_SQL,
              values: [
                candidates.map((i) => batch[i]!.day),
                candidates.map((i) => batch[i]!.articleKey),
                candidates.map((i) => batch[i]!.visitorHash),
                candidates.map((i) => groupOf[i]! + 1),
                candidates.map((i) => ordinal[i]!),
                groups.map((g) => g.rule),
                groups.map((g) => g.subject),
                groups.map((g) => g.windowStart),
                groups.map((g) => g.n),
                groups.map((g) => g.max),
              ],
            }
          : {
              name: 'bantin_record_views',
              text: RECORD_VIEWS_SQL,
              values: [
                candidates.map((i) => batch[i]!.day),
                candidates.map((i) => batch[i]!.articleKey),
                candidates.map((i) => batch[i]!.visitorHash),
              ],
            },
      ));
    } catch (error) {
      // Nothing of this batch was committed: every caller learns so.
      for (const view of batch) view.reject(error);
      return;
    }
    const counted = new Set<string>();
    const totals = new Map<string, number>();
    const before = new Map<string, number>();
    const hitsAfter = new Map<string, number>();
    for (const row of rows) {
      if (row.kind === 'v') counted.add(`${row.day}\u0000${row.article_key}\u0000${row.visitor_hash}`);
      else if (row.kind === 't') totals.set(row.article_key, row.views!);
      else if (row.kind === 'r') hitsAfter.set(`${row.visitor_hash}\u0000${row.article_key}`, row.views!);
      else before.set(row.article_key, row.views!);
    }
    const results: ViewResult[] = answerBatch(
      batch,
      (i) => {
        const view = batch[i]!;
        const id = `${view.day}\u0000${view.articleKey}\u0000${view.visitorHash}`;
        return firstOf.get(id) === i && counted.has(id);
      },
      (key) => totals.get(key) ?? before.get(key) ?? 0,
    );
    batch.forEach((_view, i) => {
      if (groupOf[i]! < 0) return;
      const group = groups[groupOf[i]!]!;
      const hits = hitsAfter.get(`${group.rule}\u0000${group.subject}`) ?? 0;
      if (overLimit(group, hits, ordinal[i]!)) results[i]!.limited = { resetAtMs: group.windowStart + group.windowMs };
    });
    if (groups.length > 0) this.pruneViewLimits(Math.max(...groups.map((g) => g.windowStart)));
    let newest = this.newestDay;
    batch.forEach((view, i) => {
      if (view.day > newest) newest = view.day;
      view.resolve(results[i]!);
    });
    if (newest > this.newestDay) {
      this.newestDay = newest;
      this.schedulePrune(addDays(newest, -VISITOR_RETENTION_DAYS));
    }
  }

  /** Counters idle for a day go, in the background, at most every ten minutes. */
  private pruneViewLimits(nowMs: number): void {
    if (this.closed || Math.abs(nowMs - this.viewLimitsPrunedAt) < 600_000) return;
    this.viewLimitsPrunedAt = nowMs;
    this.pruneRateLimits(nowMs).catch(() => {
      // The next prune tries again.
    });
  }

  /** Deletes rate-limit counters idle for a day. */
  private async pruneRateLimits(nowMs: number): Promise<void> {
    await this.pool.query({
      name: 'bantin_prune_rate_limits',
      text: 'DELETE FROM rate_limits WHERE window_start < $1',
      values: [nowMs - 86_400_000],
    });
  }

  private schedulePrune(before: string): void {
    if (!this.pruneVisitors || this.closed) return;
    if (before > this.pruneBefore) this.pruneBefore = before;
    if (this.pruning) return; // the running prune picks the new bound up
    this.pruning = (async () => {
      try {
        for (;;) {
          if (this.closed) return;
          const { rowCount } = await this.pool.query({
            name: 'bantin_prune_visitors',
            text: `DELETE FROM view_visitors WHERE ctid = ANY (ARRAY(
                     SELECT ctid FROM view_visitors WHERE day < $1::date LIMIT ${PRUNE_BATCH}))`,
            values: [this.pruneBefore],
          });
          if ((rowCount ?? 0) < PRUNE_BATCH) return;
        }
      } catch {
        // The next new day tries again.
      } finally {
        this.pruning = null;
      }
    })();
  }

  async rateLimitHit(
    rule: string,
    subject: string,
    windowMs: number,
    nowMs: number,
  ): Promise<{ hits: number; resetAtMs: number }> {
    const start = windowStart(windowMs, nowMs);
    const { rows } = await this.pool.query<{ hits: number }>({
      name: 'bantin_rate_limit_hit',
      text: `INSERT INTO rate_limits (rule, subject, window_start, hits) VALUES ($1, $2, $3, 1)
             ${ADD_RATE_LIMIT_HITS} RETURNING hits`,
      values: [rule, subject, start],
    });
    const hits = rows[0]!.hits;
    if (hits === 1) {
      // A new window: counters idle for a day are dropped, now and then.
      await this.pruneRateLimits(nowMs);
    }
    return { hits, resetAtMs: start + windowMs };
  }

  async serverSecret(name: string, candidate: Buffer): Promise<Buffer> {
    // As visitorSalt: a second try reads a secret another process committed meanwhile.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { rows } = await this.pool.query<{ secret: Buffer }>({
        name: 'bantin_server_secret',
        text: `WITH added AS (
                 INSERT INTO server_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING secret
               )
               SELECT secret FROM added UNION ALL SELECT secret FROM server_secrets WHERE name = $1`,
        values: [name, candidate],
      });
      if (rows[0]) return rows[0].secret;
    }
    throw new Error(`no server secret ${JSON.stringify(name)} could be stored or read`);
  }

  async useOnce(kind: string, token: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    // One statement: expired tokens go, then the insert; a token another process committed, or
    // is inserting (the unique index makes this one wait for it), inserts nothing.
    const { rows } = await this.pool.query<{ used: boolean }>({
      name: 'bantin_use_once',
      text: `WITH pruned AS (
               DELETE FROM used_tokens WHERE expires_at <= $4
             ), added AS (
               INSERT INTO used_tokens (kind, token, expires_at) VALUES ($1, $2, $3)
               ON CONFLICT (kind, token) DO NOTHING RETURNING 1
             )
             SELECT EXISTS (SELECT 1 FROM added) AS used`,
      values: [kind, token, expiresAtMs, nowMs],
    });
    return rows[0]!.used;
  }

  async visitorSalt(day: string, candidate: Buffer): Promise<Buffer> {
    assertDay(day);
    // A second try reads a salt that another process committed while this insert waited for it
    // (the first statement's snapshot predates that commit).
    for (let attempt = 0; attempt < 3; attempt++) {
      const { rows } = await this.pool.query<{ salt: Buffer }>({
        name: 'bantin_visitor_salt',
        text: `WITH added AS (
                 INSERT INTO visitor_salts (day, salt) VALUES ($1, $2) ON CONFLICT (day) DO NOTHING RETURNING salt
               )
               SELECT salt FROM added UNION ALL SELECT salt FROM visitor_salts WHERE day = $1`,
        values: [day, candidate],
      });
      if (rows[0]) {
        await this.pool.query({
          name: 'bantin_delete_salts',
          text: 'DELETE FROM visitor_salts WHERE day < $1::date',
          values: [addDays(day, -VISITOR_RETENTION_DAYS)],
        });
        return rows[0].salt;
      }
    }
    throw new Error(`no visitor salt could be stored or read for ${day}`);
  }

  async getViews(articleKeys: readonly string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    if (articleKeys.length === 0) return result;
    const { rows } = await this.pool.query<{ article_key: string; views: number }>({
      name: 'bantin_get_views',
      text: 'SELECT article_key, views FROM article_views WHERE article_key = ANY ($1::text[])',
      values: [[...articleKeys]],
    });
    for (const { article_key, views } of rows) result[article_key] = views;
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
    // Registered articles only: views of unknown ids can never crowd real articles out.
    const { rows } = await this.pool.query<{ articleKey: string; views: number }>({
      name: 'bantin_most_viewed_registered',
      text: `SELECT d.article_key AS "articleKey", SUM(d.views)::bigint AS views FROM daily_views d
             JOIN articles a ON a.article_key = d.article_key
             WHERE d.day BETWEEN $1::date AND $2::date AND d.article_key <> $3 GROUP BY d.article_key
             ORDER BY views DESC, d.article_key ASC LIMIT $4`,
      values: [addDays(today, 1 - days), today, options.exclude ?? '', limit],
    });
    return rows;
  }

  async setViewBaselines(rows: ReadonlyArray<{ key: string; views: number }>): Promise<{ changed: number }> {
    const wanted = latestPerKey(rows);
    if (wanted.size === 0) return { changed: 0 };
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Old baselines under lock, so two imports at once cannot both add the same difference.
      const { rows: old } = await client.query<{ article_key: string; views: string }>(
        'SELECT article_key, views FROM view_baselines WHERE article_key = ANY ($1::text[]) FOR UPDATE',
        [[...wanted.keys()]],
      );
      const before = new Map(old.map((row) => [row.article_key, Number(row.views)]));
      let changed = 0;
      for (const [key, views] of wanted) {
        const delta = views - (before.get(key) ?? 0);
        if (delta === 0) continue;
        await client.query(
          `INSERT INTO view_baselines (article_key, views) VALUES ($1, $2)
           ON CONFLICT (article_key) DO UPDATE SET views = EXCLUDED.views`,
          [key, views],
        );
        await client.query(
          `INSERT INTO article_views (article_key, views) VALUES ($1, GREATEST($2::bigint, 0))
           ON CONFLICT (article_key) DO UPDATE SET views = article_views.views + $2::bigint`,
          [key, delta],
        );
        changed++;
      }
      await client.query('COMMIT');
      return { changed };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  // ---- articles ---------------------------------------------------------------------------

  async upsertArticles(articles: ReadonlyArray<{ key: string; summary: ArticleSummary }>): Promise<void> {
    if (articles.length === 0) return;
    // One statement may not update a row twice: the last summary of a key wins, as in SQLite.
    const byKey = new Map<string, string>();
    for (const { key, summary } of articles) byKey.set(key, JSON.stringify(summary));
    await this.pool.query({
      name: 'bantin_upsert_articles',
      text: `INSERT INTO articles (article_key, summary, updated_at)
             SELECT key, summary, now() FROM unnest($1::text[], $2::json[]) AS a (key, summary)
             ON CONFLICT (article_key) DO UPDATE SET summary = EXCLUDED.summary, updated_at = EXCLUDED.updated_at`,
      values: [[...byKey.keys()], [...byKey.values()]],
    });
  }

  async getArticles(articleKeys: readonly string[]): Promise<Map<string, ArticleSummary>> {
    const result = new Map<string, ArticleSummary>();
    if (articleKeys.length === 0) return result;
    const { rows } = await this.pool.query<{ article_key: string; summary: ArticleSummary }>({
      name: 'bantin_get_articles',
      text: 'SELECT article_key, summary FROM articles WHERE article_key = ANY ($1::text[])',
      values: [[...articleKeys]],
    });
    for (const { article_key, summary } of rows) result.set(article_key, summary);
    return result;
  }

  async deleteArticle(articleKey: string): Promise<boolean> {
    const { rowCount } = await this.pool.query({
      name: 'bantin_delete_article',
      text: 'DELETE FROM articles WHERE article_key = $1',
      values: [articleKey],
    });
    return (rowCount ?? 0) > 0;
  }

  // ---- comments ---------------------------------------------------------------------------

  async listComments(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; status: CommentStatus },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null; total: number }> {
    const kind = sortKind(query.sort);
    assertStatus(query.status);
    const { limit, afterCursor, params: values } = listingParams(kind, [articleKey, query.status], query);
    const [list, count] = await Promise.all([
      this.pool.query<CommentRow>({
        name: `bantin_list_${kind}_${afterCursor ? 'after' : 'first'}`,
        text: listSql(kind, afterCursor),
        values,
      }),
      this.pool.query<{ total: number }>({
        name: 'bantin_count_comments',
        text: 'SELECT count(*) AS total FROM comments WHERE article_key = $1 AND status = $2',
        values: [articleKey, query.status],
      }),
    ]);
    return page(kind, list.rows, limit, count.rows[0]!.total);
  }

  async listThreads(
    articleKey: string,
    query: { sort: CommentSort; cursor: string | null; limit: number; replies: number },
  ): Promise<ThreadPage> {
    const kind = sortKind(query.sort);
    const { limit, afterCursor, params: values } = listingParams(kind, [articleKey], query);
    const perThread = Math.min(MAX_REPLIES_PER_THREAD, Math.max(0, Math.floor(query.replies) || 0));
    const [roots, total] = await Promise.all([
      this.pool.query<CommentRow>({
        name: `bantin_threads_${kind}_${afterCursor ? 'after' : 'first'}`,
        text: threadsSql(kind, afterCursor),
        values,
      }),
      this.pool.query<{ total: number }>({
        name: 'bantin_count_shown',
        text: 'SELECT count(*) AS total FROM comments WHERE article_key = $1 AND shown',
        values: [articleKey],
      }),
    ]);
    const ids = roots.rows.slice(0, limit).map((row) => row.id);
    const [replies, counts] = await Promise.all([
      perThread > 0 && ids.length > 0
        ? this.pool.query<CommentRow>({
            name: 'bantin_first_replies',
            text: `SELECT r.* FROM unnest($1::bigint[]) AS root (id) CROSS JOIN LATERAL (
                     SELECT ${COLUMNS} FROM comments WHERE root_id = root.id AND shown ORDER BY id LIMIT $2) AS r`,
            values: [ids, perThread],
          })
        : { rows: [] as CommentRow[] },
      ids.length > 0
        ? this.pool.query<{ root_id: number; n: number }>({
            name: 'bantin_reply_counts',
            text: `SELECT root_id, count(*) AS n FROM comments WHERE root_id = ANY ($1::bigint[]) AND shown GROUP BY root_id`,
            values: [ids],
          })
        : { rows: [] as Array<{ root_id: number; n: number }> },
    ]);
    const byRoot = new Map(counts.rows.map((row) => [row.root_id, row.n] as const));
    return threadPage(kind, roots.rows, limit, replies.rows, byRoot, total.rows[0]!.total);
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
    const [found, rows, count] = await Promise.all([
      this.pool.query({
        name: 'bantin_shown_root',
        text: 'SELECT 1 FROM comments WHERE id = $1 AND article_key = $2 AND parent_id IS NULL AND shown',
        values: [root, articleKey],
      }),
      this.pool.query<CommentRow>({
        name: 'bantin_replies',
        text: `SELECT ${COLUMNS} FROM comments WHERE root_id = $1 AND shown AND id > $2 ORDER BY id LIMIT $3`,
        values: [root, after, limit + 1],
      }),
      this.pool.query<{ n: number }>({
        name: 'bantin_reply_count',
        text: 'SELECT count(*) AS n FROM comments WHERE root_id = $1 AND shown',
        values: [root],
      }),
    ]);
    if (found.rows.length === 0) return null;
    const more = rows.rows.length > limit;
    const shown = more ? rows.rows.slice(0, limit) : rows.rows;
    return {
      comments: shown.map(toStoredComment),
      nextCursor: more ? repliesCursor(root, shown[shown.length - 1]!.id) : null,
      total: count.rows[0]!.n,
    };
  }

  async createComment(input: NewStoredComment): Promise<{ comment: StoredComment; duplicate: boolean }> {
    assertStatus(input.status);
    const createdAt = toStoredUtc(input.createdAt);
    const idempotencyKey = input.idempotencyKey ?? null;
    let parent: number | null = null;
    if (input.parentId !== null && input.parentId !== undefined) {
      parent = parseCommentId(input.parentId);
      if (parent === null) throw new UnknownParentError(input.parentId);
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      let inserted: CommentRow | undefined;
      try {
        // One statement: the parent must be a comment of the same article (shown, if asked),
        // and a used idempotency key inserts nothing (ON CONFLICT DO NOTHING on the partial
        // unique index). The parent row is locked (FOR SHARE) so that a status change of the
        // parent, which rewrites `shown` under it, waits for this reply or sees it.
        ({
          rows: [inserted],
        } = await this.pool.query<CommentRow>({
          name: parent === null ? 'bantin_insert_comment' : 'bantin_insert_reply',
          text: `INSERT INTO comments (article_key, parent_id, author_name, email, content, created_at, status, ip_hash, idempotency_key, root_id, shown)
                 SELECT $1, $2::bigint, $3, $4, $5, $6::timestamptz, $7, $8, $9, parent.root, $7 = 'approved' AND parent.shown
                 FROM ${
                   parent === null
                     ? '(SELECT NULL::bigint AS root, true AS shown WHERE $10::boolean IS NOT NULL)'
                     : `(SELECT coalesce(root_id, id) AS root, shown FROM comments
                         WHERE id = $2::bigint AND article_key = $1 AND (shown OR NOT $10::boolean) FOR SHARE)`
                 } AS parent
                 ON CONFLICT DO NOTHING
                 RETURNING ${COLUMNS}`,
          values: [
            input.articleKey,
            parent,
            input.authorName,
            input.email ?? null,
            input.content,
            createdAt,
            input.status,
            input.ipHash ?? null,
            idempotencyKey,
            input.parentMustBeShown ?? false,
          ],
        }));
      } catch (error) {
        // The parent was deleted between the check and the insert.
        if ((error as { code?: string }).code === '23503' && input.parentId)
          throw new UnknownParentError(input.parentId);
        throw error;
      }
      if (inserted) return { comment: toStoredComment(inserted), duplicate: false };
      // Nothing inserted: the key was used already, or the parent is not a comment of this article.
      if (idempotencyKey !== null) {
        const { rows } = await this.pool.query<CommentRow>({
          name: 'bantin_comment_by_idempotency_key',
          text: `SELECT ${COLUMNS} FROM comments WHERE article_key = $1 AND coalesce(ip_hash, '') = $2 AND idempotency_key = $3`,
          values: [input.articleKey, input.ipHash ?? '', idempotencyKey],
        });
        if (rows[0]) return { comment: toStoredComment(rows[0]), duplicate: true };
      }
      if (parent !== null) {
        const { rows } = await this.pool.query({
          name: 'bantin_parent_exists',
          text: 'SELECT 1 FROM comments WHERE id = $1 AND article_key = $2 AND (shown OR NOT $3::boolean)',
          values: [parent, input.articleKey, input.parentMustBeShown ?? false],
        });
        if (rows.length === 0) throw new UnknownParentError(input.parentId!);
      }
      // The comment holding the key was deleted between the two statements: try again.
    }
    throw new Error('createComment: the insert kept conflicting with a comment that no longer exists');
  }

  async getComment(id: string): Promise<StoredComment | null> {
    const n = parseCommentId(id);
    if (n === null) return null;
    const { rows } = await this.pool.query<CommentRow>({
      name: 'bantin_get_comment',
      text: `SELECT ${COLUMNS} FROM comments WHERE id = $1`,
      values: [n],
    });
    return rows[0] ? toStoredComment(rows[0]) : null;
  }

  async listByStatus(
    status: CommentStatus,
    query: { cursor: string | null; limit: number },
  ): Promise<{ comments: StoredComment[]; nextCursor: string | null }> {
    assertStatus(status);
    const { limit, afterCursor, params: values } = listingParams('queue', [status], query);
    const { rows } = await this.pool.query<CommentRow>({
      name: `bantin_list_queue_${afterCursor ? 'after' : 'first'}`,
      text: listSql('queue', afterCursor),
      values,
    });
    const { comments, nextCursor } = page('queue', rows, limit, 0);
    return { comments, nextCursor };
  }

  async setCommentStatus(id: string, status: CommentStatus): Promise<StoredComment | null> {
    assertStatus(status);
    const n = parseCommentId(id);
    if (n === null) return null;
    // The comment and, under it, every reply (a hidden comment hides its subtree), in one
    // transaction. Status changes of one article queue on an advisory lock, and each statement
    // below reads a fresh snapshot, so two moderators acting on a parent and its reply at once
    // cannot leave a reply shown under a hidden parent.
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query({
        name: 'bantin_thread_lock',
        text: `SELECT pg_advisory_xact_lock(${THREAD_LOCK}, hashtext(article_key)) FROM comments WHERE id = $1`,
        values: [n],
      });
      const { rows } = await client.query<CommentRow>({
        name: 'bantin_set_status',
        text: `UPDATE comments SET status = $1 WHERE id = $2 RETURNING ${COLUMNS}`,
        values: [status, n],
      });
      if (rows[0]) await client.query({ name: 'bantin_update_shown', text: UPDATE_SHOWN_SQL, values: [n] });
      await client.query('COMMIT');
      return rows[0] ? toStoredComment(rows[0]) : null;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async deleteComment(id: string): Promise<boolean> {
    const n = parseCommentId(id);
    if (n === null) return false;
    const { rowCount } = await this.pool.query({
      name: 'bantin_delete_comment',
      text: 'DELETE FROM comments WHERE id = $1',
      values: [n],
    });
    return (rowCount ?? 0) > 0;
  }

  /** Not in the Storage contract (no route likes comments yet); adds `delta` likes, never below 0. */
  async likeComment(id: string, visitorHash: string): Promise<{ counted: boolean; likes: number } | null> {
    const n = parseCommentId(id);
    if (n === null) return null;
    // One statement: the like row and the count move together; `before` reads the snapshot.
    const { rows } = await this.pool.query<{ found: boolean; added: number | null; before: number | null }>({
      name: 'bantin_like_comment',
      text: `WITH target AS (
          SELECT id, likes FROM comments WHERE id = $1 AND shown
        ), liked AS (
          INSERT INTO comment_likes (comment_id, visitor_hash) SELECT id, $2 FROM target
          ON CONFLICT DO NOTHING RETURNING comment_id
        ), bumped AS (
          UPDATE comments SET likes = likes + 1 WHERE id IN (SELECT comment_id FROM liked) RETURNING likes
        )
        SELECT EXISTS (SELECT 1 FROM target) AS found, (SELECT likes FROM bumped) AS added,
               (SELECT likes FROM target) AS before`,
      values: [n, visitorHash],
    });
    const row = rows[0]!;
    if (!row.found) return null;
    return row.added !== null ? { counted: true, likes: row.added } : { counted: false, likes: row.before ?? 0 };
  }

  async importComments(
    rows: readonly ImportedComment[],
    options: { dryRun?: boolean } = {},
  ): Promise<{ inserted: number; existing: number }> {
    if (this.closed) throw new Error('storage is closed');
    return importCommentsPostgres(this.pool, rows, options.dryRun ?? false);
  }

  async commentCounts(articleKeys: readonly string[]): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    if (articleKeys.length === 0) return result;
    const { rows } = await this.pool.query<{ article_key: string; count: number }>({
      name: 'bantin_comment_counts',
      text: `SELECT article_key, COUNT(*)::int AS count FROM comments
             WHERE shown AND article_key = ANY ($1::text[]) GROUP BY article_key`,
      values: [[...articleKeys]],
    });
    for (const { article_key, count } of rows) result[article_key] = count;
    return result;
  }

  async addLikes(id: string, delta: number): Promise<StoredComment | null> {
    const n = parseCommentId(id);
    if (n === null || !Number.isSafeInteger(delta)) return null;
    const { rows } = await this.pool.query<CommentRow>({
      name: 'bantin_add_likes',
      text: `UPDATE comments SET likes = GREATEST(0, likes + $1) WHERE id = $2 RETURNING ${COLUMNS}`,
      values: [delta, n],
    });
    return rows[0] ? toStoredComment(rows[0]) : null;
  }
}

/**
 * Keyset pagination, as in sqlite.ts, with numbered parameters. ORDER BY names the table's
 * created_at: the bare name would mean the formatted text column of the select list.
 */
function listSql(kind: ListingKind, withCursor: boolean): string {
  switch (kind) {
    case 'newest':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = $1 AND status = $2
        ${withCursor ? 'AND (created_at, id) < ($3::timestamptz, $4::bigint) ORDER BY comments.created_at DESC, id DESC LIMIT $5' : 'ORDER BY comments.created_at DESC, id DESC LIMIT $3'}`;
    case 'oldest':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = $1 AND status = $2
        ${withCursor ? 'AND (created_at, id) > ($3::timestamptz, $4::bigint) ORDER BY comments.created_at ASC, id ASC LIMIT $5' : 'ORDER BY comments.created_at ASC, id ASC LIMIT $3'}`;
    case 'top':
      return `SELECT ${COLUMNS} FROM comments WHERE article_key = $1 AND status = $2
        ${withCursor ? 'AND (likes, created_at, id) < ($3::integer, $4::timestamptz, $5::bigint) ORDER BY likes DESC, comments.created_at DESC, id DESC LIMIT $6' : 'ORDER BY likes DESC, comments.created_at DESC, id DESC LIMIT $3'}`;
    case 'queue':
      return `SELECT ${COLUMNS} FROM comments WHERE status = $1
        ${withCursor ? 'AND (created_at, id) > ($2::timestamptz, $3::bigint) ORDER BY comments.created_at ASC, id ASC LIMIT $4' : 'ORDER BY comments.created_at ASC, id ASC LIMIT $2'}`;
  }
}

/** The first key of the advisory locks that queue status changes per article (hashtext is the second). */
const THREAD_LOCK = 0x62746872; // 'bthr'

const UPDATE_SHOWN_SQL = updateShownSql('$1', 'false');

/** Shown top-level comments of an article, in the listing's order (keyset, as listSql). */
function threadsSql(kind: ListingKind, withCursor: boolean): string {
  const where = 'WHERE article_key = $1 AND parent_id IS NULL AND shown';
  switch (kind) {
    case 'newest':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (created_at, id) < ($2::timestamptz, $3::bigint) ORDER BY comments.created_at DESC, id DESC LIMIT $4' : 'ORDER BY comments.created_at DESC, id DESC LIMIT $2'}`;
    case 'oldest':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (created_at, id) > ($2::timestamptz, $3::bigint) ORDER BY comments.created_at ASC, id ASC LIMIT $4' : 'ORDER BY comments.created_at ASC, id ASC LIMIT $2'}`;
    case 'top':
      return `SELECT ${COLUMNS} FROM comments ${where}
        ${withCursor ? 'AND (likes, created_at, id) < ($2::integer, $3::timestamptz, $4::bigint) ORDER BY likes DESC, comments.created_at DESC, id DESC LIMIT $5' : 'ORDER BY likes DESC, comments.created_at DESC, id DESC LIMIT $2'}`;
    case 'queue':
      throw new TypeError('the moderation queue is not paged by thread');
  }
}

/**
 * The view writes both statements share, from the views to count (`source`: day, article_key,
 * visitor_hash): the dedupe row, the day's bucket and the total, in a fixed order (no deadlock
 * between processes), then what each view did ('v': counted), the new totals ('t') and the
 * current totals of every article in the batch ('c').
 */
function recordViewsFrom(source: string): string {
  return `visitor AS (
    INSERT INTO view_visitors (day, article_key, visitor_hash)
    SELECT day, article_key, visitor_hash FROM ${source} ORDER BY day, article_key, visitor_hash
    ON CONFLICT DO NOTHING
    RETURNING day, article_key, visitor_hash
  ), bucket AS (
    INSERT INTO daily_views (day, article_key, views)
    SELECT day, article_key, count(*) FROM visitor GROUP BY day, article_key ORDER BY day, article_key
    ON CONFLICT (day, article_key) DO UPDATE SET views = daily_views.views + EXCLUDED.views
    RETURNING article_key
  ), total AS (
    INSERT INTO article_views (article_key, views)
    SELECT article_key, count(*) FROM visitor GROUP BY article_key ORDER BY article_key
    ON CONFLICT (article_key) DO UPDATE SET views = article_views.views + EXCLUDED.views
    RETURNING article_key, views
  )
  SELECT 'v' AS kind, to_char(day, 'YYYY-MM-DD') AS day, article_key, visitor_hash, NULL::bigint AS views FROM visitor
  UNION ALL SELECT 't', NULL, article_key, NULL, views FROM total
  UNION ALL SELECT 'c', NULL, article_key, NULL, views FROM article_views WHERE article_key = ANY ($2::text[])`;
}

/** A batch of views without limits, in one statement (one transaction, one commit). */
const RECORD_VIEWS_SQL = `WITH input AS (
    SELECT * FROM unnest($1::date[], $2::text[], $3::text[]) AS t (day, article_key, visitor_hash)
  ), ${recordViewsFrom('input')}`;

/**
 * A batch of views with rate limits, in one statement (one transaction, one commit), in a fixed
 * order: each counter takes the batch's hits at once (+n, or n in a new window), sorted by
 * (rule, subject) so that two processes' batches lock counters in the same order; then only the
 * views within their limit (`hits - n + ordinal <= max`) go on as in the plain statement.
 */
const RECORD_LIMITED_VIEWS_SQL = `WITH input AS (
    SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::int[], $5::int[])
      AS t (day, article_key, visitor_hash, grp, ordinal)
  ), hit AS (
    SELECT * FROM unnest($6::text[], $7::text[], $8::bigint[], $9::int[], $10::int[])
      WITH ORDINALITY AS h (rule, subject, window_start, n, max, grp)
  ), counter AS (
    INSERT INTO rate_limits (rule, subject, window_start, hits)
    SELECT rule, subject, window_start, n FROM hit ORDER BY rule, subject
    ${ADD_RATE_LIMIT_HITS}
    RETURNING rule, subject, hits
  ), allowed AS (
    SELECT i.day, i.article_key, i.visitor_hash FROM input i
    LEFT JOIN hit h ON h.grp = i.grp
    LEFT JOIN counter c ON c.rule = h.rule AND c.subject = h.subject
    WHERE i.grp = 0 OR c.hits - h.n + i.ordinal <= h.max
  ), ${recordViewsFrom('allowed')}
  UNION ALL SELECT 'r', NULL, subject, rule, hits::bigint FROM counter`;
