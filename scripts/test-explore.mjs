// `pnpm test:explore`: the property tests (every test file that imports fast-check) on a random
// seed, printed so that a failure can be replayed with BANTIN_SEED=<seed> and its counterexample
// turned into a fixed test. Not part of `npm test`, which always runs on the fixed seed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findTests, root } from './setup.mjs';

const roots = [
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'src')),
  join(root, 'test'),
].filter((dir) => {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
});
// Browser tests (@web/test-runner) are not run here: none of them uses fast-check.
const files = roots
  .flatMap(findTests)
  .filter((file) => /from 'fast-check'/.test(readFileSync(file, 'utf8')))
  .filter((file) => !file.includes(join('packages', 'elements')));

const seed = process.env.BANTIN_SEED ?? String(randomInt(2 ** 31));
console.log(`exploring ${files.length} property test files on a random seed`);
for (const file of files) console.log(`  ${relative(root, file)}`);
const run = spawnSync(process.execPath, [join(root, 'scripts/node-test.mjs'), 'explore', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BANTIN_SEED: seed },
});
console.log(`\nexplored on seed ${seed}; replay with: BANTIN_SEED=${seed} pnpm test:explore`);
process.exit(run.status ?? 1);
