import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compareVietnameseNames, splitVietnameseName } from './names.js';

/** The people named in the seed article (/work/shared/seed/000_a44aa4057b2fb308.txt). */
const SEED_NAMES = [
  'Vương Đình Huệ',
  'Chu Ngọc Anh',
  'Nguyễn Thị Tuyến',
  'Nguyễn Ngọc Tuấn',
  'Nguyễn Văn Phong',
  'Ngô Thị Thanh Hằng',
  'Nguyễn Thị Bích Ngọc',
  'Nguyễn Duy Ngọc',
  'Vũ Đại Thắng',
  'Nguyễn Trọng Đông',
  'Phùng Thị Hồng Hà',
  'Trần Thế Cương',
];

describe('splitVietnameseName', () => {
  test('family, middle, given', () => {
    assert.deepEqual(splitVietnameseName('Vương Đình Huệ'), { family: 'Vương', middle: 'Đình', given: 'Huệ' });
    assert.deepEqual(splitVietnameseName('Nguyễn Thị Bích Ngọc'), {
      family: 'Nguyễn',
      middle: 'Thị Bích',
      given: 'Ngọc',
    });
    assert.deepEqual(splitVietnameseName('Phùng Thị Hồng Hà'), { family: 'Phùng', middle: 'Thị Hồng', given: 'Hà' });
  });

  test('two syllables: no middle name', () => {
    assert.deepEqual(splitVietnameseName('Tô Lâm'), { family: 'Tô', middle: '', given: 'Lâm' });
  });

  test('one syllable is the given name; empty input gives empty parts', () => {
    assert.deepEqual(splitVietnameseName('Ngọc'), { family: '', middle: '', given: 'Ngọc' });
    assert.deepEqual(splitVietnameseName(''), { family: '', middle: '', given: '' });
    assert.deepEqual(splitVietnameseName(' \t\n\u00a0'), { family: '', middle: '', given: '' });
  });

  test('extra and exotic whitespace is collapsed', () => {
    assert.deepEqual(splitVietnameseName('  Vương \t Đình\u00a0\u00a0Huệ \n'), {
      family: 'Vương',
      middle: 'Đình',
      given: 'Huệ',
    });
    assert.deepEqual(splitVietnameseName('Vương\u200b Đình Huệ').family, 'Vương');
  });

  test('NFD input comes back NFC', () => {
    const parts = splitVietnameseName('Nguyễn Thị Tuyến'.normalize('NFD'));
    assert.equal(parts.family, 'Nguyễn');
    assert.equal(parts.given, 'Tuyến');
    assert.equal(parts.given, parts.given.normalize('NFC'));
  });

  test('compound family names', () => {
    assert.deepEqual(splitVietnameseName('Tôn Thất Thuyết'), { family: 'Tôn Thất', middle: '', given: 'Thuyết' });
    assert.deepEqual(splitVietnameseName('Tôn Nữ Thị Ninh'), { family: 'Tôn Nữ', middle: 'Thị', given: 'Ninh' });
    assert.deepEqual(splitVietnameseName('Nguyễn Phúc Bửu Lộc'), {
      family: 'Nguyễn Phúc',
      middle: 'Bửu',
      given: 'Lộc',
    });
    assert.deepEqual(splitVietnameseName('Công Tôn Toản'), { family: 'Công Tôn', middle: '', given: 'Toản' });
    assert.deepEqual(splitVietnameseName('Âu Dương Lân'), { family: 'Âu Dương', middle: '', given: 'Lân' });
    assert.deepEqual(splitVietnameseName('Tư Mã Ý'), { family: 'Tư Mã', middle: '', given: 'Ý' });
    assert.deepEqual(splitVietnameseName('Gia Cát Lượng'), { family: 'Gia Cát', middle: '', given: 'Lượng' });
    assert.deepEqual(splitVietnameseName('Công Huyền Tôn Nữ Thị Hoa'), {
      family: 'Công Huyền Tôn Nữ',
      middle: 'Thị',
      given: 'Hoa',
    });
  });

  test('compound family names are matched regardless of case and tone placement', () => {
    assert.equal(splitVietnameseName('TÔN THẤT THUYẾT').family, 'TÔN THẤT');
    assert.equal(splitVietnameseName('Tôn Nữ Thị Ninh'.normalize('NFD')).family, 'Tôn Nữ');
  });

  test('a compound family name needs a given name after it', () => {
    assert.deepEqual(splitVietnameseName('Tôn Thất'), { family: 'Tôn', middle: '', given: 'Thất' });
  });

  test('ordinary double-barrelled names read the second part as a middle name (documented)', () => {
    assert.deepEqual(splitVietnameseName('Trần Lê Minh'), { family: 'Trần', middle: 'Lê', given: 'Minh' });
  });

  test('non-string input does not throw', () => {
    assert.deepEqual(splitVietnameseName(undefined as unknown as string), { family: '', middle: '', given: '' });
  });

  test('property: never throws on any string, including lone surrogates', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: anyUnit })), (value) => {
        const parts = splitVietnameseName(value);
        assert.equal(typeof parts.family, 'string');
        assert.equal(typeof parts.middle, 'string');
        assert.equal(typeof parts.given, 'string');
      }),
      { numRuns: 500 },
    );
  });

  test('property: the parts put back together are the name with whitespace collapsed', () => {
    const syllable = fc.constantFrom('Nguyễn', 'Tôn', 'Nữ', 'Thất', 'Thị', 'Bích', 'Ngọc', 'Âu', 'Dương', 'Hà', 'Đình');
    const gap = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \n ');
    fc.assert(
      fc.property(fc.array(fc.tuple(syllable, gap), { maxLength: 7 }), (pieces) => {
        const written = pieces.map(([s, g]) => s + g).join('');
        const parts = splitVietnameseName(written);
        const rebuilt = [parts.family, parts.middle, parts.given].filter((p) => p !== '').join(' ');
        assert.equal(rebuilt, pieces.map(([s]) => s).join(' '));
      }),
    );
  });
});

describe('compareVietnameseNames', () => {
  test('sorts by given name first: Huệ before Ngọc', () => {
    assert.ok(compareVietnameseNames('Vương Đình Huệ', 'Nguyễn Thị Bích Ngọc') < 0);
    assert.ok(compareVietnameseNames('Nguyễn Thị Bích Ngọc', 'Vương Đình Huệ') > 0);
    assert.deepEqual(['Nguyễn Thị Bích Ngọc', 'Vương Đình Huệ'].sort(compareVietnameseNames), [
      'Vương Đình Huệ',
      'Nguyễn Thị Bích Ngọc',
    ]);
  });

  test('the seed names in Vietnamese order', () => {
    assert.deepEqual([...SEED_NAMES].sort(compareVietnameseNames), [
      'Chu Ngọc Anh',
      'Trần Thế Cương',
      'Nguyễn Trọng Đông', // Đ after C…, D…
      'Phùng Thị Hồng Hà', // Hà before Hằng: a < ă
      'Ngô Thị Thanh Hằng',
      'Vương Đình Huệ',
      'Nguyễn Duy Ngọc', // same given and family: middle Duy < Thị Bích
      'Nguyễn Thị Bích Ngọc',
      'Nguyễn Văn Phong',
      'Vũ Đại Thắng',
      'Nguyễn Ngọc Tuấn', // Tuấn before Tuyến: â < y
      'Nguyễn Thị Tuyến',
    ]);
  });

  test('ICU vi collation: Đ after all of D, vowel letters a < ă < â, o < ô < ơ, u < ư', () => {
    // Checked against the ICU in Node (process.versions.icu); these are what the order above relies on.
    const given = (names: string[]) =>
      names
        .map((n) => `Nguyễn Văn ${n}`)
        .sort(compareVietnameseNames)
        .map((n) => n.slice(11));
    assert.deepEqual(given(['Đông', 'Dung', 'Duy', 'Đại', 'Dương']), ['Dung', 'Duy', 'Dương', 'Đại', 'Đông']);
    assert.deepEqual(given(['Ân', 'Ăn', 'An', 'Ôn', 'Ơn', 'On', 'Ưng', 'Ung']), [
      'An',
      'Ăn',
      'Ân',
      'On',
      'Ôn',
      'Ơn',
      'Ung',
      'Ưng',
    ]);
  });

  test('tones are a secondary difference: the letters decide first', () => {
    assert.ok(compareVietnameseNames('Lê Thị Hạ', 'Lê Thị Hàn') < 0); // "ha" < "han" whatever the tones
    assert.ok(compareVietnameseNames('Lê Thị Há', 'Lê Thị Hà') !== 0);
  });

  test('then family name, then middle name', () => {
    assert.ok(compareVietnameseNames('Trần Văn Anh', 'Đỗ Văn Anh') > 0); // Đỗ < Trần
    assert.ok(compareVietnameseNames('Chu Ngọc Anh', 'Chu Anh') > 0); // middle "" < "Ngọc"
    assert.ok(compareVietnameseNames('Lê Minh Anh', 'Lê Bảo Anh') > 0);
  });

  test('equal names compare 0, whatever the whitespace or normalisation', () => {
    assert.equal(compareVietnameseNames('Vương Đình Huệ', 'Vương Đình Huệ'), 0);
    assert.equal(compareVietnameseNames(' Vương  Đình Huệ', 'Vương Đình Huệ'.normalize('NFD')), 0);
  });

  test('property: antisymmetric and consistent with sort', () => {
    const name = fc.constantFrom(...SEED_NAMES, 'Ngọc', '', 'Tôn Nữ Thị Ninh', 'Đỗ Văn Anh', 'Dương Văn Anh');
    fc.assert(
      fc.property(name, name, (a, b) => {
        assert.equal(Math.sign(compareVietnameseNames(a, b)), -Math.sign(compareVietnameseNames(b, a)) || 0);
      }),
    );
    fc.assert(
      fc.property(fc.array(name), (names) => {
        const sorted = [...names].sort(compareVietnameseNames);
        for (let i = 1; i < sorted.length; i++) assert.ok(compareVietnameseNames(sorted[i - 1]!, sorted[i]!) <= 0);
      }),
    );
  });

  test('property: never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        assert.equal(typeof compareVietnameseNames(a, b), 'number');
      }),
    );
  });
});
