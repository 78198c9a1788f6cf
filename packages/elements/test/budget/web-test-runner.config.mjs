// `pnpm size:browser`: the page budgets measured in Chromium (test/budget/*.budget.ts), with the
// test runner set-up of the package's tests; its pass/fail count goes to .test-results/size-browser.json.
import base, { countReporter } from '../../web-test-runner.config.mjs';
import { defaultReporter } from '@web/test-runner';

export default {
  ...base,
  files: ['test/budget/*.budget.ts'],
  reporters: [defaultReporter(), countReporter('size-browser')],
};
