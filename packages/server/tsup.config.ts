import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // The moderation page's script, for browsers: lit, the kit's <tin-time> and the model's
    // folding bundled in, so the server needs none of them at run time.
    entry: { 'admin/moderation': 'admin-ui/main.ts' },
    // Lit's reactive fields need useDefineForClassFields: false, which this tsconfig sets.
    tsconfig: 'admin-ui/tsconfig.json',
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = ['production', 'browser', 'import', 'default'];
    },
  },
]);
