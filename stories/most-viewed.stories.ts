import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { mostViewedItems, SEED_NOW } from '@bantin/model/fixtures';
import '@bantin/elements/define/most-viewed.js';
import { MOCK_ARG_TYPE, mockDataSource, type MockMode } from './mock/mock-data-source.js';
import { elementIn, inShadow, renderElement, shadowShows } from './support/render.js';

/**
 * Story-only args (not the element's API): how the mock data source behind the element answers.
 * `mock: 'fail'` fails once, so "Thử lại" then loads the list.
 */
interface MockArgs {
  mock: MockMode;
}

const meta = {
  title: 'Elements/tin-most-viewed',
  component: 'tin-most-viewed',
  tags: ['autodocs'],
  args: { mock: 'live', period: 'day' },
  argTypes: {
    mock: MOCK_ARG_TYPE,
  },
  render: (args) =>
    renderElement('tin-most-viewed', args, {
      dataSource: mockDataSource({ mode: (args as MockArgs).mock, failures: 1 }),
      now: Date.parse(SEED_NOW),
    }),
} satisfies Meta<MockArgs & Record<string, unknown>>;

export default meta;
type Story = StoryObj<MockArgs & Record<string, unknown>>;

const shadowOf = (canvasElement: HTMLElement) => elementIn(canvasElement, 'tin-most-viewed');
/** Waits until the element's shadow root has `selector`. */
const reaches =
  (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(shadowOf(canvasElement), selector)).not.toBeNull(), { timeout: 3000 });
  };

/** The seed's "Xem nhiều nhất" box: one item for the day, "1 ngày trước". Switch tabs: week and month come from the mock. */
export const Populated: Story = {
  play: async (context) => {
    await reaches('a[part="link"]')!(context);
    const element = shadowOf(context.canvasElement);
    await expect(inShadow(element, '[part="link"]')?.textContent).toBe(mostViewedItems[0]!.article.title);
    await expect(inShadow(element, '[part="meta"] time')?.textContent).toBe('1 ngày trước');
  },
};

/** The request never answers: skeleton rows that reserve the list's space. */
export const Loading: Story = { args: { mock: 'delay' }, play: reaches('[part="list"][aria-hidden="true"]') };

export const Empty: Story = { args: { mock: 'empty' }, play: reaches('[part="empty"]') };

/** The first request fails (network): the reason as text and "Thử lại", which succeeds. */
export const ErrorState: Story = {
  name: 'Error',
  args: { mock: 'fail' },
  play: reaches('[part="error"] [part="error-message"]'),
};

/** No `endpoint`, `dataSource` or `items`: the console names the attribute and the box says so (never a skeleton forever). */
export const MissingEndpoint: Story = {
  render: (args) => renderElement('tin-most-viewed', { period: args.period }),
  play: shadowShows('tin-most-viewed', '[part="error-message"]', 'Chưa cấu hình: thiếu thuộc tính endpoint.'),
};

/**
 * One item does not fit the contract (a `javascript:` link): it is skipped with one console
 * warning and the valid one is shown. Over HTTP, `tin-most-viewed-invalid-items` also fires.
 */
export const PartialData: Story = {
  render: (args) =>
    renderElement('tin-most-viewed', args, {
      items: [
        { ...mostViewedItems[0]!, rank: 2, article: { ...mostViewedItems[0]!.article, url: 'javascript:alert(1)' } },
        ...mostViewedItems,
      ],
      now: Date.parse(SEED_NOW),
    }),
  play: async ({ canvasElement }) => {
    const links = shadowOf(canvasElement).shadowRoot!.querySelectorAll('[part="link"]');
    await expect(links.length).toBe(1);
  },
};

/** `limit="1"`, `heading` and `heading-level="3"`: one item under an h3 "Đọc nhiều". */
export const LimitAndHeading: Story = {
  args: { period: 'week', limit: 1, heading: 'Đọc nhiều', 'heading-level': 3 },
  play: async (context) => {
    await reaches('a[part="link"]')!(context);
    const element = shadowOf(context.canvasElement);
    await expect(element.shadowRoot!.querySelectorAll('[part="link"]').length).toBe(1);
    await expect(inShadow(element, '[part="heading"]')?.getAttribute('aria-level')).toBe('3');
  },
};

/** The week tab lists the seed article, whose title is the longest in the seed, with view counts. */
export const LongestTitle: Story = { args: { period: 'week', 'show-views': true }, play: reaches('a[part="link"]') };

export const English: Story = {
  args: { lang: 'en', period: 'week', 'show-views': true },
  play: reaches('a[part="link"]'),
};

export const Dark: Story = {
  args: { period: 'week', 'show-views': true },
  globals: { theme: 'dark' },
  play: reaches('a[part="link"]'),
};

/** At 375px the tabs and the longest title must still fit. */
export const Phone: Story = {
  args: { period: 'week', 'show-views': true },
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: reaches('a[part="link"]'),
};

/** Data from the `items` property (e.g. server-rendered): nothing is fetched; no tabs for a fixed "day" sidebar. */
export const FromItemsProperty: Story = {
  args: { 'hide-tabs': true },
  render: (args) => renderElement('tin-most-viewed', args, { items: mostViewedItems, now: Date.parse(SEED_NOW) }),
};
