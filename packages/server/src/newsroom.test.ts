// A newsroom's own articles and readers' engagement: registering articles (admin API), ranking
// registered articles only, --registered-only, likes, batched comment counts and imported view
// baselines; on SQLite and on PostgreSQL.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  ApiErrorSchema,
  ArticleUpsertResponseSchema,
  CommentCountsResponseSchema,
  CommentLikeResponseSchema,
  MostViewedResponseSchema,
  type ArticleSummary,
} from '@bantin/model';
import { request, valid } from '../test/http.js';
import { testBackends } from '../test/backends.js';
import { buildApp, type BuildAppOptions } from './app.js';
import { PostgresStorage } from './storage/postgres.js';
import { SqliteStorage } from './storage/sqlite.js';
import type { Storage } from './storage/types.js';

const token = 'newsroom-test-token-0123456789';
const auth = { authorization: `Bearer ${token}` };
const backends = testBackends('newsroom');

function summary(id: string, title = `Bài ${id}`): ArticleSummary {
  return { id, slug: id, title, url: `/tin-tuc/${id}`, publishedAt: '2026-11-01T08:00:00+07:00' };
}

/** The like keys stored, whichever the driver (the contract does not expose them). */
async function likeKeysOf(storage: Storage): Promise<string[]> {
  const sql = 'SELECT visitor_hash FROM comment_likes';
  if (storage instanceof SqliteStorage) return storage.db.prepare(sql).pluck().all() as string[];
  if (storage instanceof PostgresStorage)
    return (await storage.pool.query<{ visitor_hash: string }>(sql)).rows.map((row) => row.visitor_hash);
  throw new Error('unknown driver');
}

function assertError(answer: { status: number; json: any }, status: number, code: string, field?: string) {
  assert.equal(answer.status, status, JSON.stringify(answer.json));
  valid(ApiErrorSchema, answer.json);
  assert.equal(answer.json.error.code, code);
  if (field) assert.equal(answer.json.error.field, field);
}

for (const [name, open] of Object.entries(backends)) {
  describe(`newsroom on ${name}`, () => {
    const closers: Array<() => Promise<void>> = [];
    async function site(options: Omit<BuildAppOptions, 'storage'> = {}) {
      const storage = await open();
      await storage.migrate();
      const app = await buildApp({ storage, rateLimit: false, adminToken: token, ...options });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      assert.ok(address && typeof address === 'object');
      closers.push(async () => {
        await app.close();
        await storage.close();
      });
      return { storage, base: `http://127.0.0.1:${address.port}/api` };
    }
    after(async () => {
      for (const close of closers.reverse()) await close();
    });

    it('registers articles in bulk, all or nothing, and deletes one', async () => {
      const { base, storage } = await site();
      const put = (json: unknown, headers = auth) =>
        request(`${base}/admin/articles`, { method: 'PUT', headers, json });
      const answer = await put({ articles: [summary('a'), summary('b'), summary('a', 'Bài a, sửa')] });
      assert.equal(answer.status, 200);
      assert.deepEqual(valid(ArticleUpsertResponseSchema, answer.json), { upserted: 2 });
      assert.equal((await storage.getArticles(['a'])).get('a')?.title, 'Bài a, sửa');

      // One bad item refuses the whole request, naming it; nothing of it is registered.
      const bad = await put({ articles: [summary('c'), { ...summary('d'), url: 'javascript:alert(1)' }] });
      assertError(bad, 400, 'invalid_body');
      assert.equal(bad.json.error.field, 'body.articles[1].url');
      assert.equal((await storage.getArticles(['c'])).size, 0);
      assertError(
        await put({ articles: Array.from({ length: 501 }, (_, i) => summary(`x${i}`)) }),
        400,
        'invalid_body',
      );
      assertError(await put({ articles: [] }), 400, 'invalid_body');
      assert.equal((await put({ articles: [summary('e')] }, {} as typeof auth)).status, 401);

      assert.equal((await request(`${base}/admin/articles/b`, { method: 'DELETE', headers: auth })).status, 204);
      assertError(
        await request(`${base}/admin/articles/b`, { method: 'DELETE', headers: auth }),
        404,
        'article_not_found',
      );
      assert.equal((await storage.getArticles(['b'])).size, 0);
    });

    it('ranks registered articles only, so junk ids never crowd them out, and leaves out `exclude`', async () => {
      const { base, storage } = await site();
      await storage.upsertArticles(['real-1', 'real-2', 'real-3'].map((id) => ({ key: id, summary: summary(id) })));
      const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      // 1,001 junk ids, each viewed more than any real article.
      const junk = Array.from({ length: 1001 }, (_, i) => `junk-${i}`);
      for (let start = 0; start < junk.length; start += 50) {
        await Promise.all(
          junk
            .slice(start, start + 50)
            .flatMap((key) => [0, 1, 2].map((v) => storage.recordView(key, `visitor-${v}`, day))),
        );
      }
      await storage.recordView('real-1', 'r1', day);
      await storage.recordView('real-1', 'r2', day);
      await storage.recordView('real-2', 'r1', day);
      const list = await request(`${base}/most-viewed?period=day&limit=5`);
      assert.equal(list.status, 200);
      valid(MostViewedResponseSchema, list.json);
      assert.deepEqual(
        list.json.items.map((item: any) => [item.rank, item.article.id, item.views]),
        [
          [1, 'real-1', 2],
          [2, 'real-2', 1],
        ],
      );
      const without = await request(`${base}/most-viewed?period=day&exclude=real-1`);
      assert.deepEqual(
        without.json.items.map((item: any) => item.article.id),
        ['real-2'],
      );
      assertError(await request(`${base}/most-viewed?exclude=`), 400, 'invalid_param', 'exclude');
    });

    it('with --registered-only, refuses views, comments and likes for unknown articles (404)', async () => {
      const { base, storage } = await site({ registeredOnly: true });
      await storage.upsertArticles([{ key: 'known', summary: summary('known') }]);
      assertError(await request(`${base}/views/unknown`, { method: 'POST' }), 404, 'unknown_article', 'articleId');
      assertError(await request(`${base}/articles/unknown/comments`), 404, 'unknown_article');
      assertError(
        await request(`${base}/articles/unknown/comments`, {
          method: 'POST',
          json: { authorName: 'An', content: 'Xin chào' },
        }),
        404,
        'unknown_article',
      );
      assertError(
        await request(`${base}/articles/unknown/comments/1/likes`, { method: 'POST' }),
        404,
        'unknown_article',
      );
      assert.equal((await request(`${base}/views/known`, { method: 'POST' })).json.views, 1);
      assert.equal((await request(`${base}/articles/known/comments`)).status, 200);
    });

    it('likes an approved comment once per visitor, and never a hidden one', async () => {
      const { base, storage } = await site();
      const approved = (
        await storage.createComment({
          articleKey: 'bai',
          parentId: null,
          authorName: 'An',
          email: null,
          content: 'Đồng tình',
          status: 'approved',
          ipHash: null,
          idempotencyKey: null,
        })
      ).comment;
      const pending = (
        await storage.createComment({
          articleKey: 'bai',
          parentId: null,
          authorName: 'Bình',
          email: null,
          content: 'Chờ duyệt',
          status: 'pending',
          ipHash: null,
          idempotencyKey: null,
        })
      ).comment;
      const like = (id: string, agent = 'reader-1', article = 'bai') =>
        request(`${base}/articles/${article}/comments/${id}/likes`, {
          method: 'POST',
          headers: { 'user-agent': agent },
        });
      assert.deepEqual(valid(CommentLikeResponseSchema, (await like(approved.id)).json), { likes: 1 });
      assert.deepEqual((await like(approved.id)).json, { likes: 1 }, 'a second like from the same visitor');
      assert.deepEqual((await like(approved.id, 'reader-2')).json, { likes: 2 });
      assert.equal((await storage.getComment(approved.id))?.likes, 2);
      assertError(await like(pending.id), 404, 'comment_not_found', 'commentId');
      assertError(await like(approved.id, 'reader-3', 'bai-khac'), 404, 'comment_not_found');
      assertError(await like('999999'), 404, 'comment_not_found');
      assert.equal((await like('abc')).status, 404);
    });

    it('a like counts once per reader and comment for ever: over days, across processes, unlinkable', async () => {
      let now = Date.parse('2026-11-30T09:00:00+07:00');
      const clock = { now: () => new Date(now) };
      const { base, storage } = await site(clock);
      const second = await buildApp({ storage, rateLimit: false, ...clock });
      await second.listen({ port: 0, host: '127.0.0.1' });
      const address = second.server.address();
      assert.ok(address && typeof address === 'object');
      const secondBase = `http://127.0.0.1:${address.port}/api`;
      try {
        const shown = { parentId: null, email: null, status: 'approved' as const, ipHash: null, idempotencyKey: null };
        const first = (await storage.createComment({ ...shown, articleKey: 'bai', authorName: 'An', content: 'Một' }))
          .comment;
        const other = (await storage.createComment({ ...shown, articleKey: 'bai', authorName: 'Bình', content: 'Hai' }))
          .comment;
        const like = (server: string, id: string, agent = 'reader-1') =>
          request(`${server}/articles/bai/comments/${id}/likes`, { method: 'POST', headers: { 'user-agent': agent } });
        assert.deepEqual((await like(base, first.id)).json, { likes: 1 });
        assert.deepEqual((await like(secondBase, first.id)).json, { likes: 1 }, 'the other process knows the like');
        now += 86_400_000; // the next Vietnam day: a new visitor salt, the same like key
        assert.deepEqual((await like(base, first.id)).json, { likes: 1 }, 'the next day changes nothing');
        now += 30 * 86_400_000;
        assert.deepEqual((await like(secondBase, first.id)).json, { likes: 1 }, 'nor a month later');
        assert.deepEqual((await like(secondBase, first.id, 'reader-2')).json, { likes: 2 });
        assert.deepEqual((await like(base, other.id)).json, { likes: 1 });
        // The keys stored: one per like, none shared by the same reader's two likes.
        const keys = await likeKeysOf(storage);
        assert.equal(keys.length, 3);
        assert.equal(new Set(keys).size, 3);
        assert.ok(keys.every((key) => /^[A-Za-z0-9_-]{43}$/.test(key)));
      } finally {
        await second.close();
      }
    });

    it('counts approved comments for many articles in one request', async () => {
      const { base, storage } = await site();
      for (const [key, status] of [
        ['a', 'approved'],
        ['a', 'approved'],
        ['a', 'pending'],
        ['b', 'rejected'],
        ['c', 'approved'],
      ] as const) {
        await storage.createComment({
          articleKey: key,
          parentId: null,
          authorName: 'An',
          email: null,
          content: `Bình luận ${key}`,
          status,
          ipHash: null,
          idempotencyKey: null,
        });
      }
      const answer = await request(`${base}/comment-counts?ids=a,b,c,__proto__`);
      assert.equal(answer.status, 200);
      assert.deepEqual(valid(CommentCountsResponseSchema, answer.json), {
        counts: { a: 2, b: 0, c: 1, ['__proto__']: 0 },
      });
      assertError(await request(`${base}/comment-counts`), 400, 'invalid_query', 'ids');
      const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
      assertError(await request(`${base}/comment-counts?ids=${many}`), 400, 'invalid_query', 'ids');
    });

    it('sets view baselines: 414 shows 415 after the next view, twice adds nothing, periods unaffected', async () => {
      const { storage } = await site();
      await storage.upsertArticles(['old', 'new'].map((id) => ({ key: id, summary: summary(id) })));
      const day = '2026-11-30';
      assert.deepEqual(await storage.setViewBaselines([{ key: 'old', views: 414 }]), { changed: 1 });
      assert.deepEqual(await storage.getViews(['old']), { old: 414 });
      assert.deepEqual(await storage.recordView('old', 'reader', day), { counted: true, views: 415 });
      assert.deepEqual(await storage.setViewBaselines([{ key: 'old', views: 414 }]), { changed: 0 });
      assert.deepEqual(await storage.getViews(['old']), { old: 415 });
      // A corrected baseline moves the total by the difference only.
      assert.deepEqual(await storage.setViewBaselines([{ key: 'old', views: 400 }]), { changed: 1 });
      assert.deepEqual(await storage.getViews(['old']), { old: 401 });
      await storage.recordView('new', 'a', day);
      await storage.recordView('new', 'b', day);
      assert.deepEqual(await storage.mostViewed(1, day, 5), [
        { articleKey: 'new', views: 2 },
        { articleKey: 'old', views: 1 },
      ]);
    });
  });
}
