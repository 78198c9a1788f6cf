import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { ArticleSchema } from './article.js';
import { isoDateSchema } from './primitives.js';
import { CommentSchema, NewCommentSchema } from './comment.js';
import * as fixtures from './fixtures/index.js';
import type { Schema } from './issues.js';
import { validate } from './validate.js';

// English that zod's `vi` locale used to leave in Vietnamese messages ("mong đợi string, nhận
// được số"): type and origin names, and zod's English fallbacks.
const ENGLISH =
  /\b(string|number|int|boolean|bigint|symbol|undefined|null|void|never|object|array|tuple|record|date|map|set|file|function|promise|nan|nonoptional|instanceof|expected|received|invalid|input|too|big|small|required|must|slug)\b/i;

const VALUES: unknown[] = [
  'x',
  '',
  0,
  -1,
  1.5,
  Number.NaN,
  true,
  undefined,
  null,
  {},
  [],
  new Date(0),
  new Map(),
  new Set(),
  () => 1,
  Symbol('x'),
  10n,
];

// One schema per issue kind and per type or origin that zod names in a message.
const SCHEMAS: Record<string, Schema> = {
  string: z.string(),
  number: z.number(),
  int: z.int(),
  boolean: z.boolean(),
  bigint: z.bigint(),
  symbol: z.symbol(),
  undefined: z.undefined(),
  null: z.null(),
  void: z.void(),
  never: z.never(),
  nan: z.nan(),
  object: z.object({ a: z.string() }),
  strictObject: z.strictObject({}),
  array: z.array(z.number()),
  tuple: z.tuple([z.string()]),
  record: z.record(z.string().check(z.minLength(3)), z.number()),
  map: z.map(z.string(), z.number()),
  set: z.set(z.number()),
  date: z.date(),
  instanceof: z.instanceof(URL),
  literal: z.literal('paragraph'),
  enum: z.enum(['day', 'week']),
  union: z.union([z.string(), z.number()]),
  discriminated: z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]),
  nonoptional: z.nonoptional(z.optional(z.string())),
  minLength: z.string().check(z.minLength(3)),
  nonEmpty: z.string().check(z.minLength(1)),
  maxLength: z.string().check(z.maxLength(0)),
  length: z.string().check(z.length(2)),
  minItems: z.array(z.number()).check(z.minLength(2)),
  maxItems: z.array(z.unknown()).check(z.maxLength(0)),
  minimum: z.number().check(z.minimum(5)),
  maximum: z.number().check(z.maximum(-5)),
  gt: z.number().check(z.gt(5)),
  lt: z.number().check(z.lt(-5)),
  bigMin: z.bigint().check(z.minimum(100n)),
  dateMin: z.date().check(z.minimum(new Date('2026-01-01T00:00:00Z'))),
  dateMax: z.date().check(z.maximum(new Date('1960-01-01T00:00:00Z'))),
  minSize: z.set(z.unknown()).check(z.minSize(1)),
  maxSize: z.set(z.unknown()).check(z.maxSize(0)),
  multipleOf: z.number().check(z.multipleOf(7)),
  regex: z.string().check(z.regex(/^\d+$/)),
  startsWith: z.string().check(z.startsWith('a')),
  endsWith: z.string().check(z.endsWith('z')),
  includes: z.string().check(z.includes('@')),
  refine: z.string().check(z.refine(() => false)),
  // zod reports a map entry as invalid_element only when its key is not a property key.
  mapValues: z.map(z.unknown(), z.string()),
  setValues: z.set(z.string()),
};

test('every zod issue kind is worded in Vietnamese, with no English type names', () => {
  const codes = new Set<string>();
  let checked = 0;
  const extra: Array<[Schema, unknown]> = [
    [SCHEMAS.record!, { ab: 1 }],
    [SCHEMAS.mapValues!, new Map([[{}, 1]])],
    [SCHEMAS.setValues!, new Set([1])],
    [SCHEMAS.strictObject!, { extra: 1 }],
    [SCHEMAS.object!, {}],
    [SCHEMAS.tuple!, ['a', 'b']],
    [ArticleSchema, { ...fixtures.articles[0]!, tags: [''], body: [{ type: 'video' }] }],
    [CommentSchema, { ...fixtures.articles[0]! }],
    [NewCommentSchema, { authorName: ' ', content: 'x'.repeat(3000), email: 'a@' }],
    [NewCommentSchema, { authorName: 'Minh\nAnh', content: 'a\u0000b' }],
    // Our own checks (checks.ts): date-time, date, integer, URL, slug.
    [
      ArticleSchema,
      { ...fixtures.articles[0]!, slug: 'A B', url: 'javascript:x', publishedAt: 'hôm qua', viewCount: 1.5 },
    ],
    [z.object({ from: isoDateSchema }), { from: '2026-02-30' }],
  ];
  const cases: Array<[Schema, unknown]> = [
    ...Object.values(SCHEMAS).flatMap((schema) => VALUES.map((value): [Schema, unknown] => [schema, value])),
    ...extra,
  ];
  for (const [schema, value] of cases) {
    const result = validate(schema, value);
    if (result.ok) continue;
    for (const issue of result.issues) {
      codes.add(issue.code);
      checked++;
      assert.ok(issue.message.trim(), `empty message for ${issue.code}`);
      assert.doesNotMatch(issue.message, ENGLISH, `${issue.code} at "${issue.path}": ${issue.message}`);
    }
  }
  assert.deepEqual([...codes].sort(), [
    'custom',
    'invalid_element',
    'invalid_format',
    'invalid_key',
    'invalid_type',
    'invalid_union',
    'invalid_value',
    'not_multiple_of',
    'too_big',
    'too_small',
    'unrecognized_keys',
  ]);
  assert.ok(checked > 500, `${checked} messages checked`);
});

test("type and size messages keep zod's wording, with Vietnamese type names", () => {
  const message = (schema: Schema, value: unknown) => {
    const result = validate(schema, value);
    return result.ok ? '' : result.issues[0]!.message;
  };
  assert.equal(message(z.string(), 42), 'Đầu vào không hợp lệ: mong đợi chuỗi, nhận được số');
  assert.equal(message(z.object({ a: z.string() }), {}), 'Thiếu giá trị: mong đợi chuỗi');
  assert.equal(message(z.array(z.string()), null), 'Đầu vào không hợp lệ: mong đợi danh sách, nhận được giá trị rỗng');
  assert.equal(message(z.string().check(z.minLength(1)), ''), 'Quá nhỏ: mong đợi chuỗi có >=1 ký tự');
  assert.equal(message(z.string().check(z.maxLength(100)), 'x'.repeat(101)), 'Quá lớn: mong đợi chuỗi có <=100 ký tự');
  assert.equal(message(z.number().check(z.minimum(0)), -1), 'Quá nhỏ: mong đợi số >=0');
  assert.equal(message(z.number().check(z.lt(0)), 1), 'Quá lớn: mong đợi số <0');
  assert.equal(message(z.array(z.string()).check(z.minLength(1)), []), 'Quá nhỏ: mong đợi danh sách có >=1 phần tử');
  // English stays zod's own.
  const en = validate(z.string(), 42, { locale: 'en' });
  assert.ok(!en.ok && /expected string, received number/.test(en.issues[0]!.message));
});
