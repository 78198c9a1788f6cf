// Runs a package's *.test.ts files with Node's own test runner (TypeScript through tsx),
// printing the usual spec output and recording pass/fail counts for scripts/test.mjs.
// Every test process loads scripts/fast-check-setup.mjs, which puts all property tests on one
// seed (printed here once): the fixed default, or BANTIN_SEED to replay a run.
// Usage: node scripts/node-test.mjs <suite-name> [dir-or-file ...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeSeed, propertySeed } from './property-seed.mjs';
import { findTests } from './setup.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [suite = 'unnamed', ...dirs] = process.argv.slice(2);

const files = (dirs.length ? dirs : ['src'])
  .flatMap((d) => (statSync(resolve(d)).isDirectory() ? findTests(resolve(d)) : [resolve(d)]))
  .sort();
if (files.length === 0) {
  console.error(`node-test: no *.test.ts files found for suite "${suite}"`);
  process.exit(1);
}

const seed = propertySeed();
console.log(`[${suite}] ${describeSeed(seed)}`);

const resultsDir = join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    pathToFileURL(join(root, 'scripts/fast-check-setup.mjs')).href,
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
    `--test-reporter-destination=${join(resultsDir, `${suite}.json`)}`,
    ...files,
  ],
  // A zone far from Vietnam's, so a test that leaks the machine's zone into VN dates fails here.
  {
    stdio: 'inherit',
    env: { ...process.env, BANTIN_SEED: String(seed), TZ: process.env.BANTIN_TEST_TZ ?? 'America/New_York' },
  },
);
process.exit(result.status ?? 1);
