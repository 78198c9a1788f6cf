import type { Locale } from '@bantin/model';
import type { ViewCounterMessageKey } from '../view-counter/view-counter.i18n.js';
import type { CommentThreadMessageKey } from '../comment-thread/comment-thread.i18n.js';
import type { MostViewedMessageKey } from '../most-viewed/most-viewed.i18n.js';

/**
 * The strings every element shares (loading, retry, the error reasons, and the counts that
 * several elements show), and the one lookup all
 * strings go through. Vietnamese is the default; English is used when `lang="en"` is set on the
 * element or an ancestor. Each element's own strings live next to it (`<element>.i18n.ts`) and
 * are registered by the element module with `addMessages`, so a page downloads only the strings
 * of the elements it uses. Values with `{name}` placeholders are filled by `translate()`;
 * values are always inserted as text, never as markup.
 */
const vi = {
  loading: 'Đang tải…',
  retry: 'Thử lại',
  errorNetwork: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  errorTimeout: 'Máy chủ phản hồi quá lâu.',
  errorRateLimited: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  errorServer: 'Máy chủ đang gặp sự cố.',
  errorInvalid: 'Dữ liệu nhận được không hợp lệ.',
  errorGeneric: 'Không tải được dữ liệu.',
  errorRefused: 'Máy chủ dữ liệu từ chối yêu cầu từ trang này (CORS). Vui lòng báo cho quản trị trang.',
  errorTooLarge: 'Máy chủ gửi quá nhiều dữ liệu.',
  errorConfig: 'Chưa cấu hình: thiếu thuộc tính {attribute}.',

  // Counts shown by several elements (comment count, comment thread, article card, most viewed).
  commentsCount: '{count} bình luận',
  commentsCountOne: '{count} bình luận',
  mostViewedViews: '{count} lượt xem',
};

export type SharedMessageKey = keyof typeof vi;

/** Every string key of the kit: the shared ones and each element's. */
export type MessageKey = SharedMessageKey | ViewCounterMessageKey | CommentThreadMessageKey | MostViewedMessageKey;

/** One element's strings in both languages: English has exactly the Vietnamese keys. */
export interface MessageTable<Key extends string> {
  vi: Record<Key, string>;
  en: Record<Key, string>;
}

const en: Record<SharedMessageKey, string> = {
  loading: 'Loading…',
  retry: 'Try again',
  errorNetwork: 'Could not reach the server. Check your connection and try again.',
  errorTimeout: 'The server took too long to answer.',
  errorRateLimited: 'Too many requests. Please try again in a few minutes.',
  errorServer: 'The server ran into a problem.',
  errorInvalid: 'The server sent data we could not read.',
  errorGeneric: 'Could not load the data.',
  errorRefused: 'The data server refused requests from this site (CORS). Please tell the site administrator.',
  errorTooLarge: 'The server sent too much data.',
  errorConfig: 'Not configured: the {attribute} attribute is missing.',

  commentsCount: '{count} comments',
  commentsCountOne: '{count} comment',
  mostViewedViews: '{count} views',
};

/**
 * The strings registered so far, by language: the shared ones, and those of every element
 * module loaded (src/messages.ts registers them all, for the package's main entry).
 */
export const messages = { vi: { ...vi }, en: { ...en } } as Record<Locale, Record<MessageKey, string>>;

/** Registers an element's strings; called at the top of the element modules that show them. */
export function addMessages<Key extends string>(table: MessageTable<Key>): void {
  Object.assign(messages.vi, table.vi);
  Object.assign(messages.en, table.en);
}

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(messages[locale]?.[key] ?? messages.vi[key] ?? key, params);
}

/** Fills `{name}` placeholders with text (never markup); an unknown placeholder stays as written. */
export function fill(text: string, values: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
