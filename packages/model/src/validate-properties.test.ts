import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as api from './api.js';
import { ArticleSchema } from './article.js';
import { ArticleSummarySchema } from './article-summary.js';
import { CategorySchema } from './category.js';
import { CommentSchema, NewCommentSchema } from './comment.js';
import { ElectionPlanSchema } from './election-plan.js';
import * as fixtures from './fixtures/index.js';
import type { Schema } from './issues.js';
import { MeetingSchema } from './meeting.js';
import { OfficialSchema } from './official.js';
import { validate } from './validate.js';
import { edgeValues, mutate, paths, sampleComment, type Mutation } from './testing/mutations.js';

/**
 * validate() over mutated variants of every model schema's valid samples, including values zod
 * itself throws on: it never throws, and every refusal names at least one field in Vietnamese.
 */
const comment = sampleComment;

const cases: Array<{ name: string; schema: Schema; samples: unknown[] }> = [
  { name: 'Article', schema: ArticleSchema, samples: fixtures.articles },
  { name: 'ArticleSummary', schema: ArticleSummarySchema, samples: fixtures.articleSummaries },
  { name: 'Category', schema: CategorySchema, samples: fixtures.categories },
  { name: 'Comment', schema: CommentSchema, samples: [comment] },
  { name: 'NewComment', schema: NewCommentSchema, samples: [{ authorName: 'Minh Anh', content: 'Rất đồng tình.' }] },
  { name: 'Official', schema: OfficialSchema, samples: fixtures.officials.slice(0, 3) },
  { name: 'Meeting', schema: MeetingSchema, samples: [fixtures.seedMeeting] },
  { name: 'ElectionPlan', schema: ElectionPlanSchema, samples: [fixtures.seedElectionPlan] },
  {
    name: 'CommentList',
    schema: api.CommentListResponseSchema,
    samples: [{ comments: [comment], nextCursor: null, total: 1 }],
  },
  { name: 'MostViewed', schema: api.MostViewedResponseSchema, samples: [{ items: fixtures.mostViewedItems }] },
];

for (const { name, schema, samples } of cases) {
  test(`validate() never throws and names the field of every refusal: ${name}`, () => {
    for (const sample of samples) {
      const result = validate(schema, sample);
      assert.ok(result.ok, `the sample is valid: ${result.ok ? '' : result.message}`);
      fc.assert(
        fc.property(
          fc.constantFrom(...paths(sample)),
          edgeValues,
          fc.constantFrom<Mutation>('replace', 'remove', 'add-key'),
          (path, replacement, how) => {
            const candidate = mutate(sample, path, replacement, how);
            const where = `${path.join('.')} ${how} ${JSON.stringify(replacement)}`;
            const checked = validate(schema, candidate);
            if (checked.ok) return;
            assert.ok(checked.issues.length > 0, where);
            for (const issue of checked.issues) assert.ok(issue.message.trim(), `empty message: ${where}`);
            assert.match(checked.message, /^(Trường `|\(toàn bộ dữ liệu\))/, where);
          },
        ),
        { numRuns: 300 },
      );
    }
  });
}

test('validate() never throws on anything', () => {
  fc.assert(
    fc.property(fc.anything(), (value) => {
      for (const { schema } of cases) validate(schema, value);
    }),
  );
});
