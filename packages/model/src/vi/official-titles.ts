/**
 * The titles an official holds on a day, and the official written as the news does (form 1 of
 * officials.ts: the chain of titles, then the name). Kept apart from the mention parser and from
 * the protocol order, whose name tables and collator a page that only writes titles (the
 * official and meeting elements) should not download.
 */
import type { Official, Position } from '../official.js';
import { toVietnamDateString } from './dates.js';
import { cleanMention } from './mention-text.js';

/**
 * The positions held on the Vietnam calendar date of `at` (default: now; `toVietnamDateString`,
 * so "2026-02-17" is that day and an instant is read at UTC+7): `from` absent or
 * ≤ date, and `to` absent, null or ≥ date (both ends inclusive). Returned in the official's own
 * order (a filter; no sorting). Throws a RangeError for an invalid date.
 */
export function positionsAt(official: Pick<Official, 'positions'>, at: Date | string = new Date()): Position[] {
  const day = toVietnamDateString(at);
  return official.positions.filter(
    (position) => (position.from == null || position.from <= day) && (position.to == null || day <= position.to),
  );
}

/**
 * Write an official as the news does, for the titles held at `at` (default: now, Vietnam date):
 *  - `full` (default): the titles sorted by `rank`, a missing rank counting as 0, ties in the
 *    official's own order, joined with ", ", then the name — "Ủy viên Bộ Chính trị, Bí thư Thành
 *    ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ" (form 1, which parseOfficialMention
 *    reads back);
 *  - `primary`: the title explicitly ranked 0 (else the first of the chain) and the name — "Bí thư
 *    Thành ủy Vương Đình Huệ". So a title that belongs at the head of the chain without being the
 *    primary one ("Ủy viên Bộ Chính trị" above) is simply left unranked and written first:
 *    [{ title: 'Ủy viên Bộ Chính trị' }, { title: 'Bí thư Thành ủy', rank: 0 },
 *     { title: 'Trưởng đoàn Đại biểu Quốc hội Thành phố', rank: 1 }];
 *  - `name`: the name alone.
 * `honorific: true` prefixes "đồng chí ". With no title held at `at`, the name alone is written.
 * Throws a RangeError for an invalid `at`.
 */
export function formatOfficial(
  official: Official,
  options: { style?: 'full' | 'primary' | 'name'; at?: Date | string; honorific?: boolean } = {},
): string {
  const { style = 'full', at = new Date(), honorific = false } = options;
  const name = cleanMention(official.fullName);
  const held = positionsAt(official, at)
    .map((position, index) => ({ position, index }))
    .sort((a, b) => (a.position.rank ?? 0) - (b.position.rank ?? 0) || a.index - b.index)
    .map(({ position }) => position);

  let titles: string[] = [];
  if (style === 'full') titles = held.map((position) => position.title);
  else if (style === 'primary') {
    const primary = held.find((position) => position.rank === 0) ?? held[0];
    if (primary) titles = [primary.title];
  }
  const chain = titles
    .map(cleanMention)
    .filter((title) => title !== '')
    .join(', ');
  const text = [chain, name].filter((part) => part !== '').join(' ');
  return honorific ? `đồng chí ${text}` : text;
}

/**
 * The chain of titles held on the Vietnam date of `at`, in the order the news writes them
 * ("Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố"), without
 * the name; "" when nothing is held. The same chain `formatOfficial` writes before the name.
 */
export function officialTitles(official: Official, at: Date | string = new Date()): string {
  return formatOfficial({ ...official, fullName: '' }, { at });
}
