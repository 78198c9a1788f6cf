import type { CivicMessages } from '../civic/civic.i18n.js';

/** An official's card (also in `<tin-officials>`). */
export const officialMessages: CivicMessages<'noPosition'> = {
  vi: { noPosition: 'Không giữ chức vụ nào vào ngày {date}' },
  en: { noPosition: 'Held no position on {date}' },
};
