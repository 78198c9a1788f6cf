import type { Term } from '../primitives.js';

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 17 → "XVII". Party congresses and National Assembly terms are numbered this way. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 3999) {
    throw new RangeError(`toRoman: cần số nguyên từ 1 đến 3999 / expected an integer from 1 to 3999, got ${value}`);
  }
  let rest = value;
  let out = '';
  for (const [amount, numeral] of ROMAN) {
    while (rest >= amount) {
      out += numeral;
      rest -= amount;
    }
  }
  return out;
}

const CANONICAL_ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** "XVII" → 17; lowercase accepted. Returns null for anything that is not a canonical numeral. */
export function fromRoman(text: string): number | null {
  if (typeof text !== 'string') return null;
  const upper = text.trim().toUpperCase();
  if (!upper || !CANONICAL_ROMAN.test(upper)) return null;
  let total = 0;
  let index = 0;
  for (const [amount, numeral] of ROMAN) {
    while (upper.startsWith(numeral, index)) {
      total += amount;
      index += numeral.length;
    }
  }
  return total;
}

// "khóa XVII", "khoá 17", "khóa thứ XVII"; "nhiệm kỳ 2020-2025", "nhiệm kỳ 2020 – 2025".
const NUMBER_PATTERN = /kh(?:óa|oá|oa)\s+(?:thứ\s+)?([IVXLCDM]+|\d{1,4})(?![\p{L}\p{N}])/iu;
// Years 1900–2200, the range termSchema accepts (checked after the match).
const PERIOD_PATTERN = /(?:nhiệm\s+kỳ|giai\s+đoạn)?\s*((?:19|2[0-2])\d{2})\s*[-–—]\s*((?:19|2[0-2])\d{2})/iu;

/**
 * "khóa XVII, nhiệm kỳ 2020-2025" → { number: 17, roman: 'XVII', period: { from: 2020, to: 2025 } }.
 * Accepts "khoá", arabic numbers and spaced or en-dash periods. Returns null when neither part is found.
 */
export function parseTerm(text: string): Term | null {
  if (typeof text !== 'string') return null;
  const normalized = text.normalize('NFC');
  const term: Term = {};
  const numberMatch = NUMBER_PATTERN.exec(normalized);
  if (numberMatch) {
    const raw = numberMatch[1]!;
    const number = /^\d+$/.test(raw) ? Number(raw) : fromRoman(raw);
    if (number !== null && number >= 1 && number <= 3999) {
      term.number = number;
      term.roman = toRoman(number);
    }
  }
  const periodMatch = PERIOD_PATTERN.exec(normalized);
  if (periodMatch) {
    const from = Number(periodMatch[1]);
    const to = Number(periodMatch[2]);
    if (to >= from && from >= 1900 && to <= 2200) term.period = { from, to };
  }
  return term.number === undefined && term.period === undefined ? null : term;
}

/** { number: 17, period } → "khóa XVII, nhiệm kỳ 2020-2025"; either part alone when only one is known. */
export function formatTerm(term: Term, options: { toneStyle?: 'òa' | 'oà' } = {}): string {
  const parts: string[] = [];
  if (term.number !== undefined)
    parts.push(`${options.toneStyle === 'oà' ? 'khoá' : 'khóa'} ${term.roman ?? toRoman(term.number)}`);
  if (term.period) parts.push(`nhiệm kỳ ${term.period.from}-${term.period.to}`);
  return parts.join(', ');
}
