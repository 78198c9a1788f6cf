/**
 * Types for whatever the build puts under dist/cdn/ (one file today; per-element modules, shared
 * chunks and an autoloader as the CDN output grows): each file gets a .d.ts that re-exports what
 * the package root exports and declares anything else `unknown`, never a guess.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeCdnTypes } from '../packages/elements/scripts/cdn-types.mjs';

test('every CDN file is typed from the package root, whatever the build splits it into', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'bantin-cdn-types-'));
  try {
    mkdirSync(join(dist, 'cdn/chunks'), { recursive: true });
    writeFileSync(join(dist, 'index.js'), 'export class TinTime {}\nexport class TinViewCounter {}\n');
    writeFileSync(
      join(dist, 'cdn/bantin.js'),
      'class a {}\nclass b {}\nexport { a as TinTime, b as TinViewCounter };\n',
    );
    writeFileSync(
      join(dist, 'cdn/view-counter.js'),
      'import "./chunks/lit-x1.js";\nclass b {}\nexport { b as TinViewCounter };\n',
    );
    writeFileSync(join(dist, 'cdn/autoloader.js'), 'export function discover() {}\n');
    writeFileSync(join(dist, 'cdn/chunks/lit-x1.js'), 'export const a = 1;\n');
    // A file the build typed itself is left alone.
    writeFileSync(join(dist, 'cdn/typed.js'), 'export const x = 1;\n');
    writeFileSync(join(dist, 'cdn/typed.d.ts'), 'export declare const x: number;\n');

    const written = await writeCdnTypes(dist);
    assert.deepEqual(written.sort(), [
      'cdn/autoloader.js',
      'cdn/bantin.js',
      'cdn/chunks/lit-x1.js',
      'cdn/view-counter.js',
    ]);
    const types = (file: string) => readFileSync(join(dist, 'cdn', file), 'utf8');
    assert.match(types('bantin.d.ts'), /^export \* from '\.\.\/index\.js';$/m);
    assert.match(types('view-counter.d.ts'), /^export \{ TinViewCounter \} from '\.\.\/index\.js';$/m);
    assert.doesNotMatch(types('view-counter.d.ts'), /TinTime/);
    assert.match(types('autoloader.d.ts'), /^export declare const discover: unknown;$/m);
    assert.match(types('chunks/lit-x1.d.ts'), /^import '\.\.\/\.\.\/index\.js';$/m);
    assert.equal(types('typed.d.ts'), 'export declare const x: number;\n');
    // Built again, the generated files are rewritten, not skipped as "typed by the build".
    assert.equal((await writeCdnTypes(dist)).length, 4);
    assert.ok(existsSync(join(dist, 'cdn/bantin.d.ts')));
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
