import type { Locale, MilestoneStatus } from '@bantin/model';

type Messages = {
  heading: string;
  tracks: string;
  step: string;
  remaining: string;
  units: string;
  dossiers: string;
  dossierCount: string;
  dossierTotal: string;
  milestones: string;
  next: string;
} & Record<MilestoneStatus, string>;

/** The progress box's strings; `{…}` placeholders are filled as text. */
export const electionProgressMessages: Record<Locale, Messages> = {
  vi: {
    heading: 'Tiến độ công tác bầu cử',
    tracks: 'Tiến độ',
    step: 'đang thực hiện bước {current}',
    remaining: 'còn {count} {unit}',
    units: '{completed}/{total} {label} đã hoàn thành',
    dossiers: 'Hồ sơ ứng cử',
    dossierCount: '{count} hồ sơ',
    dossierTotal: 'Tổng cộng {count} hồ sơ',
    milestones: 'Các mốc thời gian',
    next: 'Mốc tiếp theo',
    done: 'Đã hoàn thành',
    'in-progress': 'Đang thực hiện',
    upcoming: 'Sắp diễn ra',
    overdue: 'Quá hạn',
  },
  en: {
    heading: 'Election preparations',
    tracks: 'Progress',
    step: 'working on step {current}',
    remaining: '{count} {unit} to go',
    units: '{completed}/{total} {label} finished',
    dossiers: 'Candidacy dossiers',
    dossierCount: '{count} dossiers',
    dossierTotal: '{count} dossiers in all',
    milestones: 'Milestones',
    next: 'Next milestone',
    done: 'Done',
    'in-progress': 'In progress',
    upcoming: 'Upcoming',
    overdue: 'Overdue',
  },
};
