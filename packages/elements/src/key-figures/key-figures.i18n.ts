import type { CivicMessages } from '../civic/civic.i18n.js';

/** The figures box; `year` is also the tiles' (in `<tin-meeting>` too). */
export const keyFiguresMessages: CivicMessages<'heading' | 'headingOfYear' | 'empty' | 'year'> = {
  vi: {
    heading: 'Các chỉ tiêu chủ yếu',
    headingOfYear: 'Các chỉ tiêu chủ yếu năm {year}',
    empty: 'Chưa có chỉ tiêu nào.',
    year: 'Năm {year}',
  },
  en: {
    heading: 'Key figures',
    headingOfYear: 'Key figures for {year}',
    empty: 'No figures yet.',
    year: 'Year {year}',
  },
};
