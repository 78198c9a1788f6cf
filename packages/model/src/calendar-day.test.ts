import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatLunarDate, lunarHoliday, vietnamCalendarDay } from './calendar-day.js';
import { startOfNextVietnamDay } from './vi/dates.js';
import { toVietnamDateString, toVietnamIsoString } from './vi/dates.js';

test("the issue's example: Thứ Hai 30/11/2026 is 22 tháng 10 năm Bính Ngọ", () => {
  const day = vietnamCalendarDay('2026-11-30T08:00:00+07:00');
  assert.equal(day.date, '2026-11-30');
  assert.equal(formatLunarDate(day.lunar), '22 tháng 10 năm Bính Ngọ');
  assert.equal(formatLunarDate(day.lunar, { locale: 'en' }), 'Lunar 22/10, year of Bính Ngọ');
  assert.equal(day.holiday, null);
});

test("the Vietnam day, not the machine's: 30/11 17:30 UTC is already 1/12 in Vietnam", () => {
  assert.equal(vietnamCalendarDay('2026-11-30T17:30:00Z').date, '2026-12-01');
  assert.equal(vietnamCalendarDay('2026-11-30T16:59:59Z').date, '2026-11-30');
});

test('Tết Bính Ngọ (17/2/2026) and its Rằm tháng Giêng (3/3/2026)', () => {
  const tet = vietnamCalendarDay('2026-02-17T00:00:00+07:00');
  assert.deepEqual([tet.lunar.day, tet.lunar.month, tet.holiday], [1, 1, 'tet']);
  assert.equal(vietnamCalendarDay('2026-02-16T23:59:59+07:00').holiday, null, 'giao thừa is not Tết yet');
  assert.equal(vietnamCalendarDay('2026-03-03T12:00:00+07:00').holiday, 'ram');
});

test('leap months are marked: 2025 repeats month 6 (tháng 6 nhuận Ất Tỵ)', () => {
  const leap = vietnamCalendarDay('2025-07-27T12:00:00+07:00');
  assert.equal(leap.lunar.isLeapMonth, true);
  assert.equal(formatLunarDate(leap.lunar), '3 tháng 6 nhuận năm Ất Tỵ');
  assert.equal(formatLunarDate(leap.lunar, { locale: 'en' }), 'Lunar 3/6 (leap month), year of Ất Tỵ');
  assert.equal(lunarHoliday({ day: 1, month: 1, isLeapMonth: true }), null, 'a leap first month is not Tết');
  assert.equal(lunarHoliday({ day: 15, month: 6, isLeapMonth: true }), 'ram', 'a leap month has its Rằm');
});

test('the next Vietnam day starts at 00:00 UTC+7, across months and years', () => {
  assert.equal(toVietnamIsoString(startOfNextVietnamDay('2026-11-30T23:59:59.999+07:00')), '2026-12-01T00:00:00+07:00');
  assert.equal(toVietnamIsoString(startOfNextVietnamDay('2026-12-31T00:00:00+07:00')), '2027-01-01T00:00:00+07:00');
  assert.equal(toVietnamIsoString(startOfNextVietnamDay('2028-02-28T10:00:00+07:00')), '2028-02-29T00:00:00+07:00');
  // 16:59 UTC is 23:59 in Vietnam but still the afternoon in Europe.
  assert.equal(startOfNextVietnamDay('2026-11-30T16:59:00Z').toISOString(), '2026-11-30T17:00:00.000Z');
});

test('the next day is always later, at most a day away, and is the next Vietnam date', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2150, 0, 1) }), (ms) => {
      const next = startOfNextVietnamDay(ms).getTime();
      assert.ok(next > ms && next - ms <= 86_400_000);
      assert.notEqual(toVietnamDateString(next), toVietnamDateString(ms));
      assert.equal(toVietnamDateString(next - 1), toVietnamDateString(ms));
    }),
  );
});
