import type { Locale } from '@bantin/model';

/**
 * The civic elements' strings (<tin-official>, <tin-officials>, <tin-meeting>, <tin-key-figures>),
 * kept beside them rather than in internal/i18n.ts. `{name}` placeholders are filled as text.
 */
const vi = {
  invalid: 'Dữ liệu không hợp lệ. {issue}',
  invalidJson: 'Thẻ <script type="application/json"> không chứa JSON hợp lệ.',
  invalidDate: 'Thuộc tính {name} không phải là ngày hợp lệ: "{value}".',
  noPosition: 'Không giữ chức vụ nào vào ngày {date}',
  officialsHeading: 'Lãnh đạo thành phố',
  officialsEmpty: 'Không có ai giữ chức vụ vào ngày {date}.',
  meetingTime: 'Thời gian',
  meetingPlace: 'Địa điểm',
  meetingChairs: 'Chủ trì',
  meetingAttendees: 'Tham dự',
  meetingAgenda: 'Nội dung',
  adopted: 'Thông qua',
  discussed: 'Thảo luận',
  commented: 'Cho ý kiến',
  decided: 'Quyết nghị',
  targets: 'Chỉ tiêu',
  targetsOfYear: 'Chỉ tiêu năm {year}',
  figuresHeading: 'Các chỉ tiêu chủ yếu',
  figuresHeadingOfYear: 'Các chỉ tiêu chủ yếu năm {year}',
  figuresEmpty: 'Chưa có chỉ tiêu nào.',
  year: 'Năm {year}',
};

export type CivicMessageKey = keyof typeof vi;

const en: Record<CivicMessageKey, string> = {
  invalid: 'The data is not valid. {issue}',
  invalidJson: 'The <script type="application/json"> inside does not hold valid JSON.',
  invalidDate: 'The {name} attribute is not a valid date: "{value}".',
  noPosition: 'Held no position on {date}',
  officialsHeading: 'City leaders',
  officialsEmpty: 'Nobody held a position on {date}.',
  meetingTime: 'Time',
  meetingPlace: 'Place',
  meetingChairs: 'Chaired by',
  meetingAttendees: 'Attended by',
  meetingAgenda: 'Agenda',
  adopted: 'Adopted',
  discussed: 'Discussed',
  commented: 'Commented on',
  decided: 'Decided',
  targets: 'Targets',
  targetsOfYear: 'Targets for {year}',
  figuresHeading: 'Key figures',
  figuresHeadingOfYear: 'Key figures for {year}',
  figuresEmpty: 'No figures yet.',
  year: 'Year {year}',
};

const civicMessages: Record<Locale, Record<CivicMessageKey, string>> = { vi, en };

export function civicText(locale: Locale, key: CivicMessageKey, params: Record<string, string | number> = {}): string {
  return (civicMessages[locale] ?? vi)[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
