/**
 * The docs cannot drift from the code: generated docs are current, every theme token is
 * documented with the value the elements fall back to, and every JSON example of the API
 * contract is valid against the model's schemas. (docs/model.md runs in the model's suite;
 * getting-started's page runs in Chromium in the elements' suite.)
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  ApiErrorSchema,
  ArticleUpsertRequestSchema,
  ArticleUpsertResponseSchema,
  SpamBlocklistSchema,
  SpamStatsResponseSchema,
  CommentCountsResponseSchema,
  CommentLikeResponseSchema,
  CommentCreatedResponseSchema,
  CommentListResponseSchema,
  MostViewedResponseSchema,
  ModerationBulkRequestSchema,
  ModerationBulkResponseSchema,
  ModerationQueueResponseSchema,
  NewCommentSchema,
  validate,
  ViewCountsResponseSchema,
  ViewIncrementResponseSchema,
} from '@bantin/model';
import { DOC_PATH, generateElementsDoc, MANIFEST_PATH } from '../packages/elements/scripts/elements-doc.mjs';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

test('docs/elements.md is generated from the current manifest', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  assert.equal(
    readFileSync(DOC_PATH, 'utf8'),
    generateElementsDoc(manifest),
    'run: pnpm --filter @bantin/elements run generate-docs',
  );
  for (const tag of [
    'tin-time',
    'tin-view-counter',
    'tin-article-card',
    'tin-comment-thread',
    'tin-most-viewed',
    'tin-official',
    'tin-officials',
    'tin-meeting',
    'tin-key-figures',
  ]) {
    assert.match(readFileSync(DOC_PATH, 'utf8'), new RegExp(`## \`<${tag}>\``));
  }
});

test("every theme token is documented, and the elements fall back to the theme file's values", () => {
  const theme = read('packages/elements/src/themes/bantin.css');
  const light = Object.fromEntries(
    [...theme.slice(0, theme.indexOf('@media')).matchAll(/(--tin-[\w-]+):\s*([^;]+);/g)].map((m) => [
      m[1]!,
      m[2]!.trim(),
    ]),
  );
  const docs = read('docs/theming.md');
  assert.ok(Object.keys(light).length >= 20, `found ${Object.keys(light).length} tokens`);
  for (const token of Object.keys(light)) {
    if (!/--tin-space-(s|m)$/.test(token))
      assert.ok(docs.includes(`\`${token}\``), `${token} is not in docs/theming.md`);
  }
  const fallbacks = [
    ...read('packages/elements/src/internal/styles.ts').matchAll(/var\((--tin-[\w-]+),\s*([^;]+)\);/g),
  ];
  assert.ok(fallbacks.length >= 15, `found ${fallbacks.length} fallbacks`);
  // Same value, however it is spelled: "#fff" is "#ffffff", ".25rem" is "0.25rem".
  const normal = (value: string) =>
    value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/#([0-9a-f])([0-9a-f])([0-9a-f])\b/gi, '#$1$1$2$2$3$3')
      .replace(/(^|[^\d])\.(\d)/g, '$10.$2')
      .toLowerCase();
  for (const [, token, fallback] of fallbacks) {
    assert.ok(light[token!], `${token} is used by the elements but not declared in themes/bantin.css`);
    assert.equal(normal(fallback!), normal(light[token!]!), `${token}: theme file and built-in fallback differ`);
  }
});

test('every JSON example in docs/api.md is valid against the model, and every response is exemplified', () => {
  const schemas = {
    ApiError: ApiErrorSchema,
    ViewCounts: ViewCountsResponseSchema,
    ViewIncrement: ViewIncrementResponseSchema,
    CommentList: CommentListResponseSchema,
    NewComment: NewCommentSchema,
    CommentCreated: CommentCreatedResponseSchema,
    MostViewed: MostViewedResponseSchema,
    ModerationQueue: ModerationQueueResponseSchema,
    ModerationBulkRequest: ModerationBulkRequestSchema,
    ModerationBulkResponse: ModerationBulkResponseSchema,
    CommentCounts: CommentCountsResponseSchema,
    CommentLike: CommentLikeResponseSchema,
    ArticleUpsertRequest: ArticleUpsertRequestSchema,
    ArticleUpsertResponse: ArticleUpsertResponseSchema,
    SpamStats: SpamStatsResponseSchema,
    SpamBlocklist: SpamBlocklistSchema,
  };
  const blocks = [...read('docs/api.md').matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const exemplified = new Set<string>();
  for (const block of blocks) {
    const data = JSON.parse(block.replace(/"…"/g, '"x"'));
    const fits = Object.entries(schemas)
      .filter(([, schema]) => validate(schema, data).ok)
      .map(([name]) => name);
    assert.ok(fits.length > 0, `no schema accepts:\n${block}`);
    for (const name of fits) exemplified.add(name);
  }
  assert.deepEqual(
    Object.keys(schemas).filter((name) => !exemplified.has(name)),
    [],
    'schemas without an example in docs/api.md',
  );
});

test('docs link only to files that exist', () => {
  for (const doc of [
    'README.md',
    'docs/getting-started.md',
    'docs/theming.md',
    'docs/accessibility.md',
    'docs/api.md',
    'docs/model.md',
    'docs/decisions.md',
  ]) {
    const base = new URL(`../${doc}`, import.meta.url);
    for (const [, target] of read(doc).matchAll(/\]\(((?!https?:|#)[^)#]+)(?:#[^)]*)?\)/g)) {
      assert.doesNotThrow(() => readFileSync(new URL(target!, base)), `${doc} links to missing ${target}`);
    }
  }
});

/** Resolves a package subpath through its `exports` map, as Node and bundlers do, to a built file. */
function resolveExport(specifier: string): string | null {
  const match = /^(@bantin\/[\w-]+)(\/.*)?$/.exec(specifier);
  if (!match) return null;
  const dir = `packages/${match[1]!.split('/')[1]}`;
  const exports = JSON.parse(read(`${dir}/package.json`)).exports as Record<string, string | Record<string, string>>;
  const subpath = `.${match[2] ?? ''}`;
  for (const [pattern, target] of Object.entries(exports)) {
    const file = typeof target === 'string' ? target : (target.import ?? target.default);
    if (!file) continue;
    if (pattern === subpath) return `${dir}/${file.slice(2)}`;
    const [before, after] = pattern.split('*');
    if (after !== undefined && subpath.startsWith(before!) && subpath.endsWith(after)) {
      return `${dir}/${file.slice(2).replace('*', subpath.slice(before!.length, subpath.length - after.length))}`;
    }
  }
  return null;
}

test("getting-started's script examples use imports, properties, exports and events that exist", async () => {
  const guide = read('docs/getting-started.md');
  const scripts = [...guide.matchAll(/```(?:js|tsx|vue)\n([\s\S]*?)```/g)].map((match) => match[1]!).join('\n');
  assert.ok(scripts.length > 0);
  for (const [, specifier] of scripts.matchAll(/import (?:[^'"]+ from )?'([^']+)'/g)) {
    if (!specifier!.startsWith('@bantin/')) {
      // Another package (lit, @lit-labs/ssr): it must resolve from this repository as installed.
      assert.doesNotThrow(() => import.meta.resolve(specifier!), `${specifier} does not resolve`);
      continue;
    }
    const file = resolveExport(specifier!);
    assert.ok(file, `${specifier} is not in the package's exports`);
    assert.doesNotThrow(
      () => readFileSync(new URL(`../${file}`, import.meta.url)),
      `${specifier} → ${file} is not built`,
    );
  }
  const elements = await import('../packages/elements/dist/index.js');
  for (const [, name] of scripts.matchAll(/import \{ (\w+) \} from '@bantin\/elements'/g))
    assert.ok(name! in elements, `@bantin/elements exports no ${name}`);

  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []) as Array<{
    tagName?: string;
    members?: Array<{ name: string }>;
    events?: Array<{ name: string }>;
    cssParts?: Array<{ name: string }>;
    cssProperties?: Array<{ name: string }>;
  }>;
  const element = (tag: string) => declarations.find((d) => d.tagName === tag)!;
  for (const [, tag, property] of scripts.matchAll(/querySelector\('([\w-]+)'\)(?:\.(\w+))? =/g)) {
    if (property)
      assert.ok(
        element(tag!).members?.some((m) => m.name === property),
        `<${tag}> has no property ${property}`,
      );
  }
  for (const [, variable, property] of scripts.matchAll(/^(list)\.(\w+) =/gm)) {
    assert.ok(
      element('tin-most-viewed').members?.some((m) => m.name === property),
      `${variable}.${property}`,
    );
  }
  const events = new Set(declarations.flatMap((d) => d.events ?? []).map((e) => e.name));
  for (const [, event] of scripts.matchAll(/addEventListener\('([\w-]+)'/g))
    assert.ok(events.has(event!), `no element fires ${event}`);
  // React wrapper props (onTinViewCounterCounted) and Vue listeners (@tin-view-counter-counted) name events too.
  const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  const reactProps = new Set([...events].map((event) => `on${pascal(event)}`));
  for (const [, prop] of scripts.matchAll(/\b(onTin\w+)=/g))
    assert.ok(reactProps.has(prop!), `no element fires ${prop}`);
  for (const [, event] of scripts.matchAll(/@(tin-[\w-]+)=/g))
    assert.ok(events.has(event!), `no element fires ${event}`);
});

test("theming's CSS examples name parts and tokens that exist", () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []) as Array<{
    tagName?: string;
    cssParts?: Array<{ name: string }>;
    cssProperties?: Array<{ name: string }>;
  }>;
  const css = [...read('docs/theming.md').matchAll(/```css\n([\s\S]*?)```/g)].map((match) => match[1]!).join('\n');
  assert.ok(css.length > 0);
  for (const [, tag, part] of css.matchAll(/([\w-]+)::part\(([\w-]+)\)/g)) {
    const declaration = declarations.find((d) => d.tagName === tag);
    assert.ok(
      declaration?.cssParts?.some((p) => p.name === part),
      `<${tag}> has no part ${part}`,
    );
  }
  const theme = read('packages/elements/src/themes/bantin.css');
  const elementTokens = new Set(declarations.flatMap((d) => d.cssProperties ?? []).map((p) => p.name));
  for (const [, token] of css.matchAll(/(--tin-[\w-]+)\s*:/g)) {
    assert.ok(theme.includes(`${token}:`) || elementTokens.has(token!), `${token} is not a token`);
  }
});
