/**
 * Vietnamese personal names: splitting into family / middle / given, and sorting the way a
 * Vietnamese reader expects (by given name — "Huệ" in "Vương Đình Huệ" — not by family name).
 *
 * DOM-free and locale-independent apart from `Intl.Collator('vi')` (ICU ships in every Node and
 * browser build the kit supports).
 */

/**
 * Family names of more than one syllable that we recognise. Deliberately small and unambiguous:
 *  - Huế royal-clan names: "Nguyễn Phúc"/"Nguyễn Phước" (the Nguyễn dynasty), "Tôn Thất" (male
 *    branches), "Tôn Nữ" (female branches), "Công Huyền Tôn Nữ" / "Công Tằng Tôn Nữ" (princesses'
 *    descendants);
 *  - Sino-Vietnamese double surnames: "Âu Dương", "Tư Mã", "Gia Cát", "Công Tôn".
 * Double-barrelled names built from two ordinary surnames ("Trần Lê", "Nguyễn Trần") are NOT listed:
 * the second part cannot be told from a middle name, so it is reported as the middle name.
 * Longest entries first so that "Công Huyền Tôn Nữ" wins over a shorter prefix.
 */
const COMPOUND_FAMILY_NAMES: readonly string[] = [
  'Công Huyền Tôn Nữ',
  'Công Tằng Tôn Nữ',
  'Nguyễn Phúc',
  'Nguyễn Phước',
  'Tôn Thất',
  'Tôn Nữ',
  'Công Tôn',
  'Âu Dương',
  'Tư Mã',
  'Gia Cát',
];

/** The five Vietnamese tone marks as combining characters (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Comparison key for one syllable: NFD, lower case, the tone mark moved to the end. This makes the
 * old and new tone placements ("Uỷ"/"Ủy", "Hoà"/"Hòa") and NFC/NFD spellings compare equal, while
 * keeping the tone itself (so "Hà" ≠ "Hạ") and the vowel letters ("a" ≠ "ă" ≠ "â").
 */
function syllableKey(syllable: string): string {
  const decomposed = syllable
    .normalize('NFD')
    .toLowerCase()
    .replace(/\u00f0/g, 'đ');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  return decomposed.replace(TONE_MARKS, '') + tones.join('');
}

const COMPOUND_KEYS: readonly (readonly string[])[] = COMPOUND_FAMILY_NAMES.map((name) =>
  name.split(' ').map(syllableKey),
);

/** NFC, invisible characters dropped, any run of whitespace (NBSP, tabs, newlines) → one space. */
function cleanName(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Split a Vietnamese full name, written family-name first, into its parts.
 *
 *   "Vương Đình Huệ"        → { family: "Vương", middle: "Đình", given: "Huệ" }
 *   "Nguyễn Thị Bích Ngọc"  → { family: "Nguyễn", middle: "Thị Bích", given: "Ngọc" }
 *   "Tôn Nữ Thị Ninh"       → { family: "Tôn Nữ", middle: "Thị", given: "Ninh" }
 *   "Ngọc"                  → { family: "", middle: "", given: "Ngọc" }
 *
 * The input is NFC-normalised and its whitespace collapsed; the parts are returned in that form.
 * A compound family name is only taken when at least one syllable is left for the given name
 * ("Tôn Thất" alone is family "Tôn", given "Thất"). Never throws: a non-string or empty input
 * gives three empty strings.
 */
export function splitVietnameseName(fullName: string): { family: string; middle: string; given: string } {
  const cleaned = typeof fullName === 'string' ? cleanName(fullName) : '';
  if (cleaned === '') return { family: '', middle: '', given: '' };
  const syllables = cleaned.split(' ');
  if (syllables.length === 1) return { family: '', middle: '', given: cleaned };

  const keys = syllables.map(syllableKey);
  let familyLength = 1;
  for (const compound of COMPOUND_KEYS) {
    if (compound.length < syllables.length && compound.every((key, i) => keys[i] === key)) {
      familyLength = compound.length;
      break;
    }
  }
  return {
    family: syllables.slice(0, familyLength).join(' '),
    middle: syllables.slice(familyLength, -1).join(' '),
    given: syllables[syllables.length - 1] ?? '',
  };
}

/** Created once: constructing a collator is far more expensive than comparing with it. */
const collator = new Intl.Collator('vi');

/**
 * Order two full names the Vietnamese way: by given name, then family name, then middle name,
 * each compared with the Vietnamese collation (a < ă < â, d < đ, o < ô < ơ, u < ư; tones as a
 * secondary difference). Ties fall back to the whole cleaned string, so the order is total and
 * deterministic. Suitable for `Array.prototype.sort`:
 *
 *   ["Nguyễn Thị Bích Ngọc", "Vương Đình Huệ"].sort(compareVietnameseNames)
 *   // → ["Vương Đình Huệ", "Nguyễn Thị Bích Ngọc"]  (Huệ before Ngọc)
 */
export function compareVietnameseNames(a: string, b: string): number {
  const left = splitVietnameseName(a);
  const right = splitVietnameseName(b);
  return (
    collator.compare(left.given, right.given) ||
    collator.compare(left.family, right.family) ||
    collator.compare(left.middle, right.middle) ||
    collator.compare(cleanOrEmpty(a), cleanOrEmpty(b))
  );
}

function cleanOrEmpty(value: string): string {
  return typeof value === 'string' ? cleanName(value) : '';
}
