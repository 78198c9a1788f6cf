// Shared set-up for `npm start` and `npm test`: the pinned pnpm, a frozen install, a build.
// Only Node and npm are assumed; everything else comes from the npm registry or Debian's packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const localPnpm = join(root, '.tools/node_modules/.bin/pnpm');

export function log(message) {
  console.log(`\x1b[36m[bantin]\x1b[0m ${message}`);
}

function versionOf(command) {
  try {
    return execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Returns a path to pnpm at the pinned version, installing it into .tools/ when needed. */
export function ensurePnpm() {
  if (versionOf('pnpm') === PNPM_VERSION) return 'pnpm';
  if (existsSync(localPnpm) && versionOf(localPnpm) === PNPM_VERSION) return localPnpm;
  // Corepack can't be used: the registry here serves no signatures. A project-local install
  // needs no root and leaves any global pnpm alone.
  log(`installing pnpm ${PNPM_VERSION} into .tools/`);
  run('npm', ['install', '--prefix', join(root, '.tools'), '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`]);
  return localPnpm;
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    const where = `${command} ${args.join(' ')}`;
    throw new Error(`"${where}" failed with exit code ${result.status ?? result.signal}`);
  }
  return result;
}

/**
 * Native addons (better-sqlite3) compile against the headers that came with this Node, because
 * node-gyp would otherwise download them, and nothing outside the registries is reachable.
 * pnpm ignores `nodedir` in .npmrc but honours the environment variable.
 */
function nativeBuildEnv() {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include/node/node.h')) ? { ...process.env, npm_config_nodedir: prefix } : process.env;
}

export function installAndBuild() {
  const pnpm = ensurePnpm();
  log('pnpm install --frozen-lockfile');
  run(pnpm, ['install', '--frozen-lockfile'], { env: nativeBuildEnv() });
  log('building packages');
  run(pnpm, ['-r', 'build']);
  return pnpm;
}

/** Finds Chromium, installing Debian's package when we are root and it is missing. */
export function ensureChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log("installing Debian's chromium (about a minute)");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new Error(
    'Chromium is needed for the browser tests and was not found.\n' +
      '  On Debian or Ubuntu, run:  sudo apt-get install -y chromium\n' +
      '  Or point CHROME_PATH at an existing Chromium or Chrome binary.',
  );
}

/** The *.test.ts files below `dir`, outside node_modules and dist. */
export function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}
