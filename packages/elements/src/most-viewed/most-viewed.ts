import { html, nothing, type PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formatNumber, formatRelativeTime, type MostViewedItem, type Period } from '@bantin/model';
import { MostViewedResponseWire } from '@bantin/model/wire-schemas/most-viewed-response.js';
import { checkWireList } from '../data/fetch-json.js';
import { sharedMostViewedSource } from '../data/most-viewed-source.js';
import type { MostViewedSource } from '../data/types.js';
import { nowOf, nowProperty } from '../internal/clock.js';
import { emit, type TinInvalidItemsDetail, type TinLoadErrorDetail } from '../internal/events.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { addMessages, type MessageKey } from '../internal/i18n.js';
import { TinElement } from '../internal/tin-element.js';
import { safeHref } from '../internal/url.js';
import { mostViewedStyles } from './most-viewed.styles.js';
import { mostViewedMessages } from './most-viewed.i18n.js';

addMessages(mostViewedMessages);

export interface TinMostViewedPeriodChangeDetail {
  period: Period;
  previous: Period;
}

const PERIODS = ['day', 'week', 'month'] as const;
/** The API serves 1–50 items (docs/api.md). */
const MAX_LIMIT = 50;

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
 * At most `limit` items are shown, whatever the source sends. Items that do not fit the contract
 * are skipped (one console warning counts them) and the others are shown. With none of `items`,
 * `dataSource` and `endpoint`, the console names the missing `endpoint` and the error state
 * says so.
 *
 * @fires tin-most-viewed-period-change - The reader picked another period tab. `detail: { period, previous }`.
 * Not fired when `period` is set by script.
 * @fires tin-most-viewed-error - Loading the list failed; the error state is shown. `detail: { error }`.
 * @fires tin-most-viewed-invalid-items - A loaded list had items that do not fit the contract; they were skipped. `detail: { count }`.
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
 * @csspart loading - The loading state (a status for screen readers and skeleton rows).
 * @csspart empty - The "Chưa có bài viết nào." state.
 * @csspart error - The error state: the reason and the retry button.
 * @csspart error-message - The reason, as visible text.
 * @csspart retry - The "Thử lại" button.
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
    now: nowProperty,
  };

  /** Base URL of the JSON API. Used when neither `items` nor `dataSource` is set. */
  endpoint = '';

  /** The period shown: `day`, `week` or `month`. Setting it reloads the list but fires no event. */
  period: Period = 'day';

  /** How many articles to ask for and show at most, 1–50 (and how many skeleton rows to show while loading). */
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

  /**
   * Freezes "now" for relative times (stories, tests, server rendering): an ISO date-time or a
   * Date. Unset: the real clock.
   */
  now?: Date | number;

  /** The valid items of `items`. */
  private localItems: MostViewedItem[] = [];

  // Task aborts the previous request (via the signal) and drops its answer when the period
  // changes mid-flight, so a slow stale answer never replaces the newer one.
  private readonly task = new Task(this, {
    task: ([local, source, period, limit], { signal }) => {
      if (local) return initialState;
      if (!source) throw this.missingConfiguration('endpoint', 'or the items or dataSource property');
      return source.getMostViewed(
        { period, limit },
        {
          signal,
          onInvalidItems: (count) => emit<TinInvalidItemsDetail>(this, 'tin-most-viewed-invalid-items', { count }),
        },
      );
    },
    args: () =>
      [
        !!this.items,
        this.dataSource ?? (this.endpoint ? sharedMostViewedSource(this.endpoint) : undefined),
        this.period,
        this.max,
      ] as const,
    onError: (error) => emit<TinLoadErrorDetail>(this, 'tin-most-viewed-error', { error: error as Error }),
  });

  /** `limit` made sane: a whole number from 1 to 50, else the default 5. */
  private get max(): number {
    const limit = Math.floor(this.limit);
    return limit >= 1 ? Math.min(limit, MAX_LIMIT) : 5;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Items given by script are checked like a response (no event: it is not data arrival).
    if (changed.has('items') && this.items) {
      const checked = checkWireList(MostViewedResponseWire, 'items', { items: this.items });
      this.localItems = checked.ok ? checked.value.items : [];
      if (!checked.ok || checked.skipped)
        console.warn(
          `[bantin] <tin-most-viewed>: skipped ${checked.ok ? checked.skipped : 'all'} of the items property's entries that are not MostViewedItem objects (${checked.issues[0]?.path})`,
        );
    }
  }

  private get tabs(): Period[] {
    return this.hideTabs ? [] : PERIODS.filter((period) => this.periods.includes(period));
  }

  override render() {
    const tabs = this.tabs;
    const tabbed = tabs.length > 0;
    const { status, value, error } = this.task;
    // Every box here is a block, flex or grid container, where whitespace between tags renders
    // nothing: the build's template minifier drops it (scripts/minify-literals.mjs).
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
            ? this.renderList(this.localItems.filter((item) => item.period === this.period))
            : status === TaskStatus.COMPLETE
              ? this.renderList(value!)
              : status === TaskStatus.ERROR
                ? this.renderErrorState(error, () => void this.task.run())
                : this.renderSkeleton()
        }
      </div>
    </section>`;
  }

  private renderList(all: readonly MostViewedItem[]) {
    // A server may send more than was asked for: one page never renders more than `limit`.
    const items = all.slice(0, this.max);
    if (items.length === 0) return this.renderEmptyState(this.t('mostViewedEmpty'));
    const locale = this.locale;
    const now = nowOf(this.now);
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
    return this.renderLoadingState(
      html`<ol part="list" aria-hidden="true">
        ${Array.from(
          { length: this.max },
          () =>
            html`<li part="item">
              <span part="rank" class="rank"></span><span part="link" class="title skeleton">&nbsp;<br />&nbsp;</span
              ><span part="meta" class="meta skeleton">&nbsp;</span>
            </li>`,
        )}
      </ol>`,
    );
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
      emit<TinMostViewedPeriodChangeDetail>(this, 'tin-most-viewed-period-change', { period, previous });
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
    'tin-most-viewed-period-change': CustomEvent<TinMostViewedPeriodChangeDetail>;
    'tin-most-viewed-error': CustomEvent<TinLoadErrorDetail>;
    'tin-most-viewed-invalid-items': CustomEvent<TinInvalidItemsDetail>;
  }
}
