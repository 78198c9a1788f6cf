// `cem analyze` reads the JSDoc on each element class (@summary, @fires, @csspart, @cssprop,
// @slot) into custom-elements.json: the one source for Storybook's controls and docs/elements.md.
export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.styles.ts',
    'src/define/**',
    'src/internal/**',
    'src/data/**',
    'src/autoloader.ts',
    'bench/**',
  ],
  outdir: '.',
  litelement: true,
};
