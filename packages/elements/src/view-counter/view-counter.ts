import { html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { canonicalArticleKey, formatNumber } from '@bantin/model';
import { sharedViewCountSource } from '../data/view-count-source.js';
import type { ViewCountSource } from '../data/types.js';
import { emit, type TinLoadErrorDetail } from '../internal/events.js';
import { markViewedThisSession, wasViewedThisSession } from '../internal/session-store.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { viewCounterStyles } from './view-counter.styles.js';
import { addMessages } from '../internal/i18n.js';
import { viewCounterMessages } from './view-counter.i18n.js';

addMessages(viewCounterMessages);

export interface TinViewCounterCountedDetail {
  /** The canonical article key the view was recorded under. */
  articleId: string;
  /** The count after this view. */
  views: number;
}

// Views being recorded, by article: two tracking counters for one article on one page share
// one POST instead of both counting before either has marked the session.
const recording = new Map<string, Promise<number>>();

/**
 * @tagname tin-view-counter
 * @summary "Lượt xem: 414". Reads an article's view count, or records the reader's view
 * (`track`) at most once per browser session. Every counter on a page that shares an endpoint
 * is served by one batched `GET /views?ids=…`.
 *
 * Where the count comes from, first match wins: the `count` attribute/property (no request at
 * all unless `track` still has to record the view); the `dataSource` property; the `endpoint`
 * attribute. An id the server does not list has no recorded view and shows 0 (a count of 0 is
 * a result, so this element has no empty state).
 *
 * With `track`, the session is marked only after the POST succeeds: a failed POST counts
 * nothing, shows the error state, and "Thử lại" posts again (or the next page load does).
 * When `count` is set, a failed POST keeps showing `count` instead of an error.
 *
 * Without `article-id`, or without `endpoint`/`dataSource` when there is no `count` to show,
 * the console names the missing attribute and the error state says so.
 *
 * @fires tin-view-counter-counted - The reader's view was recorded. `detail: { articleId, views }`.
 * @fires tin-view-counter-error - Loading the count or recording the view failed; the error state is shown. `detail: { error }`.
 *
 * @csspart label - The "Lượt xem:" label.
 * @csspart count - The number, its loading skeleton, or "—" when it could not be loaded.
 * @csspart loading - The loading state (around the skeleton).
 * @csspart error - The error state: the reason and the retry button.
 * @csspart error-message - The reason, as visible text.
 * @csspart retry - The "Thử lại" button of the error state.
 *
 * @cssprop --tin-view-counter-color - Text color. Default: inherited.
 * @cssprop --tin-view-counter-min-width - Space kept for the number, so nothing moves when it arrives. Default: 4ch.
 */
export class TinViewCounter extends TinElement {
  static override styles = [tokenStyles, baseStyles, viewCounterStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    articleId: { attribute: 'article-id' },
    endpoint: {},
    track: { type: Boolean },
    count: { type: Number },
    label: {},
    dataSource: { attribute: false },
    // Internal state (`@state()`); `attribute: false` keeps it out of the manifest's attributes.
    retried: { state: true, attribute: false },
  };

  /** The article: an id or its URL/path. URL variants ("/a/", "/a/index.html", "/a?utm=1") count as one. */
  articleId = '';

  /** Base URL of the JSON API, e.g. "/api/bantin". Used when neither `count` nor `dataSource` answers. */
  endpoint = '';

  /** Records the reader's view (once per browser session per article) and shows the new count. */
  track = false;

  /** A count rendered by the server, shown at once. Without `track`, nothing is fetched. */
  count?: number;

  /** Replaces the "Lượt xem" label. */
  label = '';

  /** Any object implementing `getViewCounts` and `recordView`; takes precedence over `endpoint`. */
  dataSource?: ViewCountSource;

  /** After the reader pressed retry, the outcome is announced. Not before: ten counters loading with the page would interrupt a screen reader ten times. */
  private retried = false;

  private readonly views = new Task(this, {
    args: () =>
      [
        canonicalArticleKey(this.articleId),
        this.track,
        this.dataSource ?? (this.endpoint ? sharedViewCountSource(this.endpoint) : undefined),
        this.given(),
      ] as const,
    // Runs during the update, so counters rendered together ask within one batch window.
    task: async ([key, track, source, count], { signal }) => {
      // A count to show and no view to record needs nothing else.
      const missing =
        count !== undefined && !track
          ? undefined
          : !key
            ? this.missingConfiguration('article-id')
            : !source
              ? this.missingConfiguration('endpoint', 'or the dataSource property')
              : undefined;
      if (track && !missing && !wasViewedThisSession(key)) return this.record(key, source!);
      if (count !== undefined) return count;
      if (missing) throw missing;
      return (await source!.getViewCounts([key], { signal }))[key] ?? 0;
    },
    onError: (error) => emit<TinLoadErrorDetail>(this, 'tin-view-counter-error', { error: error as Error }),
  });

  private given(): number | undefined {
    return Number.isFinite(this.count) ? this.count : undefined;
  }

  private record(key: string, source: ViewCountSource): Promise<number> {
    let post = recording.get(key);
    if (!post) {
      // No abort signal: a view the server may already have stored should still be marked.
      post = source
        .recordView(key)
        .then((views) => {
          markViewedThisSession(key);
          emit<TinViewCounterCountedDetail>(this, 'tin-view-counter-counted', { articleId: key, views });
          return views;
        })
        .finally(() => recording.delete(key));
      recording.set(key, post);
    }
    return post;
  }

  private retry(): void {
    this.retried = true;
    void this.views.run();
  }

  override render() {
    const { status, value, error } = this.views;
    const views = status === TaskStatus.COMPLETE ? value : this.given();
    // The one space before the count is text; the rest of the whitespace is inside ${}.
    return html`<span aria-live=${this.retried ? 'polite' : nothing}
      ><span part="label">${this.label || this.t('viewsLabel')}:</span> ${
        views !== undefined
          ? html`<span part="count" class="count">${formatNumber(views, { locale: this.locale })}</span>`
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
    'tin-view-counter': TinViewCounter;
  }
  interface GlobalEventHandlersEventMap {
    'tin-view-counter-counted': CustomEvent<TinViewCounterCountedDetail>;
    'tin-view-counter-error': CustomEvent<TinLoadErrorDetail>;
  }
}
