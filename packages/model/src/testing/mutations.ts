// Test support, never built or published (excluded in tsup.config.ts and tsconfig.build.json):
// mutated variants of valid data, for the property tests that hold two validators to one verdict.
import fc from 'fast-check';

export const sampleComment = {
  id: 'c1',
  articleId: 'hoi-nghi',
  parentId: null,
  authorName: 'Minh Anh',
  content: 'Rất đồng tình.',
  createdAt: '2026-02-04T08:00:00+07:00',
  status: 'approved',
  likes: 3,
};

/** Every path into a JSON value, so a mutation can hit any field. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...paths(item, [...prefix, index])));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) out.push(...paths(child, [...prefix, key]));
  return out;
}

export type Mutation = 'replace' | 'remove' | 'add-key';

/** A copy of `value` with the field at `path` replaced, removed, or given an unknown sibling key. */
export function mutate(value: unknown, path: (string | number)[], replacement: unknown, how: Mutation): unknown {
  if (path.length === 0) return how === 'replace' ? replacement : structuredClone(value);
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'remove' && !Array.isArray(node)) delete node[last];
  else if (how === 'add-key' && node[last] && typeof node[last] === 'object' && !Array.isArray(node[last]))
    (node[last] as Record<string, unknown>).extra = replacement;
  else node[last] = replacement;
  return copy;
}

/** Values on the edges the schemas draw: types, lengths, signs, dates, URLs, literals, control characters. */
export const edgeValues = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    '',
    ' ',
    'x',
    -1,
    0,
    1,
    2,
    1.5,
    NaN,
    Infinity,
    true,
    [],
    {},
    'pending',
    'day',
    'paragraph',
    'image',
    'adopted',
    '2026-02-04T08:00:00+07:00',
    '2026-02-30T08:00:00Z',
    '2026-02-04',
    '/tin-tuc/a',
    'https://a.vn',
    'javascript:alert(1)',
    'a-b',
    'A B',
    'XVII',
    'x'.repeat(201),
    'x'.repeat(2_001),
    'a\u0000b',
    // zod's own safeParse throws on this (issue 8); validate() must still answer.
    { length: { toString: false } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);
