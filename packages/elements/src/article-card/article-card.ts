import { html, nothing, type PropertyValues } from 'lit';
import { checkWire, formatCompactNumber, type ArticleSummary } from '@bantin/model';
import { ArticleSummaryWire } from '@bantin/model/wire-schemas/article-summary.js';
import { nowProperty } from '../internal/clock.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { safeHref } from '../internal/url.js';
import { articleCardStyles } from './article-card.styles.js';

export type ArticleCardLayout = 'vertical' | 'horizontal' | 'compact' | 'featured';

/**
 * @tagname tin-article-card
 * @summary One article in a list: cover, title, sapo and a meta line ("Tin tức thành phố Hà
 * Nội · 1 ngày trước · 414 lượt xem · 12 bình luận"). The whole card is one link, the title's.
 *
 * Works from plain HTML (attributes and slotted children, which stay in the light DOM for
 * search engines) or from an `.article` property. What the page writes wins: slotted
 * children over the article's title/cover/sapo (the article's text is the slot's fallback),
 * and non-empty attributes over the article's fields. An `.article` that fails
 * `ArticleSummarySchema` is ignored, with a console warning naming the field.
 *
 * Registering it (define/article-card.js) also registers `<tin-time>`, which renders the date.
 * With `endpoint` and no count given, the card renders a `<tin-comment-count>`, batched with
 * every other count on the page; register it too (define/comment-count.js, or the no-build
 * bundle), which a card-only page without counts does not pay for.
 *
 * @slot title - The title as text or inline markup; it is wrapped in the card's one link (so not a link itself).
 * @slot image - The cover, an `<img>` with `width` and `height` so its box is reserved before it loads.
 * @slot sapo - The lead paragraph, clamped to `sapo-lines` lines.
 *
 * @csspart base - The `<article>` around everything.
 * @csspart image - The cover `<img>` rendered from `.article` (a slotted image is styled directly).
 * @csspart body - Title, sapo and meta line.
 * @csspart title - The heading holding the link (`role="heading"`, `aria-level` from `heading-level`, 3 by default).
 * @csspart sapo - The sapo `<p>` rendered from `.article` (a slotted sapo is styled directly).
 * @csspart meta - The meta line.
 * @csspart category - The category name.
 * @csspart time - The `<tin-time>` date.
 * @csspart views - "414 lượt xem".
 * @csspart comments - "12 bình luận" (a `<tin-comment-count>` when it comes from `endpoint`).
 *
 * @cssprop --tin-article-card-gap - Space between image and body. Default: var(--tin-space-s, 0.5rem).
 * @cssprop --tin-article-card-sapo-lines - Lines of sapo shown (the `sapo-lines` attribute wins). Default: 3.
 * @cssprop --tin-article-card-image-width - Image width in the horizontal layout. Default: 12rem.
 */
export class TinArticleCard extends TinElement {
  static override styles = [tokenStyles, baseStyles, articleCardStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    article: { attribute: false },
    href: {},
    datetime: {},
    category: {},
    views: { type: Number },
    commentCount: { type: Number, attribute: 'comment-count' },
    layout: { reflect: true },
    sapoLines: { type: Number, attribute: 'sapo-lines' },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: nowProperty,
    endpoint: {},
    articleId: { attribute: 'article-id' },
  };

  /** The article, rendered as text. Slots and attributes override its parts. */
  article?: ArticleSummary;

  /** The article's URL. Only http(s) and relative URLs become a link. */
  href = '';

  /** Publication date-time, ISO 8601, shown relative ("1 ngày trước"). */
  datetime = '';

  /** The category name, as text. */
  category = '';

  /** The view count, shown as "414 lượt xem". */
  views?: number;

  /** The comment count, shown as "12 bình luận" (else the article's `commentCount`). */
  commentCount?: number;

  /** The title as text, when no title is slotted (else the article's title). */
  heading = '';

  /** The title's level in the page outline, 2–6. Default 3: cards usually sit under a section heading. */
  headingLevel = 3;

  /**
   * Freezes "now" for the relative date (stories, tests, server rendering): an ISO date-time or a
   * Date. Unset: the real clock.
   */
  now?: Date | number;

  /** Base URL of the JSON API: with it, and no count given, the comment count is fetched. */
  endpoint = '';

  /** The article's id for the fetched comment count (else the article's `id`). */
  articleId = '';

  /** `vertical` (default), `horizontal` (becomes vertical when narrow), `compact` (title and meta only), `featured` (bigger title). */
  layout: ArticleCardLayout = 'vertical';

  /** Lines of sapo shown before it is cut with "…". Default: 3 (or --tin-article-card-sapo-lines). */
  sapoLines?: number;

  private valid?: ArticleSummary;
  private warnedUnregistered = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('article')) return;
    // ArticleSummarySchema in the wire form browsers use, so zod stays out of the bundle.
    const result = this.article && checkWire(ArticleSummaryWire, this.article);
    if (result && !result.ok)
      console.warn(`[bantin] <tin-article-card> ignored an invalid .article:\n${result.message}`);
    this.valid = result && result.ok ? result.value : undefined;
  }

  protected override updated(): void {
    // A CSSOM write, which a strict style-src CSP allows where a style attribute would not be.
    const base = this.renderRoot.querySelector<HTMLElement>('.base');
    if ((this.sapoLines ?? 0) > 0) base?.style.setProperty('--tin-article-card-sapo-lines', String(this.sapoLines));
    else base?.style.removeProperty('--tin-article-card-sapo-lines');
    // After render, in the browser only: a <tin-comment-count> nobody registered would stay empty.
    if (
      !this.warnedUnregistered &&
      this.renderRoot.querySelector('tin-comment-count') &&
      !customElements.get('tin-comment-count')
    ) {
      this.warnedUnregistered = true;
      console.warn(
        '[bantin] <tin-article-card> shows its comment count with <tin-comment-count>, which is not registered: import "@bantin/elements/define/comment-count.js".',
      );
    }
  }

  override render() {
    const article = this.valid;
    const cover = article?.cover;
    const href = safeHref(this.href || article?.url);
    const datetime = this.datetime || article?.publishedAt;
    const category = this.category || article?.category?.name;
    const views = Number.isFinite(this.views) ? this.views : article?.viewCount;
    const comments = Number.isFinite(this.commentCount) ? this.commentCount : article?.commentCount;
    const id = this.articleId || article?.id;
    const fetchComments = comments === undefined && !!this.endpoint && !!id;
    const count = (value: number) => formatCompactNumber(value, { locale: this.locale });
    const title = html`<slot name="title">${this.heading || article?.title}</slot>`;
    // .base, .body and .meta are flex boxes, where whitespace between tags renders nothing: the
    // build's template minifier drops it (scripts/minify-literals.mjs).
    return html`<article part="base" class="base">
      <slot name="image"
        >${
          cover
            ? html`<img
                part="image"
                class="image"
                src=${safeHref(cover.src) ?? nothing}
                alt=${cover.alt}
                width=${cover.width}
                height=${cover.height}
                loading="lazy"
                decoding="async"
              />`
            : nothing
        }</slot
      >
      <div part="body" class="body">
        <div part="title" class="title" role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel)) || 3}>
          ${href ? html`<a href=${href}>${title}</a>` : title}
        </div>
        <slot name="sapo">${article?.sapo ? html`<p part="sapo" class="sapo">${article.sapo}</p>` : nothing}</slot>${
          category || datetime || views !== undefined || comments !== undefined || fetchComments
            ? html`<div part="meta" class="meta">
                ${category ? html`<span part="category">${category}</span>` : nothing}${
                  datetime ? html`<tin-time part="time" datetime=${datetime} .now=${this.now}></tin-time>` : nothing
                }${
                  views !== undefined
                    ? html`<span part="views">${this.t('mostViewedViews', { count: count(views) })}</span>`
                    : nothing
                }${
                  comments !== undefined
                    ? html`<span part="comments"
                        >${this.t(comments === 1 ? 'commentsCountOne' : 'commentsCount', { count: count(comments) })}</span
                      >`
                    : fetchComments
                      ? html`<tin-comment-count
                          part="comments"
                          article-id=${id}
                          endpoint=${this.endpoint}
                        ></tin-comment-count>`
                      : nothing
                }
              </div>`
            : nothing
        }
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-article-card': TinArticleCard;
  }
}
