import { html, nothing } from 'lit';
import { officialTitles, type Official } from '@bantin/model';
import { OfficialWire } from '@bantin/model/wire-schemas/official.js';
import { checkCivic, isProblem, TinCivicElement } from '../civic/civic-element.js';
import { renderOfficialCard } from './official-card.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { officialStyles } from './official.styles.js';

export type OfficialLayout = 'inline' | 'card';

/**
 * @tagname tin-official
 * @summary An official with the titles held on a given day: "Ủy viên Bộ Chính trị, Bí thư Thành
 * ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ", inline in a sentence or as a card.
 *
 * The data is the `official` property, or a child `<script type="application/json">` holding the
 * same object (read when the element connects and again whenever the child is added, changed or
 * removed; the property wins). It is checked as API responses
 * are: invalid data shows the error state naming the field. Titles are those held on the Vietnam
 * date of `at`, whatever the reader's time zone; an official holding none shows the name alone
 * (inline) or the name and "Không giữ chức vụ nào vào ngày …" (card).
 *
 * @fires tin-official-error - The JSON child could not be used. `detail: { error }`, whose `details.field` names the field.
 *
 * @slot photo - A portrait, shown by the `card` layout only (e.g. an `<img>` with `alt=""`).
 *
 * @csspart base - The wrapper: a `<span>` inline, a `<div>` as a card.
 * @csspart photo - The frame around the photo slot (card).
 * @csspart name - The name.
 * @csspart titles - The chain of titles.
 * @csspart no-position - The note shown by a card when no title is held on `at`.
 * @csspart error - The error state: the reason, naming the property, attribute or field.
 *
 * @cssprop --tin-official-photo-size - Width and height of the card's photo. Default: 4.5rem.
 * @cssprop --tin-official-name-color - Color of the name. Default: the text color.
 */
export class TinOfficial extends TinCivicElement {
  static override styles = [tokenStyles, baseStyles, officialStyles];
  static override properties = {
    official: { attribute: false },
    at: {},
    layout: { reflect: true },
    now: { attribute: false },
  };

  /** The official: `{ id, fullName, positions: [{ title, from?, to?, rank? }] }`. */
  official?: Official;

  /** The day whose titles are shown: "2020-11-28" (a Vietnam date) or an ISO date-time. Default: `now`. */
  at = '';

  /** `inline` (titles then name, within a sentence) or `card` (photo, name, titles). */
  layout: OfficialLayout = 'inline';

  /** Freezes "now", the default of `at` (stories, tests, server rendering). Unset: the real clock. */
  now?: Date | number;

  protected readonly dataProperty = 'official';
  protected readonly tag = 'tin-official';

  protected applyScriptData(data: unknown): void {
    const checked = checkCivic(OfficialWire, data);
    if ('problem' in checked) {
      this.scriptProblem = checked.problem;
      this.reportScriptProblem();
    }
    this.fillFromScript('official', data);
  }

  override render() {
    const at = this.atDate(this.at, this.now);
    if (isProblem(at)) return this.renderProblem(at);
    const checked = this.official === undefined ? undefined : checkCivic(OfficialWire, this.official);
    if (!checked || 'problem' in checked) return this.renderUnusable(checked);
    const official = checked.value;
    if (this.layout === 'card')
      return html`<div part="base" class="card">${renderOfficialCard(official, at, this.locale, 'photo')}</div>`;
    const titles = officialTitles(official, at);
    // Form 1 of the news: the titles, then the name, as one run of inline text. The space is an
    // expression: the build's template minifier drops whitespace written in the template.
    return html`<span part="base"
      >${titles ? html`<span part="titles" class="titles">${titles}</span>${' '}` : nothing}<span
        part="name"
        class="name"
        >${official.fullName}</span
      ></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-official': TinOfficial;
  }
  interface GlobalEventHandlersEventMap {
    'tin-official-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
  }
}
