import type { Locale, SpamRule } from '@bantin/model';

/** The moderation page's words, Vietnamese first. */
const vi = {
  title: 'Kiểm duyệt bình luận',
  signInHeading: 'Đăng nhập kiểm duyệt',
  tokenLabel: 'Mã quản trị',
  tokenHint: 'Mã được giữ trong phiên làm việc của thẻ này và mất khi đóng thẻ.',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  wrongToken: 'Mã quản trị không đúng.',
  statusLabel: 'Trạng thái',
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  searchLabel: 'Tìm theo tên hoặc nội dung',
  approve: 'Duyệt',
  reject: 'Từ chối',
  delete: 'Xóa',
  selectAll: 'Chọn tất cả',
  select: 'Chọn bình luận của {name}',
  selected: 'Đã chọn {n}',
  shown: '{n} bình luận',
  empty: 'Không có bình luận nào.',
  noMatch: 'Không có bình luận nào khớp với “{q}”.',
  loading: 'Đang tải…',
  loadError: 'Không tải được danh sách: {reason}',
  actionError: 'Không thực hiện được: {reason}',
  retry: 'Thử lại',
  more: 'Tải thêm',
  onArticle: 'Bài viết',
  unknownArticle: 'Bài viết chưa đăng ký',
  replyTo: 'Trả lời bình luận #{id}',
  done: { approve: 'Đã duyệt {n} bình luận.', reject: 'Đã từ chối {n} bình luận.', delete: 'Đã xóa {n} bình luận.' },
  confirmDelete: 'Xóa vĩnh viễn {n} bình luận?',
  shortcuts: 'Phím tắt: j/k chuyển bình luận, x chọn, a duyệt, r từ chối.',
  otherLanguage: 'English',
  spamStats: 'Bộ lọc spam đã giữ lại: {list}.',
  flagged: 'Nghi spam: {list}',
  rules: {
    honeypot: 'ô bẫy',
    'too-fast': 'gửi quá nhanh',
    links: 'quá nhiều liên kết',
    blocklist: 'từ bị chặn',
    captcha: 'thiếu captcha',
  },
};

type Strings = typeof vi;

const en: Strings = {
  title: 'Comment moderation',
  signInHeading: 'Sign in to moderate',
  tokenLabel: 'Admin token',
  tokenHint: "The token is kept in this tab's session and forgotten when the tab closes.",
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongToken: 'Wrong admin token.',
  statusLabel: 'Status',
  pending: 'Pending',
  approved: 'Approved',
  rejected: 'Rejected',
  searchLabel: 'Search by name or text',
  approve: 'Approve',
  reject: 'Reject',
  delete: 'Delete',
  selectAll: 'Select all',
  select: "Select {name}'s comment",
  selected: '{n} selected',
  shown: '{n} comments',
  empty: 'No comments.',
  noMatch: 'No comments match “{q}”.',
  loading: 'Loading…',
  loadError: 'Could not load the list: {reason}',
  actionError: 'Could not do that: {reason}',
  retry: 'Try again',
  more: 'Load more',
  onArticle: 'Article',
  unknownArticle: 'Unregistered article',
  replyTo: 'Reply to comment #{id}',
  done: { approve: 'Approved {n} comments.', reject: 'Rejected {n} comments.', delete: 'Deleted {n} comments.' },
  confirmDelete: 'Delete {n} comments for good?',
  shortcuts: 'Shortcuts: j/k move between comments, x select, a approve, r reject.',
  otherLanguage: 'Tiếng Việt',
  spamStats: 'Held by the spam filter: {list}.',
  flagged: 'Suspected spam: {list}',
  rules: {
    honeypot: 'honeypot',
    'too-fast': 'sent too fast',
    links: 'too many links',
    blocklist: 'blocked words',
    captcha: 'no captcha',
  },
};

export type Action = keyof Strings['done'];
type Key = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];

export function say(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fill((locale === 'en' ? en : vi)[key], params);
}

export function sayDone(locale: Locale, action: Action, n: number): string {
  return fill((locale === 'en' ? en : vi).done[action], { n });
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A spam rule's name, as moderators read it. */
export function sayRule(locale: Locale, rule: SpamRule): string {
  return (locale === 'en' ? en : vi).rules[rule];
}

/** The rules in the order the page lists them (types only from the model: no zod in this bundle). */
export const SPAM_RULE_ORDER = Object.keys(vi.rules) as SpamRule[];
