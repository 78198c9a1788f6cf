// The no-build output, dist/cdn/, for CMS themes and CDNs. Run by `pnpm build` after tsup.
//
//   elements/<name>.js    one module per src/define/<name>.ts: registers its tags (stable names)
//   chunks/<name>-<hash>.js  what the element modules share (lit, internals, model), each once;
//                         named by content, so a server may cache them for ever
//   autoloader.js         finds tin-* tags on a page and imports only the element modules they need
//   bantin.js             everything in one file, for one-request users
//
// Lit's production build (no dev-mode checks), template literals minified at build time, then
// terser (tighter than esbuild's minifier: figures in the commit that chose it).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';
import { defineFiles, tagModules } from './cdn-graph.mjs';
import { minifyTemplateLiterals } from './minify-literals.mjs';

const outdir = 'dist/cdn';
const shared = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  conditions: ['production', 'browser', 'import', 'default'],
  minify: true,
  sourcemap: 'external',
  metafile: true,
  write: false,
  logLevel: 'warning',
  // Lit's licence (BSD-3-Clause) asks its notice to travel with the code: esbuild keeps the
  // @license comments at the end of each file (terser keeps them too), about 80 B gzip in all.
  legalComments: 'eof',
  plugins: [minifyTemplateLiterals],
};

/** Runs terser over each output (keeping the source maps chained) and writes it. */
async function write(result) {
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.map')) continue;
    const map = result.outputFiles.find((other) => other.path === `${file.path}.map`);
    const out = await minify(file.text, {
      module: true,
      compress: { passes: 2 },
      sourceMap: { content: map?.text, url: `${basename(file.path)}.map` },
    });
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, out.code);
    writeFileSync(`${file.path}.map`, out.map);
  }
}

rmSync(outdir, { recursive: true, force: true });
const files = defineFiles();

// 1. One module per element, with shared chunks.
const split = await build({
  ...shared,
  entryPoints: Object.fromEntries(files.map(({ name, file }) => [`elements/${name}`, file])),
  outdir,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
await write(split);

// Every chunk an output imports statically, transitively: what a browser downloads for it.
const outputs = split.metafile.outputs;
function closure(path, seen = new Set()) {
  for (const { path: dep, kind } of outputs[path]?.imports ?? []) {
    if (kind !== 'import-statement' || seen.has(dep)) continue;
    seen.add(dep);
    closure(dep, seen);
  }
  return seen;
}
const relativeToCdn = (path) => relative(outdir, path).split('\\').join('/');
const entryOf = (name) => `${outdir}/elements/${name}.js`;
const moduleFiles = Object.fromEntries(
  Object.entries(tagModules(files)).map(([tag, name]) => [
    tag,
    [entryOf(name), ...[...closure(entryOf(name))].sort()].map(relativeToCdn),
  ]),
);

// 2. The autoloader, with the tag -> files map written in, in the compact form it reads.
const chunkNames = [...new Set(Object.values(moduleFiles).flatMap((list) => list.slice(1)))].sort();
const compactMap = {
  chunks: chunkNames.map((path) => path.replace(/^chunks\//, '').replace(/\.js$/, '')),
  tags: Object.fromEntries(
    Object.entries(moduleFiles).map(([tag, [entry, ...chunks]]) => [
      tag,
      [entry.replace(/^elements\//, '').replace(/\.js$/, ''), ...chunks.map((chunk) => chunkNames.indexOf(chunk))],
    ]),
  ),
};
await write(
  await build({
    ...shared,
    entryPoints: { autoloader: 'src/autoloader.ts' },
    outdir,
    define: { TIN_AUTOLOADER_MODULES: JSON.stringify(compactMap) },
  }),
);

// 3. Everything in one file: every define file (so a new element needs no edit here) and the
// classes, types and data sources of the package's main entry. What the elements load with
// import() only when needed (the ALTCHA solver) stays out of it: such an import points at the
// split build's file for that module, provided that file imports nothing (else the one-file
// page would load a second copy of the shared chunks), and is bundled otherwise.
const lazyChunks = new Map(
  Object.entries(outputs)
    .filter(([, output]) => output.entryPoint && !output.entryPoint.startsWith('src/define/'))
    .filter(([, output]) => output.imports.length === 0)
    .map(([path, output]) => [resolve(output.entryPoint), `./${relativeToCdn(path)}`]),
);
const keepLazyChunks = {
  name: 'keep-lazy-chunks',
  setup(b) {
    b.onResolve({ filter: /^\./ }, ({ kind, path, resolveDir }) => {
      if (kind !== 'dynamic-import') return undefined;
      const file = lazyChunks.get(resolve(resolveDir, path.replace(/\.js$/, '.ts')));
      return file ? { path: file, external: true } : undefined;
    });
  },
};
await write(
  await build({
    ...shared,
    stdin: {
      contents: [...files.map(({ name }) => `import './define/${name}.js';`), "export * from './index.js';"].join('\n'),
      resolveDir: 'src',
      sourcefile: 'bantin.ts',
      loader: 'ts',
    },
    outfile: `${outdir}/bantin.js`,
    plugins: [...shared.plugins, keepLazyChunks],
  }),
);

// The graph, for the size budget and the tests: the files each tag needs (what the autoloader
// fetches), and the tags each element module registers.
const graph = { tags: moduleFiles, elements: Object.fromEntries(files.map(({ name, tags }) => [name, tags])) };
writeFileSync(join(outdir, 'modules.json'), JSON.stringify(graph, null, 2) + '\n');

// Which source modules each file holds, and their minified bytes (before terser): what
// `pnpm size --why <tag>` reads to say where a page's bytes come from. Not shipped to browsers.
const contents = Object.fromEntries(
  Object.entries(outputs)
    .filter(([path]) => path.endsWith('.js'))
    .map(([path, { inputs }]) => [
      relativeToCdn(path),
      Object.fromEntries(
        Object.entries(inputs)
          .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
          .map(([input, { bytesInOutput }]) => [
            input.replace(/^(\.\.\/)+node_modules\/\.pnpm\/[^/]+\/node_modules\//, ''),
            bytesInOutput,
          ]),
      ),
    ]),
);
writeFileSync(join(outdir, 'contents.json'), JSON.stringify(contents, null, 2) + '\n');
