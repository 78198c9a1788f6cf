/**
 * Protocol order: how a portal lists its leaders ("Lãnh đạo thành phố") and how a meeting's
 * chairs are named, from the titles each official holds on a given day.
 *
 * A title's protocol rank comes from PROTOCOL_TITLES below (lower is higher in protocol); an
 * official ranks by the highest title held that day. Officials of equal rank are ordered by name
 * the Vietnamese way, given name first (`compareVietnameseNames`). Titles the table does not
 * know (a steering committee's "Phó Trưởng ban Chỉ đạo") do not rank; an official holding only
 * such titles comes after every ranked one, and one holding nothing that day comes last.
 */
import type { Official } from './official.js';
import { compareVietnameseNames } from './vi/names.js';
import { positionsAt } from './vi/official-titles.js';

/**
 * Title beginnings, highest in protocol first: the usual order of a city's or province's
 * leadership (Party, then the People's Committee, then the People's Council, then members).
 * Compared with the Vietnamese collator at base strength, so case, "Uỷ"/"Ủy" and NFC/NFD do not
 * matter (and no folding table reaches a browser bundle).
 */
const PROTOCOL_TITLES: readonly (readonly string[])[] = [
  ['Ủy viên Bộ Chính trị'],
  ['Bí thư Thành ủy', 'Bí thư Tỉnh ủy'],
  ['Phó Bí thư Thường trực Thành ủy', 'Phó Bí thư Thường trực Tỉnh ủy'],
  ['Chủ tịch UBND', 'Chủ tịch Ủy ban nhân dân'],
  ['Chủ tịch HĐND', 'Chủ tịch Hội đồng nhân dân'],
  ['Ủy viên BCH Trung ương', 'Ủy viên Ban Chấp hành Trung ương', 'Ủy viên Trung ương'],
  ['Phó Bí thư Thành ủy', 'Phó Bí thư Tỉnh ủy'],
  ['Trưởng đoàn Đại biểu Quốc hội'],
  ['Ủy viên Ban Thường vụ Thành ủy', 'Ủy viên Ban Thường vụ Tỉnh ủy'],
  [
    'Phó Chủ tịch Thường trực UBND',
    'Phó Chủ tịch Thường trực Ủy ban nhân dân',
    'Phó Chủ tịch Thường trực HĐND',
    'Phó Chủ tịch Thường trực Hội đồng nhân dân',
  ],
  ['Phó Chủ tịch UBND', 'Phó Chủ tịch Ủy ban nhân dân', 'Phó Chủ tịch HĐND', 'Phó Chủ tịch Hội đồng nhân dân'],
  ['Thành ủy viên', 'Tỉnh ủy viên'],
];

const collator = /* @__PURE__ */ new Intl.Collator('vi', { sensitivity: 'base' });

/** Whether `title` (NFC, spaces collapsed) begins with the words of `prefix`. */
function beginsWith(title: string, prefix: string): boolean {
  const next = title.charAt(prefix.length);
  return (next === '' || next === ' ' || next === ',') && collator.compare(title.slice(0, prefix.length), prefix) === 0;
}

/**
 * The rank of a title the table does not know: after every title it knows. A function, read when
 * ranking, because a top-level `.length` would keep the table in bundles that only need
 * officialTitles.
 */
const unranked = () => PROTOCOL_TITLES.length;

/**
 * The protocol rank of one title: 0 for "Ủy viên Bộ Chính trị", 1 for "Bí thư Thành ủy", …;
 * `PROTOCOL_TITLES.length` for a title the table does not know. Never throws.
 */
export function protocolRank(title: string): number {
  const cleaned = typeof title === 'string' ? title.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  const index = PROTOCOL_TITLES.findIndex((prefixes) => prefixes.some((prefix) => beginsWith(cleaned, prefix)));
  return index < 0 ? unranked() : index;
}

/** An official's protocol rank on the Vietnam date of `at`: that of the highest title held. */
export function officialProtocolRank(official: Pick<Official, 'positions'>, at: Date | string = new Date()): number {
  return positionsAt(official, at).reduce(
    (best, position) => Math.min(best, protocolRank(position.title)),
    unranked() + 1,
  );
}

/**
 * The officials in protocol order on the Vietnam date of `at` (default: now): by protocol rank,
 * ties by Vietnamese name order (given name, then family, then middle name). Returns a new array;
 * throws a RangeError for an invalid `at`, as `positionsAt` does.
 */
export function sortOfficialsByProtocol<T extends Official>(
  officials: readonly T[],
  at: Date | string = new Date(),
): T[] {
  return officials
    .map((official) => ({ official, rank: officialProtocolRank(official, at) }))
    .sort((a, b) => a.rank - b.rank || compareVietnameseNames(a.official.fullName, b.official.fullName))
    .map(({ official }) => official);
}
