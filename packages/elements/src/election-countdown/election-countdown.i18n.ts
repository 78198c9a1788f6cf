import type { Locale } from '@bantin/model';

/** The countdown's sentences; `{days}` and `{date}` are filled with markup by the element. */
export const electionCountdownMessages: Record<
  Locale,
  { before: string; tomorrow: string; today: string; after: string; label: string }
> = {
  vi: {
    before: 'Còn {days} ngày đến ngày bầu cử {date}',
    tomorrow: 'Còn {days} ngày đến ngày bầu cử {date}',
    today: 'Hôm nay là ngày bầu cử {date}',
    after: 'Cuộc bầu cử đã diễn ra ngày {date}',
    label: 'Đếm ngược đến ngày bầu cử',
  },
  en: {
    before: '{days} days until election day, {date}',
    tomorrow: '{days} day until election day, {date}',
    today: 'Today is election day, {date}',
    after: 'The election took place on {date}',
    label: 'Election countdown',
  },
};
