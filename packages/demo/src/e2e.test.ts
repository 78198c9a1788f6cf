/**
 * End to end, in Chromium driven by playwright-core: the demo page against the real server
 * and a real SQLite database, as a reader and a moderator would use them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { canonicalArticleKey } from '@bantin/model';
import { mostViewedArticle, seedArticle } from '@bantin/model/fixtures';
import { startDemo, type RunningDemo } from './demo.js';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.mjs';

const dir = mkdtempSync(join(tmpdir(), 'bantin-e2e-'));
let demo: RunningDemo;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const key = canonicalArticleKey(seedArticle.id);

before(async () => {
  demo = await startDemo({ db: `sqlite:${join(dir, 'e2e.db')}`, port: 0, adminToken: 'e2e-admin-token' });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 1000 } })).newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
});

after(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function apiViews(): Promise<number> {
  const answer = (await (await fetch(`${demo.url}/api/views?ids=${encodeURIComponent(key)}`)).json()) as {
    views: Record<string, number>;
  };
  return answer.views[key] ?? 0;
}

const counter = () => page.locator('tin-view-counter[track] [part=count]');

test('the counter goes up once, and a reload in the same session adds nothing', async () => {
  assert.equal(await apiViews(), 414);
  await page.goto(demo.articleUrl);
  // The article's text is in the HTML the server sent, before any script.
  assert.match(await (await fetch(demo.articleUrl)).text(), /Sáng 28\/11, tại Trụ sở Thành ủy Hà Nội/);
  await counter().filter({ hasText: '415' }).waitFor();
  assert.equal(await counter().textContent(), '415');
  assert.equal(await apiViews(), 415);

  await page.reload();
  await page.locator('tin-most-viewed [part=link]').first().waitFor();
  await page.waitForTimeout(300); // room for a POST that must not happen
  assert.equal(await counter().textContent(), '415');
  assert.equal(await apiViews(), 415);
});

test('a posted comment shows as pending; approved, it is visible after a reload', async () => {
  const thread = page.locator('tin-comment-thread');
  await thread.locator('#authorName').fill('Minh Anh');
  await thread.locator('#content').fill('Mong Thành phố sớm công khai Kế hoạch đầu tư công năm 2021.');
  await thread.locator('[part=submit]').click();
  await thread.locator('[part=status]').filter({ hasText: 'Bình luận của bạn đang chờ duyệt' }).waitFor();
  assert.equal(await thread.locator('[part=content]').count(), 0, 'a pending comment is not listed');

  const auth = { authorization: `Bearer ${demo.adminToken}` };
  const pending = (await (await fetch(`${demo.url}/api/admin/comments?status=pending`, { headers: auth })).json()) as {
    comments: Array<{ id: string }>;
  };
  assert.equal(pending.comments.length, 1);
  const approve = await fetch(`${demo.url}/api/admin/comments/${pending.comments[0]!.id}/approve`, {
    method: 'POST',
    headers: auth,
  });
  assert.equal(approve.status, 200);

  await page.reload();
  await thread.locator('[part=content]').filter({ hasText: 'Kế hoạch đầu tư công năm 2021' }).waitFor();
  assert.equal(await thread.locator('[part=author]').first().textContent(), 'Minh Anh');
});

test('the most-viewed list reflects the views', async () => {
  const titles = await page.locator('tin-most-viewed [part=link]').allTextContents();
  assert.deepEqual(
    titles.map((title) => title.trim()),
    [mostViewedArticle.title, seedArticle.title],
  );
  // Switch to the week: the demo's earlier traffic counts there too.
  await page.locator('tin-most-viewed [role=tab]', { hasText: 'Tuần' }).click();
  await page.locator('tin-most-viewed[period=week]').waitFor();
  await page.locator('tin-most-viewed [part=link]').first().waitFor();
  assert.equal(
    (await page.locator('tin-most-viewed [part=link]').first().textContent())?.trim(),
    mostViewedArticle.title,
  );
});

test('the page loads its scripts through the autoloader, compressed, chunks cached for ever', async () => {
  const scripts: Array<{ path: string; headers: Record<string, string> }> = [];
  const listener = (response: import('playwright-core').Response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.push({ path, headers: response.headers() });
  };
  // A new context: nothing in the HTTP cache, so every script is fetched.
  const fresh = await page.context().browser()!.newContext();
  const reader = await fresh.newPage();
  reader.on('response', listener);
  await reader.goto(demo.articleUrl);
  await reader.locator('tin-most-viewed [part=link]').first().waitFor();
  await fresh.close();

  const paths = scripts.map((script) => script.path);
  assert.ok(paths.includes('/assets/cdn/autoloader.js'), paths.join(', '));
  assert.ok(!paths.includes('/assets/cdn/bantin.js'), 'the one-file bundle is not loaded');
  assert.ok(paths.some((path) => path.startsWith('/assets/cdn/chunks/')));
  for (const { path, headers } of scripts) {
    // Brotli, except a file too small to gain from it (static.ts's floor: 256 bytes).
    if (headers['content-encoding'] !== 'br') assert.ok(Number(headers['content-length']) < 256, path);
    assert.equal(
      headers['cache-control'],
      path.startsWith('/assets/cdn/chunks/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=300, must-revalidate',
      path,
    );
  }
});

test('the meeting box beside the article shows the meeting, its chairs and its figures', async () => {
  const box = page.locator('tin-meeting');
  await box.locator('[part=heading]').filter({ hasText: 'Hội nghị lần thứ 2' }).waitFor();
  assert.equal(
    (await box.locator('[part=heading]').textContent())?.trim(),
    'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa XVII)',
  );
  assert.equal(await box.locator('[part=chairs] > li').count(), 5);
  assert.equal(await box.locator('[part=tile]').count(), 6);
  assert.equal(await box.locator('[part=error]').count(), 0);
});

test('the header date bar shows today in Vietnam with its lunar date', async () => {
  const bar = page.locator('header tin-date-bar');
  await bar.locator('[part=lunar]').waitFor();
  assert.match(
    (await bar.locator('[part=solar]').textContent()) ?? '',
    /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d\/\d\d\/\d{4}$/,
  );
  assert.match((await bar.locator('[part=lunar]').textContent()) ?? '', /tháng \d+( nhuận)? năm \S+ \S+$/);
});

test('the election page shows the countdown and the progress bars from the plan in its HTML', async () => {
  await page.goto(demo.url + mostViewedArticle.url);
  const progress = page.locator('tin-election-progress');
  await progress.locator('[role=progressbar]').first().waitFor();
  assert.equal(await progress.locator('[role=progressbar]').count(), 4);
  assert.equal(await progress.locator('[role=progressbar]').first().getAttribute('aria-valuetext'), '17/35 bước');
  assert.equal(await progress.locator('[part=milestone]').count(), 4);
  const countdown = page.locator('tin-election-countdown [part=countdown]');
  await countdown.waitFor();
  // Whatever the machine's date: before, on or after 15/3/2026.
  assert.match(
    (await countdown.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
    /^(Còn \d+ ngày đến ngày bầu cử|Hôm nay là ngày bầu cử|Cuộc bầu cử đã diễn ra ngày) 15\/3\/2026$/,
  );
  assert.equal(
    await page.locator('tin-election-countdown [part=error], tin-election-progress [part=error]').count(),
    0,
  );
  // The officials the article names, with the titles they held on its date (3/2/2026).
  const officials = page.locator('tin-officials');
  await officials.locator('[part=item]').first().waitFor();
  assert.equal(await officials.locator('[part=item]').count(), mostViewedArticle.officialIds.length);
  assert.equal((await officials.locator('[part=heading]').textContent())?.trim(), 'Đại biểu được nhắc đến');
  assert.match((await officials.locator('[part=item]').allTextContents()).join(' | '), /Nguyễn Duy Ngọc/);
  assert.equal(await officials.locator('[part=error]').count(), 0);
});

/**
 * What each civic element shows once its script has taken over the shadow root the server sent:
 * the element children of that root (one copy of its content, never the server's beside the
 * browser's), whether the server's inline <style> is still there, and any error part.
 */
const CIVIC = "'tin-date-bar, tin-officials, tin-meeting, tin-election-countdown, tin-election-progress'";

async function civicShadows(): Promise<Array<{ tag: string; children: number; serverStyle: boolean; error: boolean }>> {
  // In the page (strings: this package's TypeScript has no DOM types).
  await page.waitForFunction(
    `[...document.querySelectorAll(${CIVIC})].every((el) => el.matches(':defined') && !el.shadowRoot?.querySelector(':scope > style'))`,
  );
  return page.evaluate(
    `[...document.querySelectorAll(${CIVIC})].map((el) => ({
      tag: el.localName,
      children: el.shadowRoot.children.length,
      serverStyle: !!el.shadowRoot.querySelector('style'),
      error: !!el.shadowRoot.querySelector('[part~="error"]'),
    }))`,
  );
}

test('the server-rendered civic boxes upgrade in place: one copy each, no error, on both pages', async () => {
  for (const [url, tags] of [
    [
      demo.url + mostViewedArticle.url,
      ['tin-date-bar', 'tin-officials', 'tin-election-countdown', 'tin-election-progress'],
    ],
    [demo.articleUrl, ['tin-date-bar', 'tin-officials', 'tin-meeting']],
  ] as const) {
    await page.goto(url);
    const shadows = await civicShadows();
    assert.deepEqual(shadows.map(({ tag }) => tag).sort(), [...tags].sort(), url);
    for (const shadow of shadows)
      assert.deepEqual(shadow, { tag: shadow.tag, children: 1, serverStyle: false, error: false });
  }
});

test('no console errors or page errors on the way', () => {
  assert.deepEqual(problems, []);
});
