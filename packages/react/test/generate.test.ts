// The generators behind @bantin/react and @bantin/elements/jsx/*, on the real manifest and on
// made-up ones: every element gets a wrapper, events become onTin… props, and a manifest the
// generator cannot honour fails with a message instead of a package missing an element.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { elementsOf, reactTypes, vueTypes } from '../../elements/scripts/jsx-types.mjs';
import { defineModules, eventProp, generate } from '../scripts/generate.mjs';

const elementsDir = new URL('../../elements/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(elementsDir, 'custom-elements.json'), 'utf8'));

function manifestWith(declaration: object, exported = true) {
  return {
    schemaVersion: '1.0.0',
    modules: [
      { kind: 'javascript-module', path: 'src/x/x.ts', declarations: [declaration] },
      {
        kind: 'javascript-module',
        path: 'src/index.ts',
        exports: exported ? [{ kind: 'js', name: (declaration as { name: string }).name }] : [],
      },
    ],
  };
}

const sample = {
  kind: 'class',
  name: 'TinSample',
  tagName: 'tin-sample',
  customElement: true,
  members: [
    { kind: 'field', name: 'articleId', attribute: 'article-id', type: { text: 'string' } },
    { kind: 'field', name: 'mode', attribute: 'mode', type: { text: "'a' | 'b'" } },
    { kind: 'field', name: 'secret', privacy: 'private', type: { text: 'string' } },
    { kind: 'field', name: 'source', type: { text: 'SampleSource | undefined' } },
  ],
  events: [{ name: 'tin-sample-loaded', description: 'Loaded.' }],
};

test('every element of the manifest gets a wrapper named after its class', () => {
  const out = mkdtempSync(join(tmpdir(), 'bantin-react-gen-'));
  try {
    const wrapped = generate(manifest, join(elementsDir, 'src/define'), out);
    const tags = manifest.modules
      .flatMap((m: { declarations?: Array<{ tagName?: string }> }) => m.declarations ?? [])
      .filter((d: { tagName?: string }) => d.tagName)
      .map((d: { tagName: string }) => d.tagName)
      .sort();
    assert.deepEqual(wrapped.map((e: { tag: string }) => e.tag).sort(), tags);
    assert.ok(tags.length >= 5, `${tags.length} elements`);
    const index = readFileSync(join(out, 'index.ts'), 'utf8');
    for (const element of wrapped) {
      assert.match(index, new RegExp(`export \\{ ${element.className}, type ${element.className}Props \\}`));
      const source = readFileSync(join(out, 'elements', `${element.module}.ts`), 'utf8');
      assert.match(source, new RegExp(`tagName: '${element.tag}'`));
      assert.match(source, new RegExp(`import '@bantin/elements/define/${element.module}.js'`));
      for (const event of element.events) assert.ok(source.includes(`${eventProp(event.name)}: '${event.name}'`));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('event props are on + the event name in PascalCase', () => {
  assert.equal(eventProp('tin-view-counter-counted'), 'onTinViewCounterCounted');
  assert.equal(eventProp('tin-most-viewed-period-change'), 'onTinMostViewedPeriodChange');
});

test('a define file that also registers a dependency does not take over its tag', () => {
  const modules = defineModules(join(elementsDir, 'src/define'));
  assert.equal(modules.get('tin-time'), 'time');
  assert.equal(modules.get('tin-article-card'), 'article-card');
});

test('an element without a define file, or not exported, fails the build by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bantin-react-gen-'));
  try {
    mkdirSync(join(dir, 'define'));
    assert.throws(
      () => generate(manifestWith(sample), join(dir, 'define'), join(dir, 'out')),
      /<tin-sample> has no define file/,
    );
    writeFileSync(join(dir, 'define/sample.ts'), "defineElement('tin-sample', TinSample);\n");
    assert.throws(
      () => generate(manifestWith(sample, false), join(dir, 'define'), join(dir, 'out')),
      /TinSample is not exported/,
    );
    const [wrapped] = generate(manifestWith(sample), join(dir, 'define'), join(dir, 'out'));
    assert.equal(wrapped.module, 'sample');
    assert.match(readFileSync(join(dir, 'out/elements/sample.ts'), 'utf8'), /onTinSampleLoaded: 'tin-sample-loaded'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JSX types: public fields by attribute and property, events as on<name>; private fields left out', () => {
  const types = reactTypes(elementsOf(manifestWith(sample)));
  assert.match(types, /'article-id'\?: TinSample\['articleId'\];/);
  assert.match(types, /'articleId'\?: TinSample\['articleId'\];/);
  assert.match(types, /'ontin-sample-loaded'\?: \(event: EventOf<'tin-sample-loaded'>\) => void;/);
  assert.doesNotMatch(types, /secret/);
  assert.match(types, /declare module 'react'/);
  assert.match(vueTypes(elementsOf(manifestWith(sample))), /'tin-sample': DefineComponent<TinSampleVueProps/);
});

test('JSX types of an element the package root does not export: simple types kept, others unknown', () => {
  const types = reactTypes(elementsOf(manifestWith(sample, false)));
  assert.match(types, /'article-id'\?: string;/);
  assert.match(types, /'mode'\?: 'a' \| 'b';/);
  assert.match(types, /'source'\?: unknown;/);
  assert.doesNotMatch(types, /import type \{ TinSample \}/);
});
