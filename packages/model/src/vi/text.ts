/**
 * Vietnamese text utilities: diacritic-insensitive folding, URL slugs and
 * tone-mark placement normalisation. Pure, DOM-free, dependency-free.
 */

// ---------------------------------------------------------------------------
// foldVietnamese
// ---------------------------------------------------------------------------
//
// Definition (`foldSlow` IS the definition; the fast path must agree with it):
//
//   fold(s) = NFC( strip( NFD( lower( NFD(s) ) ) ) )
//
// where `strip` deletes the Combining Diacritical Marks block (U+0300–U+036F,
// which holds every Vietnamese tone and vowel-quality mark) and maps đ/ð → d.
// Stripping only that block, instead of every \p{M}, keeps Devanagari vowel
// signs, kana voicing marks etc. intact, and the final NFC re-composes Hangul
// and kana, so CJK survives. Because the definition starts from NFD, NFC, NFD
// and mixed/decomposed input all fold identically.
//
// The fast path maps code unit by code unit through a table caching
// fold(char) for every BMP code unit, filled lazily in 256-unit blocks
// (Vietnamese text touches about five blocks, so the first call stays cheap).
// Concatenating per-character folds equals folding the whole string, up to a
// final NFC, with one exception: Greek capital sigma lowercases to σ or final
// ς depending on context, so strings containing Σ take the slow path.

const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/** d for search purposes: Vietnamese đ, plus eth, whose capital Ð is a common look-alike stand-in for Đ in legacy data. */
const D_LIKE = /[đð]/g;

function foldSlow(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .replace(D_LIKE, 'd')
    .normalize('NFC');
}

// Table entries (Int32). Non-negative: emit that code unit — the hot path.
// Negative values send the loop to the rare-case branch:
const DROP = -1;
/** fold(char) is not exactly one code unit: its string is in `multiUnitFolds`. */
const MULTI = -2;
/** Context-dependent lowercase (Σ): only the whole-string slow path is right. */
const BAIL = -3;
/** Block not computed yet. */
const UNBUILT = -4;
const SURROGATE = -5;
/**
 * Entries ≤ NFC_BASE encode unit `NFC_BASE - entry`: emit it, and finish with
 * NFC because it may compose with, or reorder against, what precedes it.
 */
const NFC_BASE = -0x10000;

const BLOCK_BITS = 8;
const BLOCK_SIZE = 1 << BLOCK_BITS;

let foldTable: Int32Array | undefined;

interface MultiUnitFold {
  readonly units: string;
  readonly needsNfc: boolean;
  /** The fold is the character itself (most astral code points: emoji, CJK extensions). */
  readonly unchanged: boolean;
}
/** Folds of BMP characters that fold to several units, and of all astral code points met so far. */
const multiUnitFolds = new Map<number, MultiUnitFold>();

// BMP characters that can combine with the character before them under NFC:
// every non-starter is a mark, and the only BMP starters that compose
// backwards are Hangul medial vowels and final consonants.
const COMPOSES_BACKWARDS = /[\p{M}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;

/**
 * Astral planes also have letters that compose backwards (Kirat Rai vowel
 * signs are not marks), so only emoji and CJK ideographs are trusted to
 * need no final NFC.
 */
function astralNeedsNfc(codePoint: number, folded: string): boolean {
  const inert =
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff && !(codePoint >= 0x2f800 && codePoint <= 0x2fa1f));
  return !inert || COMPOSES_BACKWARDS.test(folded);
}

function createTable(): Int32Array {
  const table = new Int32Array(0x10000).fill(UNBUILT);
  table.fill(SURROGATE, 0xd800, 0xe000);
  return table;
}

function buildBlock(table: Int32Array, code: number): void {
  const start = code & ~(BLOCK_SIZE - 1);
  for (let c = start; c < start + BLOCK_SIZE; c++) {
    if (table[c] !== UNBUILT) continue;
    if (c === 0x03a3) {
      table[c] = BAIL;
      continue;
    }
    const folded = foldSlow(String.fromCharCode(c));
    if (folded.length === 0) {
      table[c] = DROP;
    } else if (folded.length > 1) {
      multiUnitFolds.set(c, { units: folded, needsNfc: COMPOSES_BACKWARDS.test(folded), unchanged: false });
      table[c] = MULTI;
    } else {
      const unit = folded.charCodeAt(0);
      table[c] = COMPOSES_BACKWARDS.test(folded) ? NFC_BASE - unit : unit;
    }
  }
}

function foldAstral(codePoint: number): MultiUnitFold {
  let entry = multiUnitFolds.get(codePoint);
  if (entry === undefined) {
    const char = String.fromCodePoint(codePoint);
    const folded = foldSlow(char);
    entry = { units: folded, needsNfc: astralNeedsNfc(codePoint, folded), unchanged: folded === char };
    multiUnitFolds.set(codePoint, entry);
  }
  return entry;
}

// Output buffers, reused between calls: allocating and zeroing a fresh one
// costs about as much as the folding loop itself. Oversized ones are dropped.
let scratchBytes = new Uint8Array(1024);
let scratchUnits = new Uint16Array(1024);
const MAX_KEPT_SCRATCH = 1 << 22;

// TextDecoder builds strings from buffers several times faster than
// String.fromCharCode. Folded Vietnamese is plain ASCII, which UTF-8 decoding
// turns into a compact one-byte string; the UTF-16 decoder replaces lone
// surrogates, so it is only used when the input had none.
interface Decoder {
  decode(input: Uint8Array | Uint16Array): string;
}
// ignoreBOM keeps a leading U+FEFF, which decoders otherwise swallow.
const asciiDecoder: Decoder | undefined =
  typeof TextDecoder === 'function' ? new TextDecoder('utf-8', { ignoreBOM: true }) : undefined;
const utf16Decoder: Decoder | undefined =
  typeof TextDecoder === 'function' ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

function fromCharCodes(units: Uint8Array | Uint16Array): string {
  const CHUNK = 8192; // keeps fromCharCode.apply well below engine argument limits
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Lowercases and strips all diacritics (đ → d) for diacritic-insensitive
 * search: `foldVietnamese('Đảng bộ Thành phố') === 'dang bo thanh pho'`.
 * NFC, NFD and mixed input give the same result; non-Latin text (CJK, emoji,
 * Devanagari, …) is only lowercased. Never throws; lone surrogates survive.
 */
export function foldVietnamese(text: string): string {
  const table = (foldTable ??= createTable());
  const length = text.length;
  if (scratchBytes.length < length) scratchBytes = new Uint8Array(length);
  const out = scratchBytes;
  let o = 0;
  let diff = 0; // stays 0 while every unit maps to itself

  // Hot loop for text whose fold is ASCII, i.e. all Vietnamese text.
  let i = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    const entry = table[code] as number;
    if (entry >>> 0 < 0x80) {
      // unsigned: negative entries fail too
      out[o++] = entry;
      diff |= entry ^ code;
    } else if (entry === DROP) {
      diff = 1;
    } else if (entry === UNBUILT) {
      buildBlock(table, code);
      i--;
    } else {
      break;
    }
  }

  let result: string;
  if (i < length) {
    result = foldFrom(text, i, table, out.subarray(0, o), diff);
  } else if (diff === 0) {
    result = text;
  } else {
    const bytes = out.subarray(0, o);
    result = asciiDecoder === undefined ? fromCharCodes(bytes) : asciiDecoder.decode(bytes);
  }
  if (scratchBytes.length > MAX_KEPT_SCRATCH) scratchBytes = new Uint8Array(1024);
  return result;
}

/** The general loop, taking over from the ASCII loop at `start` with its output so far. */
function foldFrom(text: string, start: number, table: Int32Array, prefix: Uint8Array, prefixDiff: number): string {
  const length = text.length;
  let out = scratchUnits.length >= length ? scratchUnits : new Uint16Array(length);
  out.set(prefix);
  let o = prefix.length;
  let diff = prefixDiff;
  let needsNfc = false;
  let hasLoneSurrogate = false;

  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    let entry = table[code] as number;
    if (entry === UNBUILT) {
      buildBlock(table, code);
      entry = table[code] as number;
    }
    if (entry >= 0) {
      out[o++] = entry;
      diff |= entry ^ code;
      continue;
    }
    if (entry <= NFC_BASE) {
      out[o++] = NFC_BASE - entry;
      needsNfc = true;
      diff = 1; // even an unchanged mark may compose with a neighbour once the text is folded
      continue;
    }
    if (entry === DROP) {
      diff = 1;
      continue;
    }
    if (entry === BAIL) return foldSlow(text);

    let fold: MultiUnitFold;
    if (entry === SURROGATE) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code > 0xdbff || next < 0xdc00 || next > 0xdfff) {
        hasLoneSurrogate = true;
        out[o++] = code;
        continue;
      }
      i++;
      fold = foldAstral(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      if (fold.unchanged) {
        out[o++] = code;
        out[o++] = next;
        // Even unchanged, it may compose with what precedes it (Kaithi 𑂙 + nukta → 𑂚).
        if (fold.needsNfc) {
          needsNfc = true;
          diff = 1;
        }
        continue;
      }
    } else {
      fold = multiUnitFolds.get(code) as MultiUnitFold;
    }

    // Copy a fold of any length, growing the buffer if the text expands.
    const { units } = fold;
    const needed = o + units.length + (length - i - 1);
    if (needed > out.length) {
      const grown = new Uint16Array(Math.max(out.length * 2, needed));
      grown.set(out.subarray(0, o));
      out = grown;
    }
    for (let k = 0; k < units.length; k++) out[o++] = units.charCodeAt(k);
    diff = 1;
    if (fold.needsNfc) needsNfc = true;
  }

  scratchUnits = out.length <= MAX_KEPT_SCRATCH ? out : new Uint16Array(1024);
  if (diff === 0) return text;
  const units = out.subarray(0, o);
  const result = utf16Decoder === undefined || hasLoneSurrogate ? fromCharCodes(units) : utf16Decoder.decode(units);
  return needsNfc ? result.normalize('NFC') : result;
}

// ---------------------------------------------------------------------------
// slugify
// ---------------------------------------------------------------------------

export interface SlugifyOptions {
  /**
   * Maximum slug length. The slug is cut at the last `-` that fits, so words
   * are never split — unless the first word alone is too long, which is cut
   * hard. A positive integer or Infinity (default: no limit).
   */
  readonly maxLength?: number;
}

// Latin letters with no canonical decomposition, which folding leaves alone
// but which have a conventional ASCII spelling.
const ASCII_SPELLINGS: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const NON_DECOMPOSING_LATIN = /[æœøßłþı]/g;
const NON_SLUG_RUN = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

/**
 * URL slug: folded, every run of non-`[a-z0-9]` becomes one `-`, no leading
 * or trailing `-`. Text without any Latin letters or digits gives `''`.
 * Idempotent: a slug slugifies to itself.
 */
export function slugify(text: string, options: SlugifyOptions = {}): string {
  const maxLength = options.maxLength ?? Infinity;
  if (maxLength !== Infinity && !(Number.isInteger(maxLength) && maxLength >= 1)) {
    throw new RangeError(`slugify: maxLength must be a positive integer or Infinity, got ${maxLength}`);
  }
  const slug = foldVietnamese(text)
    .replace(NON_DECOMPOSING_LATIN, (ch) => ASCII_SPELLINGS[ch] ?? ch)
    .replace(NON_SLUG_RUN, '-')
    .replace(EDGE_DASHES, '');
  return slug.length <= maxLength ? slug : truncateSlug(slug, maxLength);
}

function truncateSlug(slug: string, maxLength: number): string {
  // A dash right after the limit means the limit falls exactly on a word end.
  if (slug.charCodeAt(maxLength) === 0x2d) return slug.slice(0, maxLength);
  const lastDash = slug.lastIndexOf('-', maxLength - 1);
  return lastDash > 0 ? slug.slice(0, lastDash) : slug.slice(0, maxLength);
}

// ---------------------------------------------------------------------------
// normalizeVietnamese
// ---------------------------------------------------------------------------
//
// Vietnamese has two accepted tone placements for the open-syllable rhymes
// oa, oe and uy: the traditional one marks the first vowel (hòa, khỏe, thủy),
// the "new" one marks the second (hoà, khoẻ, thuỷ). Everywhere else placement
// is fixed by the spelling rules (hoàng, toán, quý, thuyền, giữa), so only a
// syllable made of a valid onset followed by exactly one of those rhymes, and
// nothing else, is touched.

export type ToneStyle = 'òa' | 'oà';

export interface NormalizeVietnameseOptions {
  /** `'òa'` (default, traditional: hòa, ủy, khỏe) or `'oà'` (new: hoà, uỷ, khoẻ). */
  readonly toneStyle?: ToneStyle;
}

const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'] as const;
const RHYME_VOWELS = ['o', 'a', 'e', 'u', 'y'] as const;

interface ToneVowel {
  readonly base: string;
  readonly tone: string;
}

/** Every precomposed toned o/a/e/u/y (both cases) → its bare letter and tone mark. */
const TONED: ReadonlyMap<string, ToneVowel> = (() => {
  const map = new Map<string, ToneVowel>();
  for (const vowel of RHYME_VOWELS) {
    for (const base of [vowel, vowel.toUpperCase()]) {
      for (const tone of TONE_MARKS) map.set((base + tone).normalize('NFC'), { base, tone });
    }
  }
  return map;
})();

/** The precomposed toned forms of the given bare letters, for a regex character class. */
function tonedVariants(letters: string): string {
  return [...TONED]
    .filter(([, v]) => letters.includes(v.base))
    .map(([ch]) => ch)
    .join('');
}

// A toned oa/oe/uy at the end of a word. The regex anchors on the rhyme, not
// the word start, so the engine can skip ahead on its first character; the
// onset in front is checked by looking back. Digits count as word characters
// so codes like "Hoà2" are left alone.
const TONED_RHYME = new RegExp(
  `(?:[oOuU][${tonedVariants('aAeEyY')}]|[${tonedVariants('oOuU')}][aAeEyY])(?![\\p{L}\\p{M}\\p{N}])`,
  'gu',
);
// Surrogates count as word characters: looking back one code unit at a time
// cannot tell an astral letter from an emoji, and leaving text alone is safe.
const WORD_CHAR = /[\p{L}\p{M}\p{N}\ud800-\udfff]/u;
const MAX_ONSET_LENGTH = 3; // ngh

/** Onsets after which oa/oe/uy is the rhyme. qu- is excluded: in "quý" the u belongs to the onset. */
const ONSETS: ReadonlySet<string> = new Set([
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
  'r',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
]);

const RHYMES: ReadonlySet<string> = new Set(['oa', 'oe', 'uy']);

function bare(letter: string): ToneVowel {
  return TONED.get(letter) ?? { base: letter, tone: '' };
}

function withTone(base: string, tone: string): string {
  return tone === '' ? base : (base + tone).normalize('NFC');
}

/** The onset in front of the rhyme at `offset`, or undefined when the letters there are not one. */
function onsetBefore(text: string, offset: number): string | undefined {
  let start = offset;
  // Stops one letter past the longest onset at most; such a run fails the lookup below.
  while (start > 0 && offset - start <= MAX_ONSET_LENGTH && WORD_CHAR.test(text.charAt(start - 1))) start--;
  const onset = text.slice(start, offset);
  return ONSETS.has(onset.toLowerCase()) ? onset : undefined;
}

function placeTone(first: string, second: string, style: ToneStyle): string | undefined {
  const a = bare(first);
  const b = bare(second);
  if (!RHYMES.has((a.base + b.base).toLowerCase())) return undefined;
  // Doubly toned (malformed) syllables: nothing sensible to move.
  if (a.tone !== '' && b.tone !== '') return undefined;
  const tone = a.tone || b.tone;
  return style === 'òa' ? withTone(a.base, tone) + b.base : a.base + withTone(b.base, tone);
}

/**
 * NFC-normalises `text` and places tone marks on oa/oe/uy open syllables
 * consistently in the chosen style, preserving case (Ủy, HÒA). All other
 * text — closed syllables, qu- syllables (quý), numbers, punctuation, other
 * languages — is left as NFC. Idempotent; for NFC input the number of code
 * points is unchanged.
 */
export function normalizeVietnamese(text: string, options: NormalizeVietnameseOptions = {}): string {
  const style = options.toneStyle ?? 'òa';
  if (style !== 'òa' && style !== 'oà') {
    throw new RangeError(`normalizeVietnamese: toneStyle must be 'òa' or 'oà', got ${String(style)}`);
  }
  const nfc = text.normalize('NFC');
  return nfc.replace(TONED_RHYME, (rhyme: string, offset: number) => {
    if (onsetBefore(nfc, offset) === undefined) return rhyme;
    // Both letters are single BMP code units once in NFC.
    return placeTone(rhyme.charAt(0), rhyme.charAt(1), style) ?? rhyme;
  });
}
