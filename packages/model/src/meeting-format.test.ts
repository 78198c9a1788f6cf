import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { seedMeeting } from './fixtures/index.js';
import { formatMeetingTitle, groupAgendaByOutcome } from './meeting-format.js';
import { formatTarget } from './target-format.js';

test('the seed meeting heading, and headings without a session or with a period only', () => {
  assert.equal(formatMeetingTitle(seedMeeting), 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa XVII)');
  assert.equal(formatMeetingTitle({ kind: 'Kỳ họp', body: 'HĐND Thành phố' }), 'Kỳ họp HĐND Thành phố');
  assert.equal(
    formatMeetingTitle({
      kind: 'Kỳ họp',
      session: 1,
      body: 'HĐND Thành phố',
      term: { period: { from: 2026, to: 2031 } },
    }),
    'Kỳ họp lần thứ 1 HĐND Thành phố (nhiệm kỳ 2026-2031)',
  );
});

test('the seed agenda grouped by outcome, in report order, empty groups left out', () => {
  const groups = groupAgendaByOutcome(seedMeeting.agenda);
  assert.deepEqual(
    groups.map((group) => [group.outcome, group.items.length]),
    [
      ['adopted', 4],
      ['commented', 6],
      ['decided', 1],
    ],
  );
  assert.deepEqual(groupAgendaByOutcome([]), []);
});

test('the seed figures as tiles write them, in Vietnamese and in English', () => {
  assert.deepEqual(
    seedMeeting.targets.map((target) => formatTarget(target).display),
    ['khoảng 7,5%', 'khoảng 135 triệu đồng (≈ 5.870 USD)', 'giảm 20%', '+85 trường', '85%', '+14 xã'],
  );
  assert.deepEqual(
    seedMeeting.targets.map((target) => formatTarget(target).spoken),
    [
      'khoảng 7,5%',
      'khoảng 135 triệu đồng, tương đương 5.870 USD',
      'giảm 20%',
      'tăng thêm 85 trường',
      '85%',
      'tăng thêm 14 xã',
    ],
  );
  assert.deepEqual(
    seedMeeting.targets.map((target) => formatTarget(target, { locale: 'en' }).display),
    ['about 7.5%', 'about 135 million đồng (≈ 5,870 USD)', 'down 20%', '+85 trường', '85%', '+14 xã'],
  );
});

test('a change is written by its direction, whatever the sign of the value', () => {
  assert.equal(formatTarget({ indicator: 'x', value: -20, unit: '%', change: 'decrease' }).display, 'giảm 20%');
  assert.equal(formatTarget({ indicator: 'x', value: -3, unit: '' }).display, '-3');
  assert.equal(formatTarget({ indicator: 'x', value: 1_500_000_000, unit: 'đồng' }).display, '1,5 tỷ đồng');
});

test('formatTarget never throws', () => {
  fc.assert(
    fc.property(
      fc.record({
        indicator: fc.string(),
        value: fc.double(),
        unit: fc.string(),
        approximate: fc.option(fc.boolean(), { nil: undefined }),
        change: fc.option(fc.constantFrom('increase' as const, 'decrease' as const), { nil: undefined }),
      }),
      fc.constantFrom('vi' as const, 'en' as const),
      (target, locale) => {
        const out = formatTarget(target, { locale });
        assert.equal(typeof out.display, 'string');
        assert.equal(typeof out.spoken, 'string');
      },
    ),
  );
});
