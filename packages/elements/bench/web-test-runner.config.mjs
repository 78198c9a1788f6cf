// Benchmarks: `npx web-test-runner --config bench/web-test-runner.config.mjs` from packages/elements.
// Same Chromium and esbuild setup as the tests, but lit's production build (no dev-mode checks),
// one file at a time, and no count reporter (benchmarks are not tests).
import { defaultReporter } from '@web/test-runner';
import base from '../web-test-runner.config.mjs';

export default {
  ...base,
  files: ['bench/**/*.bench.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 120_000 } },
  reporters: [defaultReporter()],
};
