// Shared set-up for `npm start` and `npm test`: the pinned pnpm, a frozen install, a build, and a
// quiet way to run each step: one line per step with its time; a step's full output is kept in
// .logs/<step>.log and printed when the step fails, or as it runs with --verbose.
// Only Node and npm are assumed; everything else comes from the npm registry or Debian's packages.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const localPnpm = join(root, '.tools/node_modules/.bin/pnpm');

/** `--verbose` (or BANTIN_VERBOSE=1): every tool's output as it runs, as before. */
export const verbose = process.argv.includes('--verbose') || process.env.BANTIN_VERBOSE === '1';
export const logDir = join(root, '.logs');

const color = (code) => (text) => (process.stdout.isTTY ? `\x1b[${code}m${text}\x1b[0m` : text);
const cyan = color(36);
const green = color(32);
const red = color(31);
const dim = color(2);

export function log(message) {
  console.log(`${cyan('[bantin]')} ${message}`);
}

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** Prints a step's one line: a mark, the label, a detail (e.g. test counts), the time. */
export function report(ok, label, detail, start) {
  const mark = ok ? green('✓') : red('✗');
  console.log(`  ${mark} ${label.padEnd(34)} ${(detail ?? '').padEnd(28)} ${dim(seconds(start).padStart(7))}`);
}

/**
 * Runs a command as one step. Quiet: its output goes to .logs/<name>.log and is printed only
 * when it fails (or always, with `show`: figures worth reading). Returns { status, output }
 * (output: the log's text, '' in verbose mode).
 */
export function step(label, command, args, { detail, cwd = root, env = process.env, check = true, show = false } = {}) {
  const start = Date.now();
  if (verbose) console.log(`\n${cyan('[bantin]')} ${label}: ${command} ${args.join(' ')}`);
  if (process.stdout.isTTY && !verbose) process.stdout.write(`  … ${label}`);
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${label.replace(/[^a-z0-9@.-]+/gi, '-').replace(/^-|-$/g, '')}.log`);
  const fd = verbose ? null : openSync(logFile, 'w');
  const result = spawnSync(command, args, {
    cwd,
    env,
    stdio: verbose ? 'inherit' : ['ignore', fd, fd],
  });
  if (fd !== null) closeSync(fd);
  const status = result.status ?? 1;
  const output = verbose ? '' : readFileSync(logFile, 'utf8');
  if (process.stdout.isTTY && !verbose) process.stdout.write('\r\x1b[K');
  report(status === 0, label, typeof detail === 'function' ? detail(status, output) : detail, start);
  if (status === 0 && show && !verbose) console.log(output.trimEnd().replace(/^/gm, '      '));
  if (status !== 0 && !verbose) {
    console.log(dim(`  ---- ${relative(root, logFile)} ----`));
    console.log(output.trimEnd());
    console.log(dim(`  ---- end of ${relative(root, logFile)} ----`));
  }
  if (status !== 0 && check) {
    throw new Error(`${label} failed: "${command} ${args.join(' ')}" exited with ${result.status ?? result.signal}`);
  }
  return { status, output };
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
  step(`pnpm ${PNPM_VERSION} into .tools/`, 'npm', [
    'install',
    '--prefix',
    join(root, '.tools'),
    '--no-audit',
    '--no-fund',
    `pnpm@${PNPM_VERSION}`,
  ]);
  return localPnpm;
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
  step('install (pnpm, frozen lockfile)', pnpm, ['install', '--frozen-lockfile'], { env: nativeBuildEnv() });
  step('build (every package)', pnpm, ['-r', 'build']);
  return pnpm;
}

/** Chromium's flags as root, headless, with nothing reaching out to the network by itself. */
export { CHROMIUM_FLAGS } from './chromium-flags.mjs';

/**
 * The first of `candidates` that exists, else Debian's `pkg` installed when we are root (CI: a
 * fresh machine), else an error saying how to get it.
 */
function ensureFromDebian(label, candidates, pkg, hint) {
  const start = Date.now();
  const found = candidates.filter(Boolean).find((path) => existsSync(path));
  if (found) {
    report(true, label, found, start);
    return found;
  }
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    step(`${label}: Debian's package index`, 'apt-get', ['update', '-qq']);
    step(`${label}: Debian's ${pkg}`, 'apt-get', ['install', '-y', '-qq', pkg], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = candidates.filter(Boolean).find((path) => existsSync(path));
    if (installed) return installed;
  }
  report(false, label, 'not found', start);
  throw new Error(`${hint}
  On Debian or Ubuntu, run:  sudo apt-get install -y ${pkg}`);
}

/** Chromium, for the browser tests (CHROME_PATH, or Debian's package). */
export function ensureChromium() {
  return ensureFromDebian(
    'browser',
    [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    'chromium',
    'Chromium is needed for the browser tests and was not found (or point CHROME_PATH at a Chromium or Chrome binary).',
  );
}

/**
 * PHP's command line, for the test that runs the PHP snippets of docs/getting-started.md as a
 * CMS theme would (PHP_PATH, or Debian's php-cli).
 */
export function ensurePhp() {
  return ensureFromDebian(
    'php',
    [process.env.PHP_PATH, '/usr/bin/php', '/usr/local/bin/php'],
    'php-cli',
    "PHP's command line is needed for the PHP template test and was not found (or point PHP_PATH at a php binary).",
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
