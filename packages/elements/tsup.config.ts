import { cpSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { minifyTemplateLiterals } from './scripts/minify-literals.mjs';

const defineEntries = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`define/${file.replace(/\.ts$/, '')}`, `src/define/${file}`]),
);

export default defineConfig([
  {
    // npm: lit and @bantin/model stay external, so an app bundles each exactly once.
    entry: { index: 'src/index.ts', ...defineEntries },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    splitting: true,
    external: ['lit', /^lit\//, /^@lit\//, '@bantin/model'],
    esbuildPlugins: [minifyTemplateLiterals],
    onSuccess: async () => {
      cpSync('src/themes', 'dist/themes', { recursive: true });
    },
  },
  {
    // The no-build file for CMS themes: one <script type="module" src>, lit inside, every element registered.
    entry: { 'cdn/bantin': 'src/cdn.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    // terser packs this file about 0.4 kB gzip tighter than esbuild's minifier (measured).
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 2 } },
    target: 'es2022',
    noExternal: [/.*/],
    platform: 'browser',
    esbuildPlugins: [minifyTemplateLiterals],
    // lit's production build: no dev-mode warnings or checks in the file themes ship.
    esbuildOptions(options) {
      options.conditions = ['production', 'browser', 'import', 'default'];
    },
  },
]);
