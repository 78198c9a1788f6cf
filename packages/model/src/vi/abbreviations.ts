/**
 * Common Vietnamese civic abbreviations and their expansion in running text.
 * Spellings use the traditional tone placement ("Ủy", "hóa"), matching
 * `normalizeVietnamese`'s default style.
 */

import { foldVietnamese } from './text.js';

/**
 * Abbreviation → expansion, capitalised as it would appear mid-sentence
 * (institutions capitalised, generic terms in lower case).
 *
 * Deliberately absent, because they are ambiguous in news text:
 * KH (Kế hoạch / khách hàng / khoa học), BCT (Bộ Chính trị / Bộ Công Thương),
 * BBT (Ban Bí thư / Ban Biên tập), TP (Thành phố / thành phần), and the
 * document-type codes NQ, QĐ, CT, TB, BC, which mostly occur inside document
 * numbers such as "15-NQ/TW".
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = Object.freeze({
  // Party
  BCH: 'Ban Chấp hành',
  BTV: 'Ban Thường vụ',
  BCĐ: 'Ban Chỉ đạo',
  UBKT: 'Ủy ban Kiểm tra',
  TƯ: 'Trung ương',
  TW: 'Trung ương',
  ĐHĐB: 'Đại hội đại biểu',
  // State bodies
  QH: 'Quốc hội',
  ĐBQH: 'Đại biểu Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  HĐND: 'Hội đồng nhân dân',
  UBND: 'Ủy ban nhân dân',
  TAND: 'Tòa án nhân dân',
  VKSND: 'Viện kiểm sát nhân dân',
  CAND: 'Công an nhân dân',
  QĐND: 'Quân đội nhân dân',
  CHXHCN: 'Cộng hòa xã hội chủ nghĩa',
  XHCN: 'xã hội chủ nghĩa',
  // Elections
  UBBC: 'Ủy ban bầu cử',
  HĐBCQG: 'Hội đồng bầu cử quốc gia',
  // Front and mass organisations
  MTTQ: 'Mặt trận Tổ quốc',
  UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
  LĐLĐ: 'Liên đoàn Lao động',
  TNCS: 'Thanh niên Cộng sản',
  HTX: 'hợp tác xã',
  // Administration and policy
  BQL: 'Ban Quản lý',
  CCHC: 'cải cách hành chính',
  CBCCVC: 'cán bộ, công chức, viên chức',
  'KT-XH': 'kinh tế - xã hội',
  'QP-AN': 'quốc phòng - an ninh',
  'CNH-HĐH': 'công nghiệp hóa, hiện đại hóa',
  'GD-ĐT': 'giáo dục và đào tạo',
  KHCN: 'khoa học và công nghệ',
  CĐS: 'chuyển đổi số',
  NTM: 'nông thôn mới',
  KCN: 'khu công nghiệp',
  ATGT: 'an toàn giao thông',
  CSGT: 'cảnh sát giao thông',
  ĐBSCL: 'Đồng bằng sông Cửu Long',
  // Schools
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  // Indices (the official Vietnamese names)
  GDP: 'tổng sản phẩm quốc nội',
  GRDP: 'tổng sản phẩm trên địa bàn',
  PCI: 'Chỉ số Năng lực cạnh tranh cấp tỉnh',
  PAPI: 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh',
  SIPAS: 'Chỉ số hài lòng về sự phục vụ hành chính',
});

export interface ExpandAbbreviationsOptions {
  /**
   * Replaces the built-in table (spread `ABBREVIATIONS` into it to extend
   * rather than replace). Compiled once per object, so do not mutate it later.
   */
  readonly dictionary?: Readonly<Record<string, string>>;
}

// Vietnamese letters include Đ, Ư, Ơ and combining marks, which `\b` does not
// consider word characters, so boundaries are Unicode-aware lookarounds.
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

// Characters that glue a document number together, as in "02-KH/BCĐ" or
// "123/QĐ-UBND". Scanning across them finds the whole token around a match.
const TOKEN_CHAR = /[\p{L}\p{M}\p{N}/\-]/u;
const CODE_MARKER = /[/\p{N}]/u;
/** Document numbers are short; bounding the scan keeps pathological input (UBND-UBND-…) linear. */
const MAX_CODE_SCAN = 24;

interface Matcher {
  readonly pattern: RegExp;
  readonly expansions: ReadonlyMap<string, string>;
}

const matcherCache = new WeakMap<Readonly<Record<string, string>>, Matcher>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matcherFor(dictionary: Readonly<Record<string, string>>): Matcher {
  const cached = matcherCache.get(dictionary);
  if (cached !== undefined) return cached;
  const expansions = new Map<string, string>();
  for (const [abbreviation, expansion] of Object.entries(dictionary)) {
    // Accept decomposed input too (TƯ is T + U + combining horn in NFD) without renormalising the whole text.
    for (const form of new Set([abbreviation.normalize('NFC'), abbreviation.normalize('NFD')])) {
      if (form !== '') expansions.set(form, expansion);
    }
  }
  // Longest first, so that an alternative never shadows a longer one sharing its prefix.
  const alternatives = [...expansions.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern =
    alternatives.length === 0
      ? /(?!)/gu
      : new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'gu');
  const matcher = { pattern, expansions };
  matcherCache.set(dictionary, matcher);
  return matcher;
}

/** Whether the match sits in a document number like "02-KH/BCĐ", "15-NQ/TW" or "123/QĐ-UBND". */
function isInsideDocumentCode(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && start - from < MAX_CODE_SCAN && TOKEN_CHAR.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < MAX_CODE_SCAN && TOKEN_CHAR.test(text.charAt(to))) to++;
  return CODE_MARKER.test(text.slice(from, start) + text.slice(end, to));
}

/**
 * Replaces whole-word abbreviations with their expansions:
 * "Chủ tịch UBND Thành phố" → "Chủ tịch Ủy ban nhân dân Thành phố".
 * Matching is case-sensitive (abbreviations are written in capitals), and
 * abbreviations inside document numbers ("Kế hoạch số 02-KH/BCĐ") are kept.
 */
export function expandAbbreviations(text: string, options: ExpandAbbreviationsOptions = {}): string {
  const { pattern, expansions } = matcherFor(options.dictionary ?? ABBREVIATIONS);
  return text.replace(pattern, (match: string, offset: number) =>
    isInsideDocumentCode(text, offset, offset + match.length) ? match : (expansions.get(match) ?? match),
  );
}

let reverseIndex: ReadonlyMap<string, string> | undefined;

function lookupKey(expansion: string): string {
  return foldVietnamese(expansion).replace(/\s+/g, ' ').trim();
}

/**
 * The abbreviation of a built-in expansion, ignoring case, diacritics, tone
 * style and spacing: `abbreviationOf('ủy ban nhân dân') === 'UBND'`.
 * Where several abbreviations share an expansion, the first listed wins (TƯ).
 */
export function abbreviationOf(expansion: string): string | undefined {
  if (reverseIndex === undefined) {
    const index = new Map<string, string>();
    for (const [abbreviation, full] of Object.entries(ABBREVIATIONS)) {
      const key = lookupKey(full);
      if (!index.has(key)) index.set(key, abbreviation);
    }
    reverseIndex = index;
  }
  return reverseIndex.get(lookupKey(expansion));
}
