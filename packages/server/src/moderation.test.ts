// The moderation page and the API calls it makes: the queue with article titles, bulk actions,
// the page itself (HTML, script, headers), on SQLite and PostgreSQL; then the page end to end in
// Chromium, as a moderator uses it: sign in, search, approve with a click and with a key, bulk
// reject, and the approved comment in the public list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ApiErrorSchema, ModerationBulkResponseSchema, ModerationQueueResponseSchema } from '@bantin/model';
import type { FastifyInstance } from 'fastify';
import { valid } from '../test/http.js';
import { testBackends } from '../test/backends.js';
import { buildApp } from './app.js';
import type { Storage } from './storage/types.js';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.mjs';

const token = 'moderation-test-token-0123456789';
const auth = { authorization: `Bearer ${token}` };
const backends = testBackends('moderation');

interface Site {
  app: FastifyInstance;
  storage: Storage;
  origin: string;
  close(): Promise<void>;
}

async function site(open: () => Promise<Storage>, adminToken: string | null = token): Promise<Site> {
  const storage = await open();
  await storage.migrate();
  const app = await buildApp({ storage, rateLimit: false, ...(adminToken ? { adminToken } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  return {
    app,
    storage,
    origin: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/** Posts a reader's comment through the public API (pending by default) and returns its id. */
async function comment(origin: string, articleId: string, authorName: string, content: string): Promise<string> {
  const response = await fetch(`${origin}/api/articles/${encodeURIComponent(articleId)}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
    body: JSON.stringify({ authorName, content }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

const article = {
  id: 'hoi-nghi-lan-thu-2',
  slug: 'hoi-nghi-lan-thu-2',
  title: 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố',
  url: '/tin-tuc/hoi-nghi-lan-thu-2',
  publishedAt: '2020-11-28T12:00:00+07:00',
};

for (const [name, open] of Object.entries(backends)) {
  describe(`moderation API and page on ${name}`, () => {
    let s: Site;
    before(async () => {
      s = await site(open);
      await s.storage.upsertArticles([{ key: article.id, summary: article }]);
    });
    after(() => s.close());

    it('lists the queue with each comment’s article title and link, null when unregistered', async () => {
      await comment(s.origin, article.id, 'Nguyễn Văn A', 'Ý kiến về quy chế làm việc.');
      await comment(s.origin, 'bai-chua-dang-ky', 'Trần B', 'Bài này chưa đăng ký.');
      const response = await fetch(`${s.origin}/api/admin/comments?status=pending`, { headers: auth });
      assert.equal(response.status, 200);
      const body = (await response.json()) as any;
      valid(ModerationQueueResponseSchema, body);
      const byArticle = new Map(body.comments.map((c: any) => [c.articleId, c.article]));
      assert.deepEqual(byArticle.get(article.id), { title: article.title, url: article.url });
      assert.equal(byArticle.get('bai-chua-dang-ky'), null);
    });

    it('approves, rejects and deletes in bulk, reporting ids that do not exist', async () => {
      const [a, b, c] = [
        await comment(s.origin, article.id, 'Lê C', 'Một'),
        await comment(s.origin, article.id, 'Lê D', 'Hai'),
        await comment(s.origin, article.id, 'Lê E', 'Ba'),
      ];
      const bulk = async (action: string, ids: string[]) => {
        const response = await fetch(`${s.origin}/api/admin/comments/bulk`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ action, ids }),
        });
        assert.equal(response.status, 200);
        const body = await response.json();
        valid(ModerationBulkResponseSchema, body);
        return (body as { results: Array<{ id: string; ok: boolean }> }).results;
      };
      assert.deepEqual(await bulk('approve', [a!, b!, '999999']), [
        { id: a, ok: true },
        { id: b, ok: true },
        { id: '999999', ok: false },
      ]);
      assert.equal((await s.storage.getComment(a!))?.status, 'approved');
      assert.deepEqual(await bulk('reject', [b!]), [{ id: b, ok: true }]);
      assert.equal((await s.storage.getComment(b!))?.status, 'rejected');
      assert.deepEqual(await bulk('delete', [c!]), [{ id: c, ok: true }]);
      assert.equal(await s.storage.getComment(c!), null);
    });

    it('refuses a malformed bulk request with 400 naming the field, in Vietnamese by default', async () => {
      for (const body of [
        { action: 'publish', ids: ['1'] },
        { action: 'approve', ids: [] },
        { action: 'approve', ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) },
        { action: 'approve' },
        [],
      ]) {
        const response = await fetch(`${s.origin}/api/admin/comments/bulk`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        assert.equal(response.status, 400, JSON.stringify(body));
        const json = (await response.json()) as any;
        valid(ApiErrorSchema, json);
        assert.equal(json.error.code, 'invalid_body');
        assert.match(json.error.field, /^body/);
      }
      const unauthorized = await fetch(`${s.origin}/api/admin/comments/bulk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'delete', ids: ['1'] }),
      });
      assert.equal(unauthorized.status, 401);
    });

    it('serves the page and its script under a strict content security policy, never cached', async () => {
      const page = await fetch(`${s.origin}/admin`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self';/);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      const html = await page.text();
      assert.match(html, /<html lang="vi">/);
      assert.match(html, /<tin-moderation endpoint="\/api">/);
      assert.match(
        await (await fetch(`${s.origin}/admin?lang=en`)).text(),
        /<html lang="en">[\s\S]*Comment moderation/,
      );
      const script = await fetch(`${s.origin}/admin/moderation.js`);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
      assert.match(await script.text(), /tin-moderation/);
    });

    it('has no page without an admin token', async () => {
      const bare = await site(open, null);
      try {
        assert.equal((await fetch(`${bare.origin}/admin`)).status, 404);
        assert.equal((await fetch(`${bare.origin}/admin/moderation.js`)).status, 404);
      } finally {
        await bare.close();
      }
    });
  });
}

describe('moderation page in Chromium', () => {
  let s: Site;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    s = await site(backends.SQLite);
    await s.storage.upsertArticles([{ key: article.id, summary: article }]);
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  const items = () => page.locator('tin-moderation li');
  const publicList = async () =>
    ((await (await fetch(`${s.origin}/api/articles/${article.id}/comments`)).json()) as any).comments.map(
      (c: any) => c.content,
    );

  it('signs in, shows the queue newest first with the pending count in the title, and approves', async () => {
    await comment(s.origin, article.id, 'Nguyễn Thị Hoa', 'Cũ nhất: đồng tình với quy chế.');
    await comment(s.origin, article.id, 'Phạm Minh', 'Ở giữa: cần công khai lịch họp.');
    await comment(s.origin, article.id, 'Đỗ Quang', 'Mới nhất: mong sớm triển khai.');

    await page.goto(`${s.origin}/admin`);
    await page.getByLabel('Mã quản trị').fill('sai-ma');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã quản trị không đúng.').waitFor();
    assert.deepEqual(problems, [
      'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
    problems.length = 0;

    await page.getByLabel('Mã quản trị').fill(token);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await items().first().waitFor();
    assert.equal(await items().count(), 3);
    assert.match(await items().first().innerText(), /Mới nhất/);
    assert.match(await items().first().innerText(), new RegExp(article.title));
    assert.equal(await page.title(), '(3) Kiểm duyệt bình luận');

    await items().first().getByRole('button', { name: 'Duyệt' }).click();
    await page.getByText('Đã duyệt 1 bình luận.').waitFor({ state: 'attached' });
    assert.equal(await items().count(), 2);
    assert.equal(await page.title(), '(2) Kiểm duyệt bình luận');
    assert.deepEqual(await publicList(), ['Mới nhất: mong sớm triển khai.']);
  });

  it('searches without diacritics, approves with the keyboard, and keeps the token across a reload', async () => {
    await page.reload();
    await items().first().waitFor();
    await page.getByLabel('Tìm theo tên hoặc nội dung').fill('nguyen thi');
    assert.equal(await items().count(), 1);
    assert.match(await items().first().innerText(), /Nguyễn Thị Hoa/);
    await items().first().focus();
    await page.keyboard.press('a');
    await page.getByText('Không có bình luận nào khớp với “nguyen thi”.').waitFor();
    assert.ok((await publicList()).includes('Cũ nhất: đồng tình với quy chế.'));
  });

  it('rejects in bulk, and moves with j/k', async () => {
    await comment(s.origin, article.id, 'Vũ Lan', 'Quảng cáo một');
    await comment(s.origin, article.id, 'Vũ Lan', 'Quảng cáo hai');
    await page.getByLabel('Tìm theo tên hoặc nội dung').fill('');
    await page.reload();
    await items().first().waitFor();
    assert.equal(await items().count(), 3);
    await items().first().focus();
    await page.keyboard.press('j');
    assert.equal(
      await page.evaluate(
        () =>
          (globalThis as any).document
            .querySelector('tin-moderation')
            .shadowRoot.activeElement?.getAttribute('data-index') as string | undefined,
      ),
      '1',
    );
    await page.keyboard.press('k');
    await page.getByLabel('Tìm theo tên hoặc nội dung').fill('quang cao');
    await page.getByLabel('Chọn tất cả').check();
    await page.locator('tin-moderation .toolbar').getByRole('button', { name: 'Từ chối' }).click();
    await page.getByText('Đã từ chối 2 bình luận.').waitFor({ state: 'attached' });
    const rejected = (await (
      await fetch(`${s.origin}/api/admin/comments?status=rejected`, { headers: auth })
    ).json()) as any;
    assert.deepEqual(rejected.comments.map((c: any) => c.content).sort(), ['Quảng cáo hai', 'Quảng cáo một']);
    assert.deepEqual(problems, []);
  });

  it('is accessible (axe) in English', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    await page.goto(`${s.origin}/admin?lang=en`);
    await items().first().waitFor();
    await page.getByRole('button', { name: 'Approve' }).first().waitFor();
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The page's CSP forbids inline scripts: axe goes in through the automation channel.
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as any).axe.run((globalThis as any).document);
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.length}`);
    });
    assert.deepEqual(violations, []);
  });

  it('shows what the spam filter held back, and flags the suspect comment', async () => {
    const response = await fetch(`${s.origin}/api/articles/${encodeURIComponent(article.id)}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authorName: 'Bot', content: 'Mua vé rẻ', website: 'https://seo.example', fillMs: 120 }),
    });
    assert.equal(response.status, 201);
    await page.goto(`${s.origin}/admin`);
    await page.getByText('Nghi spam: ô bẫy, gửi quá nhanh').waitFor();
    await page
      .getByText(
        'Bộ lọc spam đã giữ lại: ô bẫy 1 · gửi quá nhanh 1 · quá nhiều liên kết 0 · từ bị chặn 0 · thiếu captcha 0.',
      )
      .waitFor();
    assert.deepEqual(problems, []);
  });
});
