import { defineConfig } from 'tsup';

export default defineConfig({
  // One output file per source module, not one bundle: with "sideEffects": false, an app that
  // imports formatDate then carries no zod schema at all (a single bundle kept every schema).
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/testing/**'],
  bundle: false,
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
