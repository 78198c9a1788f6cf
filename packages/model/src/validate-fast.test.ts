import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as api from './api.js';
import { ArticleSchema } from './article.js';
import { ArticleSummarySchema } from './article-summary.js';
import { CategorySchema } from './category.js';
import { CommentSchema } from './comment.js';
import { ElectionPlanSchema } from './election-plan.js';
import * as fixtures from './fixtures/index.js';
import { validateWith, type Schema } from './issues.js';
import { MeetingSchema } from './meeting.js';
import { OfficialSchema } from './official.js';
import { validate } from './validate.js';
import { edgeValues, mutate, paths, sampleComment, type Mutation } from './testing/mutations.js';
import { compileGuard } from './wire-guard.js';
import * as domain from './domain-wire.generated.js';
import * as wire from './wire-schemas.generated.js';

/**
 * validate() answers from a compiled guard when data is valid and needs no change; these
 * tests hold that fast path, both of its implementations, to exactly zod's verdict and output.
 */
const comment = sampleComment;

const cases: Array<{ name: string; schema: Schema; wire: object; samples: unknown[] }> = [
  { name: 'Article', schema: ArticleSchema, wire: domain.ArticleWire, samples: fixtures.articles },
  {
    name: 'ArticleSummary',
    schema: ArticleSummarySchema,
    wire: wire.ArticleSummaryWire,
    samples: fixtures.articleSummaries,
  },
  { name: 'Category', schema: CategorySchema, wire: domain.CategoryWire, samples: fixtures.categories },
  { name: 'Comment', schema: CommentSchema, wire: domain.CommentWire, samples: [comment] },
  { name: 'Official', schema: OfficialSchema, wire: domain.OfficialWire, samples: fixtures.officials.slice(0, 3) },
  { name: 'Meeting', schema: MeetingSchema, wire: domain.MeetingWire, samples: [fixtures.seedMeeting] },
  {
    name: 'ElectionPlan',
    schema: ElectionPlanSchema,
    wire: domain.ElectionPlanWire,
    samples: [fixtures.seedElectionPlan],
  },
  {
    name: 'CommentList',
    schema: api.CommentListResponseSchema,
    wire: wire.CommentListResponseWire,
    samples: [{ comments: [comment], nextCursor: null, total: 1 }],
  },
  {
    name: 'MostViewed',
    schema: api.MostViewedResponseSchema,
    wire: wire.MostViewedResponseWire,
    samples: [{ items: fixtures.mostViewedItems }],
  },
];

for (const { name, schema, wire: source, samples } of cases) {
  test(`validate() fast path gives zod's verdict and value: ${name}`, () => {
    const generated = compileGuard(source, { strict: true });
    const closures = compileGuard(source, { strict: true, generate: false });
    for (const sample of samples) {
      assert.equal(schema.safeParse(sample).success, true, 'the sample is valid');
      const result = validate(schema, sample);
      assert.ok(result.ok);
      assert.equal(result.value, sample, 'valid input needing no change comes back as the same object');
      fc.assert(
        fc.property(
          fc.constantFrom(...paths(sample)),
          edgeValues,
          fc.constantFrom<Mutation>('replace', 'remove', 'add-key'),
          (path, replacement, how) => {
            const candidate = mutate(sample, path, replacement, how);
            // zod's verdict, or a refusal where zod itself throws.
            const reference = validateWith(schema, candidate);
            const fast = validate(schema, candidate);
            const where = `${path.join('.')} ${how} ${JSON.stringify(replacement)}`;
            assert.equal(fast.ok, reference.ok, where);
            if (fast.ok && reference.ok) assert.deepEqual(fast.value, reference.value, where);
            // A guard may only say yes where zod accepts and would return the value unchanged.
            for (const guard of [generated, closures]) {
              if (guard(candidate)) {
                assert.equal(reference.ok, true, `guard accepted what zod refuses: ${where}`);
                if (reference.ok)
                  assert.deepEqual(reference.value, candidate, `guard accepted what zod would change: ${where}`);
              }
            }
            assert.equal(generated(candidate), closures(candidate), `generated and closure guards disagree: ${where}`);
          },
        ),
        { numRuns: 300 },
      );
    }
  });
}

test('the guards never throw on anything', () => {
  const guards = cases.flatMap(({ wire: source }) => [
    compileGuard(source, { strict: true }),
    compileGuard(source, { strict: true, generate: false }),
  ]);
  fc.assert(
    fc.property(fc.anything(), (value) => {
      for (const guard of guards) guard(value);
    }),
  );
});
