/**
 * The counter-only page's budget, measured in Chromium: a plain HTML page with one
 * <tin-view-counter> and the autoloader, its scripts served gzip'd (test/cdn-server.mjs). Sums the
 * encoded (on-the-wire) body sizes of every script the page fetched, from the Performance API.
 * Run by `pnpm size:browser` and npm test's budget step, not by `pnpm test`: it is a budget.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { BUDGETS } from '../../scripts/budgets.mjs';

// Bytes of gzip'd JavaScript: the ceiling `pnpm size` enforces, and issue 9's goal beside it.
const { ceiling: BUDGET, goal: GOAL } = BUDGETS.counterOnly;

it(`a counter-only page transfers at most ${BUDGET / 1000} kB of gzip'd JavaScript`, async () => {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8">
    <script type="module" src="/cdn/autoloader.js"></script></head>
    <body><p><tin-view-counter article-id="hoi-nghi-lan-thu-2" count="414">Lượt xem: 414</tin-view-counter></p></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  await waitUntil(() => win.customElements.get('tin-view-counter'), 'the counter was not defined', { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const scripts = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
    new URL(entry.name).pathname.endsWith('.js'),
  );
  const encoded = scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
  const decoded = scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0);
  console.log(
    `counter-only page: ${scripts.length} scripts, ${(encoded / 1000).toFixed(1)} kB gzip on the wire ` +
      `(${(decoded / 1000).toFixed(1)} kB decoded), ceiling ${BUDGET / 1000} kB` +
      (encoded > GOAL ? ` (goal ${GOAL / 1000} kB, ${((encoded - GOAL) / 1000).toFixed(1)} kB to go)` : ''),
  );
  // A served-but-not-compressed response would make the two equal: the measure would be wrong.
  expect(encoded, 'scripts were not served compressed').to.be.lessThan(decoded);
  expect(encoded, `counter-only page: ${encoded} B of gzip'd JavaScript`).to.be.at.most(BUDGET);
  frame.remove();
});
