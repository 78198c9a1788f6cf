import { CHROMIUM_FLAGS } from '../../scripts/chromium-flags.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { cdnServer } from './test/cdn-server.mjs';
import { mockApi } from './test/mock-api.mjs';
import { mockComments } from './test/mock-comments.mjs';
import { mockSpam } from './test/mock-spam.mjs';
import { timezoneCommand } from './test/timezone-command.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes pass/fail counts for scripts/test.mjs, which prints the one total line for all packages. */
export function countReporter(suite) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (result) => {
        for (const test of result?.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of result?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load or threw outside a test has no failing test to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      mkdirSync(`${root}.test-results`, { recursive: true });
      writeFileSync(`${root}.test-results/${suite}.json`, JSON.stringify({ passed, failed, skipped }) + '\n');
    },
  };
}

export default {
  // Served from the monorepo root so workspace symlinks (@bantin/model) resolve.
  rootDir: root,
  // src/: each element's own tests. test/: the built no-build bundle in a plain page.
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  middleware: [mockSpam, mockComments, mockApi, cdnServer],
  nodeResolve: true,
  // One page at a time: a page in the background gets no animation frames, and fixture() waits for one.
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    timezoneCommand(),
    // The accessibility tree as Chromium builds it: what screen readers are given.
    a11ySnapshotPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter('elements')],
};
