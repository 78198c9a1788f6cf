/** Vietnamese number formatting: "." groups thousands, "," marks decimals ("5.870", "1,5"). */

export type NumberLocale = 'vi' | 'en';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: NumberLocale, compact: boolean): Intl.NumberFormat {
  const key = `${locale}:${compact}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      locale === 'en' ? 'en-US' : 'vi-VN',
      compact
        ? { notation: 'compact', compactDisplay: locale === 'en' ? 'short' : 'long', maximumFractionDigits: 1 }
        : { maximumFractionDigits: 3 },
    );
    cache.set(key, format);
  }
  return format;
}

/** "5.870", "1,5", "1.234.567". Not-a-number input gives an empty string rather than "NaN". */
export function formatNumber(value: number, options: { locale?: NumberLocale } = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return numberFormat(options.locale === 'en' ? 'en' : 'vi', false).format(value);
}

/** "414", "1,2 nghìn", "1,2 triệu", "1,2 tỷ" (en: "1.2K", "1.2M"). */
export function formatCompactNumber(value: number, options: { locale?: NumberLocale } = {}): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return numberFormat(options.locale === 'en' ? 'en' : 'vi', true).format(value);
}
