// An esbuild plugin that minifies the CSS inside Lit's css`` templates of *.styles.ts files:
// comments and whitespace go, which esbuild's own minifier leaves inside template literals.
// Conservative on purpose: spaces are only removed around { } ; , and after :, never where
// they separate selectors ("a :hover" and "a:hover" differ).
import { readFile } from 'node:fs/promises';

export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export const minifyLitCss = {
  name: 'minify-lit-css',
  setup(build) {
    build.onLoad({ filter: /styles\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      // Only templates without ${} interpolations are touched.
      const contents = source.replace(/css`([^`$]*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
      return { contents, loader: 'ts' };
    });
  },
};
