import { html, nothing } from 'lit';
import { formatDate, formatRelativeTime, type DateStyle } from '@bantin/model';
import { nowOf, nowProperty, subscribeToClock } from '../internal/clock.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { TinElement } from '../internal/tin-element.js';
import { timeStyles } from './time.styles.js';

export type TimeFormat = 'relative' | DateStyle;

/**
 * @tagname tin-time
 * @summary A date in Vietnam time: "1 ngày trước", or an absolute format, inside a semantic
 * `<time>` whose tooltip gives the full date.
 *
 * Follows `lang` on itself or any ancestor at run time, and `now` (attribute or property)
 * freezes the clock. It loads nothing, so it has no loading, empty or error state: a missing or
 * invalid `datetime` is named in a console warning and the fallback content stays.
 *
 * @slot - Fallback text, shown before the element upgrades and when `datetime` is missing or invalid.
 * @csspart time - The `<time>` element.
 * @cssprop --tin-time-color - Text color. Default: inherited.
 */
export class TinTime extends TinElement {
  static override styles = [tokenStyles, baseStyles, timeStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    datetime: { reflect: true },
    format: { reflect: true },
    now: nowProperty,
  };

  /** An ISO 8601 date-time, e.g. "2026-02-03T08:00:00+07:00". */
  datetime = '';

  /** `relative` ("1 ngày trước", the default), or `full`, `short`, `long`, `dateTime`, `time`. */
  format: TimeFormat = 'relative';

  /**
   * Freezes "now" for relative times (stories, tests, server rendering): an ISO date-time or
   * milliseconds as an attribute, or a Date. Unset: the real clock.
   */
  now?: Date | number;

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = subscribeToClock(() => {
      if (this.format === 'relative' && this.now === undefined) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override render() {
    const date = new Date(this.datetime);
    if (!this.datetime || Number.isNaN(date.getTime())) {
      this.missingConfiguration(
        'datetime',
        this.datetime ? `an ISO 8601 date-time; "${this.datetime}" is not one` : 'an ISO 8601 date-time',
      );
      return html`<slot></slot>`;
    }
    const locale = this.locale;
    const label =
      this.format === 'relative'
        ? formatRelativeTime(date, nowOf(this.now), { locale })
        : formatDate(date, this.format, { locale });
    const full = `${formatDate(date, 'full', { locale })} ${formatDate(date, 'time')}`;
    return html`<time part="time" datetime=${date.toISOString()} title=${label === full ? nothing : full}
      >${label}</time
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-time': TinTime;
  }
}
