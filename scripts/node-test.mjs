// Runs a package's *.test.ts files with Node's own test runner (TypeScript through tsx),
// printing the usual spec output and recording pass/fail counts for scripts/test.mjs.
// Usage: node scripts/node-test.mjs <suite-name> [dir ...]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [suite = 'unnamed', ...dirs] = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

const files = (dirs.length ? dirs : ['src']).flatMap((d) => findTests(resolve(d))).sort();
if (files.length === 0) {
  console.error(`node-test: no *.test.ts files found for suite "${suite}"`);
  process.exit(1);
}

const resultsDir = join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
    `--test-reporter-destination=${join(resultsDir, `${suite}.json`)}`,
    ...files,
  ],
  // A zone far from Vietnam's, so a test that leaks the machine's zone into VN dates fails here.
  { stdio: 'inherit', env: { ...process.env, TZ: process.env.BANTIN_TEST_TZ ?? 'America/New_York' } },
);
process.exit(result.status ?? 1);
