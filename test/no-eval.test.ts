/**
 * No code is compiled from strings at run time in any package: a strict Content-Security-Policy
 * reports `new Function` and `eval` even when the error is caught (issue 8 dropped validate()'s
 * compiled fast path for this). Build scripts and tests may; package sources may not.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'testing') out.push(...sources(path));
    } else if (/\.(ts|js|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

// `new Function(`, `Function(`, `eval(`, and string timers, outside comments.
const CODE_FROM_STRINGS =
  /\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(|(?<![.\w])eval\s*\(|set(?:Timeout|Interval)\s*\(\s*['"`]/;

test('no package source compiles code from strings', () => {
  const files = readdirSync(join(root, 'packages'))
    .map((name) => join(root, 'packages', name, 'src'))
    .filter((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    .flatMap(sources);
  assert.ok(files.length > 50, `${files.length} source files read`);
  const found: string[] = [];
  for (const file of files) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '');
        if (CODE_FROM_STRINGS.test(code)) found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(found, []);
});
