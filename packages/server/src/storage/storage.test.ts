// One suite for the Storage contract, run on SQLite (a file, and :memory:) and on a real
// PostgreSQL started by test/postgres.ts. PostgreSQL is never skipped: if it cannot be started,
// every one of its tests fails with the reason.
//
//   cd packages/server && TZ=America/New_York node --import tsx --test src/storage/storage.test.ts

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { isIsoDateTime, type ArticleSummary, type CommentSort, type CommentStatus } from '@bantin/model';
import { startPostgres, type RunningPostgres } from '../../test/postgres.js';
import { addDays, encodeCursor, UnknownParentError } from './common.js';
import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS, type Migration } from './migrations.js';
import { openStorage, parseStorageUrl } from './open.js';
import { PostgresStorage } from './postgres.js';
import { SqliteStorage } from './sqlite.js';
import { InvalidCursorError, type NewStoredComment, type Storage, type StoredComment } from './types.js';

// Every migration, applied once; both drivers number theirs alike.
const ALL_VERSIONS = SQLITE_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b);
assert.deepEqual(
  POSTGRES_MIGRATIONS.map((m) => m.version).sort((a, b) => a - b),
  ALL_VERSIONS,
);

// ---- the harness a driver provides -------------------------------------------------------------

interface Driver {
  name: string;
  /** A Storage on a new, empty database; not migrated yet. With `migrations`, only those. */
  open: (options?: { migrations?: readonly Migration[] }) => Promise<Storage>;
  /** The driver's migrations. */
  migrations: () => Promise<readonly Migration[]>;
  /** Another Storage on the same database as `storage`, as a second server process would have. */
  twin?: (storage: Storage) => Promise<Storage>;
}

/** Rows of a query, whichever the driver: for checks the contract cannot express. */
async function rawQuery(storage: Storage, sql: string): Promise<Array<Record<string, unknown>>> {
  if (storage instanceof SqliteStorage) {
    const statement = storage.db.prepare(sql);
    return statement.reader ? (statement.all() as Array<Record<string, unknown>>) : (statement.run(), []);
  }
  if (storage instanceof PostgresStorage) return (await storage.pool.query(sql)).rows;
  throw new Error('unknown driver');
}

/**
 * Registers every article that has views, with a minimal summary: most viewed ranks registered
 * articles only, and these tests are about counting, not registering.
 */
async function registerViewed(storage: Storage): Promise<void> {
  const rows = await rawQuery(storage, 'SELECT DISTINCT article_key FROM daily_views');
  await storage.upsertArticles(
    rows.map(({ article_key }) => {
      const key = String(article_key);
      return {
        key,
        summary: { id: key, slug: 'bai', title: key, url: '/tin-tuc/bai', publishedAt: '2026-02-01T08:00:00+07:00' },
      };
    }),
  );
}

function addLikes(storage: Storage, id: string, delta: number): Promise<StoredComment | null> {
  return (storage as SqliteStorage | PostgresStorage).addLikes(id, delta);
}

const TODAY = '2026-02-10';

function comment(articleKey: string, extra: Partial<NewStoredComment> = {}): NewStoredComment {
  return {
    articleKey,
    parentId: null,
    authorName: 'Minh Anh',
    email: 'minhanh@example.vn',
    content: 'Rất đồng tình.',
    status: 'approved',
    ipHash: 'iphash',
    idempotencyKey: null,
    ...extra,
  };
}

function summary(id: string, title = `Bài ${id}`): ArticleSummary {
  return {
    id,
    slug: id.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x',
    title,
    url: `/tin-tuc/${id}`,
    publishedAt: '2026-02-03T09:00:00+07:00',
  };
}

/** `n` distinct visitors view `key` on `day`, all at once. */
async function views(storage: Storage, key: string, day: string, n: number, prefix = 'v'): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => storage.recordView(key, `${prefix}-${key}-${day}-${i}`, day)),
  );
  assert.ok(results.every((r) => r.counted));
}

/** Walks every page of a listing. */
async function allPages(
  fetch: (cursor: string | null) => Promise<{ comments: StoredComment[]; nextCursor: string | null }>,
  between?: (pageIndex: number) => Promise<void>,
): Promise<StoredComment[][]> {
  const pages: StoredComment[][] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const result = await fetch(cursor);
    pages.push(result.comments);
    if (result.nextCursor === null) return pages;
    await between?.(i);
    cursor = result.nextCursor;
  }
  throw new Error('pagination did not end');
}

function sortExpected(comments: StoredComment[], sort: CommentSort): string[] {
  const t = (c: StoredComment) => Date.parse(c.createdAt);
  const id = (c: StoredComment) => Number(c.id);
  const sorted = [...comments].sort((a, b) => {
    if (sort === 'oldest') return t(a) - t(b) || id(a) - id(b);
    if (sort === 'newest') return t(b) - t(a) || id(b) - id(a);
    return b.likes - a.likes || t(b) - t(a) || id(b) - id(a);
  });
  return sorted.map((c) => c.id);
}

// ---- the shared suite --------------------------------------------------------------------------

export function storageSuite(driver: Driver): void {
  const opened: Storage[] = [];
  const track = (storage: Storage) => (opened.push(storage), storage);
  const fresh = async () => {
    const storage = track(await driver.open());
    await storage.migrate();
    return storage;
  };
  const twin = driver.twin && (async (storage: Storage) => track(await driver.twin!(storage)));

  after(async () => {
    await Promise.all(opened.map((s) => s.close().catch(() => {})));
  });

  describe('migrations', () => {
    test('migrate is idempotent and keeps data', async () => {
      const storage = track(await driver.open());
      await storage.migrate();
      await storage.recordView('a', 'v1', TODAY);
      await storage.migrate();
      await storage.migrate();
      assert.deepEqual(await storage.getViews(['a']), { a: 1 });
      const rows = await rawQuery(storage, 'SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((r) => Number(r.version)),
        ALL_VERSIONS,
      );
    });

    test('a database newer than the code is refused', async () => {
      const storage = await fresh();
      await rawQuery(
        storage,
        `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')`,
      );
      await assert.rejects(storage.migrate(), /newer than this server/);
    });

    if (twin) {
      test('two processes migrating one database at once both succeed, once', async () => {
        const a = track(await driver.open());
        const b = await twin(a);
        const c = await twin(a);
        await Promise.all([a.migrate(), b.migrate(), c.migrate()]);
        const rows = await rawQuery(a, 'SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(
          rows.map((r) => Number(r.version)),
          ALL_VERSIONS,
        );
        await b.recordView('k', 'v', TODAY);
        assert.deepEqual(await c.getViews(['k']), { k: 1 });
      });
    }
  });

  describe('views', () => {
    test('a visitor counts once per article per day, again the next day', async () => {
      const s = await fresh();
      assert.deepEqual(await s.recordView('a', 'v1', TODAY), { counted: true, views: 1 });
      assert.deepEqual(await s.recordView('a', 'v1', TODAY), { counted: false, views: 1 });
      assert.deepEqual(await s.recordView('a', 'v2', TODAY), { counted: true, views: 2 });
      assert.deepEqual(await s.recordView('b', 'v1', TODAY), { counted: true, views: 1 });
      const tomorrow = addDays(TODAY, 1);
      assert.deepEqual(await s.recordView('a', 'v1', tomorrow), { counted: true, views: 3 });
      assert.deepEqual(await s.recordView('a', 'v1', tomorrow), { counted: false, views: 3 });
      // Yesterday's dedupe still holds after a new day has begun.
      assert.deepEqual(await s.recordView('a', 'v1', TODAY), { counted: false, views: 3 });
      assert.deepEqual(await s.getViews(['a', 'b']), { a: 3, b: 1 });
    });

    test('an invalid day is refused', async () => {
      const s = await fresh();
      for (const day of ['2026-02-30', '2026-2-1', '', '2026-02-10T00:00:00Z']) {
        await assert.rejects(s.recordView('a', 'v', day), TypeError, day);
      }
      assert.deepEqual(await s.getViews(['a']), {});
    });

    test('getViews: many keys, unknown ones absent, none', async () => {
      const s = await fresh();
      const keys = Array.from({ length: 150 }, (_, i) => `bai-${i}`);
      await Promise.all(keys.slice(0, 100).map((key, i) => views(s, key, TODAY, (i % 3) + 1)));
      const got = await s.getViews([...keys, 'khong-co', 'bai-1', "it's", 'đường/phố']);
      assert.equal(Object.keys(got).length, 100);
      keys.slice(0, 100).forEach((key, i) => assert.equal(got[key], (i % 3) + 1, key));
      assert.equal(got['khong-co'], undefined);
      assert.deepEqual(await s.getViews([]), {});
    });

    test('200 parallel views from distinct visitors add exactly 200; the same visitor adds 1', async () => {
      const s = await fresh();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => s.recordView('hot', `visitor-${i}`, TODAY)),
      );
      assert.ok(results.every((r) => r.counted));
      // Every call saw its own increment: the answers are exactly 1..200.
      assert.deepEqual(
        results.map((r) => r.views).sort((a, b) => a - b),
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      assert.deepEqual(await s.getViews(['hot']), { hot: 200 });
      const same = await Promise.all(Array.from({ length: 50 }, () => s.recordView('hot2', 'one-visitor', TODAY)));
      assert.equal(same.filter((r) => r.counted).length, 1);
      assert.deepEqual(await s.getViews(['hot2']), { hot2: 1 });
      await registerViewed(s);
      assert.deepEqual(await s.mostViewed(1, TODAY, 10), [
        { articleKey: 'hot', views: 200 },
        { articleKey: 'hot2', views: 1 },
      ]);
    });

    if (twin) {
      test('two server processes on one database count exactly', async () => {
        const a = await fresh();
        const b = await twin(a);
        const run = (s: Storage, prefix: string) =>
          Array.from({ length: 150 }, (_, i) => s.recordView('shared', `${prefix}-${i}`, TODAY));
        // Plus 40 visitors that both processes see at once: each counts once in all.
        const both = Array.from({ length: 40 }, (_, i) => [
          a.recordView('shared', `both-${i}`, TODAY),
          b.recordView('shared', `both-${i}`, TODAY),
        ]).flat();
        const results = await Promise.all([...run(a, 'a'), ...run(b, 'b'), ...both]);
        assert.equal(results.filter((r) => r.counted).length, 340);
        const counted = results
          .filter((r) => r.counted)
          .map((r) => r.views)
          .sort((x, y) => x - y);
        assert.deepEqual(
          counted,
          Array.from({ length: 340 }, (_, i) => i + 1),
        );
        assert.deepEqual(await a.getViews(['shared']), { shared: 340 });
        await registerViewed(b);
        assert.deepEqual(await b.mostViewed(7, TODAY, 1), [{ articleKey: 'shared', views: 340 }]);
      });
    }

    test('mostViewed: day, week and month windows from daily buckets; ties by key', async () => {
      const s = await fresh();
      // today: c 5, a 3, b 3; 6 days ago: d 10; 7 days ago (outside the week): e 20;
      // 29 days ago: f 7; 30 days ago (outside the month): g 100; tomorrow (not yet): h 50.
      await views(s, 'c', TODAY, 5);
      await views(s, 'a', TODAY, 3);
      await views(s, 'b', TODAY, 3);
      await views(s, 'd', addDays(TODAY, -6), 10);
      await views(s, 'e', addDays(TODAY, -7), 20);
      await views(s, 'f', addDays(TODAY, -29), 7);
      await views(s, 'g', addDays(TODAY, -30), 100);
      await views(s, 'h', addDays(TODAY, 1), 50);
      await views(s, 'a', addDays(TODAY, -1), 2); // a: 5 this week

      await registerViewed(s);
      assert.deepEqual(await s.mostViewed(1, TODAY, 10), [
        { articleKey: 'c', views: 5 },
        { articleKey: 'a', views: 3 },
        { articleKey: 'b', views: 3 },
      ]);
      assert.deepEqual(await s.mostViewed(7, TODAY, 10), [
        { articleKey: 'd', views: 10 },
        { articleKey: 'a', views: 5 },
        { articleKey: 'c', views: 5 },
        { articleKey: 'b', views: 3 },
      ]);
      assert.deepEqual(await s.mostViewed(30, TODAY, 10), [
        { articleKey: 'e', views: 20 },
        { articleKey: 'd', views: 10 },
        { articleKey: 'f', views: 7 },
        { articleKey: 'a', views: 5 },
        { articleKey: 'c', views: 5 },
        { articleKey: 'b', views: 3 },
      ]);
      await registerViewed(s);
      assert.deepEqual(await s.mostViewed(30, TODAY, 2), [
        { articleKey: 'e', views: 20 },
        { articleKey: 'd', views: 10 },
      ]);
      // Across a month boundary, and a day with nothing.
      assert.deepEqual(await s.mostViewed(1, addDays(TODAY, -2), 5), []);
      assert.deepEqual(await s.getViews(['g', 'h']), { g: 100, h: 50 });
      await assert.rejects(s.mostViewed(0, TODAY, 5), TypeError);
      await assert.rejects(s.mostViewed(7, '10/02/2026', 5), TypeError);
    });

    test('visitor rows older than two days are pruned; counts stay', async () => {
      const s = await fresh();
      await views(s, 'a', addDays(TODAY, -5), 3);
      await views(s, 'a', addDays(TODAY, -2), 2);
      await views(s, 'a', TODAY, 1);
      const old = () => rawQuery(s, `SELECT COUNT(*) AS n FROM view_visitors WHERE day < '${addDays(TODAY, -2)}'`);
      for (let i = 0; i < 100 && Number((await old())[0]!.n) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(Number((await old())[0]!.n), 0);
      const kept = await rawQuery(s, 'SELECT COUNT(*) AS n FROM view_visitors');
      assert.equal(Number(kept[0]!.n), 3);
      assert.deepEqual(await s.getViews(['a']), { a: 6 });
      await registerViewed(s);
      assert.deepEqual(await s.mostViewed(30, TODAY, 5), [{ articleKey: 'a', views: 6 }]);
    });

    test('mostViewed ties are broken by key, bytewise', async () => {
      const s = await fresh();
      const keys = ['b', 'a', 'Z', 'đ', 'e', '/tin-tuc/x'];
      for (const key of keys) await views(s, key, TODAY, 2);
      await registerViewed(s);
      const got = await s.mostViewed(1, TODAY, 10);
      assert.deepEqual(
        got.map((r) => r.articleKey),
        ['/tin-tuc/x', 'Z', 'a', 'b', 'e', 'đ'],
      );
    });
  });

  describe('articles', () => {
    test('upsert and get, unknown keys absent, last write wins', async () => {
      const s = await fresh();
      const one = {
        ...summary('mot'),
        title: 'Hội nghị lần thứ 2 BCH Đảng bộ Thành phố — “khóa XVII” 🇻🇳',
        sapo: 'Tóm tắt',
      };
      await s.upsertArticles([
        { key: 'mot', summary: one },
        { key: 'hai', summary: summary('hai') },
      ]);
      let got = await s.getArticles(['mot', 'hai', 'ba']);
      assert.equal(got.size, 2);
      assert.deepEqual(got.get('mot'), one);
      await s.upsertArticles([
        { key: 'hai', summary: summary('hai', 'Tiêu đề cũ') },
        { key: 'hai', summary: summary('hai', 'Tiêu đề mới') },
      ]);
      got = await s.getArticles(['hai']);
      assert.equal(got.get('hai')?.title, 'Tiêu đề mới');
      await s.upsertArticles([]);
      assert.equal((await s.getArticles([])).size, 0);
    });
  });

  describe('comments', () => {
    /** 23 approved comments on 'bai', some sharing a timestamp, with varied likes; plus noise. */
    async function seedComments(s: Storage): Promise<StoredComment[]> {
      const base = Date.parse('2026-02-04T08:00:00+07:00');
      const made: StoredComment[] = [];
      for (let i = 0; i < 23; i++) {
        const minute = i % 4 === 3 ? i - 1 : i; // every 4th shares the previous one's time
        const createdAt = new Date(base + minute * 60_000).toISOString();
        const { comment: c } = await s.createComment(comment('bai', { content: `Bình luận số ${i}`, createdAt }));
        const likes = [0, 3, 1, 3, 0, 7][i % 6]!;
        made.push(likes ? (await addLikes(s, c.id, likes))! : c);
      }
      // Other articles and statuses must not leak in.
      await s.createComment(comment('bai-khac'));
      await s.createComment(comment('bai', { status: 'pending' }));
      await s.createComment(comment('bai', { status: 'rejected' }));
      return made;
    }

    for (const sort of ['newest', 'oldest', 'top'] as const) {
      test(`list sorted ${sort}, in pages, without duplicates or gaps`, async () => {
        const s = await fresh();
        const made = await seedComments(s);
        for (const limit of [1, 5, 7, 23, 100]) {
          let totals = new Set<number>();
          const pages = await allPages(async (cursor) => {
            const page = await s.listComments('bai', { sort, cursor, limit, status: 'approved' });
            totals.add(page.total);
            assert.ok(page.comments.length <= limit);
            return page;
          });
          const ids = pages.flat().map((c) => c.id);
          assert.deepEqual(ids, sortExpected(made, sort), `limit ${limit}`);
          assert.deepEqual([...totals], [23]);
          assert.equal(pages.length, Math.max(1, Math.ceil(23 / limit)), `pages at limit ${limit}`);
        }
        const first = await s.listComments('bai', { sort, cursor: null, limit: 3, status: 'approved' });
        assert.deepEqual(
          first.comments[0],
          made.find((c) => c.id === first.comments[0]!.id),
        );
      });

      test(`list sorted ${sort} stays stable when comments arrive between pages`, async () => {
        const s = await fresh();
        const made = await seedComments(s);
        const arrived: StoredComment[] = [];
        const pages = await allPages(
          (cursor) => s.listComments('bai', { sort, cursor, limit: 4, status: 'approved' }),
          async (i) => {
            // A newer comment, and one back-dated into the middle of the listing.
            arrived.push((await s.createComment(comment('bai', { content: `mới ${i}` }))).comment);
            arrived.push(
              (await s.createComment(comment('bai', { content: `cũ ${i}`, createdAt: '2026-02-04T08:10:30+07:00' })))
                .comment,
            );
          },
        );
        const ids = pages.flat().map((c) => c.id);
        assert.equal(new Set(ids).size, ids.length, 'no comment twice');
        for (const c of made) assert.ok(ids.includes(c.id), `comment ${c.id} missing`);
        for (const id of ids) assert.ok(made.some((c) => c.id === id) || arrived.some((c) => c.id === id));
        // Whatever was seen is in the listing's order.
        const seen = [...made, ...arrived].filter((c) => ids.includes(c.id));
        assert.deepEqual(ids, sortExpected(seen, sort));
      });
    }

    test('an invalid cursor throws InvalidCursorError', async () => {
      const s = await fresh();
      await seedComments(s);
      const page = await s.listComments('bai', { sort: 'newest', cursor: null, limit: 2, status: 'approved' });
      assert.ok(page.nextCursor);
      const garbage = [
        'garbage',
        '!!!',
        '',
        'eyJ',
        Buffer.from('null').toString('base64url'),
        Buffer.from('[1,2]').toString('base64url'),
        Buffer.from('{"s":"newest","c":"yesterday","i":1}').toString('base64url'),
        Buffer.from('{"s":"newest","c":"2026-02-04T01:00:00.000Z","i":-1}').toString('base64url'),
        Buffer.from('{"s":"newest","c":"2026-02-04T01:00:00.000Z","i":"1 OR 1=1"}').toString('base64url'),
        encodeCursor({ s: 'top', l: 1, c: '2026-02-04T01:00:00.000Z', i: 1 }), // another listing's
        page.nextCursor + '=',
        page.nextCursor.slice(0, -2),
        'A'.repeat(5000),
      ];
      for (const cursor of garbage) {
        await assert.rejects(
          s.listComments('bai', { sort: 'newest', cursor, limit: 2, status: 'approved' }),
          InvalidCursorError,
          cursor.slice(0, 40),
        );
      }
      await assert.rejects(s.listByStatus('approved', { cursor: page.nextCursor, limit: 2 }), InvalidCursorError);
      await assert.rejects(
        s.listByStatus('approved', { cursor: 'x y', limit: 2 }),
        (e: Error) => e instanceof InvalidCursorError && e.name === 'InvalidCursorError',
      );
    });

    test('an idempotency key stores one comment per article', async () => {
      const s = await fresh();
      const first = await s.createComment(comment('bai', { idempotencyKey: 'draft-1', content: 'Lần đầu' }));
      const again = await s.createComment(comment('bai', { idempotencyKey: 'draft-1', content: 'Lần thử lại' }));
      assert.equal(first.duplicate, false);
      assert.equal(again.duplicate, true);
      assert.deepEqual(again.comment, first.comment);
      const elsewhere = await s.createComment(comment('bai-khac', { idempotencyKey: 'draft-1' }));
      assert.equal(elsewhere.duplicate, false);
      assert.notEqual(elsewhere.comment.id, first.comment.id);
      // No key: never deduplicated.
      await s.createComment(comment('bai'));
      await s.createComment(comment('bai'));
      // Retries racing each other: one stored, all answered with it.
      const racing = await Promise.all(
        Array.from({ length: 20 }, () => s.createComment(comment('bai', { idempotencyKey: 'draft-2' }))),
      );
      assert.equal(racing.filter((r) => !r.duplicate).length, 1);
      assert.equal(new Set(racing.map((r) => r.comment.id)).size, 1);
      const list = await s.listComments('bai', { sort: 'oldest', cursor: null, limit: 100, status: 'approved' });
      assert.equal(list.total, 4);
      assert.equal(list.comments[0]!.content, 'Lần đầu');
    });

    test('moderation: listByStatus, setCommentStatus, deleteComment, getComment', async () => {
      const s = await fresh();
      const base = Date.parse('2026-02-04T08:00:00Z');
      const pending: StoredComment[] = [];
      for (let i = 0; i < 9; i++) {
        const at = new Date(base + (i % 3) * 1000).toISOString(); // ties across articles
        pending.push((await s.createComment(comment(`bai-${i % 2}`, { status: 'pending', createdAt: at }))).comment);
      }
      await s.createComment(comment('bai-0', { status: 'approved' }));
      const pages = await allPages((cursor) => s.listByStatus('pending', { cursor, limit: 4 }));
      assert.deepEqual(
        pages.flat().map((c) => c.id),
        sortExpected(pending, 'oldest'),
      );
      assert.deepEqual(
        pages.map((p) => p.length),
        [4, 4, 1],
      );

      const target = pending[4]!;
      assert.deepEqual(await s.getComment(target.id), target);
      const approved = await s.setCommentStatus(target.id, 'approved');
      assert.equal(approved?.status, 'approved');
      assert.deepEqual({ ...approved, status: 'pending' }, target);
      assert.equal((await s.listByStatus('pending', { cursor: null, limit: 100 })).comments.length, 8);
      const listed = await s.listComments(target.articleId, {
        sort: 'newest',
        cursor: null,
        limit: 10,
        status: 'approved',
      });
      assert.ok(listed.comments.some((c) => c.id === target.id));
      assert.equal((await s.setCommentStatus(target.id, 'rejected'))?.status, 'rejected');

      assert.equal(await s.deleteComment(target.id), true);
      assert.equal(await s.deleteComment(target.id), false);
      assert.equal(await s.getComment(target.id), null);
      for (const id of [
        '999999',
        'abc',
        '0',
        '-1',
        '1.5',
        '01',
        '',
        ' 1',
        '99999999999999999999',
        "1'; DROP TABLE comments; --",
      ]) {
        assert.equal(await s.getComment(id), null, id);
        assert.equal(await s.setCommentStatus(id, 'approved'), null, id);
        assert.equal(await s.deleteComment(id), false, id);
      }
      assert.equal((await s.listByStatus('pending', { cursor: null, limit: 100 })).comments.length, 8);
    });

    test('replies: the parent must be a comment of the same article; deleting it deletes them', async () => {
      const s = await fresh();
      const parent = (await s.createComment(comment('bai'))).comment;
      const reply = (await s.createComment(comment('bai', { parentId: parent.id, content: 'Trả lời' }))).comment;
      assert.equal(reply.parentId, parent.id);
      assert.equal((await s.getComment(reply.id))?.parentId, parent.id);
      for (const parentId of ['424242', 'abc', parent.id]) {
        const article = parentId === parent.id ? 'bai-khac' : 'bai';
        for (const idempotencyKey of [null, `key-${parentId}`]) {
          await assert.rejects(
            s.createComment(comment(article, { parentId, idempotencyKey })),
            (e: Error) => e instanceof UnknownParentError && e.name === 'UnknownParentError',
          );
        }
      }
      // A retry of a stored reply is answered from its key even if the parent is gone by then.
      const keyed = (await s.createComment(comment('bai', { parentId: parent.id, idempotencyKey: 'reply-1' }))).comment;
      assert.equal(await s.deleteComment(parent.id), true);
      assert.equal(await s.getComment(reply.id), null);
      assert.equal(await s.getComment(keyed.id), null);
      assert.equal(
        (await s.listComments('bai', { sort: 'newest', cursor: null, limit: 10, status: 'approved' })).total,
        0,
      );
    });

    test('timestamps are ISO 8601 with an offset, in Vietnam time, and keep their instant', async () => {
      const s = await fresh();
      const before = Date.now();
      const now = (await s.createComment(comment('bai'))).comment;
      assert.ok(isIsoDateTime(now.createdAt), now.createdAt);
      assert.match(now.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+07:00$/);
      assert.ok(Date.parse(now.createdAt) >= before - 1 && Date.parse(now.createdAt) <= Date.now() + 1);
      const cases: Array<[string, string]> = [
        ['2026-02-04T08:00:00+07:00', '2026-02-04T08:00:00.000+07:00'],
        ['2026-02-04T01:00:00Z', '2026-02-04T08:00:00.000+07:00'],
        ['2026-02-03T20:30:00.25-05:00', '2026-02-04T08:30:00.250+07:00'],
        ['2025-12-31T17:00:00.000Z', '2026-01-01T00:00:00.000+07:00'],
      ];
      for (const [given, shown] of cases) {
        const { comment: c } = await s.createComment(comment('bai', { createdAt: given }));
        assert.equal(c.createdAt, shown);
        assert.equal((await s.getComment(c.id))?.createdAt, shown);
        assert.ok(isIsoDateTime(c.createdAt));
      }
      const all = await s.listComments('bai', { sort: 'oldest', cursor: null, limit: 10, status: 'approved' });
      for (const c of all.comments) assert.ok(isIsoDateTime(c.createdAt), c.createdAt);
      for (const bad of ['2026-02-04T08:00:00', '2026-02-04', 'hôm qua', '2026-02-30T08:00:00Z']) {
        await assert.rejects(s.createComment(comment('bai', { createdAt: bad })), TypeError, bad);
      }
    });

    test('Vietnamese text, emoji and SQL-looking strings round-trip exactly', async () => {
      const s = await fresh();
      const texts = [
        'Mong Thành phố sớm công khai kế hoạch đầu tư công năm 2021.',
        'Nguyễn Thị Ánh Tuyết — “Hà Nội” ‘Đà Nẵng’ … ỡ ự ặ ẫ',
        'Hà Nội'.normalize('NFD'), // decomposed stays decomposed: storage never rewrites text
        '👍🏽 👨‍👩‍👧‍👦 🇻🇳 ❤️',
        "'; DROP TABLE comments; --",
        'Robert\'); DROP TABLE article_views;-- " OR 1=1 -- \\ % _ $1 ? :name @x',
        'dòng 1\ndòng 2\r\n\ttab',
        '<script>alert(1)</script>',
      ];
      for (const text of texts) {
        const { comment: c } = await s.createComment(
          comment(text, { authorName: text, content: text, email: null, ipHash: text, idempotencyKey: text }),
        );
        const got = await s.getComment(c.id);
        assert.equal(got?.content, text);
        assert.equal(got?.authorName, text);
        assert.equal(got?.articleId, text);
        assert.equal(got?.ipHash, text);
        assert.equal(got?.email, null);
        assert.equal((await s.createComment(comment(text, { idempotencyKey: text, ipHash: text }))).duplicate, true);
        const listed = await s.listComments(text, { sort: 'newest', cursor: null, limit: 5, status: 'approved' });
        assert.deepEqual(
          listed.comments.map((x) => x.content),
          [text],
        );
        assert.deepEqual(await s.recordView(text, text, TODAY), { counted: true, views: 1 });
        assert.deepEqual(await s.getViews([text]), { [text]: 1 });
      }
      assert.notEqual(texts[2], 'Hà Nội');
      assert.equal((await s.getViews(['Hà Nội']))['Hà Nội'], undefined);
      // The tables the strings name are all still there.
      await registerViewed(s);
      assert.equal((await s.mostViewed(1, TODAY, 100)).length, texts.length);
    });

    test('statuses are validated', async () => {
      const s = await fresh();
      await assert.rejects(s.createComment(comment('bai', { status: 'spam' as CommentStatus })), TypeError);
      await assert.rejects(
        s.listComments('bai', { sort: 'best' as CommentSort, cursor: null, limit: 5, status: 'approved' }),
        TypeError,
      );
    });
  });

  describe('visitor salts', () => {
    test('one salt per day, the same for every process, and gone two days later', async () => {
      const s = await fresh();
      const a = Buffer.alloc(32, 1);
      const b = Buffer.alloc(32, 2);
      assert.deepEqual(await s.visitorSalt('2026-02-04', a), a);
      const other = twin ? await twin(s) : s;
      assert.deepEqual(await other.visitorSalt('2026-02-04', b), a, 'the first salt of the day wins');
      const racing = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? other : s).visitorSalt('2026-02-05', Buffer.alloc(32, 10 + i))),
      );
      assert.equal(new Set(racing.map((salt) => salt.toString('hex'))).size, 1);
      await s.visitorSalt('2026-02-06', b);
      await s.visitorSalt('2026-02-07', b);
      const count = await rawQuery(s, 'SELECT count(*) AS n FROM visitor_salts');
      assert.equal(Number(count[0]!.n), 3, 'salts older than two days before the newest are deleted');
      assert.deepEqual(await rawQuery(s, `SELECT 1 AS x FROM visitor_salts WHERE day = '2026-02-04'`), []);
      await assert.rejects(s.visitorSalt('2026-02-30', a), TypeError);
    });
  });

  describe('shared limits, secrets and one-time tokens', () => {
    const windowStartMs = Date.parse('2026-02-10T02:00:00Z'); // a whole minute
    const limit = (nowMs: number, subject = 'address-hash') => ({
      rule: 'views',
      subject,
      max: 3,
      windowMs: 60_000,
      nowMs,
    });

    test('a view over its rate limit counts nothing; the counter is shared and exact within a batch', async () => {
      const s = await fresh();
      const other = twin ? await twin(s) : s;
      // One batch: the first three calls are within the limit, in call order.
      const batch = await Promise.all(
        Array.from({ length: 5 }, (_, i) => s.recordView('a', `v${i}`, TODAY, limit(windowStartMs + 1000))),
      );
      assert.deepEqual(
        batch.map((r) => r.counted),
        [true, true, true, false, false],
      );
      assert.deepEqual(
        batch.map((r) => r.limited?.resetAtMs),
        [undefined, undefined, undefined, windowStartMs + 60_000, windowStartMs + 60_000],
      );
      assert.deepEqual(await s.getViews(['a']), { a: 3 });
      // Another process sees the same counter.
      const late = await other.recordView('b', 'v9', TODAY, limit(windowStartMs + 2000));
      assert.equal(late.counted, false);
      assert.ok(late.limited);
      // Another address, no limit, and the next window are not limited.
      assert.equal((await other.recordView('b', 'v9', TODAY, limit(windowStartMs + 2000, 'other'))).counted, true);
      assert.equal((await s.recordView('b', 'v10', TODAY)).counted, true);
      const next = await s.recordView('a', 'v7', TODAY, limit(windowStartMs + 60_000));
      assert.deepEqual(next, { counted: true, views: 4 });
      const rows = await rawQuery(s, `SELECT hits FROM rate_limits WHERE rule = 'views' AND subject = 'address-hash'`);
      assert.equal(Number(rows[0]!.hits), 1, 'a new window starts over');
    });

    test('server secrets: the first stored wins, for every process, and stays', async () => {
      const s = await fresh();
      const other = twin ? await twin(s) : s;
      const a = Buffer.alloc(32, 1);
      assert.deepEqual(await s.serverSecret('like-keys', a), a);
      assert.deepEqual(await other.serverSecret('like-keys', Buffer.alloc(32, 2)), a);
      const racing = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : s).serverSecret('other', Buffer.alloc(32, 10 + i))),
      );
      assert.equal(new Set(racing.map((secret) => secret.toString('hex'))).size, 1);
    });

    test('a one-time token is accepted once by any process until it expires, then pruned', async () => {
      const s = await fresh();
      const other = twin ? await twin(s) : s;
      const now = Date.parse('2026-02-10T02:00:00Z');
      assert.equal(await s.useOnce('altcha', 'sig-1', now + 600_000, now), true);
      assert.equal(await other.useOnce('altcha', 'sig-1', now + 600_000, now + 1000), false);
      assert.equal(await s.useOnce('other-kind', 'sig-1', now + 600_000, now), true, 'kinds are apart');
      const racing = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : s).useOnce('altcha', 'sig-2', now + 600_000, now)),
      );
      assert.equal(racing.filter(Boolean).length, 1);
      // Ten minutes on, both have expired and are deleted.
      await s.useOnce('altcha', 'sig-3', now + 1_200_000, now + 600_000);
      const left = await rawQuery(s, `SELECT token FROM used_tokens WHERE kind = 'altcha' ORDER BY token`);
      assert.deepEqual(
        left.map((r) => r.token),
        ['sig-3'],
      );
    });

    if (twin) {
      test('migration 6 keeps the likes stored before it', async () => {
        const migrations = (await driver.migrations()).filter((m) => m.version <= 5);
        const old = track(await driver.open({ migrations }));
        await old.migrate();
        const { comment: liked } = await old.createComment(comment('bai'));
        await old.likeComment(liked.id, 'daily-hash-of-2026-02-09');
        const upgraded = await twin(old);
        await upgraded.migrate();
        const versions = await rawQuery(upgraded, 'SELECT version FROM schema_migrations ORDER BY version');
        assert.deepEqual(
          versions.map((r) => Number(r.version)),
          ALL_VERSIONS,
        );
        assert.equal((await upgraded.getComment(liked.id))?.likes, 1);
        assert.deepEqual(await upgraded.likeComment(liked.id, 'daily-hash-of-2026-02-09'), {
          counted: false,
          likes: 1,
        });
        assert.deepEqual(await upgraded.likeComment(liked.id, 'per-comment-key'), { counted: true, likes: 2 });
      });
    }
  });

  describe('threads', () => {
    /** A thread tree on 'bai': top-level t0…t(n-1), each with `replies(i)` replies, some nested. */
    async function forum(s: Storage, n: number, replies: (i: number) => number) {
      const base = Date.parse('2026-02-04T01:00:00Z');
      const tops: StoredComment[] = [];
      const byTop = new Map<string, StoredComment[]>();
      for (let i = 0; i < n; i++) {
        const top = (
          await s.createComment(
            comment('bai', { content: `t${i}`, createdAt: new Date(base + i * 60_000).toISOString() }),
          )
        ).comment;
        tops.push(top);
        const under: StoredComment[] = [];
        for (let j = 0; j < replies(i); j++) {
          // Every third reply answers the previous reply rather than the top-level comment.
          const parentId = j % 3 === 2 ? under[j - 1]!.id : top.id;
          under.push((await s.createComment(comment('bai', { parentId, content: `t${i} r${j}` }))).comment);
        }
        byTop.set(top.id, under);
      }
      return { tops, byTop };
    }

    /** No comment of a page names a parent that is not earlier on the same page. */
    function assertNoOrphans(comments: StoredComment[]) {
      const seen = new Set<string>();
      for (const c of comments) {
        if (c.parentId !== null) assert.ok(seen.has(c.parentId), `reply ${c.id} before its parent ${c.parentId}`);
        seen.add(c.id);
      }
    }

    test('pages by top-level comment, each carrying its first replies; the rest through listReplies', async () => {
      const s = await fresh();
      const { tops, byTop } = await forum(s, 7, (i) => [0, 1, 5, 3, 0, 8, 2][i]!);
      const total = 7 + 19;
      for (const sort of ['newest', 'oldest', 'top'] as const) {
        const seenTops: string[] = [];
        let cursor: string | null = null;
        do {
          const pageOf: Awaited<ReturnType<Storage['listThreads']>> = await s.listThreads('bai', {
            sort,
            cursor,
            limit: 3,
            replies: 3,
          });
          assert.equal(pageOf.total, total);
          assertNoOrphans(pageOf.comments);
          assert.ok(pageOf.threads.length <= 3);
          const topsHere = pageOf.comments.filter((c) => c.parentId === null).map((c) => c.id);
          assert.deepEqual(
            pageOf.threads.map((t) => t.id),
            topsHere,
          );
          for (const thread of pageOf.threads) {
            const all = byTop.get(thread.id)!;
            assert.equal(thread.replies, all.length);
            const carried = pageOf.comments.filter((c) => c.parentId !== null && all.some((r) => r.id === c.id));
            assert.deepEqual(
              carried.map((c) => c.id),
              all.slice(0, 3).map((r) => r.id),
            );
            if (all.length <= 3) assert.equal(thread.repliesCursor, null);
            else {
              // The rest, two at a time, in the order they were posted.
              const rest: string[] = [];
              let more: string | null = thread.repliesCursor;
              while (more !== null) {
                const next = await s.listReplies('bai', thread.id, { cursor: more, limit: 2 });
                assert.ok(next);
                assert.equal(next.total, all.length);
                rest.push(...next.comments.map((c) => c.id));
                more = next.nextCursor;
              }
              assert.deepEqual(
                rest,
                all.slice(3).map((r) => r.id),
              );
            }
          }
          seenTops.push(...topsHere);
          cursor = pageOf.nextCursor;
        } while (cursor !== null);
        assert.deepEqual(seenTops, sortExpected(tops, sort), sort);
      }
      // Without a cursor, listReplies starts at the first reply; replies: 0 carries none.
      const t2 = tops[2]!.id;
      assert.deepEqual(
        (await s.listReplies('bai', t2, { cursor: null, limit: 100 }))!.comments.map((c) => c.id),
        byTop.get(t2)!.map((c) => c.id),
      );
      const bare = await s.listThreads('bai', { sort: 'oldest', cursor: null, limit: 10, replies: 0 });
      assert.equal(bare.comments.length, 7);
      const t2Info = bare.threads.find((t) => t.id === t2)!;
      assert.equal(t2Info.replies, 5);
      assert.deepEqual(
        (await s.listReplies('bai', t2, { cursor: t2Info.repliesCursor, limit: 100 }))!.comments.map((c) => c.id),
        byTop.get(t2)!.map((c) => c.id),
      );
      // A cursor of another thread, a reply or another article's thread: refused or null.
      await assert.rejects(
        s.listReplies('bai', tops[5]!.id, { cursor: t2Info.repliesCursor, limit: 5 }),
        (e: Error) => e.name === 'InvalidCursorError',
      );
      await assert.rejects(
        s.listThreads('bai', { sort: 'newest', cursor: t2Info.repliesCursor, limit: 5, replies: 1 }),
        (e: Error) => e.name === 'InvalidCursorError',
      );
      assert.equal(await s.listReplies('bai', byTop.get(t2)![0]!.id, { cursor: null, limit: 5 }), null);
      assert.equal(await s.listReplies('bai-khac', t2, { cursor: null, limit: 5 }), null);
      assert.equal(await s.listReplies('bai', '999999', { cursor: null, limit: 5 }), null);
    });

    test('a hidden comment hides its replies; approving it again brings them back', async () => {
      const s = await fresh();
      const { tops, byTop } = await forum(s, 2, () => 3);
      // t0: r0 (top), r1 (top), r2 (answers r1).
      const [r0, r1, r2] = byTop.get(tops[0]!.id)!;
      const list = async () => {
        const all = await s.listThreads('bai', { sort: 'oldest', cursor: null, limit: 10, replies: 10 });
        assertNoOrphans(all.comments);
        return { ids: all.comments.map((c) => c.content), total: all.total, threads: all.threads };
      };
      assert.equal((await list()).total, 8);

      await s.setCommentStatus(r1!.id, 'rejected');
      let now = await list();
      assert.deepEqual(now.ids, ['t0', 't0 r0', 't1', 't1 r0', 't1 r1', 't1 r2']);
      assert.equal(now.total, 6);
      assert.equal(now.threads[0]!.replies, 1);

      await s.setCommentStatus(tops[0]!.id, 'pending');
      now = await list();
      assert.deepEqual(now.ids, ['t1', 't1 r0', 't1 r1', 't1 r2']);
      assert.equal(await s.listReplies('bai', tops[0]!.id, { cursor: null, limit: 5 }), null);

      await s.setCommentStatus(tops[0]!.id, 'approved');
      await s.setCommentStatus(r1!.id, 'approved');
      now = await list();
      assert.equal(now.total, 8);
      assert.deepEqual(now.ids.slice(0, 4), ['t0', 't0 r0', 't0 r1', 't0 r2']);
      assert.equal(r0!.status, 'approved');

      // A reply to a hidden comment: refused when the caller asks for a shown parent (the public
      // API), stored but hidden otherwise (imports), and shown once its parent is approved.
      const pending = (await s.createComment(comment('bai', { status: 'pending', content: 'chờ' }))).comment;
      await assert.rejects(
        s.createComment(comment('bai', { parentId: pending.id, parentMustBeShown: true })),
        (e: Error) => e.name === 'UnknownParentError',
      );
      await s.setCommentStatus(r2!.id, 'rejected');
      await assert.rejects(
        s.createComment(comment('bai', { parentId: r2!.id, parentMustBeShown: true })),
        (e: Error) => e.name === 'UnknownParentError',
      );
      const imported = (await s.createComment(comment('bai', { parentId: pending.id, content: 'nhập' }))).comment;
      assert.ok(!(await list()).ids.includes('nhập'));
      await s.setCommentStatus(pending.id, 'approved');
      assert.deepEqual((await list()).ids.slice(-2), ['chờ', 'nhập']);
      assert.equal(imported.parentId, pending.id);
      // Shown replies to a shown reply are accepted, and land in the same thread.
      const deep = (await s.createComment(comment('bai', { parentId: r0!.id, parentMustBeShown: true }))).comment;
      const page0 = await s.listReplies('bai', tops[0]!.id, { cursor: null, limit: 100 });
      assert.equal(page0!.comments.at(-1)!.id, deep.id);
    });

    test('an idempotency key is scoped to the visitor as well as the article', async () => {
      const s = await fresh();
      const mine = await s.createComment(
        comment('bai', { idempotencyKey: 'k', ipHash: 'visitor-a', status: 'pending' }),
      );
      const theirs = await s.createComment(
        comment('bai', { idempotencyKey: 'k', ipHash: 'visitor-b', content: 'Của người khác' }),
      );
      assert.equal(theirs.duplicate, false);
      assert.notEqual(theirs.comment.id, mine.comment.id);
      assert.equal(theirs.comment.content, 'Của người khác');
      const again = await s.createComment(comment('bai', { idempotencyKey: 'k', ipHash: 'visitor-a' }));
      assert.equal(again.duplicate, true);
      assert.equal(again.comment.id, mine.comment.id);
      // No address hash is a visitor of its own (library callers).
      const none1 = await s.createComment(comment('bai', { idempotencyKey: 'k', ipHash: null }));
      const none2 = await s.createComment(comment('bai', { idempotencyKey: 'k', ipHash: null }));
      assert.equal(none1.duplicate, false);
      assert.equal(none2.duplicate, true);
    });

    if (twin)
      test('version 2 fills in threads and what is shown for comments stored before it', async () => {
        const s = track(await driver.open({ migrations: (await driver.migrations()).filter((m) => m.version === 1) }));
        await s.migrate();
        const ids: Record<string, number> = {};
        const insert = async (name: string, status: CommentStatus, parent?: string) => {
          const rows = await rawQuery(
            s,
            `INSERT INTO comments (article_key, parent_id, author_name, content, created_at, status)
           VALUES ('bai', ${parent ? ids[parent] : 'NULL'}, 'A', '${name}', '2026-02-04T01:00:00.000Z', '${status}')
           RETURNING id`,
          );
          ids[name] = Number(rows[0]!.id);
        };
        await insert('a', 'approved');
        await insert('a1', 'approved', 'a');
        await insert('a1x', 'approved', 'a1');
        await insert('b', 'rejected');
        await insert('b1', 'approved', 'b');
        await insert('c', 'approved');
        await insert('c1', 'pending', 'c');
        await insert('c1x', 'approved', 'c1');
        const later = await twin!(s);
        await later.migrate();
        const page = await later.listThreads('bai', { sort: 'oldest', cursor: null, limit: 10, replies: 10 });
        assert.deepEqual(
          page.comments.map((c) => c.content),
          ['a', 'a1', 'a1x', 'c'],
        );
        assert.equal(page.total, 4);
        const roots = await rawQuery(later, `SELECT content, root_id FROM comments ORDER BY id`);
        assert.deepEqual(
          roots.map((r) => [r.content, r.root_id === null ? null : Number(r.root_id)]),
          [
            ['a', null],
            ['a1', ids.a],
            ['a1x', ids.a],
            ['b', null],
            ['b1', ids.b],
            ['c', null],
            ['c1', ids.c],
            ['c1x', ids.c],
          ],
        );
      });
  });
}

// ---- SQLite ------------------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'bantin-storage-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let files = 0;

describe('SQLite (file)', () => {
  const names = new WeakMap<Storage, string>();
  storageSuite({
    name: 'SQLite',
    migrations: async () => SQLITE_MIGRATIONS,
    async open(options = {}) {
      const filename = join(tmp, `db-${++files}.sqlite`);
      const storage = new SqliteStorage(filename, options);
      names.set(storage, filename);
      return storage;
    },
    async twin(storage) {
      return new SqliteStorage(names.get(storage)!);
    },
  });

  test('WAL, synchronous NORMAL, foreign keys, busy timeout', async () => {
    const s = new SqliteStorage(join(tmp, `db-${++files}.sqlite`));
    try {
      await s.migrate();
      assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(s.db.pragma('synchronous', { simple: true }), 1); // NORMAL
      assert.equal(s.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(s.db.pragma('busy_timeout', { simple: true }), 5000);
      const full = new SqliteStorage(join(tmp, `db-${++files}.sqlite`), { synchronous: 'FULL' });
      assert.equal(full.db.pragma('synchronous', { simple: true }), 2);
      await full.close();
    } finally {
      await s.close();
    }
  });

  test('a long run of views stays exact while the WAL starts over', async () => {
    // A small reset threshold, and rounds of writes until the WAL has started over at least
    // once: how many views that takes depends on how the commits group, which depends on timing.
    const s = new SqliteStorage(join(tmp, `db-${++files}.sqlite`), { walResetFrames: 64 });
    try {
      await s.migrate();
      let written = 0;
      for (let round = 0; round < 40 && (s.walStats.holds < 2 || round < 2); round++) {
        const n = written + 5_000;
        await Promise.all(
          Array.from({ length: 64 }, async () => {
            while (written < n) {
              const i = written++;
              const r = await s.recordView(`bai-${i % 7}`, `khach-${i}`, TODAY);
              assert.ok(r.counted);
            }
          }),
        );
      }
      const totals = await s.getViews(Array.from({ length: 7 }, (_, i) => `bai-${i}`));
      assert.equal(
        Object.values(totals).reduce((a, b) => a + b, 0),
        written,
      );
      assert.ok(s.walStats.holds >= 2, `the WAL started over ${s.walStats.holds} times in ${written} views`);
    } finally {
      await s.close();
    }
  });

  test('close() commits views still waiting for their turn', async () => {
    const filename = join(tmp, `db-${++files}.sqlite`);
    const s = new SqliteStorage(filename);
    await s.migrate();
    const pending = Array.from({ length: 10 }, (_, i) => s.recordView('a', `v${i}`, TODAY));
    await s.close();
    assert.equal((await Promise.all(pending)).filter((r) => r.counted).length, 10);
    await assert.rejects(s.recordView('a', 'late', TODAY), /closed/);
    const again = new SqliteStorage(filename);
    try {
      assert.deepEqual(await again.getViews(['a']), { a: 10 });
    } finally {
      await again.close();
    }
  });

  test('two OS processes writing one file count exactly (busy timeout, WAL)', async () => {
    const filename = join(tmp, `db-${++files}.sqlite`);
    const setup = new SqliteStorage(filename);
    await setup.migrate();
    await setup.close();
    const results = await Promise.all([child(filename, 'p1', 400), child(filename, 'p2', 400)]);
    assert.deepEqual(
      results.map((r) => r.code),
      [0, 0],
    );
    const s = new SqliteStorage(filename);
    try {
      assert.deepEqual(await s.getViews(['shared']), { shared: 800 });
    } finally {
      await s.close();
    }
  });

  test('acknowledged writes survive kill -9 of the process', async () => {
    const filename = join(tmp, `db-${++files}.sqlite`);
    const setup = new SqliteStorage(filename);
    await setup.migrate();
    await setup.close();
    // The child acknowledges each view and comment on stdout; it is killed mid-stream.
    const { acked, code } = await child(filename, 'crash', 1_000_000, 1500);
    assert.notEqual(code, 0, 'the child was killed');
    assert.ok(acked.views > 0, 'some writes were acknowledged before the kill');
    const s = new SqliteStorage(filename);
    try {
      const total = (await s.getViews(['shared'])).shared ?? 0;
      assert.ok(total >= acked.views, `views: ${total} on disk < ${acked.views} acknowledged`);
      assert.ok(acked.comment, 'a comment was acknowledged');
      assert.equal((await s.getComment(acked.comment!))?.content, 'trước khi bị tắt');
    } finally {
      await s.close();
    }
  });
});

describe('SQLite (:memory:)', () => {
  storageSuite({
    name: 'SQLite :memory:',
    migrations: async () => SQLITE_MIGRATIONS,
    open: async (options = {}) => new SqliteStorage(':memory:', options),
  });
});

/**
 * Runs a separate Node process that records `n` views of 'shared' by visitors `${tag}-i`.
 * With `killAfterMs`, SIGKILLs it then and reports what it had acknowledged.
 */
function child(
  filename: string,
  tag: string,
  n: number,
  killAfterMs?: number,
): Promise<{ code: number | null; acked: { views: number; comment: string | null } }> {
  const sqliteModule = fileURLToPath(new URL('./sqlite.ts', import.meta.url));
  const source = `
    const { SqliteStorage } = await import(${JSON.stringify(sqliteModule)});
    const s = new SqliteStorage(${JSON.stringify(filename)});
    const { comment } = await s.createComment({ articleKey: 'a', parentId: null, authorName: 'A', email: null, content: 'trước khi bị tắt', status: 'approved', ipHash: null, idempotencyKey: null });
    process.stdout.write('comment ' + comment.id + '\\n');
    let acked = 0;
    for (let i = 0; i < ${n}; i += 20) {
      const batch = [];
      for (let j = i; j < Math.min(i + 20, ${n}); j++) batch.push(s.recordView('shared', '${tag}-' + j, '2026-02-10'));
      const results = await Promise.all(batch);
      if (!results.every((r) => r.counted)) throw new Error('not counted');
      acked += results.length;
      process.stdout.write('views ' + acked + '\\n');
    }
    await s.close();
  `;
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acked = { views: 0, comment: null as string | null };
    let buffer = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [what, value] = line.split(' ');
        if (what === 'views') acked.views = Number(value);
        if (what === 'comment') acked.comment = value!;
      }
    });
    let timer: NodeJS.Timeout | undefined;
    if (killAfterMs !== undefined) {
      // Counted from the first acknowledgement, so a slow start cannot make the kill too early.
      const arm = () => {
        if (timer || acked.views === 0) return;
        timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      };
      proc.stdout.on('data', arm);
    }
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, acked });
    });
  });
}

// ---- PostgreSQL --------------------------------------------------------------------------------

describe('PostgreSQL', () => {
  let server: Promise<RunningPostgres> | null = null;
  const urls = new WeakMap<Storage, string>();
  const start = () =>
    (server ??= startPostgres().catch((error: Error) => {
      throw new Error(`PostgreSQL could not be started for the tests: ${error.message}`, { cause: error });
    }));

  before(async () => {
    try {
      const pg = await start();
      console.log(`PostgreSQL started in ${pg.startMs} ms at ${pg.url}`);
    } catch {
      // Reported by every test below.
    }
  });
  after(async () => {
    const pg = await server?.catch(() => null);
    await pg?.stop();
  });

  storageSuite({
    name: 'PostgreSQL',
    migrations: async () => POSTGRES_MIGRATIONS,
    async open(options = {}) {
      const url = await (await start()).createDatabase();
      const storage = new PostgresStorage({ connectionString: url, max: 8, ...options });
      urls.set(storage, url);
      return storage;
    },
    async twin(storage) {
      return new PostgresStorage({ connectionString: urls.get(storage)!, max: 8 });
    },
  });
});

// ---- openStorage -------------------------------------------------------------------------------

describe('openStorage', () => {
  test('parses the accepted URLs', () => {
    assert.deepEqual(parseStorageUrl('sqlite:./data.db'), { driver: 'sqlite', filename: './data.db' });
    assert.deepEqual(parseStorageUrl('sqlite::memory:'), { driver: 'sqlite', filename: ':memory:' });
    assert.deepEqual(parseStorageUrl('sqlite:///var/lib/bantin.db'), {
      driver: 'sqlite',
      filename: '/var/lib/bantin.db',
    });
    assert.deepEqual(parseStorageUrl('sqlite:/var/lib/bantin.db?synchronous=full'), {
      driver: 'sqlite',
      filename: '/var/lib/bantin.db',
      synchronous: 'FULL',
    });
    assert.deepEqual(parseStorageUrl('postgres://u:p@h:5432/db'), {
      driver: 'postgres',
      connectionString: 'postgres://u:p@h:5432/db',
    });
    assert.deepEqual(parseStorageUrl('postgresql://h/db?sslmode=require'), {
      driver: 'postgres',
      connectionString: 'postgresql://h/db?sslmode=require',
    });
    for (const bad of ['', 'mysql://x', './data.db', 'sqlite:'])
      assert.throws(() => parseStorageUrl(bad), TypeError, bad);
  });

  test('opens and migrates SQLite, creating the folder', async () => {
    const storage = await openStorage(`sqlite:${join(tmp, 'nested', 'dir', 'data.db')}`);
    try {
      assert.ok(storage instanceof SqliteStorage);
      assert.deepEqual(await storage.recordView('a', 'v', TODAY), { counted: true, views: 1 });
    } finally {
      await storage.close();
    }
    const memory = await openStorage('sqlite::memory:');
    assert.deepEqual(await memory.getViews(['a']), {});
    await memory.close();
  });

  test('a PostgreSQL that is not there fails with a clear error', async () => {
    await assert.rejects(
      openStorage('postgres://postgres@127.0.0.1:1/nothing', { postgres: { onError: () => {} } }),
      /ECONNREFUSED|connect/,
    );
  });
});
