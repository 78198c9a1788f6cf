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
  CommentCreatedResponseSchema,
  CommentListResponseSchema,
  MostViewedResponseSchema,
  NewCommentSchema,
  validate,
  ViewCountsResponseSchema,
  ViewIncrementResponseSchema,
} from '@bantin/model';
import { DOC_PATH, generateElementsDoc, MANIFEST_PATH } from '../packages/elements/scripts/elements-doc.mjs';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

test('docs/elements.md is generated from the current manifest', () => {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
  assert.equal(readFileSync(DOC_PATH, 'utf8'), generateElementsDoc(manifest), 'run: pnpm --filter @bantin/elements run generate-docs');
  for (const tag of ['tin-time', 'tin-view-counter', 'tin-article-card', 'tin-comment-thread', 'tin-most-viewed']) {
    assert.match(readFileSync(DOC_PATH, 'utf8'), new RegExp(`## \`<${tag}>\``));
  }
});

test('every theme token is documented, and the elements fall back to the theme file\'s values', () => {
  const theme = read('packages/elements/src/themes/bantin.css');
  const light = Object.fromEntries([...theme.slice(0, theme.indexOf('@media')).matchAll(/(--tin-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
  const docs = read('docs/theming.md');
  assert.ok(Object.keys(light).length >= 20, `found ${Object.keys(light).length} tokens`);
  for (const token of Object.keys(light)) {
    if (!/--tin-space-(s|m)$/.test(token)) assert.ok(docs.includes(`\`${token}\``), `${token} is not in docs/theming.md`);
  }
  const fallbacks = [...read('packages/elements/src/internal/styles.ts').matchAll(/var\((--tin-[\w-]+),\s*([^;]+)\);/g)];
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

test('every JSON example in docs/api.md is valid against the model', () => {
  const schemas = {
    ApiError: ApiErrorSchema,
    ViewCounts: ViewCountsResponseSchema,
    ViewIncrement: ViewIncrementResponseSchema,
    CommentList: CommentListResponseSchema,
    NewComment: NewCommentSchema,
    CommentCreated: CommentCreatedResponseSchema,
    MostViewed: MostViewedResponseSchema,
  };
  const blocks = [...read('docs/api.md').matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!);
  assert.equal(blocks.length, 7);
  const matched = blocks.map((block) => {
    const data = JSON.parse(block.replace(/"…"/g, '"x"'));
    const fits = Object.entries(schemas).filter(([, schema]) => validate(schema, data).ok).map(([name]) => name);
    assert.ok(fits.length > 0, `no schema accepts:\n${block}`);
    return fits[0];
  });
  assert.deepEqual(matched, ['ApiError', 'ViewCounts', 'ViewIncrement', 'CommentList', 'NewComment', 'CommentCreated', 'MostViewed']);
});

test('docs link only to files that exist', () => {
  for (const doc of ['README.md', 'docs/getting-started.md', 'docs/theming.md', 'docs/accessibility.md', 'docs/api.md', 'docs/model.md', 'docs/decisions.md']) {
    const base = new URL(`../${doc}`, import.meta.url);
    for (const [, target] of read(doc).matchAll(/\]\(((?!https?:|#)[^)#]+)(?:#[^)]*)?\)/g)) {
      assert.doesNotThrow(() => readFileSync(new URL(target!, base)), `${doc} links to missing ${target}`);
    }
  }
});
