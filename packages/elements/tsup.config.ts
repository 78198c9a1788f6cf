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
]);
