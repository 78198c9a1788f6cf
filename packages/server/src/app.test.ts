// The HTTP layer against a real server on 127.0.0.1 and a real database: every route and status
// code of docs/api.md plus moderation, once on SQLite and once on PostgreSQL.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ApiErrorSchema,
  CommentCreatedResponseSchema,
  CommentListResponseSchema,
  MostViewedResponseSchema,
  ViewCountsResponseSchema,
  ViewIncrementResponseSchema,
  type ArticleSummary,
} from '@bantin/model';
import { articleSummaries, seedArticle } from '@bantin/model/fixtures';
import type { FastifyInstance } from 'fastify';
import { request, valid, type Answer } from '../test/http.js';
import { startPostgres, type RunningPostgres } from '../test/postgres.js';
import { buildApp, seedStorage, type BuildAppOptions } from './app.js';
import { openStorage } from './storage/open.js';
import type { Storage } from './storage/types.js';

// ---- helpers -------------------------------------------------------------------------------------

const PUBLIC_COMMENT_KEYS = ['articleId', 'authorName', 'content', 'createdAt', 'id', 'likes', 'parentId', 'status'];

interface Server {
  app: FastifyInstance;
  base: string;
  origin: string;
}

async function serve(storage: Storage, options: Omit<BuildAppOptions, 'storage'> = {}): Promise<Server> {
  const app = await buildApp({ storage, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  const origin = `http://127.0.0.1:${address.port}`;
  return { app, origin, base: `${origin}${options.prefix ?? '/api'}` };
}

/** An error answer: the status, the ApiErrorSchema shape, and optionally the code and field. */
function assertError(answer: Answer, status: number, expect: { code?: string; field?: string; message?: RegExp } = {}) {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  valid(ApiErrorSchema, answer.json);
  if (expect.code) assert.equal(answer.json.error.code, expect.code);
  if (expect.field) assert.equal(answer.json.error.field, expect.field);
  if (expect.message) assert.match(answer.json.error.message, expect.message);
}

/** No public answer ever carries a commenter's email or address hash, at any depth. */
function assertNoPrivateFields(answer: Answer) {
  assert.doesNotMatch(answer.text, /"email"|"ipHash"/);
  for (const comment of answer.json?.comments ?? (answer.json?.comment ? [answer.json.comment] : [])) {
    assert.deepEqual(Object.keys(comment).sort(), PUBLIC_COMMENT_KEYS);
  }
}

const post = (url: string, json?: unknown, headers: Record<string, string> = {}) =>
  request(url, { method: 'POST', headers, ...(json !== undefined ? { json } : {}) });

const adminToken = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${adminToken}` };
const generous = {
  comments: { max: 100_000, windowMs: 60_000 },
  views: { max: 100_000, windowMs: 60_000 },
  admin: { max: 100_000, windowMs: 60_000 },
};

/** A clock the tests move: 2026-02-04 09:00 in Vietnam. */
function movableClock(start = Date.parse('2026-02-04T09:00:00+07:00')) {
  let now = start;
  return { now: () => new Date(now), advanceDays: (days: number) => void (now += days * 86_400_000) };
}

function summary(id: string, title = `Bài ${id}`): ArticleSummary {
  return { id, slug: id, title, url: `/tin-tuc/${id}`, publishedAt: '2026-02-01T08:00:00+07:00' };
}

// ---- the suite, once per database -----------------------------------------------------------------

interface Backend {
  name: string;
  /** A fresh, migrated, empty storage and how to dispose of it. */
  open(): Promise<{ storage: Storage; dispose(): Promise<void> }>;
  /** Optional process-wide teardown. */
  stop?(): Promise<void>;
}

const tmp = mkdtempSync(join(tmpdir(), 'bantin-app-test-'));
let sqliteCount = 0;
const sqliteBackend: Backend = {
  name: 'SQLite',
  async open() {
    const storage = await openStorage(`sqlite:${join(tmp, `db-${++sqliteCount}.db`)}`);
    return { storage, dispose: () => storage.close() };
  },
};

function postgresBackend(): Backend {
  let pg: RunningPostgres | null = null;
  return {
    name: 'PostgreSQL',
    async open() {
      pg ??= await startPostgres();
      const url = await pg.createDatabase();
      const storage = await openStorage(url);
      return { storage, dispose: () => storage.close() };
    },
    async stop() {
      await pg?.stop();
    },
  };
}

after(() => rmSync(tmp, { recursive: true, force: true }));

for (const backend of [sqliteBackend, postgresBackend()]) {
  describe(`HTTP API on ${backend.name}`, () => {
    const disposers: Array<() => Promise<void>> = [];
    /** A server on a fresh database; closed after the suite. */
    async function fresh(options: Omit<BuildAppOptions, 'storage'> = {}) {
      const { storage, dispose } = await backend.open();
      const server = await serve(storage, { rateLimit: generous, ...options });
      disposers.push(async () => {
        await server.app.close();
        await dispose();
      });
      return { ...server, storage };
    }

    let main: Awaited<ReturnType<typeof fresh>>;
    before(async () => {
      main = await fresh({ adminToken, corsOrigins: ['https://portal.example.vn'] });
    });
    after(async () => {
      for (const dispose of disposers.reverse()) await dispose();
      await backend.stop?.();
    });

    // ---- views ---------------------------------------------------------------------------------

    describe('views', () => {
      it('two processes on one database, or one restarted, count a visitor once (the salt is in the database)', async () => {
        const { base, storage } = await fresh();
        const second = await serve(storage, { rateLimit: false });
        try {
          const ua = { 'user-agent': 'reader-salt' };
          assert.equal((await post(`${base}/views/chung`, undefined, ua)).json.views, 1);
          assert.equal((await post(`${second.base}/views/chung`, undefined, ua)).json.views, 1, 'same visitor');
          assert.equal((await post(`${second.base}/views/chung`, undefined, { 'user-agent': 'other' })).json.views, 2);
        } finally {
          await second.app.close();
        }
      });

      it('POST /views/:id counts a visitor once per article per Vietnam day', async () => {
        const clock = movableClock();
        const { base } = await fresh({ now: clock.now });
        const ua = { 'user-agent': 'reader-1' };
        const first = await post(`${base}/views/hoi-nghi`, undefined, ua);
        assert.equal(first.status, 200);
        assert.deepEqual(valid(ViewIncrementResponseSchema, first.json), { articleId: 'hoi-nghi', views: 1 });
        assert.equal(first.headers.get('cache-control'), 'no-store');
        assert.equal((await post(`${base}/views/hoi-nghi`, undefined, ua)).json.views, 1, 'same visitor, same day');
        assert.equal(
          (await post(`${base}/views/hoi-nghi`, undefined, { 'user-agent': 'reader-2' })).json.views,
          2,
          'another visitor',
        );
        assert.equal((await post(`${base}/views/khac`, undefined, ua)).json.views, 1, 'same visitor, another article');
        clock.advanceDays(1);
        assert.equal((await post(`${base}/views/hoi-nghi`, undefined, ua)).json.views, 3, 'same visitor, next day');
      });

      it('canonicalises article keys: URL forms, percent-encoding and NFD are one article', async () => {
        const { base } = await fresh();
        const forms = [
          '/tin-tuc/hội-nghị',
          '/tin-tuc/hội-nghị/',
          '/tin-tuc/hội-nghị/index.html',
          'https://example.vn/tin-tuc/hội-nghị?utm_source=zalo#binh-luan',
          '/tin-tuc/hội-nghị'.normalize('NFD'),
          '/tin-tuc/h%E1%BB%99i-ngh%E1%BB%8B',
        ];
        let n = 0;
        for (const form of forms) {
          const answer = await post(`${base}/views/${encodeURIComponent(form)}`, undefined, {
            'user-agent': `ua-${++n}`,
          });
          assert.equal(answer.status, 200, answer.text);
          assert.deepEqual(valid(ViewIncrementResponseSchema, answer.json), {
            articleId: '/tin-tuc/hội-nghị',
            views: n,
          });
        }
        const counts = await request(
          `${base}/views?ids=${encodeURIComponent('/tin-tuc/hội-nghị')},${encodeURIComponent('/tin-tuc/hội-nghị/')}`,
        );
        assert.deepEqual(valid(ViewCountsResponseSchema, counts.json), {
          views: { '/tin-tuc/hội-nghị': n, '/tin-tuc/hội-nghị/': n },
        });
      });

      it('GET /views answers many ids at once, 0 for unknown ones, and keeps ids containing commas whole', async () => {
        const { base } = await fresh();
        await post(`${base}/views/a`, undefined, { 'user-agent': 'x' });
        await post(`${base}/views/${encodeURIComponent('b,c')}`, undefined, { 'user-agent': 'x' });
        const answer = await request(`${base}/views?ids=a,${encodeURIComponent('b,c')},zzz`);
        assert.equal(answer.status, 200);
        assert.deepEqual(valid(ViewCountsResponseSchema, answer.json), { views: { a: 1, 'b,c': 1, zzz: 0 } });
        await post(`${base}/views/constructor`, undefined, { 'user-agent': 'x' });
        const tricky = await request(`${base}/views?ids=__proto__,constructor,toString,hasOwnProperty`);
        assert.equal(tricky.status, 200);
        assert.deepEqual(
          valid(ViewCountsResponseSchema, tricky.json),
          JSON.parse('{"views":{"__proto__":0,"constructor":1,"toString":0,"hasOwnProperty":0}}'),
        );
        assert.match(tricky.text, /"__proto__":0/);
        const hundred = Array.from({ length: 100 }, (_, i) => `id-${i}`).join(',');
        const ok = await request(`${base}/views?ids=${hundred}`);
        assert.equal(ok.status, 200);
        assert.equal(Object.keys(ok.json.views).length, 100);
      });

      it('GET /views refuses a missing list, more than 100 ids and over-long ids (400 naming the field)', async () => {
        const { base } = main;
        assertError(await request(`${base}/views`), 400, { code: 'invalid_query', field: 'ids', message: /`ids`/ });
        assertError(await request(`${base}/views?ids=`), 400, { field: 'ids' });
        const many = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',');
        assertError(await request(`${base}/views?ids=${many}`), 400, { field: 'ids', message: /100/ });
        assertError(await request(`${base}/views?ids=a,${'x'.repeat(201)}`), 400, { field: 'ids[1]' });
        assertError(await request(`${base}/views?ids=${encodeURIComponent('   ')}`), 400, { field: 'ids[0]' });
        assertError(await request(`${base}/views?ids=%E0%A4%A`), 400, { field: 'ids' });
      });

      it('POST /views/:id refuses ids longer than 200 characters or blank', async () => {
        const { base } = main;
        assertError(await post(`${base}/views/${'x'.repeat(201)}`), 400, {
          code: 'invalid_param',
          field: 'articleId',
          message: /`articleId`/,
        });
        assertError(await post(`${base}/views/${'x'.repeat(5000)}`), 400);
        assertError(await post(`${base}/views/%20%20`), 400, { field: 'articleId' });
        assertError(await post(`${base}/views/%E0%A4%A`), 400, { code: 'bad_url' });
      });

      it('POST /views/:id ignores a stray body of any type', async () => {
        const { base } = await fresh();
        const beacon = await request(`${base}/views/beacon`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        });
        assert.equal(beacon.status, 200, beacon.text);
        const json = await post(`${base}/views/beacon`, { any: 'thing' }, { 'user-agent': 'other' });
        assert.equal(json.status, 200);
        assert.equal(json.json.views, 2);
        assertError(
          await request(`${base}/views/beacon`, {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: 'x'.repeat(5000),
          }),
          413,
          { code: 'payload_too_large' },
        );
      });

      it('500 parallel increments from distinct visitors add exactly 500', async () => {
        const { base } = main;
        const before = (await request(`${base}/views?ids=concurrent`)).json.views.concurrent as number;
        const N = 500;
        const answers = await Promise.all(
          Array.from({ length: N }, (_, i) =>
            post(`${base}/views/concurrent`, undefined, { 'user-agent': `parallel-visitor-${i}` }),
          ),
        );
        assert.deepEqual(
          answers.filter((a) => a.status !== 200).map((a) => a.text),
          [],
        );
        // Every answer saw its own increment: the counts answered are exactly before+1 … before+N.
        const seen = answers.map((a) => a.json.views as number).sort((x, y) => x - y);
        assert.deepEqual(
          seen,
          Array.from({ length: N }, (_, i) => before + i + 1),
        );
        const after = (await request(`${base}/views?ids=concurrent`)).json.views.concurrent;
        assert.equal(after, before + N);
      });
    });

    // ---- most viewed ---------------------------------------------------------------------------

    describe('most viewed', () => {
      it('ranks by period from daily buckets, joins article summaries and skips unknown keys', async () => {
        const clock = movableClock();
        const { base, storage } = await fresh({ now: clock.now });
        await storage.upsertArticles(['a', 'b', 'c'].map((id) => ({ key: id, summary: summary(id) })));
        const view = async (id: string, visitors: number, tag: string) => {
          for (let i = 0; i < visitors; i++)
            assert.equal((await post(`${base}/views/${id}`, undefined, { 'user-agent': `${tag}-${i}` })).status, 200);
        };
        // 20 days ago: c ×6; 3 days ago: b ×4; today: a ×2, ghost (no article) ×9, b ×1.
        await view('c', 6, 'old');
        clock.advanceDays(17);
        await view('b', 4, 'mid');
        clock.advanceDays(3);
        await view('a', 2, 'now');
        await view('ghost', 9, 'now');
        await view('b', 1, 'now');

        const ranking = async (query: string) => {
          const answer = await request(`${base}/most-viewed?${query}`);
          assert.equal(answer.status, 200, answer.text);
          const body = valid(MostViewedResponseSchema, answer.json);
          return body.items.map((item: any) => [item.rank, item.article.id, item.views, item.period]);
        };
        assert.deepEqual(await ranking('period=day'), [
          [1, 'a', 2, 'day'],
          [2, 'b', 1, 'day'],
        ]);
        assert.deepEqual(await ranking('period=week'), [
          [1, 'b', 5, 'week'],
          [2, 'a', 2, 'week'],
        ]);
        assert.deepEqual(await ranking('period=month'), [
          [1, 'c', 6, 'month'],
          [2, 'b', 5, 'month'],
          [3, 'a', 2, 'month'],
        ]);
        assert.deepEqual(await ranking('period=month&limit=1'), [[1, 'c', 6, 'month']]);
        // Default period is day; the article summary is the stored one.
        const answer = await request(`${base}/most-viewed`);
        assert.deepEqual(answer.json.items[0].article, summary('a'));
      });

      it('validates period and limit', async () => {
        const { base } = main;
        assertError(await request(`${base}/most-viewed?period=year`), 400, {
          code: 'invalid_query',
          field: 'period',
          message: /`period`/,
        });
        assertError(await request(`${base}/most-viewed?limit=0`), 400, { field: 'limit' });
        assertError(await request(`${base}/most-viewed?limit=51`), 400, { field: 'limit' });
        assertError(await request(`${base}/most-viewed?limit=2.5`), 400, { field: 'limit' });
        assertError(await request(`${base}/most-viewed?limit=abc`), 400, { field: 'limit' });
        assertError(await request(`${base}/most-viewed?limit=1&limit=2`), 400, { field: 'limit' });
        assert.equal((await request(`${base}/most-viewed?limit=50&period=month`)).status, 200);
      });

      it('seedStorage loads the fixtures once: summaries and the seed article’s 414 views', async () => {
        const { base, storage } = await fresh();
        assert.deepEqual(await seedStorage(storage), { articles: articleSummaries.length, views: 414 });
        assert.deepEqual(await seedStorage(storage), { articles: articleSummaries.length, views: 0 });
        const answer = await request(`${base}/views?ids=${seedArticle.id}`);
        assert.deepEqual(answer.json, { views: { [seedArticle.id]: 414 } });
        assert.equal((await post(`${base}/views/${seedArticle.id}`)).json.views, 415);
        const day = await request(`${base}/most-viewed?period=day`);
        assert.deepEqual(
          day.json.items.map((item: any) => [item.article.id, item.views]),
          [[seedArticle.id, 1]],
        );
        assert.equal((await storage.getArticles([seedArticle.id])).get(seedArticle.id)?.title, seedArticle.title);
      });
    });

    // ---- comments ------------------------------------------------------------------------------

    describe('comments', () => {
      const article = 'hoi-nghi-lan-thu-2';
      const good = { authorName: 'Minh Anh', email: 'minhanh@example.vn', content: 'Rất đồng tình.', parentId: null };

      it('a new comment is pending (201), hidden, and visible once approved; email never public', async () => {
        const { base } = main;
        const created = await post(`${base}/articles/${article}/comments`, good);
        assert.equal(created.status, 201, created.text);
        valid(CommentCreatedResponseSchema, created.json);
        assertNoPrivateFields(created);
        const comment = created.json.comment;
        assert.equal(comment.status, 'pending');
        assert.equal(comment.articleId, article);
        assert.equal(comment.authorName, 'Minh Anh');
        assert.equal(comment.likes, 0);

        const hidden = await request(`${base}/articles/${article}/comments`);
        assert.equal(hidden.status, 200);
        assert.ok(!valid(CommentListResponseSchema, hidden.json).comments.some((c: any) => c.id === comment.id));

        const queue = await request(`${base}/admin/comments?status=pending`, { headers: auth });
        assert.equal(queue.status, 200);
        const queued = queue.json.comments.find((c: any) => c.id === comment.id);
        assert.equal(queued.email, 'minhanh@example.vn', 'moderators see the email');
        assert.equal(typeof queued.ipHash, 'string');
        assert.doesNotMatch(queued.ipHash, /127\.0\.0\.1/);

        const approved = await request(`${base}/admin/comments/${comment.id}/approve`, {
          method: 'POST',
          headers: auth,
        });
        assert.equal(approved.status, 200);
        assert.equal(approved.json.comment.status, 'approved');

        const visible = await request(`${base}/articles/${article}/comments`);
        const list = valid(CommentListResponseSchema, visible.json);
        assertNoPrivateFields(visible);
        assert.deepEqual(
          list.comments.find((c: any) => c.id === comment.id),
          { ...comment, status: 'approved' },
        );
        assert.equal(list.total, list.comments.length);
      });

      it('autoApprove publishes at once; the client cannot set status or likes', async () => {
        const { base } = await fresh({ autoApprove: true });
        const created = await post(`${base}/articles/a/comments`, {
          ...good,
          status: 'rejected',
          likes: 99,
          id: 'mine',
        });
        assert.equal(created.status, 201);
        assert.equal(created.json.comment.status, 'approved');
        assert.equal(created.json.comment.likes, 0);
        assert.notEqual(created.json.comment.id, 'mine');
        const held = await fresh();
        const pending = await post(`${held.base}/articles/a/comments`, { ...good, status: 'approved' });
        assert.equal(pending.json.comment.status, 'pending');
      });

      it('canonicalises the article of a comment', async () => {
        const { base } = await fresh({ autoApprove: true });
        const created = await post(
          `${base}/articles/${encodeURIComponent('/tin-tuc/a/index.html?x=1')}/comments`,
          good,
        );
        assert.equal(created.json.comment.articleId, '/tin-tuc/a');
        const list = await request(`${base}/articles/${encodeURIComponent('https://example.vn/tin-tuc/a/')}/comments`);
        assert.deepEqual(
          list.json.comments.map((c: any) => c.id),
          [created.json.comment.id],
        );
      });

      it('Idempotency-Key: a retried draft is stored once (201, then 200 with the same comment)', async () => {
        const { base } = await fresh({ autoApprove: true });
        const key = { 'idempotency-key': '1b4e28ba-2fa1-11d2-883f-0016d3cca427' };
        const first = await post(`${base}/articles/a/comments`, good, key);
        const again = await post(`${base}/articles/a/comments`, good, key);
        assert.equal(first.status, 201);
        assert.equal(again.status, 200);
        assert.deepEqual(again.json, first.json);
        const other = await post(`${base}/articles/a/comments`, good, { 'idempotency-key': 'another-draft' });
        assert.equal(other.status, 201);
        assert.notEqual(other.json.comment.id, first.json.comment.id);
        const list = await request(`${base}/articles/a/comments`);
        assert.equal(list.json.total, 2);
        assertError(await post(`${base}/articles/a/comments`, good, { 'idempotency-key': 'x'.repeat(201) }), 400, {
          field: 'Idempotency-Key',
        });
      });

      it('parentId must name a comment of the same article', async () => {
        const { base } = await fresh({ autoApprove: true });
        const parent = (await post(`${base}/articles/a/comments`, good)).json.comment;
        const reply = await post(`${base}/articles/a/comments`, { ...good, parentId: parent.id });
        assert.equal(reply.status, 201);
        assert.equal(reply.json.comment.parentId, parent.id);
        assertError(await post(`${base}/articles/b/comments`, { ...good, parentId: parent.id }), 400, {
          code: 'invalid_body',
          field: 'parentId',
        });
        assertError(await post(`${base}/articles/a/comments`, { ...good, parentId: '999999' }), 400, {
          field: 'parentId',
          message: /`parentId`/,
        });
        assertError(await post(`${base}/articles/a/comments`, { ...good, parentId: 'not-an-id' }), 400, {
          field: 'parentId',
        });
        assertError(await post(`${base}/articles/a/comments`, { ...good, parentId: 7 }), 400, { field: 'parentId' });
        // Replies are in the same list; clients build the tree.
        const list = await request(`${base}/articles/a/comments?sort=oldest`);
        assert.deepEqual(
          list.json.comments.map((c: any) => c.parentId),
          [null, parent.id],
        );
      });

      it('a reply must answer a shown comment: unknown, pending, rejected or elsewhere, one same 400', async () => {
        const { base, storage } = await fresh();
        const create = async (body: object) => (await post(`${base}/articles/a/comments`, body)).json.comment;
        const approve = (id: string) => storage.setCommentStatus(id, 'approved');
        const shown = await create(good);
        await approve(shown.id);
        const pending = await create(good);
        const rejected = await create(good);
        await storage.setCommentStatus(rejected.id, 'rejected');
        const elsewhere = (await post(`${base}/articles/b/comments`, good)).json.comment;
        await approve(elsewhere.id);

        const ok = await post(`${base}/articles/a/comments`, { ...good, parentId: shown.id });
        assert.equal(ok.status, 201, ok.text);
        const answers = await Promise.all(
          [pending.id, rejected.id, elsewhere.id, '987654'].map((parentId) =>
            post(`${base}/articles/a/comments`, { ...good, parentId }),
          ),
        );
        for (const answer of answers) {
          assertError(answer, 400, { code: 'invalid_body', field: 'parentId', message: /`parentId`/ });
          assert.equal(answer.text, answers[3]!.text, 'the answer must not tell a hidden comment from none');
        }
      });

      it('pages by thread: each top-level comment with its first replies, the rest on the replies route', async () => {
        const { base, storage } = await fresh({ autoApprove: true });
        const url = `${base}/articles/threads/comments`;
        const tops: string[] = [];
        for (let i = 0; i < 25; i++) tops.push((await post(url, { ...good, content: `Ý kiến ${i}` })).json.comment.id);
        // The oldest thread gets 6 replies, one of them nested.
        const replies: string[] = [];
        for (let j = 0; j < 6; j++) {
          const parentId = j === 3 ? replies[1]! : tops[0]!;
          replies.push((await post(url, { ...good, content: `Trả lời ${j}`, parentId })).json.comment.id);
        }
        // Flat rows would have put these replies on the first page and their parent on the second.
        const first = await request(url);
        const page1 = valid(CommentListResponseSchema, first.json);
        assertNoPrivateFields(first);
        assert.equal(page1.total, 31);
        assert.equal(page1.threads.length, 20);
        assert.deepEqual(
          page1.comments.map((c: any) => c.id),
          tops.slice(5).reverse(),
        );
        const second = valid(CommentListResponseSchema, (await request(`${url}?cursor=${page1.nextCursor}`)).json);
        assert.equal(second.nextCursor, null);
        assert.deepEqual(
          second.comments.map((c: any) => c.id),
          [...tops.slice(1, 5).reverse(), tops[0], ...replies.slice(0, 3)],
        );
        assert.deepEqual(second.threads.at(-1), {
          id: tops[0],
          replies: 6,
          repliesCursor: second.threads.at(-1).repliesCursor,
        });
        assert.equal(typeof second.threads.at(-1).repliesCursor, 'string');
        assert.deepEqual(second.threads[0], { id: tops[4], replies: 0, repliesCursor: null });

        const more = await request(`${url}/${tops[0]}/replies?limit=2&cursor=${second.threads.at(-1).repliesCursor}`);
        const rest = valid(CommentListResponseSchema, more.json);
        assertNoPrivateFields(more);
        assert.deepEqual(
          rest.comments.map((c: any) => c.id),
          replies.slice(3, 5),
        );
        assert.equal(rest.total, 6);
        const last = valid(
          CommentListResponseSchema,
          (await request(`${url}/${tops[0]}/replies?cursor=${rest.nextCursor}`)).json,
        );
        assert.deepEqual(
          last.comments.map((c: any) => c.id),
          replies.slice(5),
        );
        assert.equal(last.nextCursor, null);

        // replies=0…10; limits and cursors checked; a reply or a hidden comment is no thread.
        const bare = valid(CommentListResponseSchema, (await request(`${url}?sort=oldest&limit=1&replies=0`)).json);
        assert.deepEqual(
          bare.comments.map((c: any) => c.id),
          [tops[0]],
        );
        assert.equal(bare.threads[0].replies, 6);
        assertError(await request(`${url}?replies=11`), 400, { code: 'invalid_query', field: 'replies' });
        assertError(await request(`${url}/${tops[0]}/replies?limit=0`), 400, { field: 'limit' });
        assertError(await request(`${url}/${tops[1]}/replies?cursor=${rest.nextCursor}`), 400, {
          code: 'invalid_cursor',
        });
        assertError(await request(`${url}?cursor=${rest.nextCursor}`), 400, { code: 'invalid_cursor' });
        const notFound = await request(`${url}/${replies[0]}/replies`);
        assertError(notFound, 404, { code: 'comment_not_found', field: 'commentId' });
        await storage.setCommentStatus(tops[1]!, 'rejected');
        assertError(await request(`${url}/${tops[1]}/replies`), 404, { code: 'comment_not_found' });
        assertError(await request(`${base}/articles/other/comments/${tops[0]}/replies`), 404, {
          code: 'comment_not_found',
        });
      });

      it("an Idempotency-Key is the visitor's: another visitor's same key is another comment", async () => {
        const { base } = await fresh({ trustProxy: true });
        const key = { 'idempotency-key': '1b4e28ba-2fa1-11d2-883f-0016d3cca427' };
        const mine = await post(
          `${base}/articles/a/comments`,
          { ...good, content: 'Của tôi' },
          {
            ...key,
            'x-forwarded-for': '203.0.113.7',
          },
        );
        assert.equal(mine.status, 201);
        const theirs = await post(
          `${base}/articles/a/comments`,
          { ...good, content: 'Của người khác' },
          {
            ...key,
            'x-forwarded-for': '198.51.100.9',
          },
        );
        assert.equal(theirs.status, 201, "a new comment, not the first visitor's");
        assert.notEqual(theirs.json.comment.id, mine.json.comment.id);
        assert.equal(theirs.json.comment.content, 'Của người khác');
        const retry = await post(
          `${base}/articles/a/comments`,
          { ...good, content: 'Của tôi' },
          {
            ...key,
            'x-forwarded-for': '203.0.113.7',
          },
        );
        assert.equal(retry.status, 200);
        assert.equal(retry.json.comment.id, mine.json.comment.id);
      });

      it('pages with sort and cursor; every comment exactly once', async () => {
        const { base } = await fresh({ autoApprove: true });
        const ids: string[] = [];
        for (let i = 0; i < 7; i++)
          ids.push(
            (await post(`${base}/articles/paged/comments`, { ...good, content: `Ý kiến ${i}` })).json.comment.id,
          );
        for (const sort of ['newest', 'oldest', 'top']) {
          const seen: string[] = [];
          let cursor: string | null = null;
          for (let pages = 0; pages < 10; pages++) {
            const query: string = `sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
            const answer = await request(`${base}/articles/paged/comments?${query}`);
            assert.equal(answer.status, 200, answer.text);
            const body = valid(CommentListResponseSchema, answer.json);
            assert.equal(body.total, 7);
            assert.ok(body.comments.length <= 3);
            seen.push(...body.comments.map((c: any) => c.id));
            cursor = body.nextCursor;
            if (!cursor) break;
          }
          assert.equal(cursor, null);
          assert.deepEqual([...seen].sort(), [...ids].sort(), sort);
          if (sort === 'oldest') assert.deepEqual(seen, ids);
          if (sort === 'newest') assert.deepEqual(seen, [...ids].reverse());
        }
        const defaults = await request(`${base}/articles/paged/comments`);
        assert.equal(defaults.json.comments.length, 7, 'default limit 20, default sort newest');
        assert.equal(defaults.json.comments[0].id, ids.at(-1));
      });

      it('refuses bad cursors, limits and sorts with 400 naming the field', async () => {
        const { base } = main;
        const list = `${base}/articles/a/comments`;
        assertError(await request(`${list}?cursor=not-a-cursor`), 400, {
          code: 'invalid_cursor',
          field: 'cursor',
          message: /`cursor`/,
        });
        assertError(await request(`${list}?cursor=${'x'.repeat(2000)}`), 400, { field: 'cursor' });
        assertError(await request(`${list}?limit=0`), 400, { code: 'invalid_query', field: 'limit' });
        assertError(await request(`${list}?limit=101`), 400, { field: 'limit' });
        assertError(await request(`${list}?limit=-1`), 400, { field: 'limit' });
        assertError(await request(`${list}?limit=ten`), 400, { field: 'limit' });
        assertError(await request(`${list}?sort=best`), 400, { field: 'sort', message: /`sort`/ });
        assert.equal((await request(`${list}?limit=100&sort=top`)).status, 200);
      });

      it('validation errors are Vietnamese by default and English on request, naming the field', async () => {
        const { base } = main;
        const url = `${base}/articles/a/comments`;
        const vi = await post(url, { authorName: 'Minh', content: 42 });
        assertError(vi, 400, { code: 'invalid_body', field: 'content' });
        assert.equal(vi.json.error.message, 'Trường `content`: Đầu vào không hợp lệ: mong đợi chuỗi, nhận được số');
        const en = await post(url, { authorName: '', content: 'x' }, { 'accept-language': 'en-US,en;q=0.9' });
        assertError(en, 400, { field: 'authorName' });
        assert.equal(en.json.error.message, 'Field `authorName`: Too small: expected string to have >=1 characters');
        const lang = await post(`${url}?lang=en`, { authorName: 'Minh', content: '   ' });
        assertError(lang, 400, { field: 'content', message: /^Field `content`/ });
        assertError(await post(url, { authorName: 'Minh', content: 'x'.repeat(2001) }), 400, {
          field: 'content',
          message: /^Trường `content`/,
        });
        assertError(await post(url, { authorName: 'x'.repeat(81), content: 'x' }), 400, { field: 'authorName' });
        assertError(await post(url, { authorName: 'Minh', content: 'x', email: 'not-an-email' }), 400, {
          field: 'email',
        });
        assertError(await post(url, ['not', 'an', 'object']), 400, { code: 'invalid_body' });
        assertError(await post(url, null), 400, { code: 'invalid_body' });
        // A NUL byte would reach the database (PostgreSQL refuses it: a 500); the model refuses it first.
        assertError(await post(url, { authorName: 'Minh', content: 'a\u0000b' }), 400, {
          field: 'content',
          message: /ký tự điều khiển/,
        });
        assertError(await post(url, { authorName: 'Minh\nAnh', content: 'x' }), 400, { field: 'authorName' });
        assert.equal((await post(url, { authorName: 'Minh', content: 'Dòng một\nDòng hai' })).status, 201);
        const en404 = await request(`${base}/nope`, { headers: { 'accept-language': 'en' } });
        assertError(en404, 404, { code: 'not_found', message: /^Not found/ });
        assertError(await request(`${base}/nope`), 404, { message: /^Không tìm thấy/ });
      });

      it('2,000 characters of Vietnamese fit; oversized, malformed and non-JSON bodies are refused; the server stays up', async () => {
        const { base } = await fresh();
        const url = `${base}/articles/a/comments`;
        const long = 'Ủy ban nhân dân Thành phố Hà Nội. '.repeat(100).slice(0, 2000);
        const fits = await post(url, { authorName: 'Nguyễn Thị Bích Ngọc', content: long });
        assert.equal(fits.status, 201, fits.text);
        assert.equal(fits.json.comment.content, long);

        const body = (text: string, type: string | null = 'application/json') =>
          request(url, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: text });
        assertError(await body(JSON.stringify({ authorName: 'M', content: 'x'.repeat(20_000) })), 413, {
          code: 'payload_too_large',
          message: /16 kB/,
        });
        assertError(await body('{"authorName": "M", "content": '), 400, { code: 'invalid_json' });
        assertError(await body(''), 400, { code: 'invalid_json' });
        assertError(await body('{"authorName":"M","content":"x","__proto__":{"polluted":true}}'), 400, {
          code: 'invalid_json',
        });
        assertError(await body('{"authorName":"M","content":"x","constructor":{"prototype":{"polluted":true}}}'), 400, {
          code: 'invalid_json',
        });
        assertError(await body('authorName=M&content=x', 'application/x-www-form-urlencoded'), 415, {
          code: 'unsupported_media_type',
        });
        assertError(await body('hello', 'text/plain'), 415, { code: 'unsupported_media_type' });
        assertError(await body('hello', null), 415);
        assertError(await request(url, { method: 'POST' }), 400, { code: 'invalid_body' });
        assert.equal(({} as Record<string, unknown>).polluted, undefined);

        const still = await request(`${url}?sort=oldest`);
        assert.equal(still.status, 200, 'the server answers after every bad request');
        assert.equal((await post(url, { authorName: 'M', content: 'vẫn chạy' })).status, 201);
      });
    });

    // ---- routing and errors ----------------------------------------------------------------------

    describe('routing', () => {
      it('input PostgreSQL used to answer 500 for is a 400 of the documented shape on both databases', async () => {
        const { base } = main;
        const nul = encodeURIComponent('a\u0000b');
        for (const answer of [
          await post(`${base}/views/${nul}`),
          await request(`${base}/views?ids=ok,${nul}`),
          await request(`${base}/articles/${nul}/comments`),
          await post(`${base}/articles/${nul}/comments`, { authorName: 'A', content: 'x' }),
          await request(`${base}/articles/${nul}/comments/1/replies`),
        ]) {
          assertError(answer, 400, { code: 'invalid_param', message: /ký tự điều khiển/ });
        }
        assertError(
          await post(`${base}/articles/a/comments`, { authorName: 'A', content: 'x', email: 'a\u0000b@example.vn' }),
          400,
          { code: 'invalid_body', field: 'email' },
        );
        const cursor = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
        for (const [sort, key] of [
          ['newest', { s: 'newest', c: '2026-02-30T00:00:00.000Z', i: 1 }],
          ['oldest', { s: 'oldest', c: '0000-01-01T00:00:00.000Z', i: 1 }],
          ['top', { s: 'top', l: 2 ** 31, c: '2026-02-04T00:00:00.000Z', i: 1 }],
          ['top', { s: 'top', l: 2 ** 40, c: '2026-02-04T00:00:00.000Z', i: 1 }],
          ['newest', { s: 'newest', c: '2026-02-04T00:00:00.000Z', i: 2 ** 63 }],
        ] as const) {
          assertError(await request(`${base}/articles/a/comments?sort=${sort}&cursor=${cursor(key)}`), 400, {
            code: 'invalid_cursor',
            field: 'cursor',
          });
        }
        assertError(
          await request(
            `${base}/admin/comments?cursor=${cursor({ s: 'queue', c: '2026-02-29T00:00:00.000Z', i: 1 })}`,
            { headers: auth },
          ),
          400,
          {
            code: 'invalid_cursor',
          },
        );
      });

      it('an article id is checked after canonicalising: 200 × U+0958 become 400 characters', async () => {
        const { base } = main;
        const long = '\u0958'.repeat(200);
        assert.equal(long.normalize('NFC').length, 400);
        for (const answer of [
          await post(`${base}/views/${encodeURIComponent(long)}`),
          await request(`${base}/views?ids=${encodeURIComponent(long)}`),
          await post(`${base}/articles/${encodeURIComponent(long)}/comments`, { authorName: 'A', content: 'x' }),
          await request(`${base}/articles/${encodeURIComponent(`/${long.slice(1)}`)}/comments`),
        ]) {
          assertError(answer, 400, { code: 'invalid_param', message: /200/ });
        }
        // Canonicalising what the server answers changes nothing: one article, one key.
        const tricky = await post(`${base}/views/${encodeURIComponent('/a%252F')}`);
        assert.equal(tricky.json.articleId, '/a%252F');
        const again = await post(`${base}/views/${encodeURIComponent(tricky.json.articleId)}`, undefined, {
          'user-agent': 'someone else',
        });
        assert.equal(again.json.articleId, '/a%252F');
        assert.equal(again.json.views, 2);
      });

      it("431 and the HTTP parser's own 400s have the documented body too", async () => {
        const { origin } = main;
        const raw = (text: string) =>
          new Promise<string>((resolve, reject) => {
            const url = new URL(origin);
            const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
            let answer = '';
            socket.setEncoding('utf8');
            socket.on('data', (chunk) => (answer += chunk));
            socket.on('end', () => resolve(answer));
            socket.on('error', reject);
          });
        const parse = (answer: string) => {
          const [head, body] = answer.split('\r\n\r\n');
          return { status: Number(head!.split(' ')[1]), head: head!, body: JSON.parse(body!) };
        };
        const big = parse(
          await raw(`GET /api/views?ids=a HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
        );
        assert.equal(big.status, 431);
        valid(ApiErrorSchema, big.body);
        assert.equal(big.body.error.code, 'headers_too_large');
        assert.match(big.head, /content-type: application\/json/i);
        for (const garbage of [
          'NOT HTTP AT ALL\r\n\r\n',
          'GET /api/views HTTP/1.1\r\nHost x\r\n\r\n',
          'GET / HTTP/9.9\r\n\r\n',
        ]) {
          const answer = parse(await raw(garbage));
          assert.equal(answer.status, 400, garbage);
          valid(ApiErrorSchema, answer.body);
          assert.equal(answer.body.error.code, 'bad_request');
          assert.match(answer.body.error.message, /không hợp lệ/);
        }
        // And the server is still up.
        assert.equal((await request(`${main.base}/views?ids=a`)).status, 200);
      });

      it('unknown routes and methods are 404 JSON', async () => {
        const { base, origin } = main;
        assertError(await request(`${base}/nope`), 404, { code: 'not_found', message: /GET \/api\/nope/ });
        assertError(await request(`${origin}/`), 404, { code: 'not_found' });
        assertError(await request(`${base}/views/a`, { method: 'DELETE' }), 404);
        assertError(await request(`${base}/views/a`), 404);
        assertError(await post(`${base}/most-viewed`), 404);
      });

      it('a storage fault is a 500 of the documented shape, logged, and the server stays up', async () => {
        const { storage, dispose } = await backend.open();
        const methods = [
          'migrate',
          'close',
          'recordView',
          'getViews',
          'mostViewed',
          'upsertArticles',
          'getArticles',
          'listComments',
          'createComment',
          'getComment',
          'listByStatus',
          'setCommentStatus',
          'deleteComment',
        ] as const;
        const failing = Object.fromEntries(
          methods.map((name) => [name, (storage[name] as (...args: unknown[]) => unknown).bind(storage)]),
        ) as unknown as Storage;
        failing.getViews = async () => {
          throw new Error('disk on fire');
        };
        const server = await serve(failing);
        const written: string[] = [];
        const write = process.stderr.write;
        process.stderr.write = ((chunk: string) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
        try {
          const vi = await request(`${server.base}/views?ids=a`);
          assertError(vi, 500, { code: 'internal', message: /^Máy chủ đang gặp sự cố/ });
          const en = await request(`${server.base}/views?ids=a`, { headers: { 'accept-language': 'en' } });
          assertError(en, 500, { code: 'internal', message: /^Internal server error/ });
          assert.doesNotMatch(vi.text + en.text, /disk on fire/, 'no internals in the answer');
        } finally {
          process.stderr.write = write;
        }
        assert.match(written.join(''), /GET \/api\/views\?ids=a failed: Error: disk on fire/);
        assert.equal((await post(`${server.base}/views/a`)).status, 200);
        await server.app.close();
        await dispose();
      });

      it('mounts inside another node:http server through app.routing (the demo’s `fallback`)', async () => {
        const { storage, dispose } = await backend.open();
        const app = await buildApp({ storage });
        await app.ready();
        const site = createServer((req, res) => {
          if (req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?'))
            return app.routing(req, res);
          res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>site</h1>');
        });
        await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
        try {
          const origin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
          assert.equal((await request(`${origin}/tin-tuc/a`)).text, '<h1>site</h1>');
          const counted = await post(`${origin}/api/views/mounted`);
          assert.deepEqual(counted.json, { articleId: 'mounted', views: 1 });
          const created = await post(`${origin}/api/articles/mounted/comments`, { authorName: 'A', content: 'x' });
          assert.equal(created.status, 201);
          assertError(await post(`${origin}/api/articles/mounted/comments`, '{', {}), 400);
          assertError(await request(`${origin}/api/nope`), 404, { code: 'not_found' });
        } finally {
          await new Promise((resolve) => site.close(resolve));
          await app.close();
          await dispose();
        }
      });

      it('mounts under another prefix', async () => {
        const { origin } = await fresh({ prefix: '/v1/bantin' });
        assert.equal((await post(`${origin}/v1/bantin/views/a`)).status, 200);
        assertError(await post(`${origin}/api/views/a`), 404);
      });
    });

    // ---- moderation ------------------------------------------------------------------------------

    describe('admin', () => {
      it('requires the bearer token', async () => {
        const { base } = main;
        for (const headers of [
          {},
          { authorization: 'Bearer wrong' },
          { authorization: adminToken },
          { authorization: `Basic ${adminToken}` },
          { authorization: 'Bearer ' },
          { authorization: `Bearer ${adminToken}x` },
        ] as Array<Record<string, string>>) {
          const answer = await request(`${base}/admin/comments`, { headers });
          assertError(answer, 401, { code: 'unauthorized' });
          assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
        assertError(await request(`${base}/admin/comments/1/approve`, { method: 'POST' }), 401);
        assertError(
          await request(`${base}/admin/comments/1`, { method: 'DELETE', headers: { authorization: 'Bearer nope' } }),
          401,
        );
        assert.equal(
          (await request(`${base}/admin/comments`, { headers: { authorization: `bearer  ${adminToken}` } })).status,
          200,
        );
      });

      it('does not exist without a configured token', async () => {
        const { base } = await fresh();
        assertError(await request(`${base}/admin/comments`, { headers: auth }), 404);
        assertError(await request(`${base}/admin/comments/1/approve`, { method: 'POST', headers: auth }), 404);
      });

      it('lists by status, approves, rejects and deletes', async () => {
        const { base } = await fresh({ adminToken });
        const ids: string[] = [];
        for (let i = 0; i < 3; i++)
          ids.push(
            (await post(`${base}/articles/m/comments`, { authorName: 'A', content: `c${i}`, email: `a${i}@x.vn` })).json
              .comment.id,
          );
        const queue = await request(`${base}/admin/comments?limit=2`, { headers: auth });
        assert.equal(queue.status, 200);
        assert.deepEqual(
          queue.json.comments.map((c: any) => c.id),
          ids.slice(0, 2),
          'oldest first',
        );
        assert.equal(typeof queue.json.nextCursor, 'string');
        const rest = await request(
          `${base}/admin/comments?limit=2&cursor=${encodeURIComponent(queue.json.nextCursor)}`,
          { headers: auth },
        );
        assert.deepEqual(
          rest.json.comments.map((c: any) => c.id),
          ids.slice(2),
        );
        assert.equal(rest.json.nextCursor, null);

        const [a, b, c] = ids as [string, string, string];
        assert.equal(
          (await request(`${base}/admin/comments/${a}/approve`, { method: 'POST', headers: auth })).json.comment.status,
          'approved',
        );
        assert.equal(
          (await request(`${base}/admin/comments/${b}/reject`, { method: 'POST', headers: auth })).json.comment.status,
          'rejected',
        );
        const rejected = await request(`${base}/admin/comments?status=rejected`, { headers: auth });
        assert.deepEqual(
          rejected.json.comments.map((x: any) => x.id),
          [b],
        );
        // A rejected comment cannot be answered.
        assertError(await post(`${base}/articles/m/comments`, { authorName: 'A', content: 'x', parentId: b }), 400, {
          field: 'parentId',
        });
        assert.deepEqual(
          (await request(`${base}/articles/m/comments`)).json.comments.map((x: any) => x.id),
          [a],
        );

        const deleted = await request(`${base}/admin/comments/${a}`, { method: 'DELETE', headers: auth });
        assert.equal(deleted.status, 204);
        assert.equal(deleted.text, '');
        assert.deepEqual((await request(`${base}/articles/m/comments`)).json.comments, []);
        assertError(await request(`${base}/admin/comments/${a}`, { method: 'DELETE', headers: auth }), 404, {
          code: 'comment_not_found',
        });
        assertError(await request(`${base}/admin/comments/999999/approve`, { method: 'POST', headers: auth }), 404, {
          code: 'comment_not_found',
        });
        assertError(await request(`${base}/admin/comments/nope/reject`, { method: 'POST', headers: auth }), 404);
        assertError(await request(`${base}/admin/comments?status=spam`, { headers: auth }), 400, { field: 'status' });
        assertError(await request(`${base}/admin/comments?limit=0`, { headers: auth }), 400, { field: 'limit' });
        assertError(await request(`${base}/admin/comments?cursor=bogus`, { headers: auth }), 400, { field: 'cursor' });
        assert.equal(
          (await request(`${base}/admin/comments?status=pending`, { headers: auth })).json.comments[0].id,
          c,
        );
      });
    });

    // ---- abuse -----------------------------------------------------------------------------------

    describe('abuse', () => {
      it('rate-limits POSTs per address with 429 and Retry-After', async () => {
        const { base } = await fresh({
          rateLimit: { comments: { max: 2, windowMs: 60_000 }, views: { max: 3, windowMs: 60_000 } },
        });
        const comment = { authorName: 'A', content: 'x' };
        assert.equal((await post(`${base}/articles/a/comments`, comment)).status, 201);
        assert.equal((await post(`${base}/articles/b/comments`, comment)).status, 201);
        const limited = await post(`${base}/articles/a/comments`, comment);
        assertError(limited, 429, { code: 'rate_limited', message: /^Bạn thao tác quá nhanh/ });
        const retryAfter = Number(limited.headers.get('retry-after'));
        assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.match(
          (await post(`${base}/articles/a/comments`, comment, { 'accept-language': 'en' })).json.error.message,
          /^Too many requests/,
        );
        // Reads are not limited; views have their own budget.
        assert.equal((await request(`${base}/articles/a/comments`)).status, 200);
        for (let i = 0; i < 3; i++)
          assert.equal((await post(`${base}/views/v`, undefined, { 'user-agent': `u${i}` })).status, 200);
        assertError(await post(`${base}/views/v`), 429, { code: 'rate_limited' });
        assert.equal((await request(`${base}/views?ids=v`)).json.views.v, 3);
      });

      it('--trust-proxy trusts exactly the proxies named, never the left-most X-Forwarded-For entry', async () => {
        const count = async (base: string, article: string) =>
          (await request(`${base}/views?ids=${article}`)).json.views[article];
        // One proxy: the visitor is the right-most entry, the address that proxy saw.
        const oneHop = await fresh({ trustProxy: 1 });
        for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3'])
          await post(`${oneHop.base}/views/hop`, undefined, { 'x-forwarded-for': `${forged}, 198.51.100.4` });
        assert.equal(await count(oneHop.base, 'hop'), 1, 'a forged left-most entry is not a new visitor');
        await post(`${oneHop.base}/views/hop`, undefined, { 'x-forwarded-for': '1.1.1.1, 198.51.100.5' });
        assert.equal(await count(oneHop.base, 'hop'), 2);
        // `true` means one proxy too.
        const yes = await fresh({ trustProxy: true });
        for (const forged of ['1.1.1.1', '2.2.2.2'])
          await post(`${yes.base}/views/hop`, undefined, { 'x-forwarded-for': `${forged}, 198.51.100.4` });
        assert.equal(await count(yes.base, 'hop'), 1);
        // Proxies by address: loopback (this socket) and 10.0.0.0/8 are trusted, so the visitor is
        // the first address from the right outside them.
        const listed = await fresh({ trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
        for (const forged of ['1.1.1.1', '2.2.2.2'])
          await post(`${listed.base}/views/cidr`, undefined, { 'x-forwarded-for': `${forged}, 203.0.113.9, 10.1.2.3` });
        assert.equal(await count(listed.base, 'cidr'), 1);
        // A socket that is not a listed proxy: the header is ignored.
        const other = await fresh({ trustProxy: ['10.0.0.0/8'] });
        for (const forged of ['1.1.1.1', '2.2.2.2'])
          await post(`${other.base}/views/none`, undefined, { 'x-forwarded-for': forged });
        assert.equal(await count(other.base, 'none'), 1);
      });

      it('X-Forwarded-For is believed only with trustProxy (visitors and limits)', async () => {
        const limits = { comments: { max: 1, windowMs: 60_000 } };
        const comment = { authorName: 'A', content: 'x' };
        const direct = await fresh({ rateLimit: limits });
        for (const ip of ['198.51.100.1', '198.51.100.2'])
          await post(`${direct.base}/views/xff`, undefined, { 'x-forwarded-for': ip });
        assert.equal(
          (await request(`${direct.base}/views?ids=xff`)).json.views.xff,
          1,
          'a spoofed header does not make a new visitor',
        );
        assert.equal(
          (await post(`${direct.base}/articles/a/comments`, comment, { 'x-forwarded-for': '198.51.100.1' })).status,
          201,
        );
        assert.equal(
          (await post(`${direct.base}/articles/a/comments`, comment, { 'x-forwarded-for': '198.51.100.2' })).status,
          429,
        );

        const proxied = await fresh({ rateLimit: limits, trustProxy: true });
        for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.2'])
          await post(`${proxied.base}/views/xff`, undefined, { 'x-forwarded-for': ip });
        assert.equal((await request(`${proxied.base}/views?ids=xff`)).json.views.xff, 2);
        assert.equal(
          (await post(`${proxied.base}/articles/a/comments`, comment, { 'x-forwarded-for': '198.51.100.1' })).status,
          201,
        );
        assert.equal(
          (await post(`${proxied.base}/articles/a/comments`, comment, { 'x-forwarded-for': '198.51.100.2' })).status,
          201,
        );
        assert.equal(
          (await post(`${proxied.base}/articles/a/comments`, comment, { 'x-forwarded-for': '198.51.100.2' })).status,
          429,
        );
      });

      it('wrong admin tokens are counted apart: they earn 429s but never lock the right token out', async () => {
        const { base } = await fresh({
          adminToken,
          rateLimit: { ...generous, admin: { max: 3, windowMs: 60_000 }, adminFailures: { max: 5, windowMs: 60_000 } },
        });
        const wrong = { authorization: 'Bearer not-the-token' };
        const answers = [];
        for (let i = 0; i < 8; i++) answers.push(await request(`${base}/admin/comments`, { headers: wrong }));
        assert.deepEqual(
          answers.map((a) => a.status),
          [401, 401, 401, 401, 401, 429, 429, 429],
        );
        assertError(answers[7]!, 429, { code: 'rate_limited' });
        assert.ok(Number(answers[7]!.headers.get('retry-after')) >= 1);
        assertError(await request(`${base}/admin/comments`), 429, { code: 'rate_limited' });
        // The right token still works from the same address, within its own limit.
        for (let i = 0; i < 3; i++)
          assert.equal((await request(`${base}/admin/comments`, { headers: auth })).status, 200);
        assertError(await request(`${base}/admin/comments`, { headers: auth }), 429, { code: 'rate_limited' });
      });

      it('two processes on one database share the comment limit (the counters are in the database)', async () => {
        const { base, storage } = await fresh({ rateLimit: { ...generous, comments: { max: 2, windowMs: 60_000 } } });
        const second = await serve(storage, { rateLimit: { ...generous, comments: { max: 2, windowMs: 60_000 } } });
        try {
          const comment = { authorName: 'A', content: 'x' };
          assert.equal((await post(`${base}/articles/a/comments`, comment)).status, 201);
          assert.equal((await post(`${second.base}/articles/a/comments`, comment)).status, 201);
          const third = await post(`${second.base}/articles/a/comments`, comment);
          assertError(third, 429, { code: 'rate_limited' });
          assert.ok(Number(third.headers.get('retry-after')) >= 1);
          assertError(await post(`${base}/articles/a/comments`, comment), 429, { code: 'rate_limited' });
        } finally {
          await second.app.close();
        }
      });

      it('two processes on one database share the view limit, counted with the views', async () => {
        let now = Date.parse('2026-02-04T09:00:30+07:00');
        const limits = { ...generous, views: { max: 3, windowMs: 60_000 } };
        const clock = { now: () => new Date(now) };
        const { base, storage } = await fresh({ rateLimit: limits, ...clock });
        const second = await serve(storage, { rateLimit: limits, ...clock });
        try {
          const view = (server: string, i: number, headers: Record<string, string> = {}) =>
            post(`${server}/views/gioi-han`, undefined, { 'user-agent': `reader-${i}`, ...headers });
          assert.equal((await view(base, 1)).status, 200);
          assert.equal((await view(second.base, 2)).status, 200);
          assert.equal((await view(base, 3)).status, 200);
          const limited = await view(second.base, 4);
          assertError(limited, 429, { code: 'rate_limited', message: /^Bạn thao tác quá nhanh/ });
          assert.equal(limited.headers.get('retry-after'), '30', 'the window ends 30 s from now');
          assert.equal(limited.headers.get('cache-control'), 'no-store');
          assert.match((await view(base, 5, { 'accept-language': 'en' })).json.error.message, /^Too many requests/);
          assert.equal(
            (await request(`${base}/views?ids=gioi-han`)).json.views['gioi-han'],
            3,
            'refused views count nothing',
          );
          // A bad id counts as an attempt too: past the limit, 429 like any other.
          assertError(await post(`${base}/views/${'x'.repeat(201)}`), 429, { code: 'rate_limited' });
          const another = await serve(storage, { rateLimit: limits, trustProxy: 1, ...clock });
          try {
            const reader = { 'x-forwarded-for': '198.51.100.8' };
            assertError(await post(`${another.base}/views/${'x'.repeat(201)}`, undefined, reader), 400, {
              field: 'articleId',
            });
            const elsewhere = (i: number) =>
              post(`${another.base}/views/bai-khac`, undefined, { 'user-agent': `reader-${i}`, ...reader });
            for (let i = 0; i < 2; i++) assert.equal((await elsewhere(40 + i)).status, 200);
            assertError(await elsewhere(42), 429, { code: 'rate_limited' });
          } finally {
            await another.app.close();
          }
          // Many at once from both processes: still three per window in all, exactly.
          now += 60_000;
          const burst = await Promise.all(
            Array.from({ length: 10 }, (_, i) => view(i % 2 ? base : second.base, 10 + i)),
          );
          assert.equal(burst.filter((a) => a.status === 200).length, 3);
          assert.equal(burst.filter((a) => a.status === 429).length, 7);
          assert.equal((await request(`${base}/views?ids=gioi-han`)).json.views['gioi-han'], 6);
          // The limit is per address: behind a trusted proxy, another reader is not limited.
          const proxied = await serve(storage, { rateLimit: limits, trustProxy: 1, ...clock });
          try {
            const other = { 'x-forwarded-for': '198.51.100.7' };
            assert.equal((await view(proxied.base, 30, other)).status, 200);
            assertError(await view(proxied.base, 31), 429, { code: 'rate_limited' });
          } finally {
            await proxied.app.close();
          }
        } finally {
          await second.app.close();
        }
      });

      it('rateLimit: false turns the limits off', async () => {
        const { base } = await fresh({ rateLimit: false });
        for (let i = 0; i < 8; i++)
          assert.equal((await post(`${base}/articles/a/comments`, { authorName: 'A', content: `x${i}` })).status, 201);
      });

      it('CORS: only listed origins, exactly; none by default', async () => {
        const { base } = main;
        const allowed = await request(`${base}/views?ids=a`, { headers: { origin: 'https://portal.example.vn' } });
        assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://portal.example.vn');
        assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
        for (const origin of [
          'https://evil.example',
          'https://portal.example.vn.evil.example',
          'http://portal.example.vn',
          'null',
        ]) {
          const denied = await request(`${base}/views?ids=a`, { headers: { origin } });
          assert.equal(denied.headers.get('access-control-allow-origin'), null, origin);
        }
        const preflight = await request(`${base}/articles/a/comments`, {
          method: 'OPTIONS',
          headers: {
            origin: 'https://portal.example.vn',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type, idempotency-key',
          },
        });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://portal.example.vn');
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
        const badPreflight = await request(`${base}/articles/a/comments`, {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        });
        assert.equal(badPreflight.headers.get('access-control-allow-origin'), null);

        const { base: plain } = await fresh();
        const none = await request(`${plain}/views?ids=a`, { headers: { origin: 'https://portal.example.vn' } });
        assert.equal(none.status, 200);
        assert.equal(none.headers.get('access-control-allow-origin'), null);
      });

      it('never stores or returns a raw address', async () => {
        const { base, storage } = await fresh({ adminToken, autoApprove: true });
        await post(`${base}/articles/a/comments`, { authorName: 'A', content: 'x' });
        await post(`${base}/views/a`);
        const queue = await request(`${base}/admin/comments?status=approved`, { headers: auth });
        const { ipHash } = queue.json.comments[0];
        assert.match(ipHash, /^[A-Za-z0-9_-]{20,}$/);
        assert.doesNotMatch(queue.text, /127\.0\.0\.1|::1/);
        // On SQLite, the bytes of the database and its WAL hold no address either.
        const file = (storage as { db?: { name?: string } }).db?.name;
        if (file && existsSync(file)) {
          const bytes = Buffer.concat([
            readFileSync(file),
            existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
          ]);
          assert.ok(bytes.length > 0);
          assert.equal(bytes.includes('127.0.0.1'), false);
        }
      });
    });
  });
}
