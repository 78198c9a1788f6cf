// Install test, run by `npm test`: what a user gets from npm, outside this workspace.
// A fresh app in a temporary folder installs the packed tarballs with npm (no workspace links;
// every @bantin/* package comes from a tarball), type-checks a TypeScript page, a React 19 TSX
// page and the Preact and Vue typings, builds both pages with Vite, and opens them in Chromium:
// the elements upgrade, an event handler fires, and nothing is logged as an error.
// Usage: node scripts/install-test.mjs [--tarballs <dir>] [--results <file.json>] [--keep]
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAll, publishedPackages } from './publish-check.mjs';
import { CHROMIUM_FLAGS, root } from './setup.mjs';

// Framework versions the app installs; the rest (typescript, vite, lit, react) are the
// workspace's own pins, read below.
const PINS = {
  'react-dom': '19.3.1',
  '@types/react-dom': '19.3.0',
  preact: '10.28.3',
  svelte: '5.57.3',
  vue: '3.5.45',
};

const require = createRequire(join(root, 'package.json'));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const reactManifest = JSON.parse(readFileSync(join(root, 'packages/react/package.json'), 'utf8'));

const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());

function step(rows, name, fn) {
  const started = Date.now();
  let ok = false;
  let output = '';
  try {
    const result = fn();
    ok = result.ok;
    output = result.output ?? '';
  } catch (error) {
    output = String(error.stack ?? error);
  }
  const seconds = (Date.now() - started) / 1000;
  rows.push({ name, ok, output, seconds });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name} (${seconds.toFixed(1)} s)`);
  if (!ok) console.log(output.trim().replace(/^/gm, '        '));
  return ok;
}

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', ...env },
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, status: result.status };
}

/** The app's files; event names come from the installed manifest, so a renamed event is followed. */
function appFiles(viewEvent) {
  const reactProp = `on${pascal(viewEvent)}`;
  const source = `const source: ViewCountSource = {
  getViewCounts: async (ids) => Object.fromEntries(ids.map((id) => [id, 41])),
  recordView: async () => 42,
};`;
  return {
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
    'vite.config.js': `export default { build: { rollupOptions: { input: { index: 'index.html', react: 'react.html' } } } };\n`,
    'index.html': `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bantin: TypeScript page</title></head>
<body>
  <tin-view-counter article-id="bai-viet-tinh" count="414">Lượt xem: 414</tin-view-counter>
  <output></output>
  <script type="module" src="/src/main.ts"></script>
</body>
</html>
`,
    'src/main.ts': `import '@bantin/elements/define/view-counter.js';
import type { ViewCountSource } from '@bantin/elements';

${source}

// Typed by the package: createElement gives a TinViewCounter, the event its detail.
const counter = document.createElement('tin-view-counter');
counter.articleId = 'bai-viet-a';
counter.track = true;
counter.dataSource = source;
counter.addEventListener('${viewEvent}', (event) => {
  document.querySelector('output')!.textContent = JSON.stringify(event.detail);
});
document.body.append(counter);

export function neverCalled() {
  // @ts-expect-error: track is a boolean
  counter.track = 'yes';
}
`,
    'src/cdn-types.ts': `// The no-build entry is typed too.
import { TinViewCounter } from '@bantin/elements/cdn/bantin.js';

export const counterClass: typeof HTMLElement = TinViewCounter;
// @ts-expect-error: the CDN file exports no such thing
export { NoSuchExport } from '@bantin/elements/cdn/bantin.js';
`,
    'react.html': `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bantin: React page</title></head>
<body>
  <div id="root"></div>
  <script type="module" src="/src/react.tsx"></script>
</body>
</html>
`,
    'src/react.tsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TinViewCounter } from '@bantin/react';
import type { ViewCountSource } from '@bantin/elements';

${source}

function App() {
  const [detail, setDetail] = useState('');
  return (
    <main>
      <TinViewCounter
        articleId="bai-viet-b"
        track
        dataSource={source}
        ${reactProp}={(event) => setDetail(JSON.stringify(event.detail))}
      />
      {/* Importing @bantin/react typed the tags as intrinsic elements. */}
      <tin-view-counter article-id="bai-viet-tinh" count={414} />
      <output>{detail}</output>
    </main>
  );
}

export function NeverRendered() {
  return (
    <>
      <tin-view-counter article-id="x" track />
      <tin-view-counter article-id="x" ${'on' + viewEvent}={(event) => event.detail} />
      {/* @ts-expect-error: count is a number */}
      <tin-view-counter article-id="x" count="many" />
      {/* @ts-expect-error: track is a boolean */}
      <TinViewCounter articleId="x" track="yes" />
      {/* @ts-expect-error: no such tag */}
      <tin-no-such-element />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`,
    'src/preact-types.tsx': `/** @jsxImportSource preact */
import type {} from '@bantin/elements/jsx/preact';

export const ok = <tin-view-counter article-id="x" track ${'on' + viewEvent}={(event) => event.detail} />;
// @ts-expect-error: count is a number
export const wrong = <tin-view-counter article-id="x" count="many" />;
`,
    'src/svelte-types.ts': `import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from '@bantin/elements/jsx/svelte';

type Counter = SvelteHTMLElements['tin-view-counter'];
export const ok: Counter = { 'article-id': 'x', track: true, 'on${viewEvent}': (event) => event.detail };
// @ts-expect-error: count is a number
export const wrong: Counter = { 'article-id': 'x', count: 'many' };
`,
    'src/vue-types.ts': `import type { GlobalComponents } from 'vue';
import type {} from '@bantin/elements/vue';

type CounterProps = InstanceType<GlobalComponents['tin-view-counter']>['$props'];
export const ok: CounterProps = { articleId: 'x', track: true };
// Vue hands the element's events to listeners as on… props, typed.
export const handled: CounterProps = { 'on${viewEvent[0].toUpperCase() + viewEvent.slice(1)}': (event) => event.detail };
// @ts-expect-error: track is a boolean
export const wrong: CounterProps = { articleId: 'x', track: 'yes' };
`,
  };
}

/** node_modules/<pkg>/node_modules/<scope> folders, anywhere below `modules`. */
function nestedCopies(modules, scope, depth = 0) {
  if (depth > 6 || !existsSync(modules)) return [];
  const found = [];
  for (const name of readdirSync(modules)) {
    const dirs = name.startsWith('@')
      ? readdirSync(join(modules, name)).map((sub) => join(modules, name, sub))
      : [join(modules, name)];
    for (const dir of dirs) {
      const inner = join(dir, 'node_modules');
      if (depth >= 0 && existsSync(join(inner, scope))) found.push(join(inner, scope));
      found.push(...nestedCopies(inner, scope, depth + 1));
    }
  }
  return found;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function serve(dir) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || lstatSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openPage(browser, url, expectDetail) {
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  try {
    await page.goto(url);
    // Upgraded: each counter is a defined element with rendered shadow content.
    await page.waitForFunction(
      () =>
        customElements.get('tin-view-counter') &&
        [...document.querySelectorAll('tin-view-counter')].length >= 2 &&
        [...document.querySelectorAll('tin-view-counter')].every((el) => el.shadowRoot?.textContent?.trim()),
      null,
      { timeout: 10_000 },
    );
    // The handler ran: it wrote the event's detail.
    await page.waitForFunction(() => document.querySelector('output')?.textContent, null, { timeout: 10_000 });
    const texts = await page.$$eval('tin-view-counter', (els) =>
      els.map((el) => el.shadowRoot.textContent.replace(/\s+/g, ' ').trim()),
    );
    const detail = await page.$eval('output', (el) => el.textContent);
    const problems = [...errors];
    if (!expectDetail.test(detail)) problems.push(`event detail ${detail} does not match ${expectDetail}`);
    if (!texts.some((text) => /414/.test(text))) problems.push(`no counter shows 414: ${JSON.stringify(texts)}`);
    return {
      ok: problems.length === 0,
      output: `${problems.join('\n')}\ncounters: ${JSON.stringify(texts)}; detail: ${detail}`,
    };
  } catch (error) {
    return { ok: false, output: `${error.message}\n${errors.join('\n')}` };
  } finally {
    await page.close();
  }
}

export async function installTest({ tarballDir, keep = false } = {}) {
  const started = Date.now();
  const rows = [];
  const work = mkdtempSync(join(tmpdir(), 'bantin-install-'));
  const app = join(work, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  let packed;
  try {
    step(rows, 'pnpm pack every published package', () => {
      if (tarballDir) {
        packed = publishedPackages().map((pkg) => ({
          ...pkg,
          tarball: join(tarballDir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`),
        }));
        const missing = packed.filter((pkg) => !existsSync(pkg.tarball));
        return { ok: missing.length === 0, output: missing.map((pkg) => `missing ${pkg.tarball}`).join('\n') };
      }
      packed = packAll(join(work, 'tarballs'));
      return { ok: true };
    });
    if (!packed) return finish();

    const dependencies = Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'bantin-install-test',
          private: true,
          type: 'module',
          dependencies: {
            ...dependencies,
            lit: rootManifest.devDependencies.lit,
            react: reactManifest.devDependencies.react,
            'react-dom': PINS['react-dom'],
          },
          devDependencies: {
            '@types/react': reactManifest.devDependencies['@types/react'],
            '@types/react-dom': PINS['@types/react-dom'],
            preact: PINS.preact,
            svelte: PINS.svelte,
            typescript: rootManifest.devDependencies.typescript,
            vite: rootManifest.devDependencies.vite,
            vue: PINS.vue,
          },
        },
        null,
        2,
      ),
    );

    // Scripts are not run: the app needs no native build, and better-sqlite3's compile (the
    // server's database) takes minutes. Engines are checked all the same, scripts or not.
    const installed = step(rows, 'npm install the tarballs (no EBADENGINE warning)', () => {
      const result = run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'], app);
      const engines = result.output.split('\n').filter((line) => /EBADENGINE|Unsupported engine/.test(line));
      return {
        ok: result.ok && engines.length === 0,
        output: engines.length ? result.output : result.ok ? '' : result.output,
      };
    });
    if (!installed) return finish();

    step(rows, '@bantin/* come from the tarballs, not the workspace', () => {
      const problems = [];
      for (const pkg of packed) {
        const dir = join(app, 'node_modules', pkg.name);
        if (!existsSync(dir)) problems.push(`${pkg.name} is not installed`);
        else if (lstatSync(dir).isSymbolicLink()) problems.push(`${pkg.name} is a link`);
        else if (readFileSync(join(dir, 'package.json'), 'utf8').includes('workspace:'))
          problems.push(`${pkg.name}'s package.json still says workspace:`);
      }
      // One copy each: a nested @bantin/* would mean a dependency did not resolve to a tarball.
      const nested = nestedCopies(join(app, 'node_modules'), '@bantin');
      if (nested.length) problems.push(`nested copies: ${nested.join(', ')}`);
      return { ok: problems.length === 0, output: problems.join('\n') };
    });

    const manifest = JSON.parse(readFileSync(join(app, 'node_modules/@bantin/elements/custom-elements.json'), 'utf8'));
    const counter = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.tagName === 'tin-view-counter');
    const viewEvent = counter?.events?.[0]?.name;
    if (!viewEvent) {
      rows.push({ name: 'the manifest names the view counter event', ok: false, output: '', seconds: 0 });
      return finish();
    }
    for (const [path, text] of Object.entries(appFiles(viewEvent))) writeFileSync(join(app, path), text);

    const tsc = join(app, 'node_modules/.bin/tsc');
    step(rows, 'tsc: TypeScript page, React 19 TSX page, Preact, Vue and Svelte typings, CDN entry', () =>
      run(tsc, ['-p', 'tsconfig.json'], app),
    );
    const built = step(rows, 'vite build of both pages', () =>
      run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app),
    );
    if (!built) return finish();
    // Both pages use only the view counter: the other elements must not reach their bundles
    // (@bantin/react's index is free of side effects; only its per-element modules register).
    step(rows, 'the built pages hold only the element they use', () => {
      const assets = join(app, 'dist/assets');
      const code = readdirSync(assets)
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(assets, file), 'utf8'))
        .join('\n');
      const unused = ['tin-comment-thread', 'tin-most-viewed', 'tin-article-card'].filter(
        (tag) => code.includes(`"${tag}"`) || code.includes(`'${tag}'`) || code.includes(`\`${tag}\``),
      );
      const used = code.includes('tin-view-counter');
      return {
        ok: used && unused.length === 0,
        output: `unused elements bundled: ${unused.join(', ') || 'none'}; view counter bundled: ${used}`,
      };
    });

    const server = await serve(join(app, 'dist'));
    const { chromium } = require('playwright-core');
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_FLAGS,
    });
    try {
      const base = `http://127.0.0.1:${server.address().port}`;
      for (const [name, path] of [
        ['TypeScript page in Chromium: upgrade, event handler, no console error', '/index.html'],
        ['React 19 page in Chromium: upgrade, onTin… handler, no console error', '/react.html'],
      ]) {
        const started = Date.now();
        const result = await openPage(browser, base + path, /42/);
        const seconds = (Date.now() - started) / 1000;
        rows.push({ name, ...result, seconds });
        console.log(`${result.ok ? '  ok  ' : '  FAIL'} ${name} (${seconds.toFixed(1)} s)`);
        if (!result.ok) console.log(result.output.trim().replace(/^/gm, '        '));
      }
    } finally {
      await browser.close();
      server.close();
    }
    return finish();
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }

  function finish() {
    const passed = rows.filter((row) => row.ok).length;
    const failed = rows.length - passed;
    const seconds = (Date.now() - started) / 1000;
    console.log(`install test: ${passed} passed, ${failed} failed in ${seconds.toFixed(1)} s`);
    return { passed, failed, seconds };
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (flag) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const counts = await installTest({ tarballDir: arg('--tarballs'), keep: process.argv.includes('--keep') });
  const results = arg('--results');
  if (results) writeFileSync(results, JSON.stringify({ passed: counts.passed, failed: counts.failed }));
  process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
}
