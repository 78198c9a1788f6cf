import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { checkWire, ElectionPlanWire, officialTitles } from '@bantin/model';
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

const get = async (path: string) => (await fetch(base + path)).text();

/** The page without Lit's part markers and the shadow roots' style text. */
const plain = (page: string) => page.replace(/<!--[^>]*-->/g, '').replace(/<style>[\s\S]*?<\/style>/g, '');

const CIVIC_TAGS = [
  'tin-date-bar',
  'tin-official',
  'tin-officials',
  'tin-meeting',
  'tin-key-figures',
  'tin-election-countdown',
  'tin-election-progress',
];

/**
 * Every civic element on the page, as the server sent it: its tag, its shadow root's markup
 * (undefined when it has no declarative shadow root) and the JSON child after it.
 */
function civicElements(page: string) {
  const html = plain(page);
  const found: Array<{ tag: string; shadow: string | undefined; json: unknown }> = [];
  for (const match of html.matchAll(/<(tin-[a-z-]+)(?=[\s>])[^>]*>/g)) {
    const tag = match[1]!;
    if (!CIVIC_TAGS.includes(tag)) continue;
    const rest = html.slice(match.index + match[0].length);
    const shadow = /^<template shadowroot(?:mode)?="open"[^>]*>([\s\S]*?)<\/template>/.exec(rest);
    const after = shadow ? rest.slice(shadow[0].length) : rest;
    const json = /^\s*<script type="application\/json">([\s\S]*?)<\/script>/.exec(after);
    found.push({ tag, shadow: shadow?.[1], json: json ? JSON.parse(json[1]!) : undefined });
  }
  return found;
}

const textOf = (markup: string | undefined) =>
  (markup ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

test('every civic element on both pages is server-rendered: a declarative shadow root, then its data', async () => {
  const pages = {
    [seedArticle.url]: ['tin-date-bar', 'tin-officials', 'tin-meeting'],
    [mostViewedArticle.url]: ['tin-date-bar', 'tin-officials', 'tin-election-countdown', 'tin-election-progress'],
  };
  for (const [url, tags] of Object.entries(pages)) {
    const elements = civicElements(await get(url));
    assert.deepEqual(elements.map(({ tag }) => tag).sort(), [...tags].sort(), url);
    for (const { tag, shadow, json } of elements) {
      assert.ok(shadow, `${url}: <${tag}> ships its declarative shadow root`);
      assert.doesNotMatch(shadow, /part="error"/, `${url}: <${tag}> rendered its data, not the error state`);
      // The date bar shows today and needs no data; every other one carries it for the browser.
      if (tag !== 'tin-date-bar') assert.ok(json, `${url}: <${tag}> has its JSON child`);
    }
  }
});

test('the most-viewed item gets the election countdown and progress, painted from the plan in the HTML', async () => {
  const elements = civicElements(await get(mostViewedArticle.url));
  for (const tag of ['tin-election-countdown', 'tin-election-progress']) {
    const { json } = elements.find((element) => element.tag === tag)!;
    assert.deepEqual(json, seedElectionPlan);
    assert.equal(checkWire(ElectionPlanWire, json).ok, true, 'what the browser will check');
  }
  const countdown = textOf(elements.find(({ tag }) => tag === 'tin-election-countdown')!.shadow);
  // Whatever the machine's date: before, on or after 15/3/2026.
  assert.match(
    countdown,
    /(Còn \d+ ngày đến ngày bầu cử|Hôm nay là ngày bầu cử|Cuộc bầu cử đã diễn ra ngày) 15\/3\/2026/,
  );
  const progress = elements.find(({ tag }) => tag === 'tin-election-progress')!.shadow!;
  assert.match(progress, /role="progressbar"[^>]*aria-valuetext="17\/35 bước"/);
  assert.match(textOf(progress), /126\/126 xã, phường/);
});

test('the election page names its officials with their titles on the day of the meeting', async () => {
  const officials = civicElements(await get(mostViewedArticle.url)).find(({ tag }) => tag === 'tin-officials')!;
  const head = officialById('nguyen-duy-ngoc')!;
  assert.equal(officialTitles(head, mostViewedArticle.publishedAt), 'Bí thư Thành ủy, Trưởng ban Chỉ đạo');
  assert.match(
    officials.shadow!,
    /<span part="name" class="name">Nguyễn Duy Ngọc<\/span><span part="titles" class="titles">Bí thư Thành ủy, Trưởng ban Chỉ đạo<\/span>/,
  );
  assert.deepEqual(
    (officials.json as Array<{ id: string }>).map(({ id }) => id).sort(),
    [...mostViewedArticle.officialIds].sort(),
  );
});

test('the seed article has no election boxes, and both pages have the date bar in their header', async () => {
  const seed = await get(seedArticle.url);
  assert.doesNotMatch(seed, /<tin-election-countdown/);
  for (const page of [seed, await get(mostViewedArticle.url)]) {
    assert.match(
      plain(page),
      /<header class="site-header">[\s\S]*<tin-date-bar[^>]*><template shadowroot[^>]*>[\s\S]*năm [A-ZĐ]\S+ \S+<\/span>[\s\S]*<\/tin-date-bar>[\s\S]*<\/header>/,
    );
  }
});

test('the date bar is painted with Vietnam’s day and its lunar date', () => {
  const bar = textOf(plain(String(dateBar(Date.parse('2026-11-30T17:30:00Z')))));
  assert.equal(bar, 'Thứ Ba, 01/12/2026 · Âm lịch 23 tháng 10 năm Bính Ngọ');
});
