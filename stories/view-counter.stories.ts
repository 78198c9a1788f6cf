import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { seedArticle } from '@bantin/model/fixtures';
import '@bantin/elements/define/view-counter.js';
import { MOCK_ARG_TYPE, mockDataSource, type MockMode } from './mock/mock-data-source.js';
import { elementIn, inShadow, renderElement, shadowShows } from './support/render.js';

/** Story-only args: how the mock data source behind the counter answers (`fail` fails once). */
interface MockArgs {
  mock: MockMode;
}
type Args = MockArgs & Record<string, unknown>;

const counter = (args: Args) =>
  renderElement('tin-view-counter', args, { dataSource: mockDataSource({ mode: args.mock, failures: 1 }) });

const meta = {
  title: 'Elements/tin-view-counter',
  component: 'tin-view-counter',
  tags: ['autodocs'],
  args: { mock: 'live', 'article-id': seedArticle.id },
  argTypes: {
    mock: MOCK_ARG_TYPE,
  },
  render: counter,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The text of the count part once it is no longer a skeleton. */
const counts =
  (text: string): Story['play'] =>
  async ({ canvasElement }) => {
    const element = elementIn(canvasElement, 'tin-view-counter');
    await waitFor(() => expect(inShadow(element, '[part="count"]:not(.skeleton)')?.textContent).toBe(text), {
      timeout: 3000,
    });
  };

/** The seed's "Lượt xem: 414", read from the data source. */
export const Populated: Story = { play: counts('414') };

/** The request never answers: a skeleton keeps the number's space. */
export const Loading: Story = {
  args: { mock: 'delay' },
  play: async ({ canvasElement }) => {
    await expect(inShadow(elementIn(canvasElement, 'tin-view-counter'), '[part="count"].skeleton')).not.toBeNull();
  },
};

/** An article the server has no views for shows 0. */
export const Empty: Story = { args: { mock: 'empty' }, play: counts('0') };

/** The read fails: "—", the reason as visible text (readable on touch screens) and "Thử lại"; the retry succeeds. */
export const ErrorState: Story = {
  name: 'Error',
  args: { mock: 'fail' },
  play: shadowShows(
    'tin-view-counter',
    '[part="error-message"]',
    'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  ),
};

/** No `endpoint` (nor `dataSource`, nor `count`): the console names the attribute, and the counter says so. */
export const MissingEndpoint: Story = {
  render: (args) => renderElement('tin-view-counter', { 'article-id': args['article-id'] }),
  play: shadowShows('tin-view-counter', '[part="error-message"]', 'Chưa cấu hình: thiếu thuộc tính endpoint.'),
};

/**
 * `track` records this reader's view once per browser session (tin-view-counter-counted in Actions).
 * "Another reader" records a view in the mock and shows a fresh counter: watch it go up.
 */
export const Tracking: Story = {
  args: { track: true },
  render: (args) => {
    const source = mockDataSource({ mode: args.mock });
    const fresh = () => renderElement('tin-view-counter', { ...args, track: false }, { dataSource: source });
    const slot = document.createElement('span');
    slot.append(renderElement('tin-view-counter', args, { dataSource: source }));
    const anotherReader = async () => {
      await source.recordView(String(args['article-id']));
      slot.replaceChildren(fresh());
    };
    return html`<p>${slot}</p>
      <button type="button" @click=${anotherReader}>Another reader views the article</button>`;
  },
};

/** A count rendered by the server (`count="414"`): shown at once, nothing fetched. */
export const ServerCount: Story = { args: { count: 414, mock: 'delay' }, play: counts('414') };

export const English: Story = { args: { lang: 'en', count: 1520 }, play: counts('1,520') };

export const Dark: Story = { globals: { theme: 'dark' }, play: counts('414') };

/** A custom label, and the count of the most-viewed article, in the meta line of a phone layout. */
export const Phone: Story = {
  args: { label: 'Số lượt xem bài viết', count: 1520 },
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  play: counts('1.520'),
};
