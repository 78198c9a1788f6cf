import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { mostViewedArticle, SEED_NOW } from '@bantin/model/fixtures';
import '@bantin/elements/define/time.js';
import { ALIAS_OPTIONS } from './support/choices.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

/** The seed page's clock: the most-viewed item, published a day earlier, reads "1 ngày trước". */
const now = Date.parse(SEED_NOW);

const meta = {
  title: 'Elements/tin-time',
  component: 'tin-time',
  tags: ['autodocs'],
  args: { datetime: mostViewedArticle.publishedAt, format: 'relative' },
  render: (args) => renderElement('tin-time', args, { now }),
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** The text the `<time>` inside shows. */
const shows =
  (text: string): Story['play'] =>
  async ({ canvasElement }) => {
    const time = inShadow(elementIn(canvasElement, 'tin-time'), 'time');
    await expect(time?.textContent).toBe(text);
  };

export const Relative: Story = { play: shows('1 ngày trước') };
export const Full: Story = { args: { format: 'full' }, play: shows('Thứ Ba, 03/02/2026') };
export const Short: Story = { args: { format: 'short' } };
export const Long: Story = { args: { format: 'long' } };
export const DateTime: Story = { args: { format: 'dateTime' } };
export const Time: Story = { args: { format: 'time' } };

/** Every format side by side, each from the same instant. */
const allFormats = (args: Record<string, unknown>) =>
  html`<table>
    <caption>
      <code>format</code>
    </caption>
    <tbody>
      ${ALIAS_OPTIONS.TimeFormat.map(
        (format) =>
          html`<tr>
            <th scope="row"><code>${format}</code></th>
            <td>${renderElement('tin-time', { ...args, format }, { now })}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;

export const AllFormats: Story = { render: allFormats };

/** `lang="en"` on the element (or any ancestor). */
export const English: Story = {
  args: { lang: 'en' },
  render: allFormats,
  play: async ({ canvasElement }) => {
    await expect(inShadow(elementIn(canvasElement, 'tin-time'), 'time')?.textContent).toBe('1 day ago');
  },
};

export const Dark: Story = { globals: { theme: 'dark' }, render: allFormats };

/** `now` as an attribute (an ISO date-time) freezes the clock without script, e.g. in a server-rendered page. */
export const NowAttribute: Story = {
  args: { now: SEED_NOW },
  render: (args) => renderElement('tin-time', args),
  play: shows('1 ngày trước'),
};

/** An unparsable `datetime` shows the slotted fallback text, as before the element upgrades. */
export const InvalidDateShowsFallback: Story = { args: { datetime: 'sáng 28/11', 'slot:default': 'Sáng 28/11' } };
