import { html, nothing, type PropertyValues } from 'lit';
import { electionProgress, formatDate, formatNumber, type ElectionPlan, type MilestoneStatus } from '@bantin/model';
import { headingLevel, type CivicProblem } from '../civic/civic-element.js';
import { TinElectionPlanElement } from '../civic/election-plan-element.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { fill } from '../internal/i18n.js';
import { electionProgressMessages } from './election-progress.i18n.js';
import { electionProgressStyles } from './election-progress.styles.js';

const STATUS_ICON: Record<MilestoneStatus, string> = { done: '✓', 'in-progress': '◐', upcoming: '○', overdue: '!' };

/**
 * @tagname tin-election-progress
 * @summary Where an election's preparations stand: each progress track as an accessible
 * progress bar ("17/35 bước"), the units that have finished ("126/126 xã, phường"), the candidacy
 * dossiers per elected body (55 Quốc hội, 248 HĐND) and the milestones with their status in words.
 *
 * Data: the `plan` property (an `ElectionPlan`, checked against the model's schema), else a child
 * `<script type="application/json">` holding it. An invalid track, milestone or dossier entry is
 * left out with one console warning; anything else invalid shows the error state naming the field.
 *
 * @fires tin-election-progress-error - The JSON child could not be used (not JSON, or not a valid plan). `detail: { error }`, whose `details.field` names the field.
 * @fires tin-election-progress-invalid-items - Milestones, tracks or dossier entries of the JSON child were skipped as invalid. `detail: { count }`.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The heading (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart title - The plan's title, under the heading.
 * @csspart track - Each progress track, and the units' track.
 * @csspart track-label - A track's label and owner.
 * @csspart progressbar - A bar (`role="progressbar"`, with `aria-valuenow`, `aria-valuemax`, `aria-valuetext`).
 * @csspart progress-fill - The filled part of a bar.
 * @csspart track-value - A track's figures as text: "17/35 bước · 49%".
 * @csspart subheading - The headings of the dossiers and milestones.
 * @csspart dossiers - The dossier list.
 * @csspart milestones - The milestone list.
 * @csspart milestone - Each milestone; `data-status` holds its status.
 * @csspart status - A milestone's status, in words and with a symbol.
 * @csspart error - The error text when the plan is missing or invalid.
 *
 * @cssprop --tin-election-progress-bar-color - Fill color of the bars. Default: the accent color.
 * @cssprop --tin-election-progress-bar-height - Height of the bars. Default: 0.5rem.
 */
export class TinElectionProgress extends TinElectionPlanElement {
  static override styles = [tokenStyles, baseStyles, electionProgressStyles];
  // Lit's reactive properties, declared without decorators (whose helpers cost bundle bytes);
  // each field below carries its JSDoc and default (useDefineForClassFields: false).
  static override properties = {
    plan: { attribute: false },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The election plan. Wins over the child `<script type="application/json">`. */
  plan?: ElectionPlan;

  /** Heading text. Default: "Tiến độ công tác bầu cử" / "Election preparations". */
  heading = '';

  /** The heading's level in the page outline, 2–6; the dossiers and milestones get the level below. */
  headingLevel = 2;

  protected readonly tag = 'tin-election-progress';

  private checked?: { value: ElectionPlan } | { problem: CivicProblem };

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('plan')) return;
    if (this.plan === undefined) {
      this.checked = undefined;
      return;
    }
    this.checked = this.checkPlan(this.plan);
  }

  override render() {
    const checked = this.checked;
    if (!checked || 'problem' in checked) return this.renderUnusable(checked);
    const locale = this.locale;
    const plan = checked.value;
    const text = electionProgressMessages[locale];
    const summary = electionProgress(plan);
    const level = headingLevel(this.headingLevel);
    const number = (value: number) => formatNumber(value, { locale });
    const units = plan.units;
    return html`<section part="base" aria-labelledby="heading">
      <div part="heading" id="heading" role="heading" aria-level=${level}>${this.heading || text.heading}</div>
      <p part="title" class="title">${plan.title}</p>
      <ul class="tracks" aria-label=${text.tracks}>
        ${summary.tracks.map((track) => {
          const source = plan.progress.find((item) => item.id === track.id);
          const current = source?.current !== undefined && source.current > track.done ? source.current : undefined;
          return this.renderTrack(
            track.id,
            track.label,
            source?.owner,
            track.done,
            track.total,
            `${number(track.done)}/${number(track.total)} ${track.unit}`,
            track.percent,
            [
              current !== undefined ? fill(text.step, { current: number(current) }) : '',
              track.remaining > 0 ? fill(text.remaining, { count: number(track.remaining), unit: track.unit }) : '',
            ],
          );
        })}
        ${this.renderTrack(
          'units',
          fill(text.units, {
            completed: number(summary.units.completed),
            total: number(summary.units.total),
            label: units.label,
          }),
          undefined,
          summary.units.completed,
          summary.units.total,
          `${number(summary.units.completed)}/${number(summary.units.total)} ${units.label}`,
          summary.units.percent,
          [],
        )}
      </ul>
      ${
        plan.dossiers.length
          ? html`<div part="subheading" role="heading" aria-level=${Math.min(6, level + 1)}>${text.dossiers}</div>
              <ul part="dossiers" class="dossiers">
                ${plan.dossiers.map(
                  (dossier) =>
                    html`<li>
                      <strong>${fill(text.dossierCount, { count: number(dossier.count) })}</strong> ${dossier.body}
                    </li>`,
                )}
                ${
                  plan.dossiers.length > 1
                    ? html`<li class="total">${fill(text.dossierTotal, { count: number(summary.dossiers) })}</li>`
                    : nothing
                }
              </ul>`
          : nothing
      }
      ${
        plan.milestones.length
          ? html`<div part="subheading" role="heading" aria-level=${Math.min(6, level + 1)}>${text.milestones}</div>
              <ol part="milestones" class="milestones">
                ${[...plan.milestones]
                  .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
                  .map(
                    (milestone) =>
                      html`<li
                        part="milestone"
                        data-status=${milestone.status}
                        class=${summary.milestones.next?.id === milestone.id ? 'next' : nothing}
                      >
                        <span part="status" class="status"
                          ><span aria-hidden="true">${STATUS_ICON[milestone.status]}</span>
                          ${text[milestone.status]}</span
                        >
                        <span class="milestone-title">${milestone.title}</span>
                        <time datetime=${milestone.dueAt}
                          >${formatDate(milestone.dueAt, this.dateStyle(milestone.dueAt), { locale })}</time
                        >
                        ${summary.milestones.next?.id === milestone.id ? html`<span class="visually-hidden">(${text.next})</span>` : nothing}
                      </li>`,
                  )}
              </ol>`
          : nothing
      }
    </section>`;
  }

  /** "01/02/2026 17:00" when the milestone has a time of day, else "20/11/2025". */
  private dateStyle(dueAt: string): 'dateTime' | 'short' {
    return formatDate(dueAt, 'time') === '00:00' ? 'short' : 'dateTime';
  }

  private renderTrack(
    id: string,
    label: string,
    owner: string | undefined,
    done: number,
    total: number,
    valueText: string,
    percent: number,
    notes: string[],
  ) {
    const extra = notes.filter(Boolean);
    return html`<li part="track" class="track">
      <span part="track-label" id="label-${id}" class="track-label"
        >${label}${
          // The space is an expression: the build's template minifier drops one written at a template's edge.
          owner ? html`${' '}<span class="owner">(${owner})</span>` : nothing
        }</span
      >
      <div
        part="progressbar"
        class="bar"
        role="progressbar"
        aria-labelledby="label-${id}"
        aria-valuemin="0"
        aria-valuemax=${total}
        aria-valuenow=${Math.min(done, total)}
        aria-valuetext=${valueText}
      >
        <!-- An SVG width, not a style attribute: a strict CSP (no 'unsafe-inline' styles) keeps it. -->
        <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
          <rect part="progress-fill" class="fill" width=${percent} height="1"></rect>
        </svg>
      </div>
      <span part="track-value" class="track-value"
        >${valueText} · ${percent}%${extra.length ? ` · ${extra.join(', ')}` : ''}</span
      >
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-election-progress': TinElectionProgress;
  }
  interface GlobalEventHandlersEventMap {
    'tin-election-progress-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
    'tin-election-progress-invalid-items': CustomEvent<import('../internal/events.js').TinInvalidItemsDetail>;
  }
}
