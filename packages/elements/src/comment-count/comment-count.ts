import { html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { canonicalArticleKey, formatNumber } from '@bantin/model';
import { sharedCommentCountSource } from '../data/comment-count-source.js';
import type { CommentCountSource } from '../data/types.js';
import { emit, type TinLoadErrorDetail } from '../internal/events.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { safeHref } from '../internal/url.js';
import { commentCountStyles } from './comment-count.styles.js';

/**
 * @tagname tin-comment-count
 * @summary "3 bình luận" under an article on a list page. Every count on a page that shares an
 * endpoint is served by one batched `GET {endpoint}/comment-counts?ids=…` (1–100 ids per
 * request; longer lists are split).
 *
 * Where the count comes from, first match wins: the `count` attribute/property (nothing is
 * fetched); the `dataSource` property; the `endpoint` attribute. An article the server does not
 * list has no approved comments and shows "0 bình luận" (a result, so there is no empty state).
 * Without `article-id` or `endpoint`, the console names the missing attribute and the error
 * state says so.
 *
 * @fires tin-comment-count-error - Loading the count failed; the error state is shown. `detail: { error }`.
 *
 * @csspart count - "3 bình luận", its loading skeleton, or "—" when it could not be loaded.
 * @csspart link - The link around the count, with `href`.
 * @csspart loading - The loading state (around the skeleton).
 * @csspart error - The error state: the reason and the retry button.
 * @csspart error-message - The reason, as visible text.
 * @csspart retry - The "Thử lại" button of the error state.
 *
 * @cssprop --tin-comment-count-color - Text color. Default: inherited.
 * @cssprop --tin-comment-count-min-width - Space kept while loading, so nothing moves when the count arrives. Default: 8ch.
 */
export class TinCommentCount extends TinElement {
  static override styles = [tokenStyles, baseStyles, commentCountStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    articleId: { attribute: 'article-id' },
    endpoint: {},
    count: { type: Number },
    href: {},
    dataSource: { attribute: false },
    // Internal state (`@state()`); `attribute: false` keeps it out of the manifest's attributes.
    retried: { state: true, attribute: false },
  };

  /** The article: an id or its URL/path, canonicalised as everywhere (`canonicalArticleKey`). */
  articleId = '';

  /** Base URL of the JSON API, e.g. "/api/bantin". Used when neither `count` nor `dataSource` is set. */
  endpoint = '';

  /** A count rendered by the server, shown at once; nothing is fetched. */
  count?: number;

  /** Makes the count a link, e.g. to the article's comments ("/tin-tuc/bai-viet#binh-luan"). Only http(s) and relative URLs. */
  href = '';

  /** Any object implementing `getCommentCounts`; takes precedence over `endpoint`. */
  dataSource?: CommentCountSource;

  /** After the reader pressed retry, the outcome is announced (not on page load: a list page may hold twenty counts). */
  private retried = false;

  private readonly counts = new Task(this, {
    args: () =>
      [
        canonicalArticleKey(this.articleId),
        this.dataSource ?? (this.endpoint ? sharedCommentCountSource(this.endpoint) : undefined),
        Number.isFinite(this.count) ? this.count : undefined,
      ] as const,
    // Runs during the update, so counts rendered together ask within one batch window.
    task: async ([key, source, count], { signal }) => {
      if (count !== undefined) return count;
      if (!key) throw this.missingConfiguration('article-id');
      if (!source) throw this.missingConfiguration('endpoint', 'or the count attribute, or the dataSource property');
      return (await source.getCommentCounts([key], { signal }))[key] ?? 0;
    },
    onError: (error) => emit<TinLoadErrorDetail>(this, 'tin-comment-count-error', { error: error as Error }),
  });

  private retry(): void {
    this.retried = true;
    void this.counts.run();
  }

  override render() {
    const { status, value, error } = this.counts;
    const count = status === TaskStatus.COMPLETE ? value : Number.isFinite(this.count) ? this.count : undefined;
    const href = safeHref(this.href);
    const text =
      count !== undefined
        ? html`<span part="count" class="count"
            >${this.t(count === 1 ? 'commentsCountOne' : 'commentsCount', {
              count: formatNumber(count, { locale: this.locale }),
            })}</span
          >`
        : undefined;
    return html`<span aria-live=${this.retried ? 'polite' : nothing}
      >${
        text
          ? href
            ? html`<a part="link" href=${href}>${text}</a>`
            : text
          : status === TaskStatus.ERROR
            ? html`<span part="count" class="count">—</span> ${this.renderErrorState(
                  error,
                  () => this.retry(),
                  this.retried,
                )}`
            : this.renderLoadingState(html`<span part="count" class="count skeleton"></span>`)
      }</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-comment-count': TinCommentCount;
  }
  interface GlobalEventHandlersEventMap {
    'tin-comment-count-error': CustomEvent<TinLoadErrorDetail>;
  }
}
