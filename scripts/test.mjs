// `npm test`: set up, then run every package's tests and print one total line that counts them all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, installAndBuild, log, root } from './setup.mjs';

let pnpm;
try {
  pnpm = installAndBuild();
  process.env.CHROME_PATH = ensureChromium();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}

const resultsDir = join(root, '.test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

log('type-checking');
const typecheck = spawnSync(pnpm, ['-r', 'typecheck'], { cwd: root, stdio: 'inherit' });
const typecheckStories = spawnSync(pnpm, ['exec', 'tsc', '-p', 'stories'], { cwd: root, stdio: 'inherit' });
const typecheckRootTests = spawnSync(pnpm, ['exec', 'tsc', '-p', 'test'], { cwd: root, stdio: 'inherit' });
log('formatting (prettier --check)');
const formatting = spawnSync(pnpm, ['exec', 'prettier', '--check', '--log-level', 'warn', '.'], {
  cwd: root,
  stdio: 'inherit',
});

log('running tests');
// Each package in turn, whatever the one before did: a failing package must not hide the
// others' results (pnpm -r stopped at the first failure, --no-bail notwithstanding).
const packages = readdirSync(join(root, 'packages'))
  .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
  .map((name) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')))
  .filter((manifest) => manifest.scripts?.test)
  .map((manifest) => manifest.name);
// Dependencies first, so a failure points at its cause.
const order = ['@bantin/model', '@bantin/elements', '@bantin/server', '@bantin/demo'];
packages.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
const testRuns = packages.map((name) => {
  log(`tests of ${name}`);
  return spawnSync(pnpm, ['--filter', name, 'test'], { cwd: root, stdio: 'inherit' });
});
const tests = { status: testRuns.every((run) => run.status === 0) ? 0 : 1 };

// Checks across packages: the docs against the code they describe, server rendering of the
// elements, and every Storybook story
// opened in Chromium (console errors, page errors, axe).
const docs = spawnSync(process.execPath, [join(root, 'scripts/node-test.mjs'), 'cross-package', 'test'], {
  cwd: root,
  stdio: 'inherit',
});
log('Storybook smoke test');
const storybook = spawnSync(process.execPath, [join(root, 'scripts/storybook-smoke.mjs')], {
  cwd: root,
  stdio: 'inherit',
});

// The size budget is deterministic (gzip of a fixed build), so it is checked here, not timed.
log('size budget of the no-build bundle');
const size = spawnSync(process.execPath, ['scripts/size.mjs'], {
  cwd: join(root, 'packages/elements'),
  stdio: 'inherit',
});
writeFileSync(
  join(resultsDir, 'size.json'),
  JSON.stringify({ passed: size.status === 0 ? 1 : 0, failed: size.status === 0 ? 0 : 1 }),
);

// What users get from npm: the packed tarballs linted (publint, arethetypeswrong), the first
// release versioned on a copy, and the tarballs installed into a fresh app outside the workspace.
log('publish check (pnpm pack, publint, arethetypeswrong)');
const tarballs = join(resultsDir, 'tarballs');
const packCheck = (script, results, ...args) => {
  const run = spawnSync(process.execPath, [join(root, 'scripts', script), '--results', results, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PNPM: pnpm },
  });
  // A check that crashed before writing its counts still fails the run.
  if (run.status !== 0 && !existsSync(results)) writeFileSync(results, JSON.stringify({ passed: 0, failed: 1 }));
};
packCheck('publish-check.mjs', join(resultsDir, 'publish.json'), '--out', tarballs);
log('release check (changeset version on a copy)');
packCheck('release-check.mjs', join(resultsDir, 'release.json'));
log('install test (npm install of the tarballs into a fresh app, tsc, vite build, Chromium)');
packCheck('install-test.mjs', join(resultsDir, 'install.json'), '--tarballs', tarballs);

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const counts = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped ?? 0;
    rows.push(`  ${file.replace(/\.json$/, '').padEnd(12)} ${counts.passed} passed, ${counts.failed} failed`);
  }
}
// A runner that crashed before reporting, or a type error, still has to fail the run.
if ((tests.status !== 0 || docs.status !== 0 || storybook.status !== 0) && failed === 0) failed = 1;
if (typecheck.status !== 0 || typecheckStories.status !== 0 || typecheckRootTests.status !== 0) {
  rows.push('  typecheck    failed');
  failed += 1;
}
if (formatting.status !== 0) {
  rows.push('  prettier     failed (run: pnpm format)');
  failed += 1;
}

console.log('\nTest suites:');
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
