import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { articleSummaries, mostViewedArticle, SEED_NOW, seedArticle } from '@bantin/model/fixtures';
import '@bantin/elements/define/article-card.js';
import { ALIAS_OPTIONS } from './support/choices.js';
import { elementIn, inShadow, renderElement } from './support/render.js';

const summary = (id: string) => articleSummaries.find((article) => article.id === id)!;
const now = Date.parse(SEED_NOW);

/**
 * The card renders its date with an inner <tin-time> and has no `now` of its own, so "1 ngày
 * trước" would follow the real clock. Until it has one, the stories freeze the inner element's.
 */
function freezeClock(element: Element | undefined): void {
  void (element as (Element & { updateComplete?: Promise<boolean> }) | undefined)?.updateComplete?.then(() => {
    const time = element!.shadowRoot?.querySelector<HTMLElement & { now?: number }>('tin-time');
    if (time) time.now = now;
  });
}

function card(args: Record<string, unknown>): HTMLElement {
  const element = renderElement('tin-article-card', args);
  freezeClock(element);
  return element;
}

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
      ${ref(freezeClock)}
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
