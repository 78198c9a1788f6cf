import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ABBREVIATIONS, abbreviationOf, expandAbbreviations } from './abbreviations.js';
import { normalizeVietnamese } from './text.js';

describe('ABBREVIATIONS', () => {
  it('contains the civic abbreviations the seed content relies on', () => {
    const expected: Record<string, string> = {
      HĐND: 'Hội đồng nhân dân',
      UBND: 'Ủy ban nhân dân',
      UBBC: 'Ủy ban bầu cử',
      BCH: 'Ban Chấp hành',
      MTTQ: 'Mặt trận Tổ quốc',
      UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
      ĐBQH: 'Đại biểu Quốc hội',
      BCĐ: 'Ban Chỉ đạo',
      TƯ: 'Trung ương',
      TW: 'Trung ương',
      BTV: 'Ban Thường vụ',
      QH: 'Quốc hội',
      THCS: 'trung học cơ sở',
      THPT: 'trung học phổ thông',
      'KT-XH': 'kinh tế - xã hội',
      'CNH-HĐH': 'công nghiệp hóa, hiện đại hóa',
    };
    for (const [abbreviation, expansion] of Object.entries(expected)) {
      assert.equal(ABBREVIATIONS[abbreviation], expansion, abbreviation);
    }
  });

  it('omits the ambiguous KH', () => {
    assert.equal(ABBREVIATIONS['KH'], undefined);
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(ABBREVIATIONS));
  });

  it('is spelled in NFC with the traditional tone placement', () => {
    for (const [abbreviation, expansion] of Object.entries(ABBREVIATIONS)) {
      assert.equal(abbreviation, abbreviation.normalize('NFC'));
      assert.equal(expansion, normalizeVietnamese(expansion), expansion);
    }
  });
});

describe('expandAbbreviations', () => {
  it('expands the seed examples', () => {
    assert.equal(
      expandAbbreviations('Phó Bí thư Thành ủy, Chủ tịch UBND Thành phố'),
      'Phó Bí thư Thành ủy, Chủ tịch Ủy ban nhân dân Thành phố',
    );
    assert.equal(expandAbbreviations('Ủy viên BCH Trung ương Đảng'), 'Ủy viên Ban Chấp hành Trung ương Đảng');
    assert.equal(
      expandAbbreviations('Đồng chí Nguyễn Duy Ngọc chủ trì họp BCĐ bầu cử thành phố Hà Nội'),
      'Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội',
    );
    assert.equal(expandAbbreviations('Chủ tịch UBMTTQ Việt Nam'), 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam');
  });

  it('leaves text without abbreviations unchanged', () => {
    for (const text of [
      'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ',
      'Nguyễn Thị Bích Ngọc',
      'khóa XVII',
      'Tết Nguyên đán Bính Ngọ 2026',
      'đảm bảo Thành phố luôn xanh, sạch, đẹp',
      'COVID-19',
    ]) {
      assert.equal(expandAbbreviations(text), text);
    }
  });

  it('keeps document numbers intact', () => {
    assert.equal(expandAbbreviations('Kế hoạch số 02-KH/BCĐ ngày 20/11/2025'), 'Kế hoạch số 02-KH/BCĐ ngày 20/11/2025');
    assert.equal(
      expandAbbreviations('Quyết định số 123/QĐ-UBND của UBND Thành phố'),
      'Quyết định số 123/QĐ-UBND của Ủy ban nhân dân Thành phố',
    );
    assert.equal(expandAbbreviations('Nghị quyết 57-NQ/TW của Bộ Chính trị'), 'Nghị quyết 57-NQ/TW của Bộ Chính trị');
    assert.equal(expandAbbreviations('Công văn 45/UBBC-VP'), 'Công văn 45/UBBC-VP');
  });

  it('matches whole words only, with Vietnamese letters as word characters', () => {
    assert.equal(expandAbbreviations('HĐNDX ĐHĐND HĐNDđ xHĐND'), 'HĐNDX ĐHĐND HĐNDđ xHĐND');
    assert.equal(expandAbbreviations('QH15 và TƯ8'), 'QH15 và TƯ8');
    assert.equal(expandAbbreviations('CHXHCN Việt Nam'), 'Cộng hòa xã hội chủ nghĩa Việt Nam'); // not "CH" + XHCN
    assert.equal(expandAbbreviations('ubnd'), 'ubnd'); // case-sensitive
  });

  it('expands at punctuation and hyphenated pairs', () => {
    assert.equal(expandAbbreviations('(HĐND), UBND; MTTQ.'), '(Hội đồng nhân dân), Ủy ban nhân dân; Mặt trận Tổ quốc.');
    assert.equal(
      expandAbbreviations('Hội nghị TƯ 8 bàn về phát triển KT-XH'),
      'Hội nghị Trung ương 8 bàn về phát triển kinh tế - xã hội',
    );
    assert.equal(expandAbbreviations('sự nghiệp CNH-HĐH đất nước'), 'sự nghiệp công nghiệp hóa, hiện đại hóa đất nước');
    assert.equal(expandAbbreviations('ĐBQH khóa XV'), 'Đại biểu Quốc hội khóa XV');
  });

  it('accepts decomposed input', () => {
    const nfd = 'Hội nghị TƯ 8'.normalize('NFD');
    assert.equal(expandAbbreviations(nfd), `${'Hội nghị '.normalize('NFD')}Trung ương 8`);
  });

  it('takes a custom dictionary', () => {
    const dictionary = { ...ABBREVIATIONS, 'TP.HCM': 'Thành phố Hồ Chí Minh' };
    assert.equal(expandAbbreviations('UBND TP.HCM', { dictionary }), 'Ủy ban nhân dân Thành phố Hồ Chí Minh');
    assert.equal(expandAbbreviations('UBND', { dictionary: {} }), 'UBND');
    assert.equal(expandAbbreviations('a+b (x)', { dictionary: { 'a+b': 'sum', '(x)': 'x' } }), 'sum x'); // regex metacharacters are literal
  });

  it('property: never throws, and is the identity on text without capitals', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const expanded = expandAbbreviations(text);
        return typeof expanded === 'string' && (/\p{Lu}/u.test(text) || expanded === text);
      }),
      { numRuns: 500 },
    );
  });

  it('property: expansions are stable (expanding twice changes nothing more)', () => {
    const keys = Object.keys(ABBREVIATIONS);
    const piece = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(' ', ', ', '-', '/', '02', 'Hà Nội', 'x', '(', ')'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const once = expandAbbreviations(pieces.join(''));
        return expandAbbreviations(once) === once;
      }),
      { numRuns: 500 },
    );
  });
});

describe('abbreviationOf', () => {
  it('finds the abbreviation regardless of case, diacritics, tone style and spacing', () => {
    assert.equal(abbreviationOf('Ủy ban nhân dân'), 'UBND');
    assert.equal(abbreviationOf('uỷ  ban nhân dân'), 'UBND');
    assert.equal(abbreviationOf('HỘI ĐỒNG NHÂN DÂN'), 'HĐND');
    assert.equal(abbreviationOf('kinh tế - xã hội'), 'KT-XH');
  });

  it('prefers the first listed abbreviation for a shared expansion', () => {
    assert.equal(abbreviationOf('Trung ương'), 'TƯ');
  });

  it('returns undefined for unknown expansions', () => {
    assert.equal(abbreviationOf('Bộ Chính trị'), undefined);
    assert.equal(abbreviationOf(''), undefined);
  });

  it('round-trips every built-in expansion whose text is unique', () => {
    const counts = new Map<string, number>();
    for (const expansion of Object.values(ABBREVIATIONS)) counts.set(expansion, (counts.get(expansion) ?? 0) + 1);
    for (const [abbreviation, expansion] of Object.entries(ABBREVIATIONS)) {
      if (counts.get(expansion) === 1) assert.equal(abbreviationOf(expansion), abbreviation, expansion);
    }
  });
});
