import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { articleSummaries, seedArticle } from '@bantin/model/fixtures';
import '@bantin/elements/define/comment-count.js';
import { MOCK_ARG_TYPE, mockDataSource, type MockMode } from './mock/mock-data-source.js';
import { renderElement, shadowShows } from './support/render.js';

/** Story-only args: how the mock data source behind the count answers (`fail` fails once). */
interface MockArgs {
  mock: MockMode;
}
type Args = MockArgs & Record<string, unknown>;

const TAG = 'tin-comment-count';

const meta = {
  title: 'Elements/tin-comment-count',
  component: TAG,
  tags: ['autodocs'],
  args: { mock: 'live', 'article-id': seedArticle.id },
  argTypes: { mock: MOCK_ARG_TYPE },
  render: (args) => renderElement(TAG, args, { dataSource: mockDataSource({ mode: args.mock, failures: 1 }) }),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The count, once it is no longer a skeleton. */
const reads = (text: string | RegExp) => shadowShows(TAG, '[part="count"]:not(.skeleton)', text);

/** The approved sample comments on the seed article, counted by the mock's `getCommentCounts`. */
export const Populated: Story = { play: reads(/\d bình luận$/) };

/** The request never answers: a skeleton keeps the space. */
export const Loading: Story = { args: { mock: 'delay' }, play: shadowShows(TAG, '[part="loading"] .skeleton') };

/** An article without approved comments: "0 bình luận" (a result, not an empty state). */
export const NoComments: Story = { args: { mock: 'empty' }, play: reads('0 bình luận') };

/** The first read fails: "—", the reason as text and "Thử lại", which succeeds. */
export const ErrorState: Story = {
  name: 'Error',
  args: { mock: 'fail' },
  play: shadowShows(TAG, '[part="error-message"]', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'),
};

/** No `endpoint` (nor `dataSource`, nor `count`): the console names the attribute, and the count says so. */
export const MissingEndpoint: Story = {
  render: (args) => renderElement(TAG, { 'article-id': args['article-id'] }),
  play: shadowShows(TAG, '[part="error-message"]', 'Chưa cấu hình: thiếu thuộc tính endpoint.'),
};

/** A count rendered by the server (`count="1204"`), linked to the comments with `href`. */
export const ServerCountWithLink: Story = {
  args: { count: 1204, href: '#binh-luan', mock: 'delay' },
  play: shadowShows(TAG, 'a[part="link"]', '1.204 bình luận'),
};

export const English: Story = { args: { lang: 'en', count: 1 }, play: reads('1 comment') };

export const Dark: Story = { args: { count: 3 }, globals: { theme: 'dark' }, play: reads('3 bình luận') };

/** A list page: one count under each article, all served by one batched request. */
export const ListPage: Story = {
  render: (args) => {
    const dataSource = mockDataSource({ mode: args.mock });
    return html`<ul>
      ${articleSummaries.map(
        (article) =>
          html`<li>
            <a href=${article.url}>${article.title}</a> ·
            ${renderElement(TAG, { 'article-id': article.id }, { dataSource })}
          </li>`,
      )}
    </ul>`;
  },
  play: reads(/bình luận$/),
};
