/**
 * Median render time of <tin-comment-thread> for 1,000 and 10,000 comments in headless Chromium.
 * Prints a table; asserts nothing about time (machines differ). Run from packages/elements:
 *   CHROME_PATH=/usr/bin/chromium npx web-test-runner --config bench/web-test-runner.config.mjs
 * A run = set `.comments` on a connected element, await its update, force layout.
 */
import type { Comment } from '@bantin/model';
import '../src/define/comment-thread.js';
import { buildThreads } from '../src/comment-thread/threads.js';

const RUNS = 15;

/** A realistic mix: about half top-level, replies up to five levels deep, names and texts that vary. */
function makeComments(count: number): Comment[] {
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Phạm Minh Đức', 'Vũ Thị Hồng Hà'];
  const list: Comment[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i > 0 && i % 2 ? list[Math.floor(Math.random() * i)]! : undefined;
    list.push({
      id: `c${i}`,
      articleId: 'bench',
      parentId: parent?.id ?? null,
      authorName: names[i % names.length]!,
      content: `Ý kiến số ${i}: Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội.`,
      createdAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(),
      status: 'approved',
      likes: i % 17,
    });
  }
  return list;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(count: number, limit?: number): Promise<{ render: number; total: number; articles: number }> {
  const renders: number[] = [];
  const times: number[] = [];
  let articles = 0;
  for (let run = 0; run < RUNS; run++) {
    const comments = makeComments(count);
    const el = document.createElement('tin-comment-thread');
    el.articleId = 'bench';
    el.comments = []; // configured from the start: the measured run is the one that sets the real list
    if (limit) el.limit = limit;
    document.body.append(el);
    await el.updateComplete;
    void el.getBoundingClientRect().height; // the empty element's own first layout is not part of the run
    const start = performance.now();
    el.comments = comments;
    await el.updateComplete;
    renders.push(performance.now() - start);
    void el.getBoundingClientRect().height; // include style and layout
    times.push(performance.now() - start);
    articles = el.shadowRoot!.querySelectorAll('article').length;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve));
  }
  return { render: median(renders), total: median(times), articles };
}

function measureTree(count: number): number {
  const comments = makeComments(count);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    buildThreads(comments, 'top');
    times.push(performance.now() - start);
  }
  return median(times);
}

describe('tin-comment-thread render benchmark', () => {
  it('prints median times', async () => {
    // Warm-up: the first Intl.RelativeTimeFormat of a page loads locale data (once per page, ~100 ms on a slow CPU).
    await measure(50);
    const rows: string[] = [];
    const row = (label: string, render: number, total?: number, articles?: number) =>
      rows.push(
        `${label.padEnd(32)} ${render.toFixed(1).padStart(7)} ms ${total === undefined ? '' : `${total.toFixed(1).padStart(9)} ms ${String(articles).padStart(10)}`}`,
      );
    for (const [label, count, limit] of [
      ['1,000 comments, limit 20', 1_000, undefined],
      ['1,000 comments, all in the DOM', 1_000, 1_000],
      ['10,000 comments, limit 20', 10_000, undefined],
    ] as const) {
      const { render, total, articles } = await measure(count, limit);
      row(label, render, total, articles);
    }
    row('buildThreads, 10,000 (sort top)', measureTree(10_000));
    console.log(
      `tin-comment-thread, median of ${RUNS} runs\n${''.padEnd(32)}  render  +style/layout   articles\n${rows.join('\n')}`,
    );
  });
});
