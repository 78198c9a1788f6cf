// Spam defence: the rules one by one, and through the HTTP API on SQLite and PostgreSQL:
// honest readers and API clients published at once (with --auto-approve), suspects held and
// flagged, counts per rule, the editable blocklist matched diacritic-free.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ModerationQueueResponseSchema, SpamBlocklistSchema, SpamStatsResponseSchema } from '@bantin/model';
import { request, valid } from '../../test/http.js';
import { testBackends } from '../../test/backends.js';
import { buildApp } from '../app.js';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { blocklistMatcher, countLinks, DEFAULT_SPAM_OPTIONS, spamFlags } from './rules.js';

const token = 'spam-test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${token}` };
const backends = testBackends('spam');

describe('spam rules', () => {
  const none = () => false;
  const honest = { authorName: 'Nguyễn Văn Hùng', content: 'Bài viết rất hay, cảm ơn Ban Biên tập.' };

  it('lets an honest comment through, with or without the form fields', async () => {
    assert.deepEqual(await spamFlags(honest, none, DEFAULT_SPAM_OPTIONS), []);
    assert.deepEqual(await spamFlags({ ...honest, website: '', fillMs: 45_000 }, none, DEFAULT_SPAM_OPTIONS), []);
  });

  it('flags the honeypot, a form sent too fast, too many links, blocked words, a missing captcha', async () => {
    assert.deepEqual(await spamFlags({ ...honest, website: 'https://spam.example' }, none, DEFAULT_SPAM_OPTIONS), [
      'honeypot',
    ]);
    assert.deepEqual(await spamFlags({ ...honest, fillMs: 800 }, none, DEFAULT_SPAM_OPTIONS), ['too-fast']);
    const links = `${honest.content} http://a.example https://b.example www.c.example`;
    assert.deepEqual(await spamFlags({ ...honest, content: links }, none, DEFAULT_SPAM_OPTIONS), ['links']);
    const blocked = blocklistMatcher(['cá độ']);
    assert.deepEqual(await spamFlags({ ...honest, content: 'Nhận CA DO bóng đá' }, blocked, DEFAULT_SPAM_OPTIONS), [
      'blocklist',
    ]);
    const captcha = { ...DEFAULT_SPAM_OPTIONS, verifyCaptcha: async (p: string) => p === 'solved' };
    assert.deepEqual(await spamFlags(honest, none, captcha), ['captcha']);
    assert.deepEqual(await spamFlags({ ...honest, altcha: 'solved' }, none, captcha), []);
  });

  it('matches blocklist entries as whole words, diacritic-free', () => {
    const matches = blocklistMatcher(['cá độ', 'vay tiền nhanh']);
    assert.equal(matches('Cá độ bóng đá'), true);
    assert.equal(matches('CÁ  ĐỘ'), true);
    assert.equal(matches('ca do'), true);
    assert.equal(matches('vay   tien nhanh 24h'), true);
    assert.equal(matches('Độ cao độ của cầu'), false, '"cao độ" is not "cá độ"');
    assert.equal(matches('cá độc'), false, 'a longer word is another word');
    assert.equal(blocklistMatcher([])('anything'), false);
    assert.equal(blocklistMatcher(['a.b(c'])('x a.b(c y'), true, 'regex characters are literal');
  });

  it('counts links', () => {
    assert.equal(countLinks('xem https://a.vn và http://b.vn, www.c.vn'), 3);
    assert.equal(countLinks('không có liên kết, chỉ có a.vn'), 0);
  });
});

for (const [name, open] of Object.entries(backends)) {
  describe(`spam defence on ${name}`, () => {
    it('publishes honest comments, holds and flags suspects, counts each rule, edits the blocklist', async () => {
      const storage = await open();
      await storage.migrate();
      const app = await buildApp({ storage, rateLimit: false, adminToken: token, autoApprove: true });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      assert.ok(address && typeof address === 'object');
      const base = `http://127.0.0.1:${address.port}/api`;
      try {
        const post = (json: Record<string, unknown>) =>
          request(`${base}/articles/bau-cu-2026/comments`, {
            method: 'POST',
            json: { authorName: 'Trần Thị Mai', content: 'Đề nghị niêm yết danh sách cử tri sớm.', ...json },
          });

        // A reader through the form, and an API client without the form fields: published.
        assert.equal((await post({ website: '', fillMs: 20_000 })).json.comment.status, 'approved');
        assert.equal((await post({})).json.comment.status, 'approved');

        // Suspects: answered like any held comment, kept for moderators.
        const honeypot = await post({ website: 'https://seo.example', fillMs: 20_000 });
        assert.equal(honeypot.status, 201);
        assert.equal(honeypot.json.comment.status, 'pending');
        assert.equal((await post({ fillMs: 900 })).json.comment.status, 'pending');
        const links = 'Xem https://a.example https://b.example https://c.example';
        assert.equal((await post({ content: links })).json.comment.status, 'pending');

        // The blocklist: empty at first, replaced whole, matched without diacritics.
        assert.deepEqual(
          valid(SpamBlocklistSchema, (await request(`${base}/admin/spam-blocklist`, { headers: auth })).json),
          { words: [] },
        );
        const put = await request(`${base}/admin/spam-blocklist`, {
          method: 'PUT',
          headers: auth,
          json: { words: ['cá độ', '  vay tiền nhanh ', 'cá độ'] },
        });
        assert.equal(put.status, 200);
        assert.deepEqual(put.json, { words: ['cá độ', 'vay tiền nhanh'] });
        assert.deepEqual((await request(`${base}/admin/spam-blocklist`, { headers: auth })).json.words, [
          'cá độ',
          'vay tiền nhanh',
        ]);
        const bad = await request(`${base}/admin/spam-blocklist`, {
          method: 'PUT',
          headers: auth,
          json: { words: [''] },
        });
        assert.equal(bad.status, 400);
        assert.equal(bad.json.error.field, 'body.words[0]');
        assert.equal((await request(`${base}/admin/spam-blocklist`)).status, 401);
        assert.equal((await post({ content: 'Nhận CA DO bóng đá uy tín' })).json.comment.status, 'pending');

        const stats = await request(`${base}/admin/spam-stats`, { headers: auth });
        assert.deepEqual(valid(SpamStatsResponseSchema, stats.json), {
          counts: { honeypot: 1, 'too-fast': 1, links: 1, blocklist: 1, captcha: 0 },
        });

        const queue = valid(
          ModerationQueueResponseSchema,
          (await request(`${base}/admin/comments?status=pending`, { headers: auth })).json,
        );
        assert.deepEqual(
          queue.comments.map((c: { flags?: string[] }) => c.flags),
          [['honeypot'], ['too-fast'], ['links'], ['blocklist']],
        );
        const approved = valid(
          ModerationQueueResponseSchema,
          (await request(`${base}/admin/comments?status=approved`, { headers: auth })).json,
        );
        assert.equal(approved.comments.length, 2);
        assert.ok(approved.comments.every((c: { flags?: string[] }) => c.flags === undefined));
      } finally {
        await app.close();
        await storage.close();
      }
    });

    it('an ALTCHA solution is accepted by one process only, once', async () => {
      const storage = await open();
      await storage.migrate();
      const options = {
        storage,
        rateLimit: false as const,
        autoApprove: true,
        altcha: { secret: 'altcha-test-secret', cost: 10, counter: { min: 5, max: 20 } },
      };
      const [first, second] = [await buildApp(options), await buildApp(options)];
      try {
        const challenge = (await first.inject({ method: 'GET', url: '/api/altcha-challenge' })).json() as Challenge;
        const solution = await solveChallenge({ challenge, deriveKey });
        const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
        const post = (app: typeof first) =>
          app.inject({
            method: 'POST',
            url: '/api/articles/a/comments',
            payload: { authorName: 'Lan', content: 'Đồng ý.', altcha: payload },
          });
        // Both processes at once: exactly one accepts it; then neither.
        const statuses = (await Promise.all([post(first), post(second)])).map((a) => a.json().comment.status);
        assert.deepEqual([...statuses].sort(), ['approved', 'pending']);
        assert.equal((await post(second)).json().comment.status, 'pending');
        assert.equal((await post(first)).json().comment.status, 'pending');
        assert.equal((await storage.spam.counts()).captcha, 3);
      } finally {
        await first.close();
        await second.close();
        await storage.close();
      }
    });

    it('can be turned off', async () => {
      const storage = await open();
      await storage.migrate();
      const app = await buildApp({ storage, rateLimit: false, autoApprove: true, spam: false });
      try {
        const answer = await app.inject({
          method: 'POST',
          url: '/api/articles/a/comments',
          payload: { authorName: 'Bot', content: 'x', website: 'filled', fillMs: 1 },
        });
        assert.equal(answer.json().comment.status, 'approved');
      } finally {
        await app.close();
        await storage.close();
      }
    });
  });
}

describe('ALTCHA, self-hosted', () => {
  it('serves challenges, accepts a solved one once, and flags comments without one', async () => {
    const storage = await backends.SQLite();
    await storage.migrate();
    const app = await buildApp({
      storage,
      rateLimit: false,
      autoApprove: true,
      altcha: { secret: 'altcha-test-secret', cost: 10, counter: { min: 5, max: 20 } },
    });
    try {
      const challenge = (await app.inject({ method: 'GET', url: '/api/altcha-challenge' })).json() as Challenge;
      assert.equal(challenge.parameters.algorithm, 'PBKDF2/SHA-256');
      assert.equal(typeof challenge.signature, 'string');
      const solution = await solveChallenge({ challenge, deriveKey });
      assert.ok(solution);
      const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
      const post = (extra: Record<string, unknown>) =>
        app.inject({
          method: 'POST',
          url: '/api/articles/a/comments',
          payload: { authorName: 'Lan', content: 'Đồng ý.', ...extra },
        });
      assert.equal((await post({ altcha: payload })).json().comment.status, 'approved');
      // The same solution again, none, or a forged one: held and flagged.
      assert.equal((await post({ altcha: payload })).json().comment.status, 'pending');
      assert.equal((await post({})).json().comment.status, 'pending');
      const forged = Buffer.from(
        JSON.stringify({ challenge, solution: { ...solution, counter: solution!.counter + 1 } }),
      ).toString('base64');
      assert.equal((await post({ altcha: forged })).json().comment.status, 'pending');
      assert.equal((await post({ altcha: 'not base64 json' })).json().comment.status, 'pending');
      assert.deepEqual((await storage.spam.counts()).captcha, 4);
    } finally {
      await app.close();
      await storage.close();
    }
  });

  it('says so, with a 200, when it asks for no captcha (a 404 would be a console error in the page)', async () => {
    const storage = await backends.SQLite();
    await storage.migrate();
    const app = await buildApp({ storage, rateLimit: false });
    try {
      const answer = await app.inject({ method: 'GET', url: '/api/altcha-challenge' });
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.deepEqual(answer.json(), { altcha: false });
    } finally {
      await app.close();
      await storage.close();
    }
  });
});
