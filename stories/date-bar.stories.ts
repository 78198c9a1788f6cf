import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '@bantin/elements/define/date-bar.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

const meta = {
  title: 'Elements/tin-date-bar',
  component: 'tin-date-bar',
  tags: ['autodocs'],
  args: { date: '2026-11-30' },
  render: (args) => renderElement('tin-date-bar', args),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The text of a part of the date bar. */
const shows =
  (part: string, text: string): Story['play'] =>
  async ({ canvasElement }) => {
    const node = inShadow(elementIn(canvasElement, 'tin-date-bar'), `[part="${part}"]`);
    await expect(node?.textContent?.replace(/\s+/g, ' ').trim()).toBe(text);
  };

/** The example: "Thứ Hai, 30/11/2026 · 22 tháng 10 năm Bính Ngọ". */
export const Seed: Story = { play: shows('lunar', 'Âm lịch 22 tháng 10 năm Bính Ngọ') };

/** The seed page's day (4/2/2026), from a frozen `now` instead of `date`. */
export const SeedPageDay: Story = {
  args: { date: '' },
  render: (args) => renderElement('tin-date-bar', args, { now: Date.parse('2026-02-04T09:00:00+07:00') }),
  play: shows('solar', 'Thứ Tư, 04/02/2026'),
};

/** Lunar new year of Bính Ngọ: 17/2/2026. */
export const Tet: Story = { args: { date: '2026-02-17' }, play: shows('holiday', 'Tết Nguyên đán') };

/** The 15th of the lunar month (here Rằm tháng Giêng, 3/3/2026). */
export const Ram: Story = { args: { date: '2026-03-03' }, play: shows('holiday', 'Rằm') };

/** 2025 repeats lunar month 6: the leap month is marked "nhuận". */
export const LeapMonth: Story = {
  args: { date: '2025-07-27' },
  play: shows('lunar', 'Âm lịch 3 tháng 6 nhuận năm Ất Tỵ'),
};

/** Without `date` or `now`: today in Vietnam, turning over at Vietnam midnight. */
export const Today: Story = { args: { date: '' } };

export const English: Story = {
  args: { lang: 'en', date: '2025-07-27' },
  play: shows('lunar', 'Lunar 3/6 (leap month), year of Ất Tỵ'),
};

export const Dark: Story = { args: { date: '2026-02-17' }, globals: { theme: 'dark' } };

export const Phone: Story = {
  args: { date: '2026-02-17' },
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
};

/** A `date` that is not "YYYY-MM-DD": the error state names the attribute. */
export const InvalidDate: Story = {
  args: { date: '30/11/2026' },
  play: shows('error', 'Thuộc tính date không phải là ngày hợp lệ: "30/11/2026".'),
};
