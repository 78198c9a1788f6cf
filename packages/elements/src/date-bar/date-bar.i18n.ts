import type { Locale } from '@bantin/model';

/** The date bar's own strings (the lunar date's wording comes from the model's formatLunarDate). */
export const dateBarMessages: Record<
  Locale,
  {
    lunar: string;
    tet: string;
    ram: string;
    invalid: string;
    outOfRange: string;
  }
> = {
  vi: {
    lunar: 'Âm lịch',
    tet: 'Tết Nguyên đán',
    ram: 'Rằm',
    // The civic elements' wording for a bad date attribute (civic.i18n.ts), without its table.
    invalid: 'Thuộc tính {name} không phải là ngày hợp lệ: "{value}".',
    outOfRange: 'Ngày "{value}" nằm ngoài khoảng âm lịch được hỗ trợ (1800–2199).',
  },
  en: {
    lunar: 'Lunar calendar',
    tet: 'Lunar New Year (Tết Nguyên đán)',
    ram: 'Full moon (Rằm)',
    invalid: 'The {name} attribute is not a valid date: "{value}".',
    outOfRange: 'The date "{value}" is outside the supported lunar calendar range (1800–2199).',
  },
};
