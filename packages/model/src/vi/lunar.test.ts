import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canChiOfYear, tetDate, toLunarDate, type LunarDate } from './lunar.js';

/** Shorthand for the expected value of a non-leap day. */
function lunar(day: number, month: number, year: number, isLeapMonth = false): LunarDate {
  return { day, month, year, isLeapMonth, yearName: canChiOfYear(year) };
}

const DAY_MS = 86_400_000;
/** Midday in Vietnam (05:00 UTC) of a Gregorian date: unambiguous in any zone. */
function vnNoon(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day, 5);
}
function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

// Gregorian dates of Tết in Vietnam. They equal Chinese New Year except where noted:
// Vietnam computes in UTC+7, China in UTC+8, so a new moon between 16:00 and 17:00 UTC
// starts the month a day earlier in Vietnam. The list was also checked against an
// independent computation of the same rules from another ephemeris.
const TET: Record<number, string> = {
  1968: '1968-01-29', // China 30 Jan; the Hanoi/Saigon split of Tết Mậu Thân
  1985: '1985-01-21', // China 20 Feb: the 1984 solstice fell on 21 Dec in UTC+7, 22 Dec in UTC+8
  2000: '2000-02-05',
  2001: '2001-01-24',
  2002: '2002-02-12',
  2003: '2003-02-01',
  2004: '2004-01-22',
  2005: '2005-02-09',
  2006: '2006-01-29',
  2007: '2007-02-17', // China 18 Feb
  2008: '2008-02-07',
  2009: '2009-01-26',
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-02', // China 3 Feb
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19', // after the rare leap month 11 of 2033
  2035: '2035-02-08',
  2053: '2053-02-18', // China 19 Feb
};

describe('tetDate and Tết in toLunarDate', () => {
  for (const [yearText, expected] of Object.entries(TET)) {
    const year = Number(yearText);
    test(`Tết ${year} is ${expected}`, () => {
      const { month, day } = tetDate(year);
      assert.equal(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, expected);
      assert.deepEqual(toLunarDate(expected), lunar(1, 1, year));

      const eve = toLunarDate(Date.parse(`${expected}T05:00:00Z`) - DAY_MS);
      assert.equal(eve.month, 12);
      assert.equal(eve.year, year - 1);
      assert.ok(eve.day === 29 || eve.day === 30, `last day of the year is ${eve.day}`);
    });
  }

  test('Vietnam differs from China in 1985, 2007 and 2030', () => {
    assert.deepEqual(tetDate(1985), { year: 1985, month: 1, day: 21 });
    assert.deepEqual(toLunarDate('1985-02-20'), lunar(1, 2, 1985)); // China's Tết is 1/2 in Vietnam
    assert.deepEqual(toLunarDate('2007-02-18'), lunar(2, 1, 2007));
    assert.deepEqual(toLunarDate('2030-02-03'), lunar(2, 1, 2030));
  });

  test('rejects unsupported years', () => {
    for (const bad of [1799, 2200, 2026.5, Number.NaN]) {
      assert.throws(() => tetDate(bad), RangeError);
    }
  });
});

describe('leap months', () => {
  // [a day in the leap month, its lunar date, first day of that leap month]
  const cases: [string, LunarDate, string][] = [
    ['2020-06-01', lunar(10, 4, 2020, true), '2020-05-23'],
    ['2023-04-01', lunar(11, 2, 2023, true), '2023-03-22'],
    ['2025-08-01', lunar(8, 6, 2025, true), '2025-07-25'],
    ['2028-07-01', lunar(9, 5, 2028, true), '2028-06-23'],
    ['1995-09-24', lunar(1, 8, 1995, true), '1995-09-24'], // a day earlier than China's 25 Sep
    ['2034-01-01', lunar(11, 11, 2033, true), '2033-12-22'], // leap 11: the "2033 problem"
  ];
  for (const [date, expected, firstDay] of cases) {
    test(`${date} is in leap month ${expected.month}/${expected.year}`, () => {
      assert.deepEqual(toLunarDate(date), expected);
      assert.deepEqual(toLunarDate(firstDay), { ...expected, day: 1 });
      // The day before the leap month is the end of the regular month with the same number.
      const before = toLunarDate(Date.parse(`${firstDay}T05:00:00Z`) - DAY_MS);
      assert.equal(before.month, expected.month);
      assert.equal(before.isLeapMonth, false);
      assert.ok(before.day === 29 || before.day === 30);
    });
  }

  test('2148 has two first months (leap month 1)', () => {
    assert.deepEqual(toLunarDate('2148-01-21'), lunar(1, 1, 2148));
    assert.deepEqual(toLunarDate('2148-02-20'), lunar(1, 1, 2148, true));
  });
});

describe('toLunarDate', () => {
  test('election day 2026-03-15 is 27/1 Bính Ngọ', () => {
    assert.deepEqual(toLunarDate('2026-03-15'), lunar(27, 1, 2026));
  });

  test('2025-11-20 is 1/10 Ất Tỵ (new moon at 13:47 Vietnam time)', () => {
    assert.deepEqual(toLunarDate('2025-11-20'), lunar(1, 10, 2025));
    assert.deepEqual(toLunarDate('2025-11-19'), lunar(30, 9, 2025));
  });

  test('the day is the Vietnam civil day, switching at 17:00 UTC', () => {
    assert.deepEqual(toLunarDate('2026-02-16T16:59:59Z'), lunar(29, 12, 2025));
    assert.deepEqual(toLunarDate('2026-02-16T17:00:00Z'), lunar(1, 1, 2026));
    assert.deepEqual(toLunarDate('2026-02-16T17:30:00Z'), lunar(1, 1, 2026));
    assert.deepEqual(toLunarDate(new Date('2026-02-16T16:59:59.999Z')), lunar(29, 12, 2025));
    assert.deepEqual(toLunarDate(Date.UTC(2026, 1, 16, 17)), lunar(1, 1, 2026));
  });

  test('month 12 of Ất Tỵ has 29 days: 16 Feb 2026 is 29/12 and there is no 30/12', () => {
    assert.deepEqual(toLunarDate('2026-01-19'), lunar(1, 12, 2025));
    assert.deepEqual(toLunarDate('2026-02-16'), lunar(29, 12, 2025));
    assert.deepEqual(toLunarDate('2026-02-17'), lunar(1, 1, 2026));
  });

  // The new moon of May 2054 is computed here at 00:00:22 Vietnam time on 8 May (17:00:22 UT on
  // 7 May, with ΔT ≈ 101 s), the closest call after midnight in 1800–2199. The published
  // Vietnamese calendar (Hồ Ngọc Đức's tables, which Vietnamese almanacs and calendar sites
  // reproduce; its shorter Meeus series puts this new moon at 00:01:55) also makes Friday
  // 8 May 2054 the 1st of month 4 of Giáp Tuất, and 7 May the 30th of month 3. A ΔT wrong by
  // more than 22 s (2054's is extrapolated) would move it to 7 May: this test would catch that.
  test('May 2054: the new moon 22 s after Vietnam midnight starts month 4 on 8 May, as published', () => {
    assert.deepEqual(toLunarDate('2054-05-07'), lunar(30, 3, 2054));
    assert.deepEqual(toLunarDate('2054-05-07T23:59:59+07:00'), lunar(30, 3, 2054));
    assert.deepEqual(toLunarDate('2054-05-08T00:00:00+07:00'), lunar(1, 4, 2054));
    assert.deepEqual(toLunarDate('2054-05-07T17:00:22Z'), lunar(1, 4, 2054));
    assert.deepEqual(toLunarDate('2054-06-05'), lunar(29, 4, 2054));
    assert.deepEqual(toLunarDate('2054-06-06'), lunar(1, 5, 2054));
    assert.equal(canChiOfYear(2054), 'Giáp Tuất');
  });

  test('Tết 1968: new moon at 23:29 in Hanoi (UTC+7), after midnight in UTC+8', () => {
    assert.deepEqual(toLunarDate('1968-01-28T23:59:59+07:00'), lunar(29, 12, 1967));
    assert.deepEqual(toLunarDate('1968-01-29T00:00:00+07:00'), lunar(1, 1, 1968));
  });

  test('string forms: date-only and offset-less times are Vietnam time, offsets are honoured', () => {
    const expected = lunar(1, 1, 2026);
    assert.deepEqual(toLunarDate('2026-02-17'), expected);
    assert.deepEqual(toLunarDate('2026-02-17T00:10'), expected);
    assert.deepEqual(toLunarDate('2026-02-17 23:59:59.999'), expected);
    assert.deepEqual(toLunarDate('2026-02-16T12:00:00-05:00'), expected); // 17:00Z
    assert.deepEqual(toLunarDate('2026-02-17T01:00:00+0800'), expected);
    assert.deepEqual(toLunarDate(' 2026-02-17 '), expected);
    assert.deepEqual(toLunarDate('2026-02-16T23:59'), lunar(29, 12, 2025));
  });

  test('Date, epoch milliseconds and ISO strings agree', () => {
    const ms = Date.parse('2024-09-17T03:00:00Z'); // Tết Trung thu 2024
    assert.deepEqual(toLunarDate(ms), lunar(15, 8, 2024));
    assert.deepEqual(toLunarDate(new Date(ms)), lunar(15, 8, 2024));
    assert.deepEqual(toLunarDate('2024-09-17'), lunar(15, 8, 2024));
  });

  test('invalid input throws a RangeError naming the value', () => {
    const bad: [Date | string | number, RegExp][] = [
      ['not a date', /"not a date"/],
      ['2026-02-30', /"2026-02-30"/],
      ['2026-13-01', /"2026-13-01"/],
      ['2026-02-16T24:00:00Z', /"2026-02-16T24:00:00Z"/],
      ['17/02/2026', /"17\/02\/2026"/],
      ['', /""/],
      [new Date(Number.NaN), /Invalid Date/],
      [Number.NaN, /NaN/],
      [Number.POSITIVE_INFINITY, /Infinity/],
      ['1799-12-31', /1799/],
      ['2200-01-01', /2200/],
      [new Date('1799-06-01T00:00:00Z'), /1799-06-01T00:00:00\.000Z/],
    ];
    for (const [input, message] of bad) {
      assert.throws(
        () => toLunarDate(input),
        (error: unknown) => {
          assert.ok(error instanceof RangeError, `${String(input)} should throw a RangeError`);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });

  test('supports 1800 to 2199', () => {
    assert.doesNotThrow(() => toLunarDate('1800-01-01'));
    assert.doesNotThrow(() => toLunarDate('2199-12-31'));
  });
});

describe('canChiOfYear', () => {
  test('names known years', () => {
    assert.equal(canChiOfYear(2026), 'Bính Ngọ');
    assert.equal(canChiOfYear(2025), 'Ất Tỵ');
    assert.equal(canChiOfYear(2024), 'Giáp Thìn');
    assert.equal(canChiOfYear(2023), 'Quý Mão');
    assert.equal(canChiOfYear(1984), 'Giáp Tý');
    assert.equal(canChiOfYear(1945), 'Ất Dậu');
    assert.equal(canChiOfYear(1968), 'Mậu Thân');
    assert.equal(canChiOfYear(2029), 'Kỷ Dậu');
  });

  test('works before the anchor year (negative remainders)', () => {
    assert.equal(canChiOfYear(4), 'Giáp Tý');
    assert.equal(canChiOfYear(3), 'Quý Hợi');
    assert.equal(canChiOfYear(0), 'Canh Thân');
    assert.equal(canChiOfYear(-56), 'Giáp Tý');
  });

  test('repeats every 60 years and uses NFC', () => {
    const names = new Set<string>();
    for (let year = 1984; year < 2044; year++) {
      const name = canChiOfYear(year);
      assert.equal(name, name.normalize('NFC'));
      assert.equal(canChiOfYear(year + 60), name);
      names.add(name);
    }
    assert.equal(names.size, 60);
  });

  test('rejects non-integers', () => {
    assert.throws(() => canChiOfYear(2026.5), RangeError);
    assert.throws(() => canChiOfYear(Number.NaN), RangeError);
  });
});

test('every day of 1900–2100 follows the calendar rules', () => {
  const start = vnNoon(1900, 1, 1);
  const end = vnNoon(2100, 12, 31);
  let prev = toLunarDate(start);
  let monthsThisYear = -1; // unknown until the first Tết in the range

  for (let ms = start + DAY_MS; ms <= end; ms += DAY_MS) {
    const cur = toLunarDate(ms);
    const where = `${iso(ms)}: ${JSON.stringify(prev)} → ${JSON.stringify(cur)}`;
    assert.ok(cur.day >= 1 && cur.day <= 30, where);
    assert.ok(cur.month >= 1 && cur.month <= 12, where);
    assert.equal(cur.yearName, canChiOfYear(cur.year), where);

    if (cur.day === prev.day + 1) {
      // Same month.
      assert.equal(cur.month, prev.month, where);
      assert.equal(cur.isLeapMonth, prev.isLeapMonth, where);
      assert.equal(cur.year, prev.year, where);
    } else {
      // A new month: the old one had 29 or 30 days, and the new one is either the leap
      // repeat of the old one or the next number.
      assert.equal(cur.day, 1, where);
      assert.ok(prev.day === 29 || prev.day === 30, where);
      const isLeapRepeat = !prev.isLeapMonth && cur.isLeapMonth && cur.month === prev.month;
      if (!isLeapRepeat) {
        assert.equal(cur.isLeapMonth, false, where);
        assert.equal(cur.month, (prev.month % 12) + 1, where);
      }

      if (cur.month === 1 && !cur.isLeapMonth) {
        // Tết: a new lunar year, after one of 12 or 13 months, between 21 Jan and 20 Feb.
        assert.equal(cur.year, prev.year + 1, where);
        if (monthsThisYear !== -1) assert.ok(monthsThisYear === 12 || monthsThisYear === 13, where);
        monthsThisYear = 0;
        const tet = iso(ms).slice(5);
        assert.ok(tet >= '01-21' && tet <= '02-20', where);
        const { month, day } = tetDate(cur.year);
        assert.equal(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, tet, where);
      } else {
        assert.equal(cur.year, prev.year, where);
      }
      if (monthsThisYear !== -1) monthsThisYear++;
    }
    prev = cur;
  }
});
