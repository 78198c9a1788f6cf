// Size budget: prints min+gzip sizes of the no-build bundle and of each element's own code,
// and fails when dist/cdn/bantin.js (lit included) is over budget. Run after `pnpm build`.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplateLiterals } from './minify-literals.mjs';

const BUDGET = 20_000;
const AIM = 16_000;
const gz = (code) => gzipSync(code, { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);

async function bundle(entry, external) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    conditions: ['production', 'browser'],
    external,
    logLevel: 'silent',
    plugins: [minifyTemplateLiterals],
  });
  return result.outputFiles[0].contents;
}

const cdn = readFileSync('dist/cdn/bantin.js');
console.log('@bantin/elements sizes (min + gzip -9)\n');
console.log(`dist/cdn/bantin.js (everything, lit included)  ${kB(cdn.length)} min ${kB(gz(cdn))} gzip`);

console.log('\nEach element on its own:');
console.log('  entry                      own code      with lit + model');
const shared = ['lit', 'lit/*', '@lit/*', '@bantin/model'];
for (const file of readdirSync('src/define')
  .filter((name) => name.endsWith('.ts'))
  .sort()) {
  const entry = `src/define/${file}`;
  const own = await bundle(entry, shared);
  const whole = await bundle(entry, []);
  console.log(`  ${file.padEnd(24)} ${kB(gz(own))}      ${kB(gz(whole))}`);
}
const litOnly = await bundle('scripts/lit-floor.js', []);
console.log(`\nlit alone (the floor of any Lit kit): ${kB(gz(litOnly))}`);

const size = gz(cdn);
const verdict =
  size <= AIM
    ? 'within the 16 kB aim'
    : size <= BUDGET
      ? 'within the 20 kB budget (over the 16 kB aim)'
      : 'OVER the 20 kB budget';
console.log(`\nbudget: ${kB(size).trim()} of ${BUDGET / 1000} kB: ${verdict}`);
process.exit(size <= BUDGET ? 0 : 1);
