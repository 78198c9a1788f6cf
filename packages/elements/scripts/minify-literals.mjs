// An esbuild plugin that minifies the html`` and css`` template literals of the element sources
// at build time, with minify-literals (html-minifier-next for HTML, Lightning CSS for CSS).
// esbuild's own minifier never touches the inside of a template literal, and the sources stay
// formatted by Prettier: whitespace is the build's job, not the author's.
import { readFile } from 'node:fs/promises';
import { minifyHTMLLiterals } from 'minify-literals';

export const minifyTemplateLiterals = {
  name: 'minify-template-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]elements[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!/\b(html|css|svg)`/.test(source)) return undefined;
      const result = await minifyHTMLLiterals(source, { fileName: path });
      return { contents: result?.code ?? source, loader: 'ts' };
    });
  },
};
