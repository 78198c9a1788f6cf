// `npm start`: set up (pinned pnpm, frozen install, build), then serve the demo and print its URL.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installAndBuild, log, root } from './setup.mjs';

try {
  installAndBuild();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}

log('starting the demo');
const child = spawn(process.execPath, [join(root, 'packages/demo/dist/main.js')], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
