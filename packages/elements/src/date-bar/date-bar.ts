import { html, nothing, type PropertyValues } from 'lit';
import {
  formatDate,
  formatLunarDate,
  fromVietnamTime,
  isIsoDate,
  vietnamCalendarDay,
  type VietnamCalendarDay,
} from '@bantin/model';
import { takeOverServerRender } from '../civic/server-rendered.js';
import { subscribeToVietnamMidnight } from '../civic/vietnam-midnight.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { dateBarMessages } from './date-bar.i18n.js';
import { dateBarStyles } from './date-bar.styles.js';

/**
 * @tagname tin-date-bar
 * @summary Today in Vietnam for a portal header: "Thứ Hai, 30/11/2026 · 22 tháng 10 năm Bính Ngọ",
 * with the weekday, the solar date, the lunar day and month (leap months marked "nhuận") and the
 * Can Chi year; "Tết Nguyên đán" or "Rằm" on those days.
 *
 * Without `date` or `now` it shows the Vietnam date of the reader's clock and turns the page at
 * Vietnam midnight (00:00 UTC+7), not at the reader's, with one timer shared by every date bar.
 *
 * @csspart base - The line around everything.
 * @csspart solar - The weekday and solar date (a `<time>`).
 * @csspart separator - The "·" between the solar and lunar dates.
 * @csspart lunar - The lunar date.
 * @csspart holiday - "Tết Nguyên đán" or "Rằm", on those days only.
 * @csspart error - The error state when `date` is not a date in 1800–2199.
 * @csspart error-message - Its text, naming the attribute.
 *
 * @cssprop --tin-date-bar-color - Text color. Default: inherited.
 * @cssprop --tin-date-bar-holiday-color - Color of "Tết Nguyên đán" / "Rằm". Default: the accent color.
 */
export class TinDateBar extends TinElement {
  static override styles = [tokenStyles, baseStyles, dateBarStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    date: { reflect: true },
    now: { attribute: false },
  };

  /** The day shown, "YYYY-MM-DD" (a Vietnam calendar date). Unset: today in Vietnam. */
  date = '';

  /** Freezes "now" (stories, tests, server rendering). Unset: the real clock. Ignored when `date` is set. */
  now?: Date | number;

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = subscribeToVietnamMidnight(() => {
      if (!this.date && this.now === undefined) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** A server-rendered date bar (declarative shadow DOM) is replaced by today's in the browser. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    takeOverServerRender(this);
    return super.createRenderRoot();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('date') && this.date && typeof this.day() === 'string') {
      console.warn(
        `[bantin] <tin-date-bar>: date must be a day "YYYY-MM-DD" in 1800–2199, got ${JSON.stringify(this.date)}.`,
      );
    }
  }

  /** The day to show, or why it cannot be shown. Never throws. */
  private day(): VietnamCalendarDay | 'invalid' | 'out-of-range' {
    if (this.date && !isIsoDate(this.date)) return 'invalid';
    const [year, month, day] = this.date.split('-').map(Number) as [number, number, number];
    try {
      return vietnamCalendarDay(this.date ? fromVietnamTime(year, month, day, 12) : (this.now ?? Date.now()));
    } catch {
      return 'out-of-range';
    }
  }

  override render() {
    const locale = this.locale;
    const text = dateBarMessages[locale];
    const day = this.day();
    if (day === 'invalid' || day === 'out-of-range') {
      const message = text[day === 'invalid' ? 'invalid' : 'outOfRange']
        .replace('{name}', this.date ? 'date' : 'now')
        .replace('{value}', this.date || String(this.now));
      // The markup of the shared error state (no retry: no request failed).
      return html`<span part="error" class="state error" role="alert"
        ><span part="error-message">${message}</span></span
      >`;
    }
    const [year, month, date] = day.date.split('-').map(Number) as [number, number, number];
    // Noon keeps formatDate on the same Vietnam day however the instant is read.
    const noon = fromVietnamTime(year, month, date, 12);
    return html`<p part="base">
      <time part="solar" datetime=${day.date}>${formatDate(noon, 'full', { locale })}</time
      ><span part="separator" aria-hidden="true"> · </span
      ><span part="lunar"
        >${locale === 'vi' ? html`<span class="visually-hidden">${`${text.lunar} `}</span>` : nothing}${formatLunarDate(
          day.lunar,
          { locale },
        )}</span
      >${day.holiday ? html`<span part="holiday">${text[day.holiday]}</span>` : nothing}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-date-bar': TinDateBar;
  }
}
