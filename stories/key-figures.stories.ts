import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { seedMeeting } from '@bantin/model/fixtures';
import '@bantin/elements/define/key-figures.js';
import { jsonScript, showsIn } from './support/civic.js';
import { renderElement } from './support/render.js';

const targets = seedMeeting.targets;

const meta = {
  title: 'Civic/tin-key-figures',
  component: 'tin-key-figures',
  tags: ['autodocs'],
  args: {},
  render: (args) => renderElement('tin-key-figures', args, { targets }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

const shows = (selector: string, text: string) => showsIn('tin-key-figures', selector, text);

/** The seed meeting's 2021 targets. */
export const Seed: Story = { play: shows('[part="tiles"]', 'khoảng 135 triệu đồng (≈ 5.870 USD)') };

/** Targets of different years carry their year on the tile. */
export const MixedYears: Story = {
  render: (args) =>
    renderElement('tin-key-figures', args, {
      targets: [targets[0], { ...targets[5], year: 2025 }, targets[3]],
    }),
  play: shows('[part="tiles"]', 'Năm 2025'),
};

export const Empty: Story = {
  render: (args) => renderElement('tin-key-figures', args, { targets: [] }),
  play: shows('[part="empty"]', 'Chưa có chỉ tiêu nào'),
};

/** The meeting's JSON in a child `<script type="application/json">`: its `targets` are shown. */
export const FromJsonScript: Story = {
  render: (args) => {
    const element = renderElement('tin-key-figures', args);
    element.append(jsonScript(seedMeeting));
    return element;
  },
  play: shows('[part="tiles"]', '+85 trường'),
};

export const Missing: Story = {
  render: (args) => renderElement('tin-key-figures', args),
  play: shows('[part="error"]', 'targets'),
};

export const English: Story = { args: { lang: 'en' }, play: shows('[part="heading"]', 'Key figures for 2021') };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Phone: Story = { tags: ['phone'], globals: { viewport: { value: 'phone', isRotated: false } } };
