/// <reference lib="dom" />
/**
 * The PHP snippets of docs/getting-started.md, run by PHP's own command line as a CMS theme would
 * run them, against the seed's data, and the page they print opened in Chromium on the demo's
 * origin (its /api, its CDN files). What a theme author pastes must work as pasted: the
 * elements upgrade, show the data, and a string in the data that holds `</script>` cannot end
 * the JSON child early (the guide's `JSON_HEX_TAG` promise).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { officials, seedArticle, seedElectionPlan, seedMeeting } from '@bantin/model/fixtures';
import { startDemo, type RunningDemo } from './demo.js';
import { ASSET_URLS } from './server.js';
import { CHROMIUM_FLAGS } from '../../../scripts/chromium-flags.mjs';

const guide = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8');
const snippets = [...guide.matchAll(/```php\n([\s\S]*?)```/g)].map((match) => match[1]!);
const dir = mkdtempSync(join(tmpdir(), 'bantin-php-'));
const php = process.env.PHP_PATH ?? 'php';

// A hostile string where a theme prints data into a <script> child: a meeting place that
// tries to close the script and run its own.
const INJECTION = '</script><script>window.__injected = true</script>';
const meeting = { ...seedMeeting, location: `${seedMeeting.location} ${INJECTION}` };

let demo: RunningDemo;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** Runs one snippet with PHP, the seed's data in the variables the guide's snippets use. */
function runPhp(snippet: string): string {
  const data = join(dir, 'data.json');
  writeFileSync(
    data,
    JSON.stringify({
      post: { id: seedArticle.id, views: seedArticle.viewCount },
      meeting,
      officials,
      plan: seedElectionPlan,
    }),
  );
  // As a CMS holds them: $post an object, the rest decoded from its database into arrays.
  const prelude = [
    '<?php',
    `$data = json_decode(file_get_contents(${JSON.stringify(data)}), true, 512, JSON_THROW_ON_ERROR);`,
    "$post = (object) $data['post'];",
    "$meeting = $data['meeting'];",
    "$officials = $data['officials'];",
    "$plan = $data['plan'];",
    '?>',
  ].join('\n');
  const file = join(dir, 'template.php');
  writeFileSync(file, `${prelude}\n${snippet}`);
  const result = spawnSync(php, ['-d', 'display_errors=stderr', '-d', 'error_reporting=E_ALL', file], {
    encoding: 'utf8',
  });
  if (result.error) throw new Error(`could not run PHP (${php}): ${result.error.message}. npm test installs php-cli.`);
  assert.equal(result.stderr, '', `PHP warned about the guide's snippet:\n${snippet}`);
  assert.equal(result.status, 0);
  return result.stdout;
}

before(async () => {
  demo = await startDemo({ db: 'sqlite::memory:', port: 0 });
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  page = await (await browser.newContext({ locale: 'vi-VN', timezoneId: 'America/New_York' })).newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'warning' || (message.type() === 'error' && !message.text().startsWith('Failed to load')))
      problems.push(message.text());
  });
  page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  // The guide's photo (/anh/…) is the theme's own file, which the demo does not have.
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/anh/'))
      problems.push(`${response.status()} ${response.url()}`);
  });
});

after(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the guide has PHP snippets for the view counter, the meeting and the election', () => {
  assert.ok(snippets.length >= 3, `found ${snippets.length}`);
  const all = snippets.join('\n');
  for (const tag of ['tin-view-counter', 'tin-meeting', 'tin-officials', 'tin-election-countdown', 'tin-date-bar'])
    assert.ok(all.includes(`<${tag}`), `no PHP snippet shows <${tag}>`);
});

test('every PHP snippet, printed by PHP, works on a page as pasted', async () => {
  const body = snippets.map(runPhp).join('\n');
  assert.ok(!body.includes(INJECTION), 'json_encode left "</script>" in the page');
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Theme</title>
<script type="module" src="${ASSET_URLS.script}"></script></head><body>${body}</body></html>`;
  // Served from the demo's origin, as the theme's own page would be, so "/api" is the demo's.
  const url = `${demo.url}/php-theme`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url);

  const tags = await page.evaluate(() => [
    ...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.startsWith('tin-'))),
  ]);
  assert.ok(tags.length >= 6, `tags on the page: ${tags.join(', ')}`);
  for (const tag of tags) {
    await page.waitForFunction((name) => customElements.get(name) !== undefined, tag);
  }
  // Each element has rendered its content, and none shows the error state.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('tin-'))
      .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part~=loading]')),
  );
  const errors = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((el) => el.shadowRoot?.querySelector('[part~=error]'))
      .map((el) => `${el.localName}: ${el.shadowRoot!.querySelector('[part~=error]')!.textContent!.trim()}`),
  );
  assert.deepEqual(errors, []);

  // The view counter printed 414 and counts this view.
  const count = page.locator('tin-view-counter [part=count]');
  await count.filter({ hasText: '415' }).waitFor();
  // The meeting box shows the hostile place as text, and it ran nothing.
  const place = await page.locator('tin-meeting').evaluate((el) => el.shadowRoot!.textContent ?? '');
  assert.ok(place.includes(INJECTION), 'the meeting box lost the place text');
  assert.equal(await page.evaluate(() => (window as { __injected?: boolean }).__injected), undefined);
  // The officials list, in the seed's protocol order: the city's Party secretary first.
  const first = await page.locator('tin-officials').evaluate((el) => el.shadowRoot!.textContent ?? '');
  assert.match(first, /Nguyễn Duy Ngọc/);
  assert.deepEqual(problems, []);
});
