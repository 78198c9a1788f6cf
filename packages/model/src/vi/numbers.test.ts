import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatCompactNumber, formatNumber } from './numbers.js';

test('Vietnamese grouping and decimals, from the seed', () => {
  assert.equal(formatNumber(5870), '5.870');
  assert.equal(formatNumber(1.5), '1,5');
  assert.equal(formatNumber(414), '414');
  assert.equal(formatNumber(135_000_000), '135.000.000');
  assert.equal(formatNumber(1234.5, { locale: 'en' }), '1,234.5');
});

test('compact numbers', () => {
  assert.equal(formatCompactNumber(999), '999');
  assert.equal(formatCompactNumber(1_200), '1,2 nghìn');
  assert.equal(formatCompactNumber(1_200_000), '1,2 triệu');
  assert.equal(formatCompactNumber(135_000_000), '135 triệu');
  assert.equal(formatCompactNumber(1_200_000_000), '1,2 tỷ');
  assert.equal(formatCompactNumber(1_200, { locale: 'en' }), '1.2K');
});

test('non-numbers format as empty text, never "NaN"', () => {
  for (const value of [NaN, Infinity, -Infinity, '5' as unknown as number, undefined as unknown as number]) {
    assert.equal(formatNumber(value), '');
    assert.equal(formatCompactNumber(value), '');
  }
  fc.assert(fc.property(fc.double(), (n) => typeof formatNumber(n) === 'string'));
});
