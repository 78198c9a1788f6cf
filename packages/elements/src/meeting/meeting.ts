import { html, nothing, type PropertyValues } from 'lit';
import {
  formatDate,
  formatMeetingTitle,
  groupAgendaByOutcome,
  officialTitles,
  type Meeting,
  type Official,
  type Target,
} from '@bantin/model';
import { MeetingWire } from '@bantin/model/wire-schemas/meeting.js';
import { OfficialWire } from '@bantin/model/wire-schemas/official.js';
import { TargetWire } from '@bantin/model/wire-schemas/target.js';
import {
  checkCivic,
  checkCivicList,
  headingLevel,
  TinCivicElement,
  type CivicProblem,
} from '../civic/civic-element.js';
import { civicSectionStyles } from '../civic/civic.styles.js';
import { meetingMessages } from './meeting.i18n.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { tilesStyles } from '../key-figures/key-figures.styles.js';
import { renderTiles, sharedYear } from '../key-figures/tiles.js';
import { meetingStyles } from './meeting.styles.js';

/**
 * @tagname tin-meeting
 * @summary A meeting's summary box: "Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa
 * XVII)", its date, time and place, the chairs with their titles on that day, who attended, the
 * agenda grouped by outcome (thông qua, thảo luận, cho ý kiến, quyết nghị) and the figures it set.
 *
 * The data is the `meeting` property and the `officials` it names (chairs and named attendees
 * are looked up there by id, their titles read on the Vietnam date of the meeting), or a child
 * `<script type="application/json">` holding the meeting or `{ "meeting": …, "officials": […] }`.
 * A meeting with no targets has no figures section; invalid targets or officials are skipped with
 * one console warning; an invalid meeting shows the error state naming the field.
 *
 * @fires tin-meeting-error - The JSON child could not be used. `detail: { error }`, whose `details.field` names the field.
 * @fires tin-meeting-invalid-items - Items of the JSON child were skipped as invalid. `detail: { count }`.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The meeting's heading (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart details - The `<dl>` of date and time, and place.
 * @csspart subheading - The heading of each section (one level below the heading).
 * @csspart chairs - The list of chairs.
 * @csspart attendees - The list of named attendees and attendee groups.
 * @csspart person - A chair or named attendee: titles, then the name.
 * @csspart name - A person's name.
 * @csspart agenda - Each outcome's list of agenda items.
 * @csspart outcome - The heading of an outcome group: "Thông qua", "Cho ý kiến"…
 * @csspart tiles - The figures' `<dl>`, as in `<tin-key-figures>`.
 * @csspart tile - Each figure (`data-change` for an increase or decrease).
 * @csspart indicator - A figure's indicator.
 * @csspart figure - A figure.
 * @csspart arrow - The decorative ▲ or ▼ of a change.
 * @csspart error - The error state: the reason, naming the property or field.
 *
 * @cssprop --tin-meeting-background - Background of the box. Default: the surface color.
 * @cssprop --tin-meeting-border-color - Border of the box. Default: the border color.
 * @cssprop --tin-meeting-subheading-color - Color of the section headings. Default: the accent color.
 * @cssprop --tin-key-figures-tile-width - The narrowest a figure tile gets. Default: 10rem.
 */
export class TinMeeting extends TinCivicElement {
  static override styles = [tokenStyles, baseStyles, civicSectionStyles, tilesStyles, meetingStyles];
  static override properties = {
    meeting: { attribute: false },
    officials: { attribute: false },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The meeting: `{ id, kind, session?, body, term?, startAt, location?, chairIds, attendeeIds, attendeeGroups?, agenda, targets }`. */
  meeting?: Meeting;

  /** The officials the meeting names by id (chairs, named attendees). */
  officials?: Official[];

  /** Heading text. Default: the meeting's name, "Hội nghị lần thứ 2 … (khóa XVII)". */
  heading = '';

  /** The heading's level in the page outline, 2–6; sections take the next levels. */
  headingLevel = 2;

  protected readonly dataProperty = 'meeting';
  protected readonly tag = 'tin-meeting';

  private checked: { meeting: Meeting; targets: Target[] } | { problem: CivicProblem } | undefined;
  private people = new Map<string, Official>();

  protected applyScriptData(data: unknown): void {
    const wrapped = data as { meeting?: unknown; officials?: unknown } | null;
    const meeting = wrapped && typeof wrapped === 'object' && 'meeting' in wrapped ? wrapped.meeting : data;
    // Checked as the element will use it: an invalid figure is skipped there, not an error.
    const checked = this.check(meeting, false);
    if (checked && 'problem' in checked) {
      this.scriptProblem = checked.problem;
      this.reportScriptProblem();
    }
    this.fillFromScript('meeting', meeting);
    if (meeting !== data && Array.isArray(wrapped?.officials)) this.fillFromScript('officials', wrapped.officials);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('meeting')) this.checked = this.check(this.meeting);
    if (changed.has('officials') || changed.has('meeting')) {
      const { valid, skipped } = checkCivicList(OfficialWire, this.officials);
      this.warnSkipped('officials', skipped);
      this.people = new Map(valid.map((official) => [official.id, official]));
      if (this.checked && 'meeting' in this.checked) {
        const { chairIds, attendeeIds } = this.checked.meeting;
        const unknown = [...chairIds, ...attendeeIds].filter((id) => !this.people.has(id)).length;
        if (unknown > 0)
          console.warn(`[bantin] <tin-meeting>: ${unknown} chairs or attendees are not among \`officials\`; left out.`);
      }
    }
  }

  /** The meeting without its figures must be valid; each figure is then checked on its own. */
  private check(meeting: unknown, warn = true) {
    if (meeting === undefined) return undefined;
    const targets = (meeting as { targets?: unknown } | null)?.targets;
    const whole = checkCivic(MeetingWire, Array.isArray(targets) ? { ...(meeting as object), targets: [] } : meeting);
    if ('problem' in whole) return whole;
    const { valid, skipped } = checkCivicList(TargetWire, targets);
    if (warn) this.warnSkipped('targets', skipped);
    return { meeting: whole.value, targets: valid };
  }

  override render() {
    const checked = this.checked;
    if (!checked || 'problem' in checked) return this.renderUnusable(checked);
    const { meeting, targets } = checked;
    const locale = this.locale;
    const at = meeting.startAt;
    const level = headingLevel(this.headingLevel);
    const sub = (text: string) =>
      html`<div part="subheading" class="subheading" role="heading" aria-level=${Math.min(6, level + 1)}>${text}</div>`;
    const person = (official: Official) => {
      const titles = officialTitles(official, at);
      return html`<li part="person">
        ${titles ? `${titles} ` : nothing}<span part="name" class="name">${official.fullName}</span>
      </li>`;
    };
    const known = (ids: readonly string[]) =>
      ids.map((id) => this.people.get(id)).filter((official): official is Official => official !== undefined);
    const chairs = known(meeting.chairIds);
    const attendees = known(meeting.attendeeIds);
    const groups = meeting.attendeeGroups ?? [];
    const agenda = groupAgendaByOutcome(meeting.agenda);
    const year = sharedYear(targets);
    return this.renderSection(
      this.heading || formatMeetingTitle(meeting),
      level,
      html`<dl part="details" class="details">
          <div>
            <dt>${this.message(meetingMessages, 'time')}</dt>
            <dd><time datetime=${at}>${formatDate(at, 'full', { locale })}, ${formatDate(at, 'time')}</time></dd>
          </div>
          ${
            meeting.location
              ? html`<div>
                  <dt>${this.message(meetingMessages, 'place')}</dt>
                  <dd>${meeting.location}</dd>
                </div>`
              : nothing
          }
        </dl>
        ${
          chairs.length
            ? html`<div class="part">
                ${sub(this.message(meetingMessages, 'chairs'))}
                <ul part="chairs">
                  ${chairs.map(person)}
                </ul>
              </div>`
            : nothing
        }
        ${
          attendees.length || groups.length
            ? html`<div class="part">
                ${sub(this.message(meetingMessages, 'attendees'))}
                <ul part="attendees">
                  ${attendees.map(person)}${groups.map((group) => html`<li>${group}</li>`)}
                </ul>
              </div>`
            : nothing
        }
        ${
          agenda.length
            ? html`<div class="part">
                ${sub(this.message(meetingMessages, 'agenda'))}
                ${agenda.map(
                  ({ outcome, items }) =>
                    html`<div part="outcome" class="outcome" role="heading" aria-level=${Math.min(6, level + 2)}>
                        ${this.message(meetingMessages, outcome)}
                      </div>
                      <ol part="agenda">
                        ${items.map((item) => html`<li>${item.title}</li>`)}
                      </ol>`,
                )}
              </div>`
            : nothing
        }
        ${
          targets.length
            ? html`<div class="part">
                ${sub(year === undefined ? this.message(meetingMessages, 'targets') : this.message(meetingMessages, 'targetsOfYear', { year }))}
                ${renderTiles(targets, locale)}
              </div>`
            : nothing
        }`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-meeting': TinMeeting;
  }
  interface GlobalEventHandlersEventMap {
    'tin-meeting-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
    'tin-meeting-invalid-items': CustomEvent<import('../internal/events.js').TinInvalidItemsDetail>;
  }
}
