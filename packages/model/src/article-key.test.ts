import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalArticleKey } from './article-key.js';

test('variants of one article URL share one key', () => {
  const variants = [
    '/tin-tuc/hoi-nghi-lan-thu-2',
    '/tin-tuc/hoi-nghi-lan-thu-2/',
    '/tin-tuc/hoi-nghi-lan-thu-2/index.html',
    '/tin-tuc/hoi-nghi-lan-thu-2/index.php?id=1',
    '/tin-tuc/hoi-nghi-lan-thu-2?utm_source=zalo',
    '/tin-tuc/hoi-nghi-lan-thu-2#binh-luan',
    'https://www.example.vn/tin-tuc/hoi-nghi-lan-thu-2/?a=1#x',
    'http://example.vn/tin-tuc//hoi-nghi-lan-thu-2',
    '  /tin-tuc/hoi-nghi-lan-thu-2  ',
  ];
  for (const variant of variants) assert.equal(canonicalArticleKey(variant), '/tin-tuc/hoi-nghi-lan-thu-2', variant);
});

test('percent-encoding and NFD agree with plain Vietnamese', () => {
  const plain = canonicalArticleKey('/tin-tức/bầu-cử');
  assert.equal(canonicalArticleKey('/tin-t%E1%BB%A9c/b%E1%BA%A7u-c%E1%BB%AD'), plain);
  assert.equal(canonicalArticleKey('/tin-tức/bầu-cử'.normalize('NFD')), plain);
});

test('plain ids are kept', () => {
  assert.equal(canonicalArticleKey('hoi-nghi-lan-thu-2'), 'hoi-nghi-lan-thu-2');
  assert.equal(canonicalArticleKey(' 12345 '), '12345');
  assert.equal(canonicalArticleKey(''), '');
});

test('idempotent and never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webPath()), (input) => {
      const key = canonicalArticleKey(input);
      assert.equal(canonicalArticleKey(key), key);
    }),
    { numRuns: 500 },
  );
  assert.equal(canonicalArticleKey('/%E0%A4%A'), '/%E0%A4%A');
  // Found by the property above: a decoded control character was stripped on the next pass.
  assert.equal(canonicalArticleKey('/%00'), '/%00');
  assert.equal(canonicalArticleKey('/%20'), '/%20');
  assert.equal(canonicalArticleKey('/tin-tuc/b%E1%BA%A7u%20c%E1%BB%AD'), '/tin-tuc/bầu%20cử');
  assert.equal(canonicalArticleKey(canonicalArticleKey('/tin-tuc/a%0Ab/')), '/tin-tuc/a%0Ab');
});
