import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { edgeValues, mutate, paths, sampleComment } from './testing/mutations.js';
import { GENERATED_PATH, generateWireSchemaFiles, generateWireSchemasSource } from '../scripts/wire-schemas.js';
import * as api from './api.js';
import { CommentCountsResponseSchema } from './comment-counts.js';
import { ElectionPlanSchema } from './election-plan.js';
import { mostViewedItems, officials, seedElectionPlan, seedMeeting } from './fixtures/index.js';
import { validateWith } from './issues.js';
import { OfficialSchema } from './official.js';
import { MeetingSchema, TargetSchema } from './meeting.js';
import { checkWire, type WireSchema } from './wire.js';
import * as wire from './wire-schemas.generated.js';

test('the generated wire schemas match the zod schemas they come from', () => {
  assert.equal(
    readFileSync(GENERATED_PATH, 'utf8'),
    generateWireSchemasSource(),
    'run: pnpm --filter @bantin/model generate',
  );
});

test('each generated schema module (one per schema, src/wire-schemas/) is current', () => {
  const files = Object.entries(generateWireSchemaFiles());
  // No module left behind by a schema that no longer exists.
  const modules = files.map(([path]) => basename(path)).filter((name) => name !== basename(GENERATED_PATH));
  assert.deepEqual(
    readdirSync(join(dirname(GENERATED_PATH), 'wire-schemas')).sort(),
    modules.sort(),
    'src/wire-schemas/ holds exactly the generated modules',
  );
  for (const [path, content] of files) {
    assert.equal(readFileSync(path, 'utf8'), content, `${path} is stale: run pnpm --filter @bantin/model generate`);
  }
});

const comment = sampleComment;

const pairs = [
  {
    name: 'views',
    zod: api.ViewCountsResponseSchema,
    wire: wire.ViewCountsResponseWire,
    valid: { views: { a: 414, b: 0 } },
  },
  {
    name: 'increment',
    zod: api.ViewIncrementResponseSchema,
    wire: wire.ViewIncrementResponseWire,
    valid: { articleId: 'a', views: 415 },
  },
  {
    name: 'comments',
    zod: api.CommentListResponseSchema,
    wire: wire.CommentListResponseWire,
    valid: {
      comments: [comment, { ...comment, id: 'c2', parentId: 'c1', status: 'pending' }],
      nextCursor: 'abc',
      total: 2,
    },
  },
  { name: 'created', zod: api.CommentCreatedResponseSchema, wire: wire.CommentCreatedResponseWire, valid: { comment } },
  {
    name: 'most-viewed',
    zod: api.MostViewedResponseSchema,
    wire: wire.MostViewedResponseWire,
    valid: { items: mostViewedItems },
  },
  {
    name: 'comment-counts',
    zod: CommentCountsResponseSchema,
    wire: wire.CommentCountsResponseWire,
    valid: { counts: { a: 3, b: 0 } },
  },
  { name: 'election plans', zod: ElectionPlanSchema, wire: wire.ElectionPlanWire, valid: seedElectionPlan },
  // The civic elements' objects; the meeting's term carries the one `pattern` (its roman numeral).
  { name: 'official', zod: OfficialSchema, wire: wire.OfficialWire, valid: officials[0] },
  { name: 'meeting', zod: MeetingSchema, wire: wire.MeetingWire, valid: seedMeeting },
  { name: 'target', zod: TargetSchema, wire: wire.TargetWire, valid: seedMeeting.targets[1] },
];

for (const pair of pairs) {
  test(`zod and checkWire agree on ${pair.name}`, () => {
    assert.equal(pair.zod.safeParse(pair.valid).success, true, 'the sample is valid');
    assert.equal(checkWire(pair.wire as WireSchema, pair.valid).ok, true);
    const targets = paths(pair.valid);
    fc.assert(
      fc.property(fc.constantFrom(...targets), edgeValues, fc.boolean(), (path, replacement, remove) => {
        const candidate = mutate(pair.valid, path, replacement, remove ? 'remove' : 'replace');
        // zod's verdict, or a refusal naming the field where zod itself throws.
        const zod = validateWith(pair.zod, candidate);
        const lean = checkWire(pair.wire as WireSchema, candidate);
        assert.equal(
          lean.ok,
          zod.ok,
          `path ${path.join('.')} ← ${JSON.stringify(replacement)}${remove ? ' (removed)' : ''}`,
        );
        if (!lean.ok && !zod.ok) {
          const zodPaths = zod.issues.map((issue) => issue.path);
          const leanPath = lean.issues[0]!.path;
          assert.ok(
            zodPaths.some((p) => p === leanPath || p.startsWith(leanPath)),
            `${leanPath} vs ${zodPaths.join(', ')}`,
          );
        }
      }),
      { numRuns: 400 },
    );
  });
}

test('checkWire reads minItems and pattern, as zod does for election plans', () => {
  const noBodies = checkWire(wire.ElectionPlanWire, { ...seedElectionPlan, bodies: [] });
  assert.equal(noBodies.ok, false);
  if (!noBodies.ok) assert.equal(noBodies.issues[0]!.path, 'bodies');
  const lowerRoman = { ...seedElectionPlan, bodies: [{ name: 'Quốc hội', term: { roman: 'xvi' } }] };
  const result = checkWire(wire.ElectionPlanWire, lowerRoman);
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.issues[0]!.path, 'bodies[0].term.roman');
  assert.equal(ElectionPlanSchema.safeParse(lowerRoman).success, false);
});

test('checkWire names the field and never throws', () => {
  const result = checkWire(wire.CommentListResponseWire, {
    comments: [{ ...comment, createdAt: 'hôm qua' }],
    nextCursor: null,
    total: 1,
  });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.message, 'Field `comments[0].createdAt`: custom: dateTime');
  fc.assert(
    fc.property(fc.anything(), (value) => {
      for (const pair of pairs) checkWire(pair.wire as WireSchema, value);
    }),
  );
});

test('checkWire reads a pattern: a term numbered in letters that are not roman numerals is refused', () => {
  const result = checkWire(wire.MeetingWire, { ...seedMeeting, term: { number: 17, roman: 'XVIi' } });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.issues[0]!.path, 'term.roman');
});
