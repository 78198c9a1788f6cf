import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { main: 'src/main.ts', demo: 'src/demo.ts', server: 'src/server.ts', page: 'src/page.ts' },
  external: ['@bantin/server', '@bantin/model', '@bantin/elements'],
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
});
