// `npm test`: set up, then run every check and every package's tests, one line per step with its
// time and counts, and end on one total line (`N passed, N failed`) that counts them all.
// A failing step prints its full output; `npm test -- --verbose` prints everything as it runs.
// Every step's output is kept in .logs/.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensurePhp, installAndBuild, log, report, root, step } from './setup.mjs';

const started = Date.now();
const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

log('setting up');
let pnpm;
try {
  pnpm = installAndBuild();
  process.env.CHROME_PATH = ensureChromium();
  process.env.PHP_PATH = ensurePhp();
} catch (error) {
  console.error(`\n${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
{
  // The server tests start a throwaway PostgreSQL cluster themselves (and install Debian's
  // package as root when it is missing); this only says which one they will find.
  const start = Date.now();
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const found = versions.find((version) => existsSync(`/usr/lib/postgresql/${version}/bin/initdb`));
  report(true, 'database', found ? `PostgreSQL ${found}, SQLite` : 'PostgreSQL: the server tests install it', start);
}

/** The counts a suite wrote into .test-results/<suite>.json, as a step's detail. */
const counts = (suite) => () => {
  const file = join(resultsDir, `${suite}.json`);
  if (!existsSync(file)) return 'no results';
  const { passed, failed, skipped } = JSON.parse(readFileSync(file, 'utf8'));
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
};
/** A check with no test counts of its own counts as one passed or failed test. */
function check(suite, label, command, args, options = {}) {
  const { status } = step(label, command, args, { ...options, check: false });
  writeFileSync(
    join(resultsDir, `${suite}.json`),
    JSON.stringify({ passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 }),
  );
  return status;
}

log('checking');
const checks = [
  check('typecheck', 'typecheck (packages)', pnpm, ['-r', 'typecheck']),
  check('typecheck-stories', 'typecheck (stories)', pnpm, ['exec', 'tsc', '-p', 'stories']),
  check('typecheck-test', 'typecheck (cross-package tests)', pnpm, ['exec', 'tsc', '-p', 'test']),
  check('prettier', 'formatting (prettier --check)', pnpm, ['exec', 'prettier', '--check', '--log-level', 'warn', '.']),
  check('lit-analyzer', 'templates (lit-analyzer)', pnpm, ['--filter', '@bantin/elements', 'lint:templates']),
];

log('testing');
// Each package in turn, whatever the one before did: a failing package must not hide the
// others' results (pnpm -r stopped at the first failure, --no-bail notwithstanding).
const manifests = readdirSync(join(root, 'packages'))
  .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
  .map((name) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')))
  .filter((manifest) => manifest.scripts?.test);
// Dependencies first, so a failure points at its cause.
const order = ['@bantin/model', '@bantin/elements', '@bantin/server', '@bantin/demo'];
manifests.sort((a, b) => (order.indexOf(a.name) + 1 || 99) - (order.indexOf(b.name) + 1 || 99));
const suites = manifests.map(
  (manifest) =>
    step(`tests of ${manifest.name}`, pnpm, ['--filter', manifest.name, 'test'], {
      check: false,
      detail: counts(manifest.name.replace(/^@bantin\//, '')),
    }).status,
);
// Checks across packages: the docs against the code they describe, server rendering of the
// elements, and every Storybook story opened in Chromium (console errors, page errors, axe).
suites.push(
  step('docs and server rendering', process.execPath, [join(root, 'scripts/node-test.mjs'), 'cross-package', 'test'], {
    check: false,
    detail: counts('cross-package'),
  }).status,
  step('Storybook smoke test', process.execPath, [join(root, 'scripts/storybook-smoke.mjs')], {
    check: false,
    detail: counts('storybook'),
  }).status,
);

// Page budgets: deterministic (gzip of a fixed build), so checked here, not timed; then the
// counter-only page measured in Chromium (bytes on the wire).
log('size budgets (pnpm size, pnpm size:browser in packages/elements)');
checks.push(
  check('size', 'page budgets (gzip, brotli)', process.execPath, ['scripts/size.mjs'], {
    cwd: join(root, 'packages/elements'),
    show: true,
  }),
);
suites.push(
  step('counter-only page in Chromium', pnpm, ['--filter', '@bantin/elements', 'size:browser'], {
    check: false,
    // The figure the test printed: "counter-only page: 6 scripts, 15.1 kB gzip on the wire …".
    detail: (status, output) => {
      const figure = /counter-only page: \d+ scripts, ([\d.]+ kB) gzip/.exec(output)?.[1];
      return figure ? `${figure} gzip on the wire` : counts('size-browser')();
    },
  }).status,
);

// What users get from npm: the packed tarballs linted (publint, arethetypeswrong), the first
// release versioned on a copy, and the tarballs installed into a fresh app outside the workspace.
log('what npm users get');
const tarballs = join(resultsDir, 'tarballs');
const packCheck = (label, script, suite, ...args) => {
  const results = join(resultsDir, `${suite}.json`);
  const { status } = step(label, process.execPath, [join(root, 'scripts', script), '--results', results, ...args], {
    check: false,
    env: { ...process.env, PNPM: pnpm },
    detail: counts(suite),
  });
  // A check that crashed before writing its counts still fails the run.
  if (status !== 0 && !existsSync(results)) writeFileSync(results, JSON.stringify({ passed: 0, failed: 1 }));
  suites.push(status);
};
packCheck('publish check (publint, attw)', 'publish-check.mjs', 'publish', '--out', tarballs);
packCheck('release check (changeset version)', 'release-check.mjs', 'release');
packCheck('install test (fresh app, Chromium)', 'install-test.mjs', 'install', '--tarballs', tarballs);

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const file of readdirSync(resultsDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped ?? 0;
  rows.push(`  ${file.replace(/\.json$/, '').padEnd(18)} ${result.passed} passed, ${result.failed} failed`);
}
// A runner that crashed before reporting still has to fail the run.
if (suites.some((status) => status !== 0) && failed === 0) failed = 1;

console.log(`\nTest suites (logs in .logs/, ${((Date.now() - started) / 1000).toFixed(0)} s in all):`);
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 && checks.every((status) => status === 0) ? 0 : 1);
