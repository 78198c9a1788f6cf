import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts', server: 'src/server.ts', page: 'src/page.ts' },
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
