import type { Locale } from '@bantin/model';
import { fill } from '../internal/i18n.js';

/** One element's strings in both languages: English has exactly the Vietnamese keys. */
export type CivicMessages<Key extends string> = Record<Locale, Record<Key, string>>;

/** A string of an element's table in `locale` (Vietnamese when the table lacks it), filled. */
export function localize<Key extends string>(
  table: CivicMessages<Key>,
  locale: Locale,
  key: Key,
  params?: Record<string, string | number>,
): string {
  return fill((table[locale] ?? table.vi)[key], params);
}

/**
 * What every civic element says when its data cannot be shown. Each element's own strings live
 * beside it (`<element>.i18n.ts`), so a page downloads only the strings of the elements it uses.
 */
export const problemMessages: CivicMessages<'invalid' | 'invalidJson' | 'invalidDate'> = {
  vi: {
    invalid: 'Dữ liệu không hợp lệ. {issue}',
    invalidJson: 'Thẻ <script type="application/json"> không chứa JSON hợp lệ.',
    invalidDate: 'Thuộc tính {name} không phải là ngày hợp lệ: "{value}".',
  },
  en: {
    invalid: 'The data is not valid. {issue}',
    invalidJson: 'The <script type="application/json"> inside does not hold valid JSON.',
    invalidDate: 'The {name} attribute is not a valid date: "{value}".',
  },
};
