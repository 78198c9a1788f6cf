import type { Locale } from '@bantin/model';

/** The date bar's own strings (the lunar date's wording comes from the model's formatLunarDate). */
export const dateBarMessages: Record<Locale, { lunar: string; tet: string; ram: string; outOfRange: string }> = {
  vi: {
    lunar: 'Âm lịch',
    tet: 'Tết Nguyên đán',
    ram: 'Rằm',
    outOfRange: 'Ngày `{date}` nằm ngoài khoảng âm lịch được hỗ trợ (1800–2199).',
  },
  en: {
    lunar: 'Lunar calendar',
    tet: 'Lunar New Year (Tết Nguyên đán)',
    ram: 'Full moon (Rằm)',
    outOfRange: 'The date `{date}` is outside the supported lunar calendar range (1800–2199).',
  },
};
