// Size budget, per page: what a browser downloads for a page that uses some elements, read from
// the built chunk graph (dist/cdn/modules.json) and compressed file by file as a server sends them
// (gzip -9 and brotli 11). Fails when a page is over its budget. Run after `pnpm build`.
//
//   node scripts/size.mjs                      the table and the verdict
//   node scripts/size.mjs --json               the figures, for other scripts
//   node scripts/size.mjs --why tin-view-counter   where that element's bytes come from, by module
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BUDGETS } from './budgets.mjs';
import { CORE_ELEMENTS, SEED_PAGE_TAGS, defineFiles } from './cdn-graph.mjs';

const CDN = 'dist/cdn';

if (!existsSync(`${CDN}/modules.json`)) {
  console.error('dist/cdn/modules.json is missing: run `pnpm build` first.');
  process.exit(1);
}
const modules = JSON.parse(readFileSync(`${CDN}/modules.json`, 'utf8')).tags;

const measured = new Map();
function measure(file) {
  if (!measured.has(file)) {
    const bytes = readFileSync(`${CDN}/${file}`);
    measured.set(file, {
      min: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return measured.get(file);
}

/** The files a page downloads for these tags (each file once), and their sizes summed. */
function page(tags, { autoloader = true } = {}) {
  const files = new Set(autoloader ? ['autoloader.js'] : []);
  for (const tag of tags) {
    if (!modules[tag]) throw new Error(`no module registers <${tag}>; known: ${Object.keys(modules).join(', ')}`);
    for (const file of modules[tag]) files.add(file);
  }
  return total([...files]);
}
function total(files) {
  const sum = { files: files.length, min: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = measure(file);
    sum.min += size.min;
    sum.gzip += size.gzip;
    sum.brotli += size.brotli;
  }
  return sum;
}

const defines = defineFiles();
const rows = [];
const failures = [];
/** A page's figures; `budget` ({ goal, ceiling }, scripts/budgets.mjs) fails it over its ceiling. */
function row(label, size, budget) {
  const over = budget !== undefined && size.gzip > budget.ceiling;
  if (over) failures.push(`${label}: ${kB(size.gzip)} gzip, ceiling ${kB(budget.ceiling)}`);
  rows.push({ label, ...size, budget, over });
}

// Each element on its own: its module and the chunks it imports, as `import '…/elements/x.js'`.
for (const { name, tags } of defines) {
  const civic = !CORE_ELEMENTS.includes(name);
  row(
    `elements/${name}.js${civic ? ' (civic)' : ''}`,
    page([tags.find((tag) => tag === `tin-${name}`) ?? tags[0]], { autoloader: false }),
    civic ? BUDGETS.civicElement : undefined,
  );
}
const pages = {
  counterOnly: page(['tin-view-counter']),
  seedPage: page(SEED_PAGE_TAGS),
  everything: page(Object.keys(modules)),
  bundle: total(['bantin.js']),
  autoloader: total(['autoloader.js']),
};
row('autoloader.js alone', pages.autoloader);
row('counter-only page (autoloader + view counter)', pages.counterOnly, BUDGETS.counterOnly);
row('seed page (autoloader + its 4 elements)', pages.seedPage, BUDGETS.seedPage);
row('everything, through the autoloader', pages.everything, BUDGETS.everything);
row('everything, bantin.js (one file)', pages.bundle, BUDGETS.bundle);

const why = process.argv[process.argv.indexOf('--why') + 1];
if (process.argv.includes('--why')) {
  // Minified bytes per source module in the files a page with this tag downloads, largest first.
  const contents = JSON.parse(readFileSync(`${CDN}/contents.json`, 'utf8'));
  const files = modules[why];
  if (!files) {
    console.error(`no element registers <${why}>; known: ${Object.keys(modules).join(', ')}`);
    process.exit(1);
  }
  const byModule = files.flatMap((file) =>
    Object.entries(contents[file] ?? {}).map(([input, bytes]) => ({ input, bytes, file })),
  );
  byModule.sort((a, b) => b.bytes - a.bytes);
  const sum = byModule.reduce((total, { bytes }) => total + bytes, 0);
  console.log(`<${why}>: ${files.length} files, ${kB(sum)} of minified modules (before terser), largest first\n`);
  for (const { input, bytes, file } of byModule) {
    console.log(
      `${String(bytes).padStart(7)} B  ${((100 * bytes) / sum).toFixed(0).padStart(3)} %  ${input}  (${file})`,
    );
  }
  process.exit(0);
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ budgets: BUDGETS, rows }, null, 2));
  process.exit(failures.length ? 1 : 0);
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
/** Beside a ceiling above its goal: the goal, and how far the page still is from it. */
function goal({ budget, gzip }) {
  if (budget.ceiling <= budget.goal) return '';
  const gap = gzip - budget.goal;
  return gap > 0
    ? `  (goal ${kB(budget.goal)}, ${kB(gap)} to go)`
    : `  (goal ${kB(budget.goal)} met: lower the ceiling)`;
}
const width = Math.max(...rows.map((r) => r.label.length)) + 2;
console.log('@bantin/elements: what a browser downloads (dist/cdn, each file compressed on its own)\n');
console.log(
  `${'page'.padEnd(width)}${'files'.padStart(5)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}   ceiling (gzip)`,
);
for (const r of rows) {
  console.log(
    `${r.label.padEnd(width)}${String(r.files).padStart(5)}${kB(r.min).padStart(10)}${kB(r.gzip).padStart(10)}${kB(r.brotli).padStart(10)}   ${
      r.budget === undefined ? '' : `${r.over ? 'OVER ' : '≤ '}${kB(r.budget.ceiling)}${goal(r)}`
    }`,
  );
}
if (failures.length) {
  console.log(`\nover budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('\nevery page within its budget');
