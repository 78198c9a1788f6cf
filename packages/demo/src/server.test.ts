import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { seedArticle, seedMeeting } from '@bantin/model/fixtures';
import { createDemoServer } from './server.js';

let base = '';
const server = createDemoServer();

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('the seed article text is in the served HTML itself', async () => {
  const response = await fetch(base + seedArticle.url);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  const page = await response.text();
  assert.match(page, /<html lang="vi">/);
  assert.ok(page.includes(`<h1>${seedArticle.title}</h1>`));
  assert.ok(page.includes('Sáng 28/11, tại Trụ sở Thành ủy Hà Nội'));
  assert.ok(page.includes('GRDP bình quân đầu người ước đạt 135 triệu đồng (tương đương 5.870 USD)'));
  assert.ok(page.includes('Lượt xem: 414'));
  assert.ok(page.includes('<figcaption>Các đại biểu thông qua nội dung, chương trình hội nghị</figcaption>'));
  assert.match(page, /<tin-view-counter\s+article-id="[^"]+"\s+count="414"/);
  assert.match(page, /<tin-comment-thread /);
  assert.match(page, /<tin-most-viewed /);
  assert.match(page, /<script type="module" src="\/assets\/cdn\/autoloader.js">/);
});

test('the page carries NewsArticle JSON-LD that parses', async () => {
  const page = await (await fetch(base + seedArticle.url)).text();
  const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1];
  assert.ok(json);
  const ld = JSON.parse(json);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, seedArticle.title);
});

test('/ leads to the article; assets and media are served', async () => {
  const home = await fetch(base + '/', { redirect: 'manual' });
  assert.equal(home.status, 302);
  assert.equal(home.headers.get('location'), seedArticle.url);
  const script = await fetch(base + '/assets/cdn/autoloader.js');
  assert.equal(script.status, 200);
  assert.match(await script.text(), /MutationObserver/);
  const bundle = await fetch(base + '/assets/cdn/bantin.js');
  assert.match(await bundle.text(), /customElements/);
  const theme = await fetch(base + '/assets/themes/bantin.css');
  assert.match(await theme.text(), /--tin-color-accent/);
  const image = await fetch(base + (seedArticle.cover?.src ?? ''));
  assert.equal(image.status, 200);
  assert.match(await image.text(), /Các đại biểu thông qua/);
});

test('unknown paths get a 404 page and other methods a 405', async () => {
  const missing = await fetch(base + '/khong-co');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Không tìm thấy trang/);
  assert.equal((await fetch(base + seedArticle.url, { method: 'DELETE' })).status, 405);
  assert.equal((await fetch(base + '/media/x/khong-co.svg')).status, 404);
});

test('the meeting box is beside the article, server-rendered, its data in the HTML', async () => {
  const page = await (await fetch(base + seedArticle.url)).text();
  assert.match(
    page,
    /<aside class="sidebar">\s*(<!--[^>]*-->)*<tin-meeting\s+heading-level="2"><template shadowroot(mode)?="open"/,
    'a server-rendered <tin-meeting> opens the sidebar',
  );
  // Painted before any script: the heading and the chairs are in the shadow DOM the server sent.
  assert.match(page, /Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố \(khóa XVII\)/);
  assert.match(
    page,
    /Phó Bí thư Thành ủy (<!--[^>]*-->)*<span part="name" class="name">(<!--[^>]*-->)*Nguyễn Văn Phong/,
  );
  const box = /<tin-meeting[\s\S]*?<\/template>[\s\S]*?<script type="application\/json">([\s\S]*?)<\/script>/.exec(
    page,
  );
  assert.ok(box, 'the meeting data is in the HTML, after the shadow DOM');
  const data = JSON.parse(box[1]!) as { meeting: { id: string; targets: unknown[] }; officials: Array<{ id: string }> };
  assert.equal(data.meeting.id, seedMeeting.id);
  assert.equal(data.meeting.targets.length, 6);
  assert.deepEqual(
    data.officials.map((official) => official.id).sort(),
    [...seedMeeting.chairIds, ...seedMeeting.attendeeIds].sort(),
  );
});
