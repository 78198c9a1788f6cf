// Publish check, run by `npm test` after the build: packs every published package as npm would
// receive it (`pnpm pack` turns workspace:* into versions), then lints each tarball, offline:
//   - LICENSE: the root's MIT licence is in the tarball;
//   - publint (strict: a warning fails);
//   - arethetypeswrong with the esm-only profile, every wildcard export expanded to its files.
// Usage: node scripts/publish-check.mjs [--out <dir for tarballs>] [--results <file.json>]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './setup.mjs';

/** The workspace packages that are published: every package not marked private. */
export function publishedPackages() {
  return readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ dir, name: manifest.name, version: manifest.version }));
}

const tarballName = (name, version) => `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;

/** `pnpm pack`s every published package into `outDir`; returns { name, dir, tarball }. */
export function packAll(outDir, pnpm = 'pnpm') {
  mkdirSync(outDir, { recursive: true });
  return publishedPackages().map((pkg) => {
    execFileSync(pnpm, ['pack', '--pack-destination', outDir], { cwd: pkg.dir, stdio: 'pipe' });
    const tarball = join(outDir, tarballName(pkg.name, pkg.version));
    if (!existsSync(tarball)) throw new Error(`pnpm pack wrote no ${tarball}`);
    return { ...pkg, tarball };
  });
}

function filesIn(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
}

/**
 * attw skips wildcard exports ("./cdn/*.js"), so each is expanded here to the files the
 * tarball really has: every one of them is then checked.
 */
export function wildcardEntrypoints(exportsMap, files) {
  const entrypoints = [];
  for (const [pattern, target] of Object.entries(exportsMap ?? {})) {
    if (!pattern.includes('*')) continue;
    const file = typeof target === 'string' ? target : (target.import ?? target.default);
    if (!file || /\.(css|json)$/.test(file) || file.endsWith('/*')) continue;
    const [before, after] = file.replace(/^\.\//, '').split('*');
    for (const path of files) {
      if (!path.startsWith(before) || !path.endsWith(after) || path.endsWith('.map')) continue;
      const star = path.slice(before.length, path.length - after.length);
      if (star.includes('/')) continue;
      entrypoints.push(pattern.replace('*', star));
    }
  }
  return entrypoints;
}

export function checkTarball(pkg) {
  const rows = [];
  const files = filesIn(pkg.tarball);
  const license = spawnSync('tar', ['-xzOf', pkg.tarball, 'package/LICENSE'], { encoding: 'utf8' });
  const licenseOk = license.status === 0 && license.stdout === readFileSync(join(root, 'LICENSE'), 'utf8');
  rows.push({
    name: `${pkg.name} LICENSE`,
    ok: licenseOk,
    output: licenseOk ? '' : 'LICENSE missing or unlike the root LICENSE',
  });

  const bin = (tool) => join(root, 'node_modules/.bin', tool);
  const publint = spawnSync(bin('publint'), ['run', pkg.tarball, '--strict', '--level', 'suggestion'], {
    encoding: 'utf8',
  });
  const publintOutput = `${publint.stdout}${publint.stderr}`;
  // --strict fails on warnings; a suggestion is reported too, so that "zero warnings" holds.
  const publintOk = publint.status === 0 && /All good!/.test(publintOutput);
  rows.push({ name: `${pkg.name} publint`, ok: publintOk, output: publintOutput });

  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8'));
  const extra = wildcardEntrypoints(manifest.exports, files);
  const attwArgs = [
    pkg.tarball,
    '--profile',
    'esm-only',
    '--no-definitely-typed',
    '--format',
    'table-flipped',
    '--no-color',
    '--no-emoji',
  ];
  if (extra.length) attwArgs.push('--include-entrypoints', ...extra);
  const attw = spawnSync(bin('attw'), attwArgs, { encoding: 'utf8' });
  rows.push({
    name: `${pkg.name} attw (${extra.length} wildcard entrypoints expanded)`,
    ok: attw.status === 0,
    output: `${attw.stdout}${attw.stderr}`,
  });
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (flag) => {
    const index = process.argv.indexOf(flag);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const outDir = arg('--out') ?? mkdtempSync(join(tmpdir(), 'bantin-pack-'));
  const started = Date.now();
  const rows = [];
  try {
    const packed = packAll(outDir, process.env.PNPM ?? 'pnpm');
    for (const pkg of packed) rows.push(...checkTarball(pkg));
  } catch (error) {
    rows.push({ name: 'pnpm pack', ok: false, output: String(error.stderr ?? error.message) });
  }
  for (const row of rows) {
    console.log(`${row.ok ? '  ok  ' : '  FAIL'} ${row.name}`);
    if (!row.ok) console.log(row.output.replace(/^/gm, '        '));
  }
  const passed = rows.filter((row) => row.ok).length;
  const failed = rows.length - passed;
  console.log(
    `publish check: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (tarballs in ${outDir})`,
  );
  const results = arg('--results');
  if (results) writeFileSync(results, JSON.stringify({ passed, failed }));
  process.exit(failed === 0 ? 0 : 1);
}
