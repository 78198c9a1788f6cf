// The schema of both drivers, as numbered migrations. Kept free of driver imports so that a
// PostgreSQL deployment never loads better-sqlite3's native module, and the other way round.
//
// Migrations are append-only: never edit a released one, add the next version instead. Each is
// applied in its own transaction and recorded in `schema_migrations`; `migrate()` skips the
// versions already there, so it is safe on every start (SQLite: BEGIN IMMEDIATE per migration;
// PostgreSQL: a session advisory lock around the whole run, so processes starting together queue).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/*
 * Views. A visitor counts at most once per article per Vietnam day:
 *   view_visitors  (day, article_key, visitor_hash) primary key: the dedupe; rows older than
 *                  two days before the newest day seen are pruned in the background.
 *   daily_views    (day, article_key) -> views: the buckets that most-viewed sums.
 *   article_views  article_key -> views: all-time totals, what GET /views answers.
 * One transaction per recordView touches all three.
 *
 * Comments. `id` is an integer, never reused (AUTOINCREMENT / identity), exposed as a string.
 * created_at is UTC; the API shows it with a +07:00 offset. Replies are deleted with their parent.
 *
 * Threads (version 2). `root_id` is a reply's top-level comment (NULL on top-level comments);
 * `shown` is what the public listing shows: approved, and under a shown parent. Both are written
 * when a comment is created, and `shown` again for a whole subtree when a status changes, so a
 * page of threads is a few index range scans. Idempotency keys are unique per article and visitor
 * (the day's address hash): another visitor's key never answers with this one's comment.
 * `visitor_salts` holds each Vietnam day's random salt, so that every process, and a restarted
 * one, hashes a visitor the same way (deleted two days later). `rate_limits` holds fixed-window
 * counters shared by all processes (the view counter's too: its hits are written with the views).
 *
 * Version 4 is deliberately unused; the runner applies the versions it knows in order, gaps allowed.
 */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'views, articles, comments',
    sql: `
      CREATE TABLE view_visitors (
        day          TEXT NOT NULL,            -- 'YYYY-MM-DD', Vietnam day
        article_key  TEXT NOT NULL,
        visitor_hash TEXT NOT NULL,
        PRIMARY KEY (day, article_key, visitor_hash)
      ) WITHOUT ROWID;

      CREATE TABLE daily_views (
        day         TEXT NOT NULL,
        article_key TEXT NOT NULL,
        views       INTEGER NOT NULL CHECK (views >= 0),
        PRIMARY KEY (day, article_key)
      ) WITHOUT ROWID;

      CREATE TABLE article_views (
        article_key TEXT PRIMARY KEY,
        views       INTEGER NOT NULL CHECK (views >= 0)
      ) WITHOUT ROWID;

      CREATE TABLE articles (
        article_key TEXT PRIMARY KEY,
        summary     TEXT NOT NULL,             -- ArticleSummary as JSON
        updated_at  TEXT NOT NULL              -- ISO, UTC
      ) WITHOUT ROWID;

      CREATE TABLE comments (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        article_key     TEXT NOT NULL,
        parent_id       INTEGER REFERENCES comments (id) ON DELETE CASCADE,
        author_name     TEXT NOT NULL,
        email           TEXT,
        content         TEXT NOT NULL,
        created_at      TEXT NOT NULL,         -- 'YYYY-MM-DDTHH:MM:SS.sssZ': sorts as text
        status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        likes           INTEGER NOT NULL DEFAULT 0 CHECK (likes >= 0),
        ip_hash         TEXT,
        idempotency_key TEXT
      );
      CREATE UNIQUE INDEX comments_idempotency ON comments (article_key, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      CREATE INDEX comments_by_time  ON comments (article_key, status, created_at, id);
      CREATE INDEX comments_by_likes ON comments (article_key, status, likes, created_at, id);
      CREATE INDEX comments_queue    ON comments (status, created_at, id);
      CREATE INDEX comments_parent   ON comments (parent_id);
    `,
  },
  {
    version: 2,
    name: 'threads, shown comments, idempotency keys per visitor, shared salts and rate limits',
    sql: `
      ALTER TABLE comments ADD COLUMN root_id INTEGER;                   -- the thread's top-level comment; NULL on it
      ALTER TABLE comments ADD COLUMN shown INTEGER NOT NULL DEFAULT 0;  -- approved, under shown parents only

      WITH RECURSIVE tree (id, root, shown) AS (
        SELECT id, NULL, status = 'approved' FROM comments WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, coalesce(tree.root, tree.id), tree.shown AND c.status = 'approved'
        FROM comments AS c JOIN tree ON c.parent_id = tree.id
      )
      UPDATE comments SET
        root_id = (SELECT root FROM tree WHERE tree.id = comments.id),
        shown = coalesce((SELECT shown FROM tree WHERE tree.id = comments.id), 0);

      CREATE INDEX comments_threads_by_time  ON comments (article_key, created_at, id)
        WHERE parent_id IS NULL AND shown = 1;
      CREATE INDEX comments_threads_by_likes ON comments (article_key, likes, created_at, id)
        WHERE parent_id IS NULL AND shown = 1;
      CREATE INDEX comments_replies ON comments (root_id, id) WHERE shown = 1;
      CREATE INDEX comments_shown   ON comments (article_key) WHERE shown = 1;

      DROP INDEX comments_idempotency;
      CREATE UNIQUE INDEX comments_idempotency ON comments (article_key, coalesce(ip_hash, ''), idempotency_key)
        WHERE idempotency_key IS NOT NULL;

      CREATE TABLE visitor_salts (
        day  TEXT PRIMARY KEY,                 -- Vietnam day; deleted two days later
        salt BLOB NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE rate_limits (
        rule         TEXT NOT NULL,            -- 'comments', 'views', 'admin-failures', …
        subject      TEXT NOT NULL,            -- the address, hashed
        window_start INTEGER NOT NULL,         -- ms since the epoch
        hits         INTEGER NOT NULL,
        PRIMARY KEY (rule, subject)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'view baselines, comment likes, comment import keys',
    sql: `
      -- Counts brought over from a site's previous system (bantin-server import views). The
      -- baseline is also added into article_views, so totals read one row; keeping it here makes
      -- a second import of the same figures change nothing.
      CREATE TABLE view_baselines (
        article_key TEXT PRIMARY KEY,
        views       INTEGER NOT NULL CHECK (views >= 0)
      ) WITHOUT ROWID;

      -- One like per visitor per comment.
      CREATE TABLE comment_likes (
        comment_id   INTEGER NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        visitor_hash TEXT NOT NULL,
        PRIMARY KEY (comment_id, visitor_hash)
      ) WITHOUT ROWID;

      -- Where an imported comment came from ('wxr:<site>:<id>'), so importing twice adds nothing.
      ALTER TABLE comments ADD COLUMN import_key TEXT;
      CREATE UNIQUE INDEX comments_import_key ON comments (import_key) WHERE import_key IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'spam defence: comment flags, rule counts, blocklist',
    sql: `
      -- The spam rules a comment tripped (JSON array), apart from comments so that writing a
      -- comment stays one statement; a flagged comment is always held as pending.
      CREATE TABLE comment_flags (
        comment_id INTEGER PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        flags      TEXT NOT NULL
      );
      -- How many comments each rule flagged, shared by every process.
      CREATE TABLE spam_counts (
        rule  TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) WITHOUT ROWID;
      -- The editable blocklist, as the moderators wrote it (matched diacritic-free).
      CREATE TABLE spam_blocklist (
        position INTEGER PRIMARY KEY,
        word     TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'server secrets, used one-time tokens',
    sql: `
      -- Random secrets drawn once and shared by every process ('like-keys': the key of a reader's
      -- like, HMAC(secret, comment ‖ address ‖ browser), the same on every day). Likes stored
      -- before hold daily hashes: they keep counting, and stay in comment_likes.
      CREATE TABLE server_secrets (
        name   TEXT PRIMARY KEY,
        secret BLOB NOT NULL
      ) WITHOUT ROWID;
      -- One-time tokens already used (kind 'altcha': a solved challenge's signature), kept until
      -- they expire, so that no process accepts one twice.
      CREATE TABLE used_tokens (
        kind       TEXT NOT NULL,
        token      TEXT NOT NULL,
        expires_at INTEGER NOT NULL,           -- ms since the epoch
        PRIMARY KEY (kind, token)
      ) WITHOUT ROWID;
      CREATE INDEX used_tokens_expiry ON used_tokens (expires_at);
    `,
  },
];

/** The same schema for PostgreSQL. Keys sort bytewise (COLLATE "C"), as in SQLite. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'views, articles, comments',
    sql: `
      CREATE TABLE view_visitors (
        day          date NOT NULL,
        article_key  text COLLATE "C" NOT NULL,
        visitor_hash text COLLATE "C" NOT NULL,
        PRIMARY KEY (day, article_key, visitor_hash)
      );

      CREATE TABLE daily_views (
        day         date NOT NULL,
        article_key text COLLATE "C" NOT NULL,
        views       bigint NOT NULL CHECK (views >= 0),
        PRIMARY KEY (day, article_key)
      );

      CREATE TABLE article_views (
        article_key text COLLATE "C" PRIMARY KEY,
        views       bigint NOT NULL CHECK (views >= 0)
      );

      CREATE TABLE articles (
        article_key text COLLATE "C" PRIMARY KEY,
        summary     json NOT NULL,             -- json, not jsonb: keeps the text as given
        updated_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE comments (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_key     text COLLATE "C" NOT NULL,
        parent_id       bigint REFERENCES comments (id) ON DELETE CASCADE,
        author_name     text NOT NULL,
        email           text,
        content         text NOT NULL,
        created_at      timestamptz NOT NULL,
        status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        likes           integer NOT NULL DEFAULT 0 CHECK (likes >= 0),
        ip_hash         text,
        idempotency_key text
      );
      CREATE UNIQUE INDEX comments_idempotency ON comments (article_key, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      CREATE INDEX comments_by_time  ON comments (article_key, status, created_at, id);
      CREATE INDEX comments_by_likes ON comments (article_key, status, likes, created_at, id);
      CREATE INDEX comments_queue    ON comments (status, created_at, id);
      CREATE INDEX comments_parent   ON comments (parent_id);
    `,
  },
  {
    version: 2,
    name: 'threads, shown comments, idempotency keys per visitor, shared salts and rate limits',
    sql: `
      ALTER TABLE comments ADD COLUMN root_id bigint,
                           ADD COLUMN shown boolean NOT NULL DEFAULT false;

      WITH RECURSIVE tree (id, root, shown) AS (
        SELECT id, NULL::bigint, status = 'approved' FROM comments WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, coalesce(tree.root, tree.id), tree.shown AND c.status = 'approved'
        FROM comments AS c JOIN tree ON c.parent_id = tree.id
      )
      UPDATE comments SET root_id = tree.root, shown = tree.shown FROM tree WHERE comments.id = tree.id;

      CREATE INDEX comments_threads_by_time  ON comments (article_key, created_at, id)
        WHERE parent_id IS NULL AND shown;
      CREATE INDEX comments_threads_by_likes ON comments (article_key, likes, created_at, id)
        WHERE parent_id IS NULL AND shown;
      CREATE INDEX comments_replies ON comments (root_id, id) WHERE shown;
      CREATE INDEX comments_shown   ON comments (article_key) WHERE shown;

      DROP INDEX comments_idempotency;
      CREATE UNIQUE INDEX comments_idempotency ON comments (article_key, coalesce(ip_hash, ''), idempotency_key)
        WHERE idempotency_key IS NOT NULL;

      CREATE TABLE visitor_salts (
        day  date PRIMARY KEY,
        salt bytea NOT NULL
      );

      CREATE TABLE rate_limits (
        rule         text COLLATE "C" NOT NULL,
        subject      text COLLATE "C" NOT NULL,
        window_start bigint NOT NULL,
        hits         integer NOT NULL,
        PRIMARY KEY (rule, subject)
      );
    `,
  },
  {
    version: 3,
    name: 'view baselines, comment likes, comment import keys',
    sql: `
      CREATE TABLE view_baselines (
        article_key text COLLATE "C" PRIMARY KEY,
        views       bigint NOT NULL CHECK (views >= 0)
      );

      CREATE TABLE comment_likes (
        comment_id   bigint NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
        visitor_hash text COLLATE "C" NOT NULL,
        PRIMARY KEY (comment_id, visitor_hash)
      );

      ALTER TABLE comments ADD COLUMN import_key text;
      CREATE UNIQUE INDEX comments_import_key ON comments (import_key) WHERE import_key IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'spam defence: comment flags, rule counts, blocklist',
    sql: `
      CREATE TABLE comment_flags (
        comment_id bigint PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
        flags      text NOT NULL
      );
      CREATE TABLE spam_counts (
        rule  text COLLATE "C" PRIMARY KEY,
        count bigint NOT NULL CHECK (count >= 0)
      );
      CREATE TABLE spam_blocklist (
        position integer PRIMARY KEY,
        word     text NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'server secrets, used one-time tokens',
    sql: `
      CREATE TABLE server_secrets (
        name   text COLLATE "C" PRIMARY KEY,
        secret bytea NOT NULL
      );
      CREATE TABLE used_tokens (
        kind       text COLLATE "C" NOT NULL,
        token      text COLLATE "C" NOT NULL,
        expires_at bigint NOT NULL,
        PRIMARY KEY (kind, token)
      );
      CREATE INDEX used_tokens_expiry ON used_tokens (expires_at);
    `,
  },
];
