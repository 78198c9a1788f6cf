import { html, nothing } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formatNumber, formatRelativeTime, type MostViewedItem, type Period } from '@bantin/model';
import { errorMessageKey } from '../data/errors.js';
import { sharedHttpDataSource } from '../data/http-source.js';
import type { MostViewedSource } from '../data/types.js';
import { emit } from '../internal/events.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import type { MessageKey } from '../internal/i18n.js';
import { TinElement } from '../internal/tin-element.js';
import { safeHref } from '../internal/url.js';
import { mostViewedStyles } from './most-viewed.styles.js';

export interface TinPeriodChangeDetail {
  period: Period;
  previous: Period;
}

const PERIODS = ['day', 'week', 'month'] as const;

/**
 * @tagname tin-most-viewed
 * @summary The "Xem nhiều nhất" box: a ranked list of the most-read articles of the day, week
 * or month, with period tabs that follow the WAI-ARIA tabs pattern.
 *
 * Data, first match wins: the `items` property (nothing is fetched), the `dataSource`
 * property, the `endpoint` attribute (`GET {endpoint}/most-viewed?period=…&limit=…`).
 * Relative times ("1 ngày trước") are computed when the list renders; they are not ticked by a
 * clock, which a day-old list does not need.
 *
 * @fires tin-period-change - The reader picked another period tab. `detail: { period, previous }`.
 * Not fired when `period` is set by script.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The heading (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart tabs - The tab list.
 * @csspart tab - Each period tab (`[aria-selected="true"]` is the active one).
 * @csspart list - The `<ol>`; loading skeleton rows carry the same parts so they reserve the same space.
 * @csspart item - Each `<li>`.
 * @csspart rank - The rank number.
 * @csspart link - The article title link.
 * @csspart meta - Category, relative time and, with `show-views`, the view count.
 *
 * @cssprop --tin-most-viewed-rank-color - Color of the rank numbers. Default: the accent color.
 * @cssprop --tin-most-viewed-gap - Space between items (a divider sits in the middle). Default: 1rem.
 */
export class TinMostViewed extends TinElement {
  static override styles = [tokenStyles, baseStyles, mostViewedStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    endpoint: {},
    period: { reflect: true },
    limit: { type: Number },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    showViews: { type: Boolean, attribute: 'show-views' },
    hideTabs: { type: Boolean, attribute: 'hide-tabs' },
    periods: {},
    items: { attribute: false },
    dataSource: { attribute: false },
    now: { attribute: false },
  };

  /** Base URL of the JSON API. Used when neither `items` nor `dataSource` is set. */
  endpoint = '';

  /** The period shown: `day`, `week` or `month`. Setting it reloads the list but fires no event. */
  period: Period = 'day';

  /** How many articles to ask for (and how many skeleton rows to show while loading). */
  limit = 5;

  /** Heading text. Default: "Xem nhiều nhất" / "Most viewed". */
  heading = '';

  /** The heading's level in the page outline, 2–6. */
  headingLevel = 2;

  /** Shows "1.520 lượt xem" in each item. */
  showViews = false;

  /** Shows the list only, without period tabs (e.g. a fixed "day" sidebar). */
  hideTabs = false;

  /** The tabs offered, comma-separated, e.g. "day,week". `period` should be one of them. */
  periods = 'day,week,month';

  /**
   * The list itself; when set, nothing is fetched. Items whose `period` differs from `period`
   * are left out (so one array can serve every tab), then the first `limit` are shown in order.
   */
  items?: MostViewedItem[];

  /** Where to load the list from when `items` is not set; wins over `endpoint`. */
  dataSource?: MostViewedSource;

  /** Freezes "now" for relative times (stories, tests, server rendering). Unset: the real clock. */
  now?: Date | number;

  // Task aborts the previous request (via the signal) and drops its answer when the period
  // changes mid-flight, so a slow stale answer never replaces the newer one.
  private readonly task = new Task(this, {
    task: ([source, period, limit], { signal }) =>
      source ? source.getMostViewed({ period, limit }, { signal }) : initialState,
    args: () =>
      [
        this.items ? undefined : (this.dataSource ?? (this.endpoint ? sharedHttpDataSource(this.endpoint) : undefined)),
        this.period,
        this.limit,
      ] as const,
  });

  private get tabs(): Period[] {
    return this.hideTabs ? [] : PERIODS.filter((period) => this.periods.includes(period));
  }

  override render() {
    const tabs = this.tabs;
    const tabbed = tabs.length > 0;
    const { status, value, error } = this.task;
    // Every box here is a block, flex or grid container, where whitespace between tags renders
    // nothing, so the templates have none (it would be bytes in the bundle): line breaks go inside ${}.
    return html`<section part="base" aria-labelledby="heading">
      <div part="heading" id="heading" role="heading" aria-level=${Math.min(6, Math.max(2, this.headingLevel)) || 2}>
        ${this.heading || this.t('mostViewedHeading')}
      </div>
      ${
        tabbed
          ? html`<div
              part="tabs"
              role="tablist"
              aria-label=${this.t('mostViewedPeriodLabel')}
              @keydown=${this.onKeydown}
            >
              ${tabs.map((period) => {
                const selected = period === this.period;
                return html`<button
                  part="tab"
                  role="tab"
                  id="tab-${period}"
                  aria-selected=${selected}
                  aria-controls="panel"
                  tabindex=${selected ? 0 : -1}
                  @click=${() => this.select(period)}
                >
                  ${this.t(
                    `mostViewed${period[0]!.toUpperCase()}${period.slice(1)}` as MessageKey, // mostViewedDay, mostViewedWeek, mostViewedMonth
                  )}
                </button>`;
              })}
            </div>`
          : nothing
      }
      <div
        id="panel"
        role=${tabbed ? 'tabpanel' : nothing}
        aria-labelledby=${tabbed ? `tab-${this.period}` : nothing}
        tabindex=${tabbed ? 0 : nothing}
      >
        ${
          this.items
            ? this.renderList(this.items.filter((item) => item.period === this.period).slice(0, this.limit))
            : status === TaskStatus.COMPLETE
              ? this.renderList(value!)
              : status === TaskStatus.ERROR
                ? html`<p class="error" role="alert">${this.t(errorMessageKey(error))}</p>
                    <button @click=${() => this.task.run()}>${this.t('retry')}</button>`
                : this.renderSkeleton()
        }
      </div>
    </section>`;
  }

  private renderList(items: readonly MostViewedItem[]) {
    if (items.length === 0) return html`<p role="status">${this.t('mostViewedEmpty')}</p>`;
    const locale = this.locale;
    const now = this.now ?? Date.now();
    // No whitespace inside .meta: its text runs are flex items spaced by the gap.
    return html`<ol part="list">
      ${items.map(
        ({ rank, article, views }) =>
          html`<li part="item">
            <span part="rank" class="rank">${rank}</span
            ><a part="link" class="title" href=${safeHref(article.url) ?? nothing}>${article.title}</a>
            <p part="meta" class="meta">
              ${article.category?.name}<time datetime=${article.publishedAt}
                >${formatRelativeTime(article.publishedAt, now, {
                  locale,
                })}</time
              >${this.showViews ? this.t('mostViewedViews', { count: formatNumber(views, { locale }) }) : nothing}
            </p>
          </li>`,
      )}
    </ol>`;
  }

  private renderSkeleton() {
    return html`<p class="visually-hidden" role="status">${this.t('loading')}</p>
      <ol part="list" aria-hidden="true">
        ${Array.from(
          { length: this.limit },
          () =>
            html`<li part="item">
              <span part="rank" class="rank"></span><span part="link" class="title skeleton">&nbsp;<br />&nbsp;</span
              ><span part="meta" class="meta skeleton">&nbsp;</span>
            </li>`,
        )}
      </ol>`;
  }

  private onKeydown(event: KeyboardEvent): void {
    const tabs = this.tabs;
    const count = tabs.length;
    const index = tabs.indexOf(this.period);
    const next = (
      { ArrowLeft: index - 1 + count, ArrowRight: index + 1, Home: 0, End: count - 1 } as Record<string, number>
    )[event.key];
    if (next === undefined) return;
    event.preventDefault();
    void this.select(tabs[next % count]!);
  }

  /** A reader's choice: automatic activation, focus follows the selected tab. */
  private async select(period: Period): Promise<void> {
    const previous = this.period;
    if (period !== previous) {
      this.period = period;
      emit<TinPeriodChangeDetail>(this, 'tin-period-change', { period, previous });
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-most-viewed': TinMostViewed;
  }
  interface GlobalEventHandlersEventMap {
    'tin-period-change': CustomEvent<TinPeriodChangeDetail>;
  }
}
