import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { articleSummaries, mostViewedArticle, SEED_NOW, seedArticle } from '@bantin/model/fixtures';
import '@bantin/elements/define/article-card.js';
import { ALIAS_OPTIONS } from './support/choices.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

const summary = (id: string) => articleSummaries.find((article) => article.id === id)!;
const now = Date.parse(SEED_NOW);

/** A card with "now" frozen at the seed's capture, so that "1 ngày trước" does not follow the real clock. */
const card = (args: Record<string, unknown>): HTMLElement => renderElement('tin-article-card', args, { now });

const meta = {
  title: 'Elements/tin-article-card',
  component: 'tin-article-card',
  tags: ['autodocs'],
  args: { article: summary(mostViewedArticle.id), layout: 'vertical' },
  render: (args) => html`<div style="max-width: 48rem">${card(args)}</div>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

const hasTitle =
  (title: string): Story['play'] =>
  async ({ canvasElement }) => {
    const element = elementIn(canvasElement, 'tin-article-card');
    await expect(inShadow(element, '[part="title"]')?.textContent?.trim()).toBe(title);
  };

export const Vertical: Story = { play: hasTitle(mostViewedArticle.title) };
export const Horizontal: Story = { args: { layout: 'horizontal' } };
export const Compact: Story = { args: { layout: 'compact' } };
export const Featured: Story = { args: { layout: 'featured' } };

/** The four layouts, each with the longest real title in the seed. */
export const AllLayouts: Story = {
  args: { article: summary(seedArticle.id) },
  render: (args) =>
    html`<div style="display: grid; gap: 2rem; max-width: 48rem">
      ${ALIAS_OPTIONS.ArticleCardLayout.map((layout) => card({ ...args, layout }))}
    </div>`,
};

/** "Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố thảo luận nhiều nội dung quan trọng": stacked diacritics, two lines or more. */
export const LongestTitle: Story = {
  args: { article: summary(seedArticle.id), layout: 'featured' },
  play: hasTitle(seedArticle.title),
};

export const English: Story = { args: { lang: 'en', layout: 'horizontal' } };

/** The article's comment count in the meta line ("12 bình luận"), from `comment-count` or `.article.commentCount`. */
export const CommentCount: Story = {
  args: { layout: 'horizontal', 'comment-count': 12 },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement, 'tin-article-card');
    await expect(inShadow(element, '[part="comments"]')?.textContent?.trim()).toBe('12 bình luận');
  },
};

/** `heading-level` fits the card's title into the page outline (default 3). */
export const HeadingLevel: Story = {
  args: { 'heading-level': 2 },
  play: async ({ canvasElement }) => {
    const element = elementIn(canvasElement, 'tin-article-card');
    await expect(inShadow(element, '[part="title"]')?.getAttribute('aria-level')).toBe('2');
  },
};

export const Dark: Story = { args: { layout: 'horizontal' }, globals: { theme: 'dark' } };

/** The horizontal layout stacks when narrow. */
export const Phone: Story = {
  args: { article: summary(seedArticle.id), layout: 'horizontal' },
  tags: ['phone'],
  globals: { viewport: { value: 'phone', isRotated: false } },
};

/**
 * Plain HTML, as a CMS theme writes it: attributes and slotted children (which stay in the light
 * DOM for search engines), no `.article`.
 */
export const FromHtml: Story = {
  args: { article: undefined, layout: 'horizontal' },
  render: (args) =>
    html`<tin-article-card
      .now=${now}
      layout=${String(args.layout)}
      href=${mostViewedArticle.url}
      datetime=${mostViewedArticle.publishedAt}
      category=${mostViewedArticle.category.name}
      views=${mostViewedArticle.viewCount}
    >
      <img
        slot="image"
        src=${mostViewedArticle.cover!.src}
        alt=${mostViewedArticle.cover!.alt}
        width="1200"
        height="800"
      />
      <span slot="title">${mostViewedArticle.title}</span>
      <p slot="sapo">${mostViewedArticle.sapo}</p>
    </tin-article-card>`,
};
