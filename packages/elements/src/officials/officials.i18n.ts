import type { CivicMessages } from '../civic/civic.i18n.js';

export const officialsMessages: CivicMessages<'heading' | 'empty'> = {
  vi: { heading: 'Lãnh đạo thành phố', empty: 'Không có ai giữ chức vụ vào ngày {date}.' },
  en: { heading: 'City leaders', empty: 'Nobody held a position on {date}.' },
};
