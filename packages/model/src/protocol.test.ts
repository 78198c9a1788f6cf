import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { officials } from './fixtures/index.js';
import type { Official } from './official.js';
import { officialProtocolRank, protocolRank, sortOfficialsByProtocol } from './protocol.js';
import { officialTitles } from './vi/official-titles.js';

const names = (list: readonly Official[]) => list.map((official) => official.fullName);

test('the seed leadership of 28/11/2020 in protocol order, Phó Bí thư ties by given name', () => {
  const held = sortOfficialsByProtocol(officials, '2020-11-28').filter(
    (official) => officialTitles(official, '2020-11-28') !== '',
  );
  assert.deepEqual(names(held), [
    'Vương Đình Huệ', // Ủy viên Bộ Chính trị, Bí thư Thành ủy
    'Nguyễn Thị Tuyến', // Phó Bí thư Thường trực
    'Chu Ngọc Anh', // Chủ tịch UBND
    'Nguyễn Thị Bích Ngọc', // Chủ tịch HĐND
    'Ngô Thị Thanh Hằng', // Ủy viên Trung ương Đảng
    'Nguyễn Văn Phong', // Phó Bí thư: Phong before Tuấn
    'Nguyễn Ngọc Tuấn',
  ]);
});

test('titles are time-bound: the 2026 leadership differs, and 2020 officials then hold nothing', () => {
  const sorted = sortOfficialsByProtocol(officials, '2026-02-04T09:00:00+07:00');
  assert.deepEqual(names(sorted).slice(0, 6), [
    'Nguyễn Duy Ngọc',
    'Nguyễn Văn Phong',
    'Vũ Đại Thắng',
    'Phùng Thị Hồng Hà',
    'Nguyễn Trọng Đông',
    'Trần Thế Cương',
  ]);
  const vuong = officials.find((official) => official.id === 'vuong-dinh-hue')!;
  assert.equal(officialTitles(vuong, '2026-02-04'), '');
  assert.ok(officialProtocolRank(vuong, '2026-02-04') > officialProtocolRank(sorted[5]!, '2026-02-04'));
});

test('equal ranks are ordered by given name first, not by family name', () => {
  const deputy = (id: string, fullName: string): Official => ({
    id,
    fullName,
    positions: [{ title: 'Phó Bí thư Tỉnh ủy' }],
  });
  // Family names alone would put Bùi first; given names put An before Bình.
  const sorted = sortOfficialsByProtocol([deputy('b', 'Bùi Văn Bình'), deputy('a', 'Trần Văn An')], '2026-01-01');
  assert.deepEqual(names(sorted), ['Trần Văn An', 'Bùi Văn Bình']);
});

test('a title ranks whatever its spelling; unknown titles rank after known ones', () => {
  assert.equal(protocolRank('Ủy viên Bộ Chính trị'), 0);
  assert.equal(protocolRank('UỶ VIÊN BỘ CHÍNH TRỊ'), 0);
  assert.equal(protocolRank('Bí thư Thành ủy'.normalize('NFD')), 1);
  assert.equal(protocolRank('Bí thư Tỉnh uỷ'), 1);
  assert.ok(protocolRank('Phó Bí thư Thường trực Thành ủy') < protocolRank('Phó Bí thư Thành ủy'));
  assert.ok(protocolRank('Chủ tịch UBND Thành phố') < protocolRank('Phó Chủ tịch UBND Thành phố'));
  assert.ok(protocolRank('Thành ủy viên') > protocolRank('Ủy viên Ban Thường vụ Thành ủy'));
  assert.ok(protocolRank('Phó Trưởng ban Chỉ đạo') > protocolRank('Thành ủy viên'));
});

test('the title chain is the one formatOfficial writes, in the news order, without the name', () => {
  const vuong = officials.find((official) => official.id === 'vuong-dinh-hue')!;
  assert.equal(
    officialTitles(vuong, '2020-11-28'),
    'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố',
  );
  assert.throws(() => officialTitles(vuong, 'hôm qua'), RangeError);
});

test('protocol order never throws on arbitrary titles and is a permutation', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ fullName: fc.string({ minLength: 1 }), titles: fc.array(fc.string()) }), { maxLength: 8 }),
      (people) => {
        const list: Official[] = people.map((person, index) => ({
          id: `p${index}`,
          fullName: person.fullName,
          positions: person.titles.map((title) => ({ title })),
        }));
        const sorted = sortOfficialsByProtocol(list, '2026-01-01');
        assert.deepEqual([...sorted].map((o) => o.id).sort(), list.map((o) => o.id).sort());
        for (let i = 1; i < sorted.length; i++)
          assert.ok(
            officialProtocolRank(sorted[i - 1]!, '2026-01-01') <= officialProtocolRank(sorted[i]!, '2026-01-01'),
          );
      },
    ),
  );
});
