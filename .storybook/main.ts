import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const elements = `${root}packages/elements`;
const model = `${root}packages/model`;

/**
 * Stories import the kit by its public names. Elements come from their TypeScript sources, so
 * editing an element hot-reloads its stories without a rebuild; the model comes from its build
 * (the elements resolve it there too, so there is one copy of it). Run `pnpm -r build` once first:
 * it builds the model and writes packages/elements/custom-elements.json, which feeds the
 * controls and the API tables.
 */
const aliases = [
  { find: /^@bantin\/elements\/custom-elements\.json$/, replacement: `${elements}/custom-elements.json` },
  { find: /^@bantin\/elements\/themes\/(.*)$/, replacement: `${elements}/src/themes/$1` },
  { find: /^@bantin\/elements$/, replacement: `${elements}/src/index.ts` },
  { find: /^@bantin\/elements\/(.*)\.js$/, replacement: `${elements}/src/$1.ts` },
  { find: /^@bantin\/model$/, replacement: `${model}/dist/index.js` },
  { find: /^@bantin\/model\/fixtures$/, replacement: `${model}/dist/fixtures/index.js` },
];

/**
 * The seed's photos exist only as captions; the fixtures point at /media/… placeholders that the
 * demo server draws. This serves (dev) and writes (build) the same placeholders, so the cards
 * show a cover and no story logs a 404.
 */
function seedMedia(): Plugin {
  let files: Map<string, string> | undefined;
  const load = async () => {
    if (files) return files;
    const { articles } = await import(pathToFileURL(`${model}/dist/fixtures/index.js`).href);
    // The demo's own drawing, so Storybook and `npm start` show the same picture.
    const { placeholderSvg } = await import(pathToFileURL(`${root}packages/demo/src/media.ts`).href);
    files = new Map();
    for (const article of articles as Array<{ cover?: { src: string; alt: string; width: number; height: number } }>) {
      const { cover } = article;
      if (cover?.src.startsWith('/media/')) files.set(cover.src, placeholderSvg(cover.alt, cover.width, cover.height));
    }
    return files;
  };
  return {
    name: 'bantin-seed-media',
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const svg = (await load()).get((request.url ?? '').split('?')[0] ?? '');
        if (!svg) return next();
        response.setHeader('content-type', 'image/svg+xml');
        response.end(svg);
      });
    },
    async generateBundle() {
      for (const [path, source] of await load()) this.emitFile({ type: 'asset', fileName: path.slice(1), source });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: { alias: aliases },
      plugins: [seedMedia()],
      // Storybook's own chunks (its UI, axe) are over Vite's 500 kB warning; the kit's are not.
      build: { chunkSizeWarningLimit: 1000 },
    }),
};

export default config;
