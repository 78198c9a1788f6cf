// Smoke test of the Storybook: builds it statically, opens every story (and every docs page) in
// Chromium, and fails on any console error, page error, failed play function or axe violation.
//
//   node scripts/storybook-smoke.mjs             build, then test
//   node scripts/storybook-smoke.mjs --no-build  test the existing storybook-static/
//
// Writes .test-results/storybook.json ({ passed, failed, skipped }) like the other suites and
// exits non-zero when anything failed.
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'storybook-static');
const build = !process.argv.includes('--no-build');
const require = createRequire(join(root, 'package.json'));
const axePath = require.resolve('axe-core/axe.min.js');

/** Stories render parts of a page, not pages: "all content in landmarks" does not apply (the a11y addon skips it too). */
const AXE_DISABLED_RULES = ['region'];
/** Stories tagged `phone` are checked at this size, as their viewport global shows them in Storybook. */
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };
const STORY_TIMEOUT_MS = 15_000;
/**
 * Console errors that are expected by design. Empty on purpose: the mock data source never logs,
 * and no story feeds an element data that it reports with console.error. Add a pattern here only
 * with a comment saying which story and why.
 */
const ALLOWED_CONSOLE_ERRORS = [];

const timings = {};
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// (a) Build.
if (build) {
  const t0 = Date.now();
  const bin = join(root, 'node_modules/.bin/storybook');
  // Its output is shown only when it fails: Vite lists every chunk even with --quiet.
  const result = spawnSync(bin, ['build', '--quiet', '-o', 'storybook-static'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  timings.build = Date.now() - t0;
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`storybook build failed (exit ${result.status ?? result.signal})`);
  }
  console.log(`built storybook-static in ${seconds(timings.build)}`);
}
if (!existsSync(join(staticDir, 'index.json')))
  fail('storybook-static/index.json is missing: build first, or drop --no-build');

// (b) Serve storybook-static on a random local port.
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  // Chromium asks every new origin for one; Storybook ships favicon.svg instead.
  if (path === '/favicon.ico') return response.writeHead(204).end();
  const file = resolve(staticDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    return response.end('Not found');
  }
  // Cacheable: Chromium then keeps compiled scripts between page loads.
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'max-age=3600',
  });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

// (c) Every entry of the index: stories get the full check, docs pages the error check.
const { entries } = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const list = Object.values(entries).sort((a, b) => (a.type === b.type ? 0 : a.type === 'story' ? -1 : 1));

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browser = await chromium
  .launch({
    executablePath,
    args: CHROMIUM_FLAGS,
  })
  .catch((error) =>
    fail(`could not start Chromium at ${executablePath} (set CHROME_PATH): ${error.message.split('\n')[0]}`),
  );
// Reduced motion stops the skeletons' pulse, so colour contrast is measured on still pixels.
const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
// Records what the preview announces on its channel about the entry being shown, from the moment
// Storybook creates the channel.
await context.addInitScript(() => {
  const smoke = (window.__smoke = { current: new URLSearchParams(location.search).get('id'), events: [], done: false });
  const watched = [
    'storyFinished',
    'docsRendered',
    'storyErrored',
    'storyThrewException',
    'playFunctionThrewException',
    'unhandledErrorsWhilePlaying',
    'storyMissing',
  ];
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of watched) {
        value.on(name, (payload) => {
          smoke.events.push({ name, payload: JSON.parse(JSON.stringify(payload ?? null)) });
          const id = payload?.storyId ?? payload;
          if (
            ['storyFinished', 'docsRendered', 'storyMissing'].includes(name) &&
            (id === smoke.current || name === 'storyMissing')
          )
            smoke.done = true;
        });
      }
    },
  });
});
const page = await context.newPage();
let problems = [];
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  const text = message.text();
  if (ALLOWED_CONSOLE_ERRORS.some((pattern) => pattern.test(text))) return;
  const where = message.location()?.url ? ` (${message.location().url.replace(base, '')})` : '';
  problems.push(`console.error: ${text}${where}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('requestfailed', (request) => {
  // Switching stories cancels what the previous one was still loading (lazy images): not a failure.
  const reason = request.failure()?.errorText ?? '';
  if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url().replace(base, '')} ${reason}`);
});

/**
 * Shows an entry. The first one loads iframe.html; the next ones are switched to in the same page
 * with the `setCurrentStory` event the Storybook UI itself sends, which is several times faster
 * than reloading the preview for each story. After a failure to finish, the page is reloaded.
 */
let loaded = false;
async function show(entry) {
  const viewMode = entry.type === 'story' ? 'story' : 'docs';
  if (!loaded) {
    // a11y.manual: the a11y addon's own axe run would race with ours.
    await page.goto(
      `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=a11y.manual:!true`,
      { waitUntil: 'load' },
    );
    await page.addScriptTag({ path: axePath });
    loaded = true;
  } else {
    await page.evaluate(
      ({ storyId, viewMode }) => {
        Object.assign(window.__smoke, { current: storyId, events: [], done: false });
        window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId, viewMode });
      },
      { storyId: entry.id, viewMode },
    );
  }
  await page.waitForFunction(() => window.__smoke?.done, null, { timeout: STORY_TIMEOUT_MS });
  return page.evaluate(() => window.__smoke.events);
}

let passed = 0;
let failed = 0;
const t1 = Date.now();
for (const entry of list) {
  problems = [];
  const isStory = entry.type === 'story';
  const phone = isStory && entry.tags?.includes('phone');
  await page.setViewportSize(phone ? PHONE : DESKTOP);
  try {
    const events = await show(entry);
    for (const { name, payload } of events) {
      if (name === 'storyFinished' && payload?.status !== 'success')
        problems.push(`story finished with status "${payload?.status}"`);
      if (
        [
          'storyErrored',
          'storyThrewException',
          'playFunctionThrewException',
          'unhandledErrorsWhilePlaying',
          'storyMissing',
        ].includes(name)
      ) {
        problems.push(`${name}: ${describe(payload)}`);
      }
    }
    if (isStory) {
      const rendered = await page.evaluate(
        () => (document.querySelector('#storybook-root')?.childElementCount ?? 0) > 0,
      );
      if (!rendered) problems.push('#storybook-root is empty');
      // (d) axe on the story, shadow DOM included (axe's default).
      const violations = await page.evaluate(async (disabled) => {
        const rules = Object.fromEntries(disabled.map((id) => [id, { enabled: false }]));
        const result = await window.axe.run('#storybook-root', { rules, resultTypes: ['violations'] });
        return result.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map((node) => JSON.stringify(node.target)).slice(0, 3),
        }));
      }, AXE_DISABLED_RULES);
      for (const violation of violations) {
        problems.push(
          `axe ${violation.id} (${violation.impact}): ${violation.help} at ${violation.targets.join(', ')}`,
        );
      }
    }
  } catch (error) {
    problems.push(`did not finish rendering: ${error.message.split('\n')[0]}`);
    loaded = false;
  }
  // (e)/(f) One line per entry.
  const label = `${entry.id}${isStory ? '' : ' (docs)'}${phone ? ' (375px)' : ''}`;
  if (problems.length === 0) {
    passed++;
    console.log(`✓ ${label}`);
  } else {
    failed++;
    console.log(`✗ ${label}`);
    for (const problem of problems) console.log(`    ${problem}`);
  }
}
timings.stories = Date.now() - t1;

await browser.close();
server.close();

mkdirSync(join(root, '.test-results'), { recursive: true });
writeFileSync(join(root, '.test-results/storybook.json'), `${JSON.stringify({ passed, failed, skipped: 0 })}\n`);
const stories = list.filter((entry) => entry.type === 'story').length;
console.log(
  `\n${stories} stories and ${list.length - stories} docs pages in ${seconds(timings.stories)}` +
    `${timings.build ? ` (build ${seconds(timings.build)})` : ''}, total ${seconds(Date.now() - started)}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

function describe(payload) {
  if (payload == null) return '';
  if (Array.isArray(payload)) return payload.map(describe).join('; ');
  if (typeof payload === 'string') return payload;
  return (
    [payload.title, payload.name, payload.message, payload.description].filter(Boolean).join(': ') ||
    JSON.stringify(payload)
  );
}

function fail(message) {
  console.error(`storybook-smoke: ${message}`);
  mkdirSync(join(root, '.test-results'), { recursive: true });
  writeFileSync(
    join(root, '.test-results/storybook.json'),
    `${JSON.stringify({ passed: 0, failed: 1, skipped: 0 })}\n`,
  );
  process.exit(1);
}
