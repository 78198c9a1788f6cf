import { html, nothing, type PropertyValues } from 'lit';
import {
  daysUntilElection,
  formatDate,
  formatNumber,
  fromVietnamTime,
  isIsoDate,
  type ElectionPlan,
} from '@bantin/model';
import { headingLevel, type CivicProblem } from '../civic/civic-element.js';
import { TinElectionPlanElement } from '../civic/election-plan-element.js';
import { subscribeToVietnamMidnight } from '../civic/vietnam-midnight.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { electionCountdownMessages } from './election-countdown.i18n.js';
import { electionCountdownStyles } from './election-countdown.styles.js';

type Election = Pick<ElectionPlan, 'electionDay' | 'title'>;

/**
 * @tagname tin-election-countdown
 * @summary "Còn 41 ngày đến ngày bầu cử 15/3/2026": the days left to election day, counted in
 * Vietnam calendar days; "Hôm nay là ngày bầu cử" on the day; afterwards, that the election took
 * place. It turns over at Vietnam midnight, whatever the reader's zone.
 *
 * Data, first match wins: the `plan` property (an `ElectionPlan`, checked against the model's
 * schema), a child `<script type="application/json">` holding the plan, or the attributes
 * `election-day` and `title`.
 *
 * @fires tin-election-countdown-error - The JSON child could not be used (not JSON, or not a valid plan). `detail: { error }`, whose `details.field` names the field.
 * @fires tin-election-countdown-invalid-items - Milestones, tracks or dossier entries of the JSON child were skipped as invalid. `detail: { count }`.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The election's title (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart countdown - The sentence.
 * @csspart days - The number of days left, before the day only.
 * @csspart date - Election day (a `<time>`).
 * @csspart error - The error text when the data is missing or invalid.
 *
 * @cssprop --tin-election-countdown-days-color - Color of the number of days. Default: the accent color.
 * @cssprop --tin-election-countdown-days-size - Size of the number of days. Default: 1.75em.
 */
export class TinElectionCountdown extends TinElectionPlanElement {
  static override styles = [tokenStyles, baseStyles, electionCountdownStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    plan: { attribute: false },
    electionDay: { attribute: 'election-day' },
    title: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
  };

  /** The election plan; its `electionDay` and `title` are shown. Wins over the JSON child and `election-day`. */
  plan?: ElectionPlan;

  /** Election day, "YYYY-MM-DD" (a Vietnam calendar date), when no plan is given. */
  electionDay = '';

  /** The heading: the election's title. Default: the plan's title; no heading when neither is set. */
  override title = '';

  /** The heading's level in the page outline, 2–6. */
  headingLevel = 2;

  /** Freezes "now" (stories, tests, server rendering). Unset: the real clock. */
  now?: Date | number;

  protected readonly tag = 'tin-election-countdown';

  private checked?: { value: Election } | { problem: CivicProblem };

  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = subscribeToVietnamMidnight(() => {
      if (this.now === undefined) this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('plan') && !changed.has('electionDay')) return;
    if (this.plan !== undefined) {
      // An invalid milestone or track does not stop the countdown, which shows neither.
      this.checked = this.checkPlan(this.plan);
    } else if (!this.electionDay) {
      this.checked = undefined;
    } else {
      this.checked = isIsoDate(this.electionDay)
        ? { value: { electionDay: this.electionDay, title: '' } }
        : { problem: { key: 'invalidDate', params: { name: 'election-day', value: this.electionDay } } };
    }
  }

  override render() {
    const checked = this.checked;
    if (!checked || 'problem' in checked) return this.renderUnusable(checked);
    const locale = this.locale;
    const { electionDay, title } = checked.value;
    const text = electionCountdownMessages[locale];
    const days = daysUntilElection({ electionDay }, this.now ?? Date.now());
    const [year, month, day] = electionDay.split('-').map(Number) as [number, number, number];
    // "15/3/2026" as the press writes it; "15 March 2026" in English.
    const date = html`<time part="date" datetime=${electionDay}
      >${locale === 'en' ? formatDate(fromVietnamTime(year, month, day, 12), 'long', { locale }) : `${day}/${month}/${year}`}</time
    >`;
    const sentence = days > 1 ? text.before : days === 1 ? text.tomorrow : days === 0 ? text.today : text.after;
    const heading = this.title || title;
    return html`<section
      part="base"
      aria-label=${heading ? nothing : text.label}
      aria-labelledby=${heading ? 'heading' : nothing}
    >
      ${
        heading
          ? html`<div part="heading" id="heading" role="heading" aria-level=${headingLevel(this.headingLevel)}>
              ${heading}
            </div>`
          : nothing
      }
      <p part="countdown" class=${days === 0 ? 'today' : nothing}>
        ${fillTemplate(sentence, {
          days: html`<strong part="days">${formatNumber(days, { locale })}</strong>`,
          date,
        })}
      </p>
    </section>`;
  }
}

/** "{days}" and "{date}" in a translated sentence, filled with text or templates (never markup from strings). */
function fillTemplate(text: string, values: Record<string, unknown>): unknown[] {
  return text.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in values ? values[name] : piece;
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-election-countdown': TinElectionCountdown;
  }
  interface GlobalEventHandlersEventMap {
    'tin-election-countdown-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
    'tin-election-countdown-invalid-items': CustomEvent<import('../internal/events.js').TinInvalidItemsDetail>;
  }
}
