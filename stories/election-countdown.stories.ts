import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { seedElectionPlan, SEED_NOW } from '@bantin/model/fixtures';
import '@bantin/elements/define/election-countdown.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

/** Story-only arg: the moment the countdown is read at (Vietnam time). */
interface ClockArgs {
  now: string;
}

const meta = {
  title: 'Elements/tin-election-countdown',
  component: 'tin-election-countdown',
  tags: ['autodocs'],
  args: { now: SEED_NOW },
  argTypes: {
    now: { control: 'text', description: 'Story only: the moment shown (ISO 8601).', table: { category: 'story' } },
  },
  render: (args) =>
    renderElement('tin-election-countdown', args, {
      plan: seedElectionPlan,
      now: Date.parse((args as ClockArgs).now),
    }),
} satisfies Meta<ClockArgs & Record<string, unknown>>;

export default meta;
type Story = StoryObj<ClockArgs & Record<string, unknown>>;

const says =
  (text: string): Story['play'] =>
  async ({ canvasElement }) => {
    const node = inShadow(elementIn(canvasElement, 'tin-election-countdown'), '[part="countdown"]');
    await expect(node?.textContent?.replace(/\s+/g, ' ').trim()).toBe(text);
  };

/** The seed plan on the seed page's day (4/2/2026), under the plan's title, the longest in the seed. */
export const Seed: Story = { play: says('Còn 39 ngày đến ngày bầu cử 15/3/2026') };

/** The example, two days earlier. */
export const FortyOneDays: Story = {
  args: { now: '2026-02-02T10:00:00+07:00' },
  play: says('Còn 41 ngày đến ngày bầu cử 15/3/2026'),
};

/** 23:59 on the eve, Vietnam time. */
export const Eve: Story = {
  args: { now: '2026-03-14T23:59:00+07:00' },
  play: says('Còn 1 ngày đến ngày bầu cử 15/3/2026'),
};

export const ElectionDay: Story = {
  args: { now: '2026-03-15T07:00:00+07:00' },
  play: says('Hôm nay là ngày bầu cử 15/3/2026'),
};

export const AfterElectionDay: Story = {
  args: { now: '2026-03-20T09:00:00+07:00' },
  play: says('Cuộc bầu cử đã diễn ra ngày 15/3/2026'),
};

/** No plan object: the attributes `election-day` and `title` (e.g. from a CMS field). */
export const FromAttributes: Story = {
  args: { 'election-day': '2026-03-15', title: 'Bầu cử đại biểu Quốc hội khóa XVI', 'heading-level': 3 },
  render: (args) => renderElement('tin-election-countdown', args, { now: Date.parse((args as ClockArgs).now) }),
};

export const English: Story = { args: { lang: 'en' }, play: says('39 days until election day, 15 March 2026') };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Phone: Story = { tags: ['phone'], globals: { viewport: { value: 'phone', isRotated: false } } };

/** Neither a plan nor `election-day`: the error names what is missing. */
export const Missing: Story = {
  render: (args) => renderElement('tin-election-countdown', args, { now: Date.parse((args as ClockArgs).now) }),
  play: async ({ canvasElement }) => {
    const node = inShadow(elementIn(canvasElement, 'tin-election-countdown'), '[part="error"]');
    await expect(node?.textContent?.trim()).toBe('Chưa cấu hình: thiếu thuộc tính plan.');
  },
};

/** A plan whose `electionDay` is not a date: the error names the field. */
export const InvalidPlan: Story = {
  render: (args) =>
    renderElement('tin-election-countdown', args, {
      plan: { ...seedElectionPlan, electionDay: '15/3/2026' },
      now: Date.parse((args as ClockArgs).now),
    }),
};
