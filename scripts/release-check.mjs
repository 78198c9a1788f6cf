// Release check, run by `npm test`: `changeset version` on a copy of the repository must give a
// coherent first release. Every published package at the same version (the `fixed` group in
// .changeset/config.json), 0.1.0 for the first one, each with a CHANGELOG.md that has its
// entry, every changeset consumed, and private packages left alone. The bump is never committed.
// Usage: node scripts/release-check.mjs [--results <file.json>]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedPackages } from './publish-check.mjs';
import { root } from './setup.mjs';

const FIRST_RELEASE = '0.1.0';

export function releaseCheck() {
  const rows = [];
  const check = (name, ok, output = '') => {
    rows.push({ name, ok, output });
    console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}`);
    if (!ok && output) console.log(output.replace(/^/gm, '        '));
  };
  const copy = mkdtempSync(join(tmpdir(), 'bantin-release-'));
  try {
    // The files git would commit (tracked, and new ones not ignored), as they are now.
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\0')
      .filter((file) => file && existsSync(join(root, file)));
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(root, file), join(copy, file));
    }
    const before = Object.fromEntries(publishedPackages().map((pkg) => [pkg.name, pkg.version]));
    const privateBefore = readdirSync(join(copy, 'packages'))
      .filter((name) => existsSync(join(copy, 'packages', name, 'package.json')))
      .map((name) => ({
        name,
        manifest: JSON.parse(readFileSync(join(copy, 'packages', name, 'package.json'), 'utf8')),
      }))
      .filter(({ manifest }) => manifest.private);

    const changesets = readdirSync(join(copy, '.changeset')).filter(
      (file) => file.endsWith('.md') && file !== 'README.md',
    );
    const cli = join(root, 'node_modules/@changesets/cli/bin.js');
    const version = spawnSync(process.execPath, [cli, 'version'], { cwd: copy, encoding: 'utf8' });
    check(
      `changeset version (${changesets.length} changesets)`,
      version.status === 0,
      `${version.stdout}${version.stderr}`,
    );
    if (version.status !== 0) return rows;

    const after = Object.fromEntries(
      Object.keys(before).map((name) => {
        const dir = `packages/${name.split('/')[1]}`;
        return [name, JSON.parse(readFileSync(join(copy, dir, 'package.json'), 'utf8')).version];
      }),
    );
    const versions = new Set(Object.values(after));
    check(
      `every published package at one version (${[...versions].join(', ')})`,
      versions.size === 1,
      JSON.stringify(after, null, 2),
    );
    const first = Object.values(before).every((v) => v === '0.0.0');
    if (first)
      check(
        `the first release is ${FIRST_RELEASE}`,
        versions.has(FIRST_RELEASE) && versions.size === 1,
        JSON.stringify(after),
      );
    for (const name of Object.keys(before)) {
      const changelog = join(copy, `packages/${name.split('/')[1]}/CHANGELOG.md`);
      const text = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
      check(
        `${name} CHANGELOG.md has its ${after[name]} entry`,
        text.startsWith(`# ${name}\n`) &&
          text.includes(`## ${after[name]}\n`) &&
          /### (Major|Minor|Patch) Changes/.test(text),
        text ? text.slice(0, 400) : 'no CHANGELOG.md',
      );
    }
    const left = readdirSync(join(copy, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md');
    check('every changeset consumed', left.length === 0, left.join(', '));
    const bumpedPrivate = privateBefore.filter(
      ({ name, manifest }) =>
        JSON.parse(readFileSync(join(copy, 'packages', name, 'package.json'), 'utf8')).version !== manifest.version,
    );
    check(
      'private packages are not versioned',
      bumpedPrivate.length === 0,
      bumpedPrivate.map((p) => p.name).join(', '),
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = releaseCheck();
  const passed = rows.filter((row) => row.ok).length;
  const failed = rows.length - passed;
  console.log(`release check: ${passed} passed, ${failed} failed`);
  const index = process.argv.indexOf('--results');
  if (index > 0) writeFileSync(process.argv[index + 1], JSON.stringify({ passed, failed }));
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}
