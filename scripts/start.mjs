// `npm start`: set up (pinned pnpm, frozen install, build), then serve the demo and print its URL.
// One line per step with its time; a failing step prints its full output (`--verbose`: all).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, log, report, root, verbose } from './setup.mjs';

log('setting up');
try {
  installAndBuild();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}

// The demo opens its database (SQLite under .data/, or BANTIN_DB), seeds it, mounts the API and
// starts serving; it prints its URLs when ready, and the step is done.
const start = Date.now();
const child = spawn(process.execPath, [join(root, 'packages/demo/dist/main.js')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: process.env,
});
let ready = false;
child.stdout.on('data', (chunk) => {
  if (!ready) {
    ready = true;
    if (!verbose) report(true, 'database, API and pages', '', start);
  }
  process.stdout.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (!ready) report(false, 'database, API and pages', `exit ${code ?? signal}`, start);
  process.exit(code ?? (signal ? 0 : 1));
});
