import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { SEED_NOW, seedArticle } from '@bantin/model/fixtures';
import type { CommentSource } from '@bantin/elements';
import '@bantin/elements/define/comment-thread.js';
import { MOCK_MODES, mockDataSource, type MockMode, type MockOptions } from './mock/mock-data-source.js';
import { hostileNameComments, longTextComments, longThreadComments, sampleComments } from './mock/sample-comments.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

/**
 * Story-only args: how the mock data source answers (`fail` fails once, so "Thử lại" works),
 * and what a posted comment comes back as.
 */
interface MockArgs {
  mock: MockMode;
  commentStatus: NonNullable<MockOptions['commentStatus']>;
}
type Args = MockArgs & Record<string, unknown>;

const now = Date.parse(SEED_NOW);
const thread = (args: Args, options: MockOptions = {}) =>
  renderElement('tin-comment-thread', args, {
    dataSource: mockDataSource({ mode: args.mock, commentStatus: args.commentStatus, failures: 1, ...options }),
    now,
  });

const meta = {
  title: 'Elements/tin-comment-thread',
  component: 'tin-comment-thread',
  tags: ['autodocs'],
  args: { mock: 'live', commentStatus: 'pending', 'article-id': seedArticle.id },
  argTypes: {
    mock: {
      control: 'inline-radio',
      options: MOCK_MODES,
      description: 'Story only: how the mock data source answers.',
      table: { category: 'story' },
    },
    commentStatus: {
      control: 'inline-radio',
      options: ['pending', 'approved'],
      description: 'Story only: the status the mock gives a posted comment.',
      table: { category: 'story' },
    },
  },
  render: (args) => thread(args),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

const threadIn = (canvasElement: HTMLElement) => elementIn(canvasElement, 'tin-comment-thread');
const reaches =
  (selector: string): Story['play'] =>
  async ({ canvasElement }) => {
    await waitFor(() => expect(inShadow(threadIn(canvasElement), selector)).not.toBeNull(), { timeout: 3000 });
  };

/** Comments with replies (invented: the seed has none). Post one: it comes back pending. */
export const Populated: Story = { play: reaches('[part="list"]') };

/** The first page never arrives: a placeholder, the form already usable. */
export const Loading: Story = { args: { mock: 'delay' }, play: reaches('[part="loading"]') };

/** The seed's own state: "Chưa có bình luận nào." */
export const Empty: Story = {
  args: { mock: 'empty' },
  play: async (context) => {
    await reaches('[part="empty"]')!(context);
    await expect(inShadow(threadIn(context.canvasElement), '[part="empty"]')?.textContent).toBe(
      'Chưa có bình luận nào.',
    );
  },
};

/** The list fails to load (network); "Thử lại" loads it. */
export const ErrorState: Story = { name: 'Error', args: { mock: 'fail' }, play: reaches('[part="error"]') };

/** No `article-id`: a console warning names it, and the error state says so (no retry: retrying cannot fix it). */
export const NotConfigured: Story = {
  args: { 'article-id': undefined },
  play: async (context) => {
    await reaches('[part="error-message"]')!(context);
    await expect(inShadow(threadIn(context.canvasElement), '[part="error-message"]')?.textContent).toBe(
      'Chưa cấu hình: thiếu thuộc tính article-id.',
    );
  },
};

/** What a reader does in both posting stories: wait for the list, fill in the form, send. */
async function postSampleComment(canvasElement: HTMLElement): Promise<HTMLElement> {
  const element = threadIn(canvasElement);
  await waitFor(() => expect(inShadow(element, '[part="list"]')).not.toBeNull(), { timeout: 3000 });
  await userEvent.type(inShadow<HTMLInputElement>(element, '#authorName')!, 'Minh Anh');
  await userEvent.type(inShadow<HTMLTextAreaElement>(element, '#content')!, 'Rất đồng tình.');
  await userEvent.click(inShadow<HTMLButtonElement>(element, '[part="submit"]')!);
  return element;
}

/** Types a comment and posts it: the mock answers "pending", the thread says it awaits moderation. */
export const PostPending: Story = {
  play: async ({ canvasElement }) => {
    const element = await postSampleComment(canvasElement);
    await waitFor(
      () => expect(inShadow(element, '[part="status"]')?.textContent?.trim()).toBe('Bình luận của bạn đang chờ duyệt.'),
      {
        timeout: 3000,
      },
    );
  },
};

/** The same post on a site without moderation: it appears at the top of the list at once. */
export const PostApproved: Story = {
  args: { commentStatus: 'approved' },
  play: async ({ canvasElement }) => {
    const element = await postSampleComment(canvasElement);
    await waitFor(() => expect(inShadow(element, '[part="content"]')?.textContent).toBe('Rất đồng tình.'), {
      timeout: 3000,
    });
  },
};

/**
 * A server that asks for an ALTCHA proof of work whose challenge has not arrived yet: the post
 * waits, and the button says "Đang kiểm tra…" rather than "Đang gửi…" (nothing is sent yet).
 */
export const PostChecking: Story = {
  render: (args) => {
    const source = mockDataSource({ mode: args.mock, commentStatus: args.commentStatus });
    // The shared mock (its methods on its class), plus a challenge that never comes.
    const dataSource: CommentSource = {
      listComments: source.listComments.bind(source),
      postComment: source.postComment.bind(source),
      altchaChallenge: () => new Promise(() => {}),
    };
    return renderElement('tin-comment-thread', args, { dataSource, now });
  },
  play: async ({ canvasElement }) => {
    const element = await postSampleComment(canvasElement);
    await waitFor(() => expect(inShadow(element, '[part="submit"]')?.textContent?.trim()).toBe('Đang kiểm tra…'), {
      timeout: 3000,
    });
  },
};

/** The seed's longest name and title as a reader's name and comment, and a reply. */
export const LongNames: Story = {
  render: (args) => thread(args, { comments: longTextComments }),
  play: reaches('[part="author"]'),
};

export const English: Story = { args: { lang: 'en' }, play: reaches('[part="list"]') };

export const Dark: Story = { globals: { theme: 'dark' }, play: reaches('[part="list"]') };

export const Phone: Story = {
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: (args) => thread(args, { comments: [...longTextComments, ...sampleComments] }),
  play: reaches('[part="list"]'),
};

/** Comments from the `comments` property, sorted and paged locally (2 threads a page); posts still go to the data source. */
export const FromCommentsProperty: Story = {
  args: { limit: 2, comments: sampleComments },
  play: reaches('[part="more"]'),
};

/** A page carries 3 replies per thread; "Xem thêm 2 trả lời" loads the rest of the thread. */
export const MoreReplies: Story = {
  render: (args) => thread(args, { comments: longThreadComments }),
  play: async ({ canvasElement }) => {
    const element = threadIn(canvasElement);
    await waitFor(() => expect(inShadow(element, '[part="more-replies"]')).not.toBeNull(), { timeout: 3000 });
    await expect(inShadow(element, '[part="more-replies"]')?.textContent?.trim()).toBe('Xem thêm 2 trả lời');
    await userEvent.click(inShadow<HTMLButtonElement>(element, '[part="more-replies"]')!);
    await waitFor(() => expect(element.shadowRoot!.querySelectorAll('[part="replies"] > li')).toHaveLength(5), {
      timeout: 3000,
    });
  },
};

/** "Thích": pressed at once (`aria-pressed`), counted by the server, announced to screen readers. */
export const Like: Story = {
  play: async ({ canvasElement }) => {
    const element = threadIn(canvasElement);
    await waitFor(() => expect(inShadow(element, '[part="like"]')).not.toBeNull(), { timeout: 3000 });
    const like = inShadow<HTMLButtonElement>(element, '[part="like"]')!;
    await userEvent.click(like);
    await expect(like.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(inShadow(element, '[part="like-status"]')?.textContent).toMatch(/thích/), {
      timeout: 3000,
    });
  },
};

/** `heading` and `heading-level`: the section's own title, at the right level of the page outline. */
export const Heading: Story = {
  args: { heading: 'Ý kiến bạn đọc', 'heading-level': 3 },
  play: async ({ canvasElement }) => {
    const heading = inShadow(threadIn(canvasElement), '[part="heading"]');
    await expect(heading?.getAttribute('aria-level')).toBe('3');
    await expect(heading?.textContent?.trim()).toBe('Ý kiến bạn đọc');
  },
};

/** An 80-character name without a space wraps on a phone, and an open U+202E in a name stays inside it. */
export const HostileNames: Story = {
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
  render: (args) => thread(args, { comments: hostileNameComments }),
  play: async (context) => {
    await reaches('[part="list"]')!(context);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
