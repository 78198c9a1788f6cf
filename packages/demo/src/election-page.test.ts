import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkWire, ElectionPlanWire, formatOfficial } from '@bantin/model';
import { mostViewedArticle, officialById, seedArticle, seedElectionPlan } from '@bantin/model/fixtures';
import { dateBar } from './election-page.js';
import { createDemoServer } from './server.js';

let base = '';
const server = createDemoServer();

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const jsonChildren = (page: string, tag: string) =>
  [...page.matchAll(new RegExp(`<${tag}[^>]*>\\s*<script type="application/json">([\\s\\S]*?)</script>`, 'g'))].map(
    (match) => JSON.parse(match[1]!),
  );

test('the most-viewed item gets the election countdown and progress, with the plan in the HTML', async () => {
  const page = await (await fetch(base + mostViewedArticle.url)).text();
  for (const tag of ['tin-election-countdown', 'tin-election-progress']) {
    const [plan] = jsonChildren(page, tag);
    assert.ok(plan, `${tag} has a JSON child`);
    assert.deepEqual(plan, seedElectionPlan);
    assert.equal(checkWire(ElectionPlanWire, plan).ok, true, 'what the browser will check');
  }
  // Text for readers without JavaScript, until the elements upgrade.
  assert.match(page, /Ngày bầu cử: <time datetime="2026-03-15">15\/3\/2026<\/time>/);
  assert.match(page, /Quy trình công tác bầu cử: 17\/35 bước/);
  assert.match(page, /126\/126 xã, phường/);
});

test('the election page names its officials with their titles on the day of the meeting', async () => {
  const page = await (await fetch(base + mostViewedArticle.url)).text();
  const head = officialById('nguyen-duy-ngoc')!;
  const titled = formatOfficial(head, { style: 'full', at: mostViewedArticle.publishedAt });
  assert.equal(titled, 'Bí thư Thành ủy, Trưởng ban Chỉ đạo Nguyễn Duy Ngọc');
  assert.ok(page.includes(`<li>${titled}</li>`));
});

test('the seed article has no election boxes, and both pages have the date bar in their header', async () => {
  const seed = await (await fetch(base + seedArticle.url)).text();
  assert.doesNotMatch(seed, /<tin-election-countdown/);
  for (const page of [seed, await (await fetch(base + mostViewedArticle.url)).text()]) {
    assert.match(
      page,
      /<header class="site-header">[\s\S]*<tin-date-bar[^>]*>[^<]*năm [A-ZĐ]\S+ \S+<\/tin-date-bar>[\s\S]*<\/header>/,
    );
  }
});

test("the date bar's fallback text is Vietnam's day, with its lunar date", () => {
  assert.match(String(dateBar(Date.parse('2026-11-30T17:30:00Z'))), /Thứ Ba, 01\/12\/2026 · 23 tháng 10 năm Bính Ngọ/);
});
