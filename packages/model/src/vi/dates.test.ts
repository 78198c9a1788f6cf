import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  calendarDaysBetween,
  formatDate,
  fromVietnamTime,
  toDate,
  toVietnamDateString,
  toVietnamIsoString,
  VN_TIME_ZONE,
  vietnamParts,
} from './dates.js';
import { formatRelativeTime, relativeTimeRefreshMs } from './relative-time.js';
import { toLunarDate } from './lunar.js';
import { positionsAt } from './official-titles.js';
import { parseVietnameseDate } from './parse-date.js';

test('the suite runs outside Vietnam time, so zone leaks would show', () => {
  assert.notEqual(new Date('2026-11-25T00:00:00Z').getTimezoneOffset(), -420);
  assert.equal(VN_TIME_ZONE, 'Asia/Ho_Chi_Minh');
});

test('formatDate styles, in Vietnam time', () => {
  // 20:30 UTC on the 24th is already 03:30 on Wednesday the 25th in Hà Nội.
  const date = new Date('2026-11-24T20:30:00Z');
  assert.equal(formatDate(date, 'full'), 'Thứ Tư, 25/11/2026');
  assert.equal(formatDate(date, 'short'), '25/11/2026');
  assert.equal(formatDate(date, 'long'), 'ngày 25 tháng 11 năm 2026');
  assert.equal(formatDate(date, 'dateTime'), '25/11/2026 03:30');
  assert.equal(formatDate(date, 'time'), '03:30');
  assert.equal(formatDate(date, 'full', { locale: 'en' }), 'Wednesday, 25 November 2026');
  assert.equal(formatDate('2026-03-15', 'full'), 'Chủ Nhật, 15/03/2026');
});

test('formatDate agrees with Intl in Asia/Ho_Chi_Minh for any instant since 1976', () => {
  const intl = new Intl.DateTimeFormat('en-GB', {
    timeZone: VN_TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  fc.assert(
    fc.property(fc.date({ min: new Date('1976-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (date) => {
      assert.equal(formatDate(date, 'short'), intl.format(date));
    }),
    { numRuns: 500 },
  );
});

test('formatDate rejects an invalid date with a message naming it', () => {
  assert.throws(() => formatDate('hôm qua', 'short'), /invalid date: "hôm qua"/);
});

test('relative time in Vietnamese', () => {
  const now = new Date('2026-11-25T10:00:00+07:00');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  assert.equal(formatRelativeTime(ago(20_000), now), 'vừa xong');
  assert.equal(formatRelativeTime(ago(5 * 60_000), now), '5 phút trước');
  assert.equal(formatRelativeTime(ago(2 * 3_600_000 + 59 * 60_000), now), '2 giờ trước');
  assert.equal(formatRelativeTime(ago(24 * 3_600_000), now), '1 ngày trước');
  assert.equal(formatRelativeTime(ago(47 * 3_600_000), now), '1 ngày trước');
  assert.equal(formatRelativeTime(ago(6 * 86_400_000), now), '6 ngày trước');
  assert.equal(formatRelativeTime(ago(7 * 86_400_000), now), '18/11/2026');
  assert.equal(formatRelativeTime(new Date(now.getTime() + 5 * 60_000), now), 'sau 5 phút nữa');
  assert.equal(formatRelativeTime(ago(24 * 3_600_000), now, { locale: 'en' }), '1 day ago');
});

test('the refresh interval shrinks for fresh items and stops for old ones', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  assert.equal(relativeTimeRefreshMs(now - 30_000, now), 60_000);
  assert.equal(relativeTimeRefreshMs(now - 3 * 3_600_000, now), 900_000);
  assert.equal(relativeTimeRefreshMs(now - 30 * 86_400_000, now), null);
});

test('parses the seed forms', () => {
  const reference = '2020-11-28T12:00:00+07:00';
  const morning = parseVietnameseDate('Sáng 28/11, tại Trụ sở Thành ủy Hà Nội', { reference });
  assert.equal(toVietnamIsoString(morning!.date), '2020-11-28T00:00:00+07:00');
  assert.equal(morning!.partOfDay, 'sáng');
  assert.equal(morning!.yearInferred, true);
  assert.equal(morning!.hasTime, false);

  const deadline = parseVietnameseDate('Tính đến 17h00 ngày 01/02/2026 (thời điểm kết thúc nhận hồ sơ ứng cử)');
  assert.equal(toVietnamIsoString(deadline!.date), '2026-02-01T17:00:00+07:00');
  assert.equal(deadline!.hasTime, true);
  assert.equal(deadline!.yearInferred, false);

  assert.equal(
    toVietnamIsoString(parseVietnameseDate('Kế hoạch số 02-KH/BCĐ ngày 20/11/2025')!.date),
    '2025-11-20T00:00:00+07:00',
  );
  assert.equal(toVietnamIsoString(parseVietnameseDate('ngày Bầu cử 15/3/2026')!.date), '2026-03-15T00:00:00+07:00');
  assert.equal(toVietnamIsoString(parseVietnameseDate('ngày 28 tháng 11 năm 2020')!.date), '2020-11-28T00:00:00+07:00');
  assert.equal(toVietnamIsoString(parseVietnameseDate('3 giờ chiều 5-9-2026')!.date), '2026-09-05T15:00:00+07:00');
});

test('a missing year is the one nearest the reference', () => {
  assert.equal(vietnamParts(parseVietnameseDate('28/11', { reference: '2021-01-03T00:00:00Z' })!.date).year, 2020);
  assert.equal(vietnamParts(parseVietnameseDate('02/01', { reference: '2020-12-30T00:00:00Z' })!.date).year, 2021);
  // 29/2 exists only in leap years: read near 2025, it is 2024's.
  assert.equal(vietnamParts(parseVietnameseDate('29/2', { reference: '2025-01-10T00:00:00Z' })!.date).year, 2024);
});

test('impossible or missing dates give null, never a throw', () => {
  for (const text of ['31/2/2026', '00/01/2026', '12/13/2026', '25h00 ngày 1/1/2026', 'không có ngày', '']) {
    assert.equal(parseVietnameseDate(text), null, text);
  }
  fc.assert(
    fc.property(fc.string(), (text) => {
      parseVietnameseDate(text);
    }),
  );
});

test('calendar days are counted in Vietnam', () => {
  // 23:30 Hà Nội on the 14th to 00:30 on the 15th is one calendar day, though only an hour.
  assert.equal(calendarDaysBetween(fromVietnamTime(2026, 3, 14, 23, 30), fromVietnamTime(2026, 3, 15, 0, 30)), 1);
  assert.equal(calendarDaysBetween('2026-02-02T10:00:00+07:00', '2026-03-15T00:00:00+07:00'), 41);
});

// Issue 8: officials.ts read dates through Intl's zone data, which puts Vietnam at UTC+8 before
// 1975, so positionsAt read 2 January where toVietnamDateString read 1 January. One rule now:
// UTC+7 for every year, in one function that the rest of bantin calls.
test('one Vietnam date for 1970-01-01T16:30Z: positionsAt, toVietnamDateString and the lunar calendar agree', () => {
  const at = '1970-01-01T16:30Z';
  assert.equal(toVietnamDateString(at), '1970-01-01');
  assert.equal(toVietnamDateString(new Date(at)), '1970-01-01');
  const official = {
    positions: [
      { title: 'until 1 January', to: '1970-01-01' },
      { title: 'from 2 January', from: '1970-01-02' },
    ],
  };
  assert.deepEqual(
    positionsAt(official, at).map((p) => p.title),
    ['until 1 January'],
  );
  assert.deepEqual(
    positionsAt(official, new Date(at)).map((p) => p.title),
    ['until 1 January'],
  );
  assert.deepEqual(toLunarDate(at), toLunarDate('1970-01-01'));
  assert.notDeepEqual(toLunarDate(at), toLunarDate('1970-01-02'));
});

test('any instant gives the same Vietnam day to every function that reads one', () => {
  fc.assert(
    fc.property(fc.date({ min: new Date('1800-01-02'), max: new Date('2199-12-30'), noInvalidDate: true }), (date) => {
      const day = toVietnamDateString(date);
      assert.equal(day, toVietnamIsoString(date).slice(0, 10));
      assert.deepEqual(toLunarDate(date), toLunarDate(day));
      const official = { positions: [{ title: 'that day', from: day, to: day }] };
      assert.equal(positionsAt(official, date).length, 1);
      assert.equal(positionsAt(official, day).length, 1);
    }),
    { numRuns: 300 },
  );
});

test('strings are read in Vietnam time whatever the machine zone: a date is that day, no offset is wall time', () => {
  assert.equal(toDate('2026-02-17T08:00').toISOString(), '2026-02-17T01:00:00.000Z');
  assert.equal(toDate('2026-02-17 08:00:30.25').toISOString(), '2026-02-17T01:00:30.250Z');
  assert.equal(toDate('2026-02-17').toISOString(), '2026-02-16T17:00:00.000Z');
  assert.equal(toDate('2026-02-17T01:00:00+0800').toISOString(), '2026-02-16T17:00:00.000Z');
  assert.equal(formatDate('2026-02-17T23:30', 'dateTime'), '17/02/2026 23:30');
  assert.equal(toVietnamDateString('2026-02-17T23:30'), '2026-02-17');
  assert.equal(toDate('2026-02-17T08:00:00.123456Z').toISOString(), '2026-02-17T08:00:00.123Z');
  for (const bad of [
    '2026-02-30',
    '2026-02-17T24:00',
    '2026-02-17T08:60',
    '2026-02-17T08:005',
    '17/02/2026',
    'Tue Feb 17 2026',
    '2026-02-17T08:00+25:00',
    '2026-02-17T08:00+07:60',
  ]) {
    assert.throws(() => toDate(bad), RangeError, bad);
    assert.throws(() => toVietnamDateString(bad), RangeError, bad);
    assert.throws(() => positionsAt({ positions: [] }, bad), RangeError, bad);
  }
});

test('toVietnamIsoString can keep milliseconds, as the server writes its times', () => {
  // The server's own formula (storage/common.ts toVnIso), which it can now replace.
  const serverVnIso = (ms: number) => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 23)}+07:00`;
  fc.assert(
    fc.property(fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-30'), noInvalidDate: true }), (date) => {
      assert.equal(toVietnamIsoString(date, { milliseconds: true }), serverVnIso(date.getTime()));
      assert.equal(toVietnamDateString(date), serverVnIso(date.getTime()).slice(0, 10));
    }),
  );
  assert.equal(toVietnamIsoString(Date.UTC(2026, 1, 4, 1, 0, 0, 7)), '2026-02-04T08:00:00+07:00');
  assert.equal(
    toVietnamIsoString(Date.UTC(2026, 1, 4, 1, 0, 0, 7), { milliseconds: true }),
    '2026-02-04T08:00:00.007+07:00',
  );
});
