import type { AgendaOutcome } from '@bantin/model';
import type { CivicMessages } from '../civic/civic.i18n.js';

type MeetingMessageKey =
  'time' | 'place' | 'chairs' | 'attendees' | 'agenda' | 'targets' | 'targetsOfYear' | AgendaOutcome;

export const meetingMessages: CivicMessages<MeetingMessageKey> = {
  vi: {
    time: 'Thời gian',
    place: 'Địa điểm',
    chairs: 'Chủ trì',
    attendees: 'Tham dự',
    agenda: 'Nội dung',
    adopted: 'Thông qua',
    discussed: 'Thảo luận',
    commented: 'Cho ý kiến',
    decided: 'Quyết nghị',
    targets: 'Chỉ tiêu',
    targetsOfYear: 'Chỉ tiêu năm {year}',
  },
  en: {
    time: 'Time',
    place: 'Place',
    chairs: 'Chaired by',
    attendees: 'Attended by',
    agenda: 'Agenda',
    adopted: 'Adopted',
    discussed: 'Discussed',
    commented: 'Commented on',
    decided: 'Decided',
    targets: 'Targets',
    targetsOfYear: 'Targets for {year}',
  },
};
