import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatTerm, fromRoman, parseTerm, toRoman } from './terms.js';

test('roman numerals of the seed', () => {
  assert.equal(toRoman(17), 'XVII');
  assert.equal(toRoman(16), 'XVI');
  assert.equal(fromRoman('XVII'), 17);
  assert.equal(fromRoman('xvi'), 16);
  assert.equal(fromRoman('IIII'), null);
  assert.equal(fromRoman('ABC'), null);
  assert.equal(fromRoman(''), null);
  assert.throws(() => toRoman(0), /1 đến 3999/);
  assert.throws(() => toRoman(1.5), RangeError);
});

test('roman numerals round-trip', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => fromRoman(toRoman(n)) === n));
});

test('parses terms in every accepted spelling', () => {
  const expected = { number: 17, roman: 'XVII', period: { from: 2020, to: 2025 } };
  assert.deepEqual(parseTerm('khóa XVII, nhiệm kỳ 2020-2025'), expected);
  assert.deepEqual(parseTerm('Khoá XVII, nhiệm kỳ 2020 - 2025'), expected);
  assert.deepEqual(parseTerm('khóa 17, nhiệm kỳ 2020–2025'), expected);
  assert.deepEqual(parseTerm('khoa XVII nhiem ky 2020-2025'.replace('nhiem ky', 'nhiệm kỳ')), expected);
  assert.deepEqual(parseTerm('Quốc hội khóa XVI'), { number: 16, roman: 'XVI' });
  assert.deepEqual(parseTerm('HĐND các cấp nhiệm kỳ 2026-2031'), { period: { from: 2026, to: 2031 } });
  assert.deepEqual(parseTerm('khóa XVII'.normalize('NFD')), { number: 17, roman: 'XVII' });
  assert.equal(parseTerm('không có gì'), null);
  assert.equal(parseTerm('nhiệm kỳ 2025-2020'), null);
  // Found by the round-trip property below: the last years the schema allows.
  assert.deepEqual(parseTerm('khóa I, nhiệm kỳ 2190-2200'), {
    number: 1,
    roman: 'I',
    period: { from: 2190, to: 2200 },
  });
  assert.equal(parseTerm('nhiệm kỳ 2200-2201'), null);
});

test('format and parse round-trip', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 3999 }),
      fc.integer({ min: 1900, max: 2190 }),
      fc.integer({ min: 0, max: 10 }),
      fc.constantFrom<'òa' | 'oà'>('òa', 'oà'),
      (number, from, length, toneStyle) => {
        const term = { number, roman: toRoman(number), period: { from, to: from + length } };
        assert.deepEqual(parseTerm(formatTerm(term, { toneStyle })), term);
      },
    ),
  );
  assert.equal(formatTerm({ number: 17, period: { from: 2020, to: 2025 } }), 'khóa XVII, nhiệm kỳ 2020-2025');
});
