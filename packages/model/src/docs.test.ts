import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs every ```ts example of docs/model.md, so the docs cannot drift from the code. In an
 * example, `expression // → value` asserts that the expression equals the value.
 */
const here = dirname(fileURLToPath(import.meta.url));
const docPath = join(here, '../../../docs/model.md');
const doc = readFileSync(docPath, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'bantin-docs-'));
after(() => rmSync(work, { recursive: true, force: true }));

const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => ({
  code: match[1]!,
  line: doc.slice(0, match.index).split('\n').length + 1,
}));

test('docs/model.md has examples to run', () => {
  assert.ok(blocks.length >= 8, `found ${blocks.length}`);
});

for (const { code, line } of blocks) {
  test(`docs/model.md example at line ${line}`, async () => {
    let checks = 0;
    const source = code
      .replaceAll("'@bantin/model/fixtures'", JSON.stringify(pathToFileURL(join(here, 'fixtures/index.ts')).href))
      .replaceAll("'@bantin/model'", JSON.stringify(pathToFileURL(join(here, 'index.ts')).href))
      .split('\n')
      .map((text, index) => {
        const match = /^(.*?)\s*\/\/ → (.*)$/.exec(text);
        if (!match) return text;
        checks++;
        return `__check(() => (${match[1]!.replace(/;$/, '')}), ${match[2]}, ${line + index});`;
      })
      .join('\n');
    const file = join(work, `example-${line}.ts`);
    writeFileSync(
      file,
      `import { deepStrictEqual } from 'node:assert';\n` +
        `function __check(actual: () => unknown, expected: unknown, at: number) {\n` +
        `  deepStrictEqual(actual(), expected, 'docs/model.md line ' + at);\n}\n` +
        source,
    );
    await import(pathToFileURL(file).href);
    assert.ok(checks > 0, 'an example should check at least one result');
  });
}
