/**
 * Server rendering: the elements render in Node with @lit-labs/ssr to declarative shadow DOM,
 * so a server (or a static site generator) can send them ready to paint, before any script.
 * This is what touching no window/document in constructors and render buys.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

await import('@bantin/elements/define/view-counter.js');
await import('@bantin/elements/define/article-card.js');
await import('@bantin/elements/define/most-viewed.js');
await import('@bantin/elements/define/comment-thread.js');
await import('@bantin/elements/define/comment-count.js');
await import('@bantin/elements/define/time.js');

async function serverRender(template: unknown): Promise<string> {
  const out = await collectResult(render(template));
  // Lit's part markers and style text are noise for these checks.
  return out
    .replace(/<!--[^>]*-->/g, '')
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/\s+/g, ' ');
}

test('a view counter renders its server-side count into declarative shadow DOM', async () => {
  const out = await serverRender(html`<tin-view-counter article-id="a" count="414"></tin-view-counter>`);
  assert.match(out, /<tin-view-counter[^>]*><template shadowroot(mode)?="open"/);
  assert.match(out, /Lượt xem:\s*<\/span>\s*<span part="count" class="count">414<\/span>/);
});

test('an article card renders its link and meta from attributes', async () => {
  const out = await serverRender(
    html`<tin-article-card href="/tin-tuc/a" category="Tin tức thành phố Hà Nội" views="1520"
      ><span slot="title">Tiêu đề</span></tin-article-card
    >`,
  );
  assert.match(out, /<a [^>]*href="\/tin-tuc\/a"/);
  assert.match(out, /Tin tức thành phố Hà Nội/);
  assert.match(out, /<span slot="title">Tiêu đề<\/span>/, 'the slotted title stays in the light DOM');
});

test('the comment thread and the most-viewed list render their headings and controls, in the language asked for', async () => {
  const vi = await serverRender(html`<tin-comment-thread article-id="a"></tin-comment-thread>`);
  assert.match(vi, /Bình luận bài viết/);
  assert.match(vi, /<label for="content">Nội dung bình luận<\/label>/);
  const en = await serverRender(html`<tin-most-viewed lang="en"></tin-most-viewed>`);
  assert.match(en, /Most viewed/);
  assert.match(en, /role="tablist"/);
});

test('a comment count and a time with a frozen `now` render their text on the server', async () => {
  const count = await serverRender(html`<tin-comment-count article-id="a" count="3"></tin-comment-count>`);
  assert.match(count, /<span part="count" class="count">3 bình luận<\/span>/);
  const time = await serverRender(
    html`<tin-time datetime="2026-02-03T08:00:00+07:00" now="2026-02-04T09:00:00+07:00"></tin-time>`,
  );
  assert.match(time, />1 ngày trước<\/time>/);
});

await import('@bantin/elements/define/date-bar.js');
await import('@bantin/elements/define/election-countdown.js');
await import('@bantin/elements/define/election-progress.js');
const { seedElectionPlan, SEED_NOW } = await import('@bantin/model/fixtures');

describe('civic elements: the date bar and the election', () => {
  const now = Date.parse(SEED_NOW);

  test('the date bar renders a fixed day with its lunar date', async () => {
    const out = await serverRender(html`<tin-date-bar date="2026-11-30"></tin-date-bar>`);
    assert.match(out, /<tin-date-bar[^>]*><template shadowroot(mode)?="open"/);
    assert.match(out, /<time part="solar" datetime="2026-11-30">Thứ Hai, 30\/11\/2026<\/time>/);
    // The built, minified element keeps the spaces a screen reader needs.
    assert.match(out, /<span class="visually-hidden">Âm lịch <\/span>22 tháng 10 năm Bính Ngọ/);
    const tet = await serverRender(html`<tin-date-bar date="2026-02-17" lang="en"></tin-date-bar>`);
    assert.match(tet, /Tuesday, 17 February 2026/);
    assert.match(tet, /Lunar New Year \(Tết Nguyên đán\)/);
  });

  test('the countdown renders from a plan property or from its attributes', async () => {
    const out = await serverRender(
      html`<tin-election-countdown .plan=${seedElectionPlan} .now=${now}></tin-election-countdown>`,
    );
    assert.match(
      out,
      /Còn <strong part="days">39<\/strong> ngày đến ngày bầu cử <time part="date" datetime="2026-03-15">15\/3\/2026<\/time>/,
    );
    const attrs = await serverRender(
      html`<tin-election-countdown
        election-day="2026-03-15"
        title="Bầu cử"
        .now=${Date.parse('2026-03-15T08:00:00+07:00')}
      ></tin-election-countdown>`,
    );
    assert.match(attrs, /Hôm nay là ngày bầu cử/);
  });

  test('the progress renders its progress bars, dossiers and milestones', async () => {
    const out = await serverRender(html`<tin-election-progress .plan=${seedElectionPlan}></tin-election-progress>`);
    assert.match(out, /role="progressbar"[^>]*aria-valuenow="17"[^>]*aria-valuetext="17\/35 bước"/);
    assert.match(out, /126\/126 xã, phường đã hoàn thành/);
    assert.match(out, /Quy trình công tác bầu cử <span class="owner">\(Ủy ban bầu cử Thành phố\)<\/span>/);
    assert.match(out, /55 hồ sơ/);
    assert.match(out, /Đã hoàn thành/);
  });

  test('without data, the server renders the visible error naming the property', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const out = await serverRender(html`<tin-election-progress></tin-election-progress>`);
      assert.match(out, /part="error"[\s\S]*Chưa cấu hình: thiếu thuộc tính plan/);
    } finally {
      console.warn = warn;
    }
  });
});

describe('civic elements render on a server, with their data in the HTML', async () => {
  await import('@bantin/elements/define/official.js');
  await import('@bantin/elements/define/officials.js');
  await import('@bantin/elements/define/meeting.js');
  await import('@bantin/elements/define/key-figures.js');
  const { officials, seedMeeting } = await import('@bantin/model/fixtures');
  const hue = officials.find((official) => official.id === 'vuong-dinh-hue')!;

  test('an official with the titles of the day, inline and as a card', async () => {
    const inline = await serverRender(html`<tin-official .official=${hue} at="2020-11-28"></tin-official>`);
    assert.match(inline, /<tin-official[^>]*><template shadowroot(mode)?="open"/);
    assert.match(
      inline,
      /Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố<\/span> (<\?>)?<span part="name" class="name">Vương Đình Huệ/,
    );
    const card = await serverRender(
      html`<tin-official .official=${hue} at="2026-02-04" layout="card" lang="en"></tin-official>`,
    );
    assert.match(card, /<slot name="photo">/);
    assert.match(card, /Held no position on 04\/02\/2026/);
  });

  test('the leadership list in protocol order', async () => {
    const out = await serverRender(html`<tin-officials .officials=${officials} at="2026-02-04"></tin-officials>`);
    assert.match(out, /Lãnh đạo thành phố/);
    const names = [...out.matchAll(/<span part="name" class="name">([^<]+)<\/span>/g)].map((match) => match[1]);
    assert.deepEqual(names.slice(0, 3), ['Nguyễn Duy Ngọc', 'Nguyễn Văn Phong', 'Vũ Đại Thắng']);
  });

  test('the meeting box and the key figures', async () => {
    const meeting = await serverRender(
      html`<tin-meeting .meeting=${seedMeeting} .officials=${officials}></tin-meeting>`,
    );
    assert.match(meeting, /Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố \(khóa XVII\)/);
    assert.match(meeting, /Thứ Bảy, 28\/11\/2020, 08:00/);
    assert.match(meeting, /Phó Bí thư Thành ủy <span part="name" class="name">Nguyễn Văn Phong/);
    assert.match(meeting, /Cho ý kiến/);
    const figures = await serverRender(html`<tin-key-figures .targets=${seedMeeting.targets}></tin-key-figures>`);
    assert.match(figures, /Các chỉ tiêu chủ yếu năm 2021/);
    assert.match(figures, /khoảng 135 triệu đồng \(≈ 5\.870 USD\)/);
    assert.match(figures, /tăng thêm 85 trường/);
  });

  test('missing data renders the error state, not a crash', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const out = await serverRender(html`<tin-meeting></tin-meeting>`);
      assert.match(out, /part="error-message">[^<]*meeting/);
    } finally {
      console.warn = warn;
    }
  });
});
