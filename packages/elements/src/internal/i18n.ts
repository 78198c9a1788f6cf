import type { Locale } from '@bantin/model';

/**
 * Every string the elements show, in one place. Vietnamese is the default; English is used
 * when `lang="en"` is set on the element or an ancestor. Values with `{name}` placeholders are
 * filled by `translate()`; values are always inserted as text, never as markup.
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

  viewsLabel: 'Lượt xem',

  commentsHeading: 'Bình luận bài viết',
  commentsEmpty: 'Chưa có bình luận nào.',
  commentsCount: '{count} bình luận',
  commentsCountOne: '{count} bình luận',
  commentsSortLabel: 'Sắp xếp',
  commentsSortNewest: 'Mới nhất',
  commentsSortOldest: 'Cũ nhất',
  commentsSortTop: 'Nhiều lượt thích',
  commentsLoadMore: 'Xem thêm bình luận',
  commentsReply: 'Trả lời',
  commentsReplyTo: 'trả lời {name}',
  commentsReplyingTo: 'Đang trả lời {name}',
  commentsCancelReply: 'Hủy trả lời',
  commentsLikes: '{count} lượt thích',
  commentsFormHeading: 'Gửi bình luận',
  commentsName: 'Họ và tên',
  commentsEmail: 'Email (không bắt buộc, không công khai)',
  commentsContent: 'Nội dung bình luận',
  commentsCounter: '{count}/{max} ký tự',
  commentsSubmit: 'Gửi bình luận',
  commentsSubmitting: 'Đang gửi…',
  commentsPending: 'Bình luận của bạn đang chờ duyệt.',
  commentsPosted: 'Bình luận của bạn đã được đăng.',
  commentsPostFailed: 'Chưa gửi được bình luận. Nội dung bạn viết vẫn được giữ lại.',
  commentsRetryPost: 'Gửi lại',
  commentsDraftRestored: 'Đã khôi phục bản nháp chưa gửi.',
  commentsNameRequired: 'Vui lòng nhập họ và tên.',
  commentsContentRequired: 'Vui lòng nhập nội dung bình luận.',
  commentsContentTooLong: 'Nội dung dài quá {max} ký tự.',
  commentsEmailInvalid: 'Địa chỉ email không hợp lệ.',
  commentsReplyToLabel: 'Trả lời {name}',
  commentsNearLimit: 'Còn dưới {count} ký tự.',
  commentsLimitReached: 'Đã đạt giới hạn {max} ký tự.',

  mostViewedHeading: 'Xem nhiều nhất',
  mostViewedPeriodLabel: 'Khoảng thời gian',
  mostViewedDay: 'Ngày',
  mostViewedWeek: 'Tuần',
  mostViewedMonth: 'Tháng',
  mostViewedEmpty: 'Chưa có bài viết nào.',
  mostViewedViews: '{count} lượt xem',
};

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
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

  viewsLabel: 'Views',

  commentsHeading: 'Comments',
  commentsEmpty: 'No comments yet.',
  commentsCount: '{count} comments',
  commentsCountOne: '{count} comment',
  commentsSortLabel: 'Sort by',
  commentsSortNewest: 'Newest',
  commentsSortOldest: 'Oldest',
  commentsSortTop: 'Most liked',
  commentsLoadMore: 'Show more comments',
  commentsReply: 'Reply',
  commentsReplyTo: 'replying to {name}',
  commentsReplyingTo: 'Replying to {name}',
  commentsCancelReply: 'Cancel reply',
  commentsLikes: '{count} likes',
  commentsFormHeading: 'Leave a comment',
  commentsName: 'Full name',
  commentsEmail: 'Email (optional, never shown)',
  commentsContent: 'Your comment',
  commentsCounter: '{count}/{max} characters',
  commentsSubmit: 'Post comment',
  commentsSubmitting: 'Posting…',
  commentsPending: 'Your comment is awaiting moderation.',
  commentsPosted: 'Your comment has been posted.',
  commentsPostFailed: 'Your comment was not sent. What you wrote has been kept.',
  commentsRetryPost: 'Send again',
  commentsDraftRestored: 'Your unsent draft was restored.',
  commentsNameRequired: 'Please enter your name.',
  commentsContentRequired: 'Please write a comment.',
  commentsContentTooLong: 'The comment is longer than {max} characters.',
  commentsEmailInvalid: 'That email address is not valid.',
  commentsReplyToLabel: 'Reply to {name}',
  commentsNearLimit: 'Fewer than {count} characters left.',
  commentsLimitReached: 'You have reached the {max}-character limit.',

  mostViewedHeading: 'Most viewed',
  mostViewedPeriodLabel: 'Period',
  mostViewedDay: 'Day',
  mostViewedWeek: 'Week',
  mostViewedMonth: 'Month',
  mostViewedEmpty: 'No articles yet.',
  mostViewedViews: '{count} views',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = messages[locale]?.[key] ?? vi[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
