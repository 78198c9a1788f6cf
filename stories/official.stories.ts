import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Official } from '@bantin/model';
import { officials, SEED_NOW } from '@bantin/model/fixtures';
import '@bantin/elements/define/official.js';
import { jsonScript, portrait, showsIn } from './support/civic.js';
import { renderElement } from './support/render.js';

const byId = (id: string) => officials.find((official) => official.id === id)!;
const hue = byId('vuong-dinh-hue');

/** Story-only arg: which seed official is shown. */
interface OfficialArgs {
  who: string;
}

const meta = {
  title: 'Civic/tin-official',
  component: 'tin-official',
  tags: ['autodocs'],
  args: { who: 'vuong-dinh-hue', at: '2020-11-28', layout: 'inline' },
  argTypes: {
    who: {
      control: 'select',
      options: officials.map((official) => official.id),
      description: 'Story only: the seed official shown.',
      table: { category: 'story' },
    },
  },
  render: (args) =>
    renderElement('tin-official', args, { official: byId((args as OfficialArgs).who), now: Date.parse(SEED_NOW) }),
} satisfies Meta<OfficialArgs & Record<string, unknown>>;

export default meta;
type Story = StoryObj<OfficialArgs & Record<string, unknown>>;

const shows = (selector: string, text: string) => showsIn('tin-official', selector, text);
const card = (args: OfficialArgs & Record<string, unknown>, photo: HTMLImageElement) => {
  const element = meta.render(args);
  element.append(photo);
  return element;
};

/** The seed meeting's first chair, with his titles on 28/11/2020, as a sentence writes him. */
export const Inline: Story = {
  play: shows(
    '[part="base"]',
    'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ',
  ),
};

/** The card layout, with a photo in the `photo` slot. */
export const Card: Story = {
  args: { layout: 'card' },
  render: (args) => card(args, portrait('photo', 'VĐH')),
  play: shows('[part="name"]', 'Vương Đình Huệ'),
};

/** Titles are time-bound: Nguyễn Văn Phong on 4/2/2026 (compare `at="2020-11-28"`: "Phó Bí thư Thành ủy"). */
export const TimeBound: Story = {
  args: { who: 'nguyen-van-phong', at: '2026-02-04', layout: 'card' },
  play: shows('[part="titles"]', 'Phó Bí thư Thường trực Thành ủy, Phó Trưởng ban Chỉ đạo'),
};

/** No `at`: the titles held "now" (the seed's 4/2/2026), when Vương Đình Huệ held none. */
export const NoCurrentPosition: Story = {
  args: { at: '', layout: 'card' },
  play: shows('[part="no-position"]', 'Không giữ chức vụ nào vào ngày 04/02/2026'),
};

/** The longest title in the seed. */
export const LongestTitle: Story = {
  args: { who: 'ngo-thi-thanh-hang', layout: 'card' },
  render: (args) => card(args, portrait('photo', 'NTTH')),
};

/** Data from a child `<script type="application/json">`, as a PHP theme prints it. */
export const FromJsonScript: Story = {
  render: (args) => {
    const element = renderElement('tin-official', args);
    element.append(jsonScript(hue));
    return element;
  },
  play: shows('[part="name"]', 'Vương Đình Huệ'),
};

/** Invalid data: the error state names the field (and a console warning says the same). */
export const InvalidData: Story = {
  render: (args) =>
    renderElement('tin-official', args, { official: { ...hue, positions: [{ title: '' }] } as Official }),
  play: shows('[part="error"]', 'positions[0].title'),
};

/** No data at all: the error names the `official` property. */
export const Missing: Story = {
  render: (args) => renderElement('tin-official', args),
  play: shows('[part="error"]', 'official'),
};

export const English: Story = {
  args: { lang: 'en', at: '', layout: 'card' },
  play: shows('[part="no-position"]', 'Held no position on 04/02/2026'),
};

export const Dark: Story = {
  args: { layout: 'card' },
  globals: { theme: 'dark' },
  render: (args) => card(args, portrait('photo', 'VĐH')),
};

export const Phone: Story = {
  args: { who: 'ngo-thi-thanh-hang', layout: 'card' },
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: (args) => card(args, portrait('photo', 'NTTH')),
};
