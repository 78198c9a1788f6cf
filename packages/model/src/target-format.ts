/**
 * How a resolution's figures are written, tile by tile: "khoảng 7,5%", "135 triệu đồng
 * (≈ 5.870 USD)", "giảm 20%", "+85 trường". Apart from meeting-format.ts so that a figures box
 * does not download the meeting heading's term writing.
 */
import type { Target } from './meeting.js';
import type { Locale } from './issues.js';
import { formatNumber } from './vi/numbers.js';

export interface FormattedTarget {
  /** What a tile shows: "khoảng 7,5%", "135 triệu đồng (≈ 5.870 USD)", "giảm 20%", "+85 trường". */
  display: string;
  /** What a screen reader says, with the change in words: "tăng thêm 85 trường". */
  spoken: string;
}

const WORDS = {
  vi: { about: 'khoảng', increase: 'tăng thêm', decrease: 'giảm', equivalent: 'tương đương' },
  en: { about: 'about', increase: 'up', decrease: 'down', equivalent: 'equivalent to' },
} as const;

const compactFormats = new Map<Locale, Intl.NumberFormat>();
/** "135 triệu", "1,5 tỷ" (en: "135 million"): millions and more are written in words, as the news does. */
function amount(value: number, locale: Locale): string {
  if (Math.abs(value) < 1_000_000) return formatNumber(value, { locale });
  let format = compactFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'vi-VN', {
      notation: 'compact',
      compactDisplay: 'long',
      maximumFractionDigits: 2,
    });
    compactFormats.set(locale, format);
  }
  return format.format(value);
}

function withUnit(value: number, unit: string, locale: Locale): string {
  const number = amount(value, locale);
  const trimmed = unit.trim();
  return trimmed === '' ? number : trimmed === '%' ? `${number}%` : `${number} ${trimmed}`;
}

/**
 * A target as a tile writes it, in Vietnamese number formatting ("7,5", "5.870") or English.
 * An approximate figure is marked "khoảng"; an increase is "+85 trường" on screen and "tăng thêm
 * 85 trường" in speech; a decrease is "giảm 20%" in both; an equivalent follows in brackets
 * ("(≈ 5.870 USD)", spoken "tương đương 5.870 USD"). The sign of `value` is ignored when
 * `change` says which way it goes. Never throws; a non-finite value is written as "".
 */
export function formatTarget(target: Target, options: { locale?: Locale } = {}): FormattedTarget {
  const locale: Locale = options.locale === 'en' ? 'en' : 'vi';
  const words = WORDS[locale];
  const value = target.change ? Math.abs(target.value) : target.value;
  const figure = withUnit(value, target.unit, locale);
  const about = target.approximate ? `${words.about} ` : '';
  const equivalent = target.equivalent ? withUnit(target.equivalent.value, target.equivalent.unit, locale) : '';
  let display = `${about}${figure}`;
  let spoken = display;
  if (target.change === 'increase') {
    display = `${about}+${figure}`;
    spoken = `${words.increase} ${about}${figure}`;
  } else if (target.change === 'decrease') {
    display = spoken = `${words.decrease} ${about}${figure}`;
  }
  if (equivalent) {
    display += ` (≈ ${equivalent})`;
    spoken += `, ${words.equivalent} ${equivalent}`;
  }
  return { display, spoken };
}
