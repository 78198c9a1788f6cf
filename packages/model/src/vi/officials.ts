/**
 * Officials as Vietnamese news writes them: a chain of titles and a name, in either order.
 *
 *   form 1 — titles, then the name:
 *     "Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ"
 *   form 2 — "đồng chí", the name, then the titles:
 *     "đồng chí Vũ Đại Thắng, Ủy viên BCH Trung ương Đảng, Phó Bí thư Thành ủy, Chủ tịch UBND Thành phố"
 *   and the mix of both — "Bí thư Thành ủy Nguyễn Duy Ngọc, Trưởng ban Chỉ đạo".
 *
 * `parseOfficialMention` reads such a mention; `formatOfficial` (official-titles.ts) writes one back
 * (form 1) for a date.
 *
 * ## How the name is found
 * A name is a run of 2–5 capitalised syllables ("Nguyễn", not "HĐND", not "phố") whose first
 * syllable is a known family name (FAMILY_NAMES, or a compound one known to `splitVietnameseName`)
 * and which does not begin with a known place or organisation name (PLACE_NAMES: "Hà Nội",
 * "Hồ Chí Minh", "Thái Bình"…, needed because Hà, Hồ, Thái… are also family names; right after
 * a stripped "đồng chí" only an exact place is refused, since the honorific says a person
 * follows). Within a run the earliest acceptable start wins, so "Thành ủy Hà Nội Nguyễn Văn A" gives "Nguyễn Văn A" while
 * "Phùng Thị Hồng Hà" stays whole. Lower-case syllables ("ủy", "phố", "hội", "trị") end a run,
 * which is what keeps "Thành phố", "Quốc hội", "Bộ Chính trị" out of names. The mention is split at
 * commas and the name is looked for, in order of preference: (a) the whole first segment (form 2),
 * (b) the trailing run of a segment (form 1, or the name in the middle), (c) a run anywhere inside a
 * segment — a sentence such as "Bí thư Thành ủy Vương Đình Huệ phát biểu…" — in which case the text
 * after the name is a predicate and is dropped.
 *
 * ## Titles
 * Every other comma-separated segment is a title, in order, as written (NFC, whitespace collapsed;
 * "Uỷ" is kept as "Uỷ"). A segment that starts with a lower-case letter cannot start a title, so it
 * is glued back onto the previous title with ", ": "Ủy viên Trung ương Đảng theo dõi, hướng dẫn Đảng
 * bộ thành phố Hà Nội" stays one title instead of becoming two half-titles.
 */
import { splitVietnameseName } from './names.js';
import { cleanMention } from './mention-text.js';

/**
 * About a hundred of the commonest Vietnamese family names, plus the commonest surnames of the
 * Tày, Nùng, Thái, Mông and Dao. Left out on purpose, although they are surnames, because they
 * are far more often the first word of a place, country or office: Phó ("Phó Chủ tịch"),
 * Hoa ("Hoa Kỳ"), Hàn ("Hàn Quốc"), Đông ("Hà Đông", "Đông Anh"), Quang, Hồng, An ("An Giang"),
 * Sơn, Thành, Công, Long, Tân; and Ông, which cannot be told from the honorific "ông".
 */
const FAMILY_NAMES: readonly string[] = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Vương',
  'Chu',
  'Phùng',
  'Trịnh',
  'Đinh',
  'Lâm',
  'Mai',
  'Tô',
  'Tạ',
  'Hà',
  'Đào',
  'Cao',
  'Lương',
  'Văn',
  'Đoàn',
  'Tăng',
  'Kiều',
  'Lưu',
  'Thái',
  'Quách',
  'Triệu',
  'Từ',
  'Nghiêm',
  'Trương',
  'Đàm',
  'Đồng',
  'Hứa',
  'Khúc',
  'Khổng',
  'Kim',
  'La',
  'Lại',
  'Lạc',
  'Lục',
  'Mạc',
  'Ninh',
  'Nông',
  'Phí',
  'Quan',
  'Tiêu',
  'Tôn',
  'Thân',
  'Thạch',
  'Tống',
  'Trang',
  'Trình',
  'Ung',
  'Viên',
  'Vi',
  'Vy',
  'Âu',
  'Doãn',
  'Diệp',
  'Giang',
  'Giáp',
  'Hầu',
  'Khương',
  'Kha',
  'Lã',
  'Lò',
  'Lữ',
  'Mã',
  'Ma',
  'Mẫn',
  'Nhữ',
  'Ngụy',
  'Phương',
  'Quản',
  'Sầm',
  'Thiều',
  'Tòng',
  'Bạch',
  'Bế',
  'Cù',
  'Cung',
  'Châu',
  'Chế',
  'Chử',
  'Đường',
  'Đậu',
  'Giàng',
  'Lường',
  'Lầu',
  'Mùa',
  'Sùng',
  'Thào',
  'Vàng',
  'Cầm',
  'Điêu',
  'Quàng',
  'Bàn',
  'Biện',
  'Cấn',
  'Dư',
  'Đới',
  'Khuất',
  'Khiếu',
  'Lăng',
  'Nhâm',
  'Phù',
  'Tiết',
  'Thi',
  'Trầm',
  'Xa',
  'Lều',
];

/**
 * Place and organisation names that begin with a family-name syllable (or that the news puts just
 * before a name), so that "Thành ủy Hà Nội" is never read as a person called "Hà Nội". Provinces,
 * the Hà Nội districts, and a few others; compared on syllable keys, so "Hoà Bình" = "Hòa Bình".
 */
const PLACE_NAMES: readonly string[] = [
  // Provinces and cities (pre- and post-2025 names), where the first word is also a surname.
  'Hà Nội',
  'Hà Giang',
  'Hà Nam',
  'Hà Tĩnh',
  'Hà Tây',
  'Hà Đông',
  'Hồ Chí Minh',
  'Thái Bình',
  'Thái Nguyên',
  'Lâm Đồng',
  'Cao Bằng',
  'Ninh Bình',
  'Ninh Thuận',
  'Đồng Nai',
  'Đồng Tháp',
  'Đồng Xoài',
  'Văn Lang',
  'Hà Tiên',
  'Hà Quảng',
  'Hà Trung',
  'Phan Thiết',
  'Phan Rang',
  'La Gi',
  // Hà Nội districts and landmarks, and others with a surname first.
  'Hoàng Mai',
  'Hoàng Sa',
  'Từ Liêm',
  'Từ Sơn',
  'Hồ Gươm',
  'Hồ Tây',
  'Lý Sơn',
  'Kim Bảng',
  'Kim Bôi',
  'Kim Sơn',
  'Kim Động',
  'Mai Châu',
  'Mai Sơn',
  'Châu Đốc',
  'Châu Thành',
  'Châu Âu',
  'Châu Á',
  'Châu Phi',
  'Châu Mỹ',
  'Châu Úc',
  'Văn Lâm',
  'Văn Giang',
  'Văn Miếu',
  'Văn Yên',
  'Văn Chấn',
  'Văn Quán',
  'Bạch Mai',
  'Bạch Đằng',
  'Tô Lịch',
  'Lương Sơn',
  'Lạc Sơn',
  'Lạc Thủy',
  'Cao Lãnh',
  'Cao Phong',
  'Quan Hóa',
  'Quan Sơn',
  'Thạch Thất',
  'Thạch Hà',
  'Đinh Quán',
  'Giang Thành',
  // Districts named after people: in a title they are the place, not the official.
  'Lê Chân',
  'Ngô Quyền',
  'Trần Văn Thời',
  'Dương Minh Châu',
  // Organisations capitalised word by word.
  'Văn Phòng',
  'Văn Hóa',
  'Văn Hoá',
];

const HONORIFIC = /^(?:các\s+)?(?:đồng\s+chí|đ\/c|ông|bà)(?=[\s:,]|$)/iu;
const TRAILING_HONORIFIC = /(?:^|\s)(?:các\s+)?(?:đồng\s+chí|đ\/c|ông|bà)$/iu;
const EDGE_PUNCTUATION = /^[\s:;,.…·\-–—]+|[\s:;,.…·]+$/gu;
/** "Nguyễn", "Ủy", "A" — an upper-case letter followed only by lower-case letters and marks. */
const NAME_SYLLABLE = /^\p{Lu}[\p{Ll}\p{M}]*$/u;
const MIN_NAME_SYLLABLES = 2;
const MAX_NAME_SYLLABLES = 5;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Case-, NFC/NFD- and tone-placement-insensitive key for one syllable ("Uỷ" = "ủy"). */
function syllableKey(syllable: string): string {
  const decomposed = syllable
    .normalize('NFD')
    .toLowerCase()
    .replace(/\u00f0/g, 'đ');
  const tones = decomposed.match(TONE_MARKS) ?? [];
  return decomposed.replace(TONE_MARKS, '') + tones.join('');
}

const FAMILY_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(/* @__PURE__ */ FAMILY_NAMES.map(syllableKey));
const PLACE_KEYS: readonly (readonly string[])[] = /* @__PURE__ */ PLACE_NAMES.map((place) =>
  place.split(' ').map(syllableKey),
);

function trimEdges(text: string): string {
  return text.replace(EDGE_PUNCTUATION, '');
}

/** Whether the syllables begin with (or, when `exact`, are exactly) a known place name. */
function matchesPlace(syllables: readonly string[], exact: boolean): boolean {
  const keys = syllables.map(syllableKey);
  return PLACE_KEYS.some(
    (place) =>
      (exact ? place.length === keys.length : place.length <= keys.length) && place.every((key, i) => keys[i] === key),
  );
}

function startsWithFamilyName(syllables: readonly string[]): boolean {
  const first = syllables[0];
  if (first === undefined) return false;
  if (FAMILY_KEYS.has(syllableKey(first))) return true;
  // Compound family names ("Tôn Nữ", "Âu Dương") are known to splitVietnameseName.
  return splitVietnameseName(syllables.join(' ')).family.includes(' ');
}

/**
 * In the run of name syllables tokens[runStart..runEnd), the start of the name that ends at runEnd,
 * or -1. `strictPlaces`: reject a candidate that merely begins with a place name (form 1, where
 * places end titles); otherwise only one that is exactly a place.
 */
function nameStartInRun(tokens: readonly string[], runStart: number, runEnd: number, strictPlaces = true): number {
  for (let i = Math.max(runStart, runEnd - MAX_NAME_SYLLABLES); i <= runEnd - MIN_NAME_SYLLABLES; i++) {
    const candidate = tokens.slice(i, runEnd);
    if (!startsWithFamilyName(candidate)) continue;
    if (matchesPlace(candidate, !strictPlaces)) continue;
    return i;
  }
  return -1;
}

/** Maximal runs [start, end) of name syllables in a segment's tokens. */
function nameRuns(tokens: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const token = tokens[i];
    if (token !== undefined && NAME_SYLLABLE.test(token)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** Segments that start with a lower-case letter continue the previous title ("theo dõi, hướng dẫn"). */
function mergeContinuations(segments: readonly string[]): string[] {
  const titles: string[] = [];
  for (const segment of segments) {
    const previous = titles.length - 1;
    if (previous >= 0 && /^\p{Ll}/u.test(segment)) titles[previous] = `${titles[previous]}, ${segment}`;
    else titles.push(segment);
  }
  return titles;
}

function titlesFrom(segments: readonly string[]): { title: string }[] {
  return mergeContinuations(segments.map(trimEdges).filter((segment) => segment !== '')).map((title) => ({ title }));
}

/** Text before a name, without a trailing "đồng chí" ("Bí thư Thành ủy, đồng chí X"). */
function prefixBefore(tokens: readonly string[], nameStart: number): string {
  let prefix = tokens.slice(0, nameStart).join(' ');
  for (;;) {
    const stripped = prefix.replace(TRAILING_HONORIFIC, '').trim();
    if (stripped === prefix) return trimEdges(prefix);
    prefix = stripped;
  }
}

/**
 * Read one mention of an official: "Bí thư Thành ủy Vương Đình Huệ", "đồng chí Vũ Đại Thắng, Ủy viên
 * BCH Trung ương Đảng, Phó Bí thư Thành ủy, …", "Bí thư Thành ủy Nguyễn Duy Ngọc, Trưởng ban Chỉ đạo".
 *
 * - The input is NFC-normalised and its whitespace collapsed; a leading "đồng chí", "các đồng chí",
 *   "đ/c", "ông" or "bà" (any case, optionally followed by ":") is dropped.
 * - One mention per call: a ";" separates mentions in a list, so only the first non-empty part is
 *   read.
 * - `positions` are the titles in the order written (see the module comment for how commas inside a
 *   title are handled). No `organisation` is guessed.
 * - When no name is recognised, `fullName` is "" and every comma-separated segment is returned as a
 *   title. Never throws (a non-string input is read as "").
 */
export function parseOfficialMention(text: string): { fullName: string; positions: { title: string }[] } {
  let cleaned = typeof text === 'string' ? cleanMention(text) : '';
  cleaned =
    cleaned
      .split(';')
      .map((part) => part.trim())
      .find((part) => trimEdges(part) !== '') ?? '';

  const honorific = HONORIFIC.exec(cleaned);
  if (honorific) cleaned = cleaned.slice(honorific[0].length);
  const segments = cleaned
    .split(',')
    .map(trimEdges)
    .filter((segment) => segment !== '');
  const tokenised = segments.map((segment) => segment.split(' '));

  // (a) Form 2: the first segment is the name and nothing else.
  const first = tokenised[0];
  if (
    first &&
    first.length >= MIN_NAME_SYLLABLES &&
    first.length <= MAX_NAME_SYLLABLES &&
    first.every((t) => NAME_SYLLABLE.test(t))
  ) {
    if (nameStartInRun(first, 0, first.length, honorific === null) === 0) {
      return { fullName: first.join(' '), positions: titlesFrom(segments.slice(1)) };
    }
  }

  // (b) Form 1, or the name in the middle: a segment that ends with a name.
  for (let s = 0; s < tokenised.length; s++) {
    const tokens = tokenised[s] ?? [];
    const last = nameRuns(tokens).at(-1);
    if (!last || last[1] !== tokens.length) continue;
    const start = nameStartInRun(tokens, last[0], last[1]);
    if (start < 0) continue;
    return {
      fullName: tokens.slice(start).join(' '),
      positions: [
        ...titlesFrom([...segments.slice(0, s), prefixBefore(tokens, start)]),
        ...titlesFrom(segments.slice(s + 1)),
      ],
    };
  }

  // (c) A name inside a sentence: keep what comes before it, drop the predicate after it.
  for (let s = 0; s < tokenised.length; s++) {
    const tokens = tokenised[s] ?? [];
    for (const [runStart, runEnd] of nameRuns(tokens)) {
      const start = nameStartInRun(tokens, runStart, runEnd);
      if (start < 0) continue;
      return {
        fullName: tokens.slice(start, runEnd).join(' '),
        positions: titlesFrom([...segments.slice(0, s), prefixBefore(tokens, start)]),
      };
    }
  }

  return { fullName: '', positions: titlesFrom(segments) };
}
