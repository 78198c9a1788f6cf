import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { officials, SEED_NOW } from '@bantin/model/fixtures';
import '@bantin/elements/define/officials.js';
import { jsonScript, portrait, showsIn } from './support/civic.js';
import { renderElement } from './support/render.js';

const meta = {
  title: 'Civic/tin-officials',
  component: 'tin-officials',
  tags: ['autodocs'],
  args: {},
  render: (args) => renderElement('tin-officials', args, { officials, now: Date.parse(SEED_NOW) }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

const shows = (selector: string, text: string) => showsIn('tin-officials', selector, text);
const withPhotos = (args: Record<string, unknown>) => {
  const element = meta.render(args);
  element.append(portrait('photo-nguyen-duy-ngoc', 'NDN'), portrait('photo-vu-dai-thang', 'VĐT'));
  return element;
};

/** "Lãnh đạo thành phố" on the seed's day (4/2/2026), in protocol order. */
export const Seed: Story = { play: shows('[part="item"]', 'Nguyễn Duy Ngọc') };

/** The khóa XVII leadership of the seed meeting's day; the two Phó Bí thư are ordered by given name. */
export const KhoaXVII: Story = {
  name: 'Khóa XVII (28/11/2020)',
  args: { at: '2020-11-28', heading: 'Thường trực Thành ủy khóa XVII' },
  play: shows('[part="item"]', 'Vương Đình Huệ'),
};

/** Photos, one slot per official id (`photo-nguyen-duy-ngoc`). */
export const WithPhotos: Story = { render: withPhotos };

export const Limited: Story = { args: { limit: 3 } };

/** Nobody in the data held a title on that day. */
export const Empty: Story = { args: { at: '2010-01-01' }, play: shows('[part="empty"]', '01/01/2010') };

/** Data from a child `<script type="application/json">`. */
export const FromJsonScript: Story = {
  render: (args) => {
    const element = renderElement('tin-officials', { at: '2026-02-04', ...args });
    element.append(jsonScript(officials));
    return element;
  },
  play: shows('[part="item"]', 'Nguyễn Duy Ngọc'),
};

/** One official is invalid: skipped (one console warning), the others shown. */
export const OneInvalid: Story = {
  render: (args) =>
    renderElement('tin-officials', args, {
      officials: [...officials, { id: 'x', fullName: '', positions: [] }],
      now: Date.parse(SEED_NOW),
    }),
};

export const Missing: Story = {
  render: (args) => renderElement('tin-officials', args),
  play: shows('[part="error"]', 'officials'),
};

export const English: Story = { args: { lang: 'en' }, play: shows('[part="heading"]', 'City leaders') };

export const Dark: Story = { globals: { theme: 'dark' }, render: withPhotos };

export const Phone: Story = {
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: withPhotos,
};
