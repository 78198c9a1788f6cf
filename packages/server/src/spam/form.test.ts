// The comment form and the spam defence end to end: the built <tin-comment-thread> (dist/cdn of
// @bantin/elements) in Chromium, on a page served by the real server with ALTCHA on, on SQLite
// and PostgreSQL. A reader who types and waits as people do is published at once (auto-approve)
// and flagged by no rule: the honeypot is empty, the fill time is real and the proof of work,
// solved in the page, verifies. A bot's post to the same server is held with its flags, so the
// verdict can go the other way. Every request the page makes goes to this server.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { CHROMIUM_FLAGS } from '../../../../scripts/chromium-flags.mjs';
import { testBackends } from '../../test/backends.js';
import { buildApp } from '../app.js';
import type { Storage } from '../storage/types.js';

const token = 'spam-form-test-token-0123456789';
const auth = { authorization: `Bearer ${token}` };
const articleId = 'hoi-nghi-lan-thu-2';
const cdn = join(dirname(createRequire(import.meta.url).resolve('@bantin/elements/package.json')), 'dist', 'cdn');
const storages = testBackends('spam-form');
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(cdn, 'elements', 'comment-thread.js')), `${cdn} is missing: build @bantin/elements first`);
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
});
after(async () => {
  await browser?.close();
});

// Each backend with one of the two ways a theme loads the kit: the element's own module, and
// bantin.js, the one file (whose ALTCHA solver is still a file of its own, imported on demand).
const backends = {
  SQLite: { script: 'bantin.js', open: storages.SQLite },
  PostgreSQL: { script: 'elements/comment-thread.js', open: storages.PostgreSQL },
};

/** The real server with ALTCHA, plus a theme's page and the kit's no-build files on the same origin. */
async function site(storage: Storage, script: string): Promise<{ app: FastifyInstance; origin: string }> {
  const app = await buildApp({
    storage,
    rateLimit: false,
    autoApprove: true,
    adminToken: token,
    altcha: { secret: 'spam-form-test-altcha-secret-0123456789' },
  });
  app.get('/bai-viet', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Bài viết</title><link rel="icon" href="data:,">` +
          `<script type="module" src="/cdn/${script}"></script>` +
          `<tin-comment-thread article-id="${articleId}" endpoint="/api"></tin-comment-thread></html>`,
      ),
  );
  app.get<{ Params: { '*': string } }>('/cdn/*', async (request, reply) => {
    const path = normalize(join(cdn, request.params['*']));
    if (!path.startsWith(cdn + sep) || !path.endsWith('.js')) return reply.code(404).send();
    return reply.type('text/javascript; charset=utf-8').send(readFileSync(path, 'utf8'));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  return { app, origin: `http://127.0.0.1:${address.port}` };
}

async function admin(origin: string, path: string): Promise<any> {
  const response = await fetch(`${origin}/api/admin/${path}`, { headers: auth });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

for (const [name, { script, open }] of Object.entries(backends)) {
  describe(`the comment form (${script}) against bantin-server --altcha on ${name}`, () => {
    it('publishes a reader’s comment flagged by no rule, holds a bot’s, and calls no other host', async () => {
      const storage = await open();
      await storage.migrate();
      const { app, origin } = await site(storage, script);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const requests: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(message.text()));

        await page.goto(`${origin}/bai-viet`);
        await page.getByText('Chưa có bình luận nào.').waitFor();
        await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
        await page.getByLabel('Nội dung bình luận').fill('Cử tri phường Ba Đình mong được biết lịch tiếp xúc.');
        // As long as a person takes, at least: the server's minimum fill time is 3 s.
        await page.waitForTimeout(3_200);
        await page.getByRole('button', { name: 'Gửi bình luận' }).click();
        await page.getByText('Bình luận của bạn đã được đăng.').waitFor();

        const approved = (await admin(origin, 'comments?status=approved')).comments;
        assert.equal(approved.length, 1);
        assert.equal(approved[0].authorName, 'Trần Thị Bình');
        assert.equal(approved[0].flags, undefined, `flagged: ${approved[0].flags}`);
        assert.ok(
          requests.some((url) => url === `${origin}/api/altcha-challenge`),
          'the page asked for a challenge',
        );
        assert.deepEqual(
          requests.filter((url) => !url.startsWith(`${origin}/`)),
          [],
          'requests to another host',
        );
        assert.deepEqual(problems, []);

        // The same server holds a bot's post: no proof of work, the honeypot filled, too fast.
        const bot = await fetch(`${origin}/api/articles/${articleId}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            authorName: 'Bot',
            content: 'Mua vé rẻ',
            website: 'https://seo.example',
            fillMs: 120,
          }),
        });
        assert.equal(bot.status, 201);
        const held = (await admin(origin, 'comments?status=pending')).comments;
        assert.deepEqual(
          held.map((c: any) => [c.authorName, c.flags]),
          [['Bot', ['honeypot', 'too-fast', 'captcha']]],
        );
        assert.deepEqual((await admin(origin, 'spam-stats')).counts, {
          honeypot: 1,
          'too-fast': 1,
          links: 0,
          blocklist: 0,
          captcha: 1,
        });
      } finally {
        await context.close();
        await app.close();
        await storage.close();
      }
    });
  });
}
