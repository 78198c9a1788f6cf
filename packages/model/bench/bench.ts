/**
 * `pnpm bench` figures for @bantin/model. Targets: validating 10,000 articles with validate()
 * (zod, as servers do) in ≤ 400 ms, folding 1 MB of Vietnamese text in ≤ 10 ms. Prints medians
 * and exits non-zero when a median misses its target. Timing lives here, never in the test suite.
 *
 * Issue 2 set ≤ 50 ms for validation, met by a compiled fast path (~27 ms) that issue 8 dropped:
 * it used `new Function` at run time and served only this benchmark (docs/decisions.md). zod/mini
 * has no JIT and takes ~318 ms on a quiet machine.
 */
import { performance } from 'node:perf_hooks';
import { ArticleSchema, foldVietnamese, validate } from '../src/index.js';
import { articles, seedArticle, SEED_ARTICLE_BODY, SEED_MOST_VIEWED_BODY } from '../src/fixtures/index.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(label: string, runs: number, fn: () => unknown): number {
  fn(); // warm-up: JIT, fold's lookup table
  fn();
  // Each figure starts from a clean heap, so one measurement's garbage is not timed in the next.
  (globalThis as { gc?: () => void }).gc?.();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  const result = median(times);
  console.log(
    `${label.padEnd(46)} median ${result.toFixed(2).padStart(7)} ms  (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}, ${runs} runs)`,
  );
  return result;
}

const tenThousand = Array.from({ length: 10_000 }, (_, i) => {
  const base = articles[i % articles.length]!;
  return { ...base, id: `${base.id}-${i}`, viewCount: base.viewCount + i };
});

const seedText = [...SEED_ARTICLE_BODY, ...SEED_MOST_VIEWED_BODY]
  .map((block) => (block.type === 'paragraph' ? block.text : block.caption))
  .join('\n');
let oneMegabyte = seedArticle.title + '\n';
while (Buffer.byteLength(oneMegabyte) < 1_000_000) oneMegabyte += seedText + '\n';
oneMegabyte = oneMegabyte.slice(0, oneMegabyte.length - Math.max(0, Buffer.byteLength(oneMegabyte) - 1_000_000));

console.log(`@bantin/model benchmarks (Node ${process.version})\n`);
let failed = false;
const check = (value: number, target: number) => {
  const ok = value <= target;
  if (!ok) failed = true;
  console.log(`${''.padEnd(46)} target ≤ ${target} ms: ${ok ? 'met' : 'MISSED'}\n`);
};

const validateAll = measure('validate() 10,000 articles', 15, () => {
  for (const article of tenThousand) if (!validate(ArticleSchema, article).ok) throw new Error('fixture invalid');
});
check(validateAll, 400);

const foldText = measure(
  `foldVietnamese() ${(Buffer.byteLength(oneMegabyte) / 1e6).toFixed(2)} MB (${oneMegabyte.length.toLocaleString('en')} chars)`,
  25,
  () => foldVietnamese(oneMegabyte),
);
check(foldText, 10);
const decomposed = oneMegabyte.normalize('NFD');
measure('foldVietnamese() same text, decomposed (NFD)', 25, () => foldVietnamese(decomposed));

process.exit(failed ? 1 : 0);
