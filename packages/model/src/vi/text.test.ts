import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldVietnamese, normalizeVietnamese, slugify } from './text.js';

// Strings from the seed page.
const SEED = {
  leader: 'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ',
  name: 'Nguyễn Thị Bích Ngọc',
  plan: 'Kế hoạch số 02-KH/BCĐ ngày 20/11/2025',
  term: 'khóa XVII',
  tet: 'Tết Nguyên đán Bính Ngọ 2026',
  front: 'Ủy ban Mặt trận Tổ quốc Việt Nam',
  green: 'đảm bảo Thành phố luôn xanh, sạch, đẹp',
  meeting: 'Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội',
} as const;

const FOLDED: Record<keyof typeof SEED, string> = {
  leader: 'uy vien bo chinh tri, bi thu thanh uy, truong doan dai bieu quoc hoi thanh pho vuong dinh hue',
  name: 'nguyen thi bich ngoc',
  plan: 'ke hoach so 02-kh/bcd ngay 20/11/2025',
  term: 'khoa xvii',
  tet: 'tet nguyen dan binh ngo 2026',
  front: 'uy ban mat tran to quoc viet nam',
  green: 'dam bao thanh pho luon xanh, sach, dep',
  meeting: 'dong chi nguyen duy ngoc chu tri hop ban chi dao bau cu thanh pho ha noi',
};

const SLUGS: Record<keyof typeof SEED, string> = {
  leader: 'uy-vien-bo-chinh-tri-bi-thu-thanh-uy-truong-doan-dai-bieu-quoc-hoi-thanh-pho-vuong-dinh-hue',
  name: 'nguyen-thi-bich-ngoc',
  plan: 'ke-hoach-so-02-kh-bcd-ngay-20-11-2025',
  term: 'khoa-xvii',
  tet: 'tet-nguyen-dan-binh-ngo-2026',
  front: 'uy-ban-mat-tran-to-quoc-viet-nam',
  green: 'dam-bao-thanh-pho-luon-xanh-sach-dep',
  meeting: 'dong-chi-nguyen-duy-ngoc-chu-tri-hop-ban-chi-dao-bau-cu-thanh-pho-ha-noi',
};

/** The written definition of folding, independent of the table-driven implementation. */
function foldOracle(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đð]/g, 'd')
    .normalize('NFC');
}

const SLUG_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$|^$/;

// --- Arbitraries -----------------------------------------------------------

const ONSETS = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'k',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'ngh',
  'nh',
  'p',
  'ph',
  'qu',
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'oa',
  'oe',
  'uy',
  'ua',
  'ưa',
  'ia',
  'iê',
  'uô',
  'ươ',
  'oă',
  'uyê',
  'uê',
  'oo',
];
const CODAS = ['', '', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'i', 'o', 'u', 'y', 'a'];
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Syllable-shaped Vietnamese words: tone on any vowel (so both placements occur), random case and normalisation form. */
const vietnameseSyllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    nucleus: fc.constantFrom(...NUCLEI),
    coda: fc.constantFrom(...CODAS),
    tone: fc.constantFrom(...TONES),
    tonePosition: fc.nat(2),
    casing: fc.constantFrom('lower', 'lower', 'capital', 'upper'),
    form: fc.constantFrom('NFC', 'NFC', 'NFD'),
  })
  .map(({ onset, nucleus, coda, tone, tonePosition, casing, form }) => {
    const letters = [...nucleus.normalize('NFD')];
    const vowelIndexes = letters.flatMap((ch, i) => (/[aeiouy]/.test(ch) ? [i] : []));
    const at = vowelIndexes[tonePosition % vowelIndexes.length] ?? 0;
    // A tone mark goes after the vowel's own quality mark, as in NFD.
    const insertAt =
      letters[at + 1] !== undefined && /[\u0302\u0306\u031b]/.test(letters[at + 1] as string) ? at + 2 : at + 1;
    letters.splice(insertAt, 0, tone);
    let word = onset + letters.join('') + coda;
    if (casing === 'upper') word = word.toUpperCase();
    if (casing === 'capital') word = word.charAt(0).toUpperCase() + word.slice(1);
    return word.normalize(form);
  });

/** Open oa/oe/uy syllables, the only ones whose tone placement varies, with the tone on either vowel. */
const openDiphthongSyllable = fc
  .record({
    onset: fc.constantFrom(...ONSETS),
    rhyme: fc.constantFrom('oa', 'oe', 'uy'),
    tone: fc.constantFrom(...TONES),
    second: fc.boolean(),
    upper: fc.boolean(),
  })
  .map(({ onset, rhyme, tone, second, upper }) => {
    const word = second ? onset + rhyme + tone : onset + rhyme.charAt(0) + tone + rhyme.charAt(1);
    return (upper ? word.toUpperCase() : word).normalize('NFC');
  });

const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '-', '/', '\n', '2026', '(', ')', ' COVID-19 ', '...');

const vietnameseText = fc
  .array(fc.tuple(fc.oneof(vietnameseSyllable, openDiphthongSyllable), separator), { maxLength: 25 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

/** Awkward code units: stray marks, Σ, Hangul jamo, kana voicing, Turkish İ, eth, surrogates (paired and lone), emoji. */
const awkwardUnit = fc.constantFrom(
  '\u0301',
  '\u0323',
  '\u0302',
  '\u031b',
  '\u034f',
  '\u0345',
  'Σ',
  'ς',
  'ΣΑΣ',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  'か',
  '\u3099',
  'İ',
  'ı',
  'Ð',
  'ð',
  'Đ',
  'ß',
  'ẞ',
  'Å',
  'Ω',
  '\ufb2c',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  '𐐀',
  '\u0958',
  'क',
  '\u093f',
  '中',
  'ǅ',
  'ﬁ',
  'Ａ',
  '\u0000',
  '-',
  ' ',
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.oneof(awkwardUnit, fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 40 }),
  // Every BMP code unit, surrogates included.
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
  vietnameseText,
  fc
    .tuple(vietnameseText, fc.string({ unit: awkwardUnit, maxLength: 6 }), vietnameseText)
    .map((parts) => parts.join('')),
);

const RUNS = { numRuns: 400 };

// --- foldVietnamese ----------------------------------------------------------

describe('foldVietnamese', () => {
  it('folds the seed strings', () => {
    assert.equal(foldVietnamese('Đảng bộ Thành phố'), 'dang bo thanh pho');
    for (const key of Object.keys(SEED) as (keyof typeof SEED)[]) {
      assert.equal(foldVietnamese(SEED[key]), FOLDED[key], key);
    }
  });

  it('gives the same result for NFC, NFD and mixed input', () => {
    for (const text of Object.values(SEED)) {
      assert.equal(foldVietnamese(text.normalize('NFD')), foldVietnamese(text));
    }
    // Precomposed ô with a separate tone mark, and a tone mark typed before the quality mark.
    assert.equal(foldVietnamese('Nguy\u00ea\u0303n Qu\u00f4\u0301c H\u00f4\u0323i'), 'nguyen quoc hoi');
    assert.equal(foldVietnamese('o\u0301\u0302'), 'o');
  });

  it('maps every Vietnamese letter to ASCII', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const expected = ['a', 18, 'e', 12, 'i', 6, 'o', 18, 'u', 12, 'y', 6, 'd', 1] as const;
    let ascii = '';
    for (let i = 0; i < expected.length; i += 2) ascii += (expected[i] as string).repeat(expected[i + 1] as number);
    assert.equal(foldVietnamese(letters), ascii);
    assert.equal(foldVietnamese(letters.toUpperCase()), foldVietnamese(letters));
  });

  it('only lowercases non-Vietnamese scripts', () => {
    assert.equal(
      foldVietnamese('Hà Nội 河内 하노이 ハノイ 😀 ΑΘΗΝΑ Москва'),
      'ha noi 河内 하노이 ハノイ 😀 αθηνα москва',
    );
    assert.equal(foldVietnamese('ΟΔΟΣ'), 'οδος'); // final sigma needs context
    assert.equal(foldVietnamese('が'.normalize('NFD')), 'が'); // kana voicing mark is kept and recomposed
    assert.equal(foldVietnamese('\u1112\u1161\u11ab'), '한'); // decomposed Hangul is recomposed
    assert.equal(foldVietnamese('नमस्ते'), 'नमस्ते');
    assert.equal(foldVietnamese('𐐀'), '𐐨');
    assert.equal(foldVietnamese('\u{11099}\u{110ba}'), '\u{1109a}'); // astral base + astral nukta recompose
    assert.equal(foldVietnamese('\u{16d67}\u{16d67}'), '\u{16d67}\u{16d67}'.normalize('NFC')); // Kirat Rai: letters, not marks
  });

  it('treats the look-alike Ð (eth) as Đ', () => {
    assert.equal(foldVietnamese('ÐẢNG'), 'dang');
  });

  it('keeps lone surrogates and returns unchanged input as is', () => {
    assert.equal(foldVietnamese('a\ud800B\udc00'), 'a\ud800b\udc00');
    assert.equal(foldVietnamese(''), '');
    assert.equal(foldVietnamese('\ufeffHà\u0301'), '\ufeffha'); // a leading BOM is text, not a decoder hint
    assert.equal(foldVietnamese('already folded 123'), 'already folded 123');
  });

  it('is not confused by buffer reuse across long and short calls', () => {
    const long = `${SEED.leader} 😀 ${SEED.meeting} `.repeat(2000);
    assert.equal(foldVietnamese(long), foldOracle(long));
    assert.equal(foldVietnamese(SEED.name), FOLDED.name);
    const withLoneSurrogate = `${SEED.front}\ud800`.repeat(1000); // exercises the chunked fromCharCode path
    assert.equal(foldVietnamese(withLoneSurrogate), foldOracle(withLoneSurrogate));
    assert.equal(foldVietnamese('Σ'.repeat(3) + SEED.tet), foldOracle('Σ'.repeat(3) + SEED.tet));
  });

  it('property: agrees with the definition on any string, and never throws', () => {
    fc.assert(
      fc.property(anyText, (text) => foldVietnamese(text) === foldOracle(text)),
      { numRuns: 2000 },
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => foldVietnamese(foldVietnamese(text)) === foldVietnamese(text)),
      RUNS,
    );
  });

  it('property: NFC and NFD input fold identically', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldVietnamese(text);
        return foldVietnamese(text.normalize('NFC')) === folded && foldVietnamese(text.normalize('NFD')) === folded;
      }),
      RUNS,
    );
  });

  it('property: Vietnamese text folds to lowercase ASCII', () => {
    fc.assert(
      fc.property(
        vietnameseText,
        (text) => /^[\x00-\x7f]*$/.test(foldVietnamese(text)) && !/[A-Z]/.test(foldVietnamese(text)),
      ),
      RUNS,
    );
  });
});

// --- slugify -----------------------------------------------------------------

describe('slugify', () => {
  it('slugifies the seed strings', () => {
    assert.equal(
      slugify('Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố'),
      'hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho',
    );
    for (const key of Object.keys(SEED) as (keyof typeof SEED)[]) {
      assert.equal(slugify(SEED[key]), SLUGS[key], key);
      assert.equal(slugify(SEED[key].normalize('NFD')), SLUGS[key], `${key} (NFD)`);
    }
  });

  it('trims separators and collapses runs of them', () => {
    assert.equal(slugify('  --Hà Nội!!!  (2026)--  '), 'ha-noi-2026');
    assert.equal(slugify('—'), '');
    assert.equal(slugify('河内'), '');
    assert.equal(slugify(''), '');
  });

  it('spells Latin letters without decompositions in ASCII', () => {
    assert.equal(slugify('Straße Æbeltoft Øresund Łódź'), 'strasse-aebeltoft-oresund-lodz');
  });

  it('cuts at a word boundary when maxLength is given', () => {
    const title = 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố';
    assert.equal(slugify(title, { maxLength: 20 }), 'hoi-nghi-lan-thu-2');
    assert.equal(slugify(title, { maxLength: 18 }), 'hoi-nghi-lan-thu-2'); // limit falls exactly on a word end
    assert.equal(slugify(title, { maxLength: 17 }), 'hoi-nghi-lan-thu');
    assert.equal(slugify(title, { maxLength: 2 }), 'ho'); // the first word alone is too long: hard cut
    assert.equal(slugify(title, { maxLength: 1000 }), slugify(title));
    assert.equal(slugify(title, { maxLength: Infinity }), slugify(title));
  });

  it('rejects a maxLength that is not a positive integer', () => {
    for (const maxLength of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => slugify('Hà Nội', { maxLength }), RangeError);
    }
  });

  it('property: never throws, always slug-shaped, idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const slug = slugify(text);
        return SLUG_SHAPE.test(slug) && slugify(slug) === slug;
      }),
      RUNS,
    );
  });

  it('property: maxLength gives a slug-shaped prefix of whole words', () => {
    fc.assert(
      fc.property(vietnameseText, fc.integer({ min: 1, max: 60 }), (text, maxLength) => {
        const full = slugify(text);
        const cut = slugify(text, { maxLength });
        const wholeWords = cut === full || full.startsWith(`${cut}-`) || (!cut.includes('-') && full.startsWith(cut));
        return cut.length <= maxLength && SLUG_SHAPE.test(cut) && wholeWords && slugify(cut, { maxLength }) === cut;
      }),
      RUNS,
    );
  });
});

// --- normalizeVietnamese -----------------------------------------------------

describe('normalizeVietnamese', () => {
  const PAIRS: [old: string, modern: string][] = [
    ['hòa', 'hoà'],
    ['Ủy ban', 'Uỷ ban'],
    ['khỏe', 'khoẻ'],
    ['thủy', 'thuỷ'],
    ['họa', 'hoạ'],
    ['khóa', 'khoá'],
    ['HÒA', 'HOÀ'],
    ['Thanh Hóa', 'Thanh Hoá'],
    ['ủy', 'uỷ'],
    ['góa', 'goá'],
    ['lũy', 'luỹ'],
    ['TÙY', 'TUỲ'],
    ['thụy', 'thuỵ'],
    ['xõa', 'xoã'],
    ['òa', 'oà'],
  ];

  it('moves tone marks between the two styles', () => {
    for (const [old, modern] of PAIRS) {
      assert.equal(normalizeVietnamese(modern), old, `${modern} → ${old}`);
      assert.equal(normalizeVietnamese(modern, { toneStyle: 'òa' }), old, `${modern} → ${old}`);
      assert.equal(normalizeVietnamese(old, { toneStyle: 'oà' }), modern, `${old} → ${modern}`);
      assert.equal(normalizeVietnamese(old), old);
      assert.equal(normalizeVietnamese(modern, { toneStyle: 'oà' }), modern);
    }
  });

  it('leaves syllables where placement is not in question alone', () => {
    const fixed = [
      ...['hoàng', 'quý', 'quà', 'quá', 'thuyền', 'giữa', 'khuyên', 'toán', 'toàn', 'hoạch', 'huỳnh'],
      ...['ngoài', 'của', 'thuế', 'thuở', 'khuya', 'hoặc', 'COVID-19', 'SIPAS', 'hoa', 'Duy'],
    ];
    for (const word of fixed) {
      for (const toneStyle of ['òa', 'oà'] as const) assert.equal(normalizeVietnamese(word, { toneStyle }), word, word);
    }
  });

  it('leaves the seed strings (already in the traditional style) unchanged', () => {
    for (const text of Object.values(SEED)) {
      assert.equal(normalizeVietnamese(text), text);
      assert.equal(normalizeVietnamese(text.normalize('NFD')), text);
    }
    assert.equal(
      normalizeVietnamese(SEED.leader, { toneStyle: 'oà' }),
      SEED.leader.replace('Ủy', 'Uỷ').replace('ủy', 'uỷ'),
    );
    assert.equal(normalizeVietnamese(SEED.term, { toneStyle: 'oà' }), 'khoá XVII');
  });

  it('works through punctuation, numbers and English words', () => {
    assert.equal(
      normalizeVietnamese('Hoà bình (2026): UBND tỉnh Thanh Hoá, "uỷ quyền"; the WHO & COVID-19 – khoẻ!'),
      'Hòa bình (2026): UBND tỉnh Thanh Hóa, "ủy quyền"; the WHO & COVID-19 – khỏe!',
    );
  });

  it('normalises decomposed input to NFC with the same rules', () => {
    assert.equal(normalizeVietnamese('Uỷ ban hoà giải'.normalize('NFD')), 'Ủy ban hòa giải');
    assert.equal(normalizeVietnamese('ho\u0061\u0300'), 'hòa');
    assert.equal(normalizeVietnamese('Nguye\u0302\u0303n'), 'Nguyễn');
  });

  it('leaves words glued to digits or non-Vietnamese onsets alone', () => {
    assert.equal(normalizeVietnamese('Hoà2'), 'Hoà2');
    assert.equal(normalizeVietnamese('Chloé Zoé'), 'Chloé Zoé');
  });

  it('rejects an unknown tone style', () => {
    assert.throws(() => normalizeVietnamese('hòa', { toneStyle: 'xx' as 'òa' }), RangeError);
  });

  const styles = fc.constantFrom('òa' as const, 'oà' as const);

  it('property: never throws, output is NFC, idempotent in both styles', () => {
    fc.assert(
      fc.property(anyText, styles, (text, toneStyle) => {
        const once = normalizeVietnamese(text, { toneStyle });
        return once === once.normalize('NFC') && normalizeVietnamese(once, { toneStyle }) === once;
      }),
      RUNS,
    );
  });

  it('property: switching style twice returns to the start', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const old = normalizeVietnamese(text);
        const modern = normalizeVietnamese(text, { toneStyle: 'oà' });
        return normalizeVietnamese(modern) === old && normalizeVietnamese(old, { toneStyle: 'oà' }) === modern;
      }),
      RUNS,
    );
  });

  it('property: only moves tone marks (same fold, same code point count for NFC input)', () => {
    fc.assert(
      fc.property(anyText, styles, (text, toneStyle) => {
        const nfc = text.normalize('NFC');
        const normalized = normalizeVietnamese(nfc, { toneStyle });
        return foldVietnamese(normalized) === foldVietnamese(nfc) && [...normalized].length === [...nfc].length;
      }),
      RUNS,
    );
  });

  it('property: NFC and NFD input normalise identically', () => {
    fc.assert(
      fc.property(
        anyText,
        styles,
        (text, toneStyle) =>
          normalizeVietnamese(text.normalize('NFD'), { toneStyle }) ===
          normalizeVietnamese(text.normalize('NFC'), { toneStyle }),
      ),
      RUNS,
    );
  });
});
