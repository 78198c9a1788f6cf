import { html, type PropertyValues } from 'lit';
import { formatDate, officialTitles, sortOfficialsByProtocol, type Official } from '@bantin/model';
import { OfficialWire } from '@bantin/model/wire-schemas/official.js';
import { checkCivicList, isProblem, TinCivicElement } from '../civic/civic-element.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { civicSectionStyles } from '../civic/civic.styles.js';
import { officialsMessages } from './officials.i18n.js';
import { renderOfficialCard } from '../official/official-card.js';
import { officialCardStyles } from '../official/official.styles.js';
import { officialsStyles } from './officials.styles.js';

/**
 * @tagname tin-officials
 * @summary The "Lãnh đạo thành phố" block: the officials holding a title on a given day, in
 * protocol order, each with the chain of titles the news writes.
 *
 * Order: by protocol rank of the highest title held on `at` (Bí thư, Phó Bí thư Thường trực,
 * Chủ tịch UBND, Chủ tịch HĐND, …; see `sortOfficialsByProtocol` in @bantin/model), ties by
 * Vietnamese name order, given name first. Officials holding no title on `at` are left out.
 * The data is the `officials` property or a child `<script type="application/json">` holding the
 * same array; invalid officials are skipped with one console warning, the others shown.
 *
 * @fires tin-officials-error - The JSON child could not be used. `detail: { error }`, whose `details.field` names the field.
 * @fires tin-officials-invalid-items - Items of the JSON child were skipped as invalid. `detail: { count }`.
 *
 * @slot photo-{id} - A portrait for the official with that id, e.g. `<img slot="photo-vuong-dinh-hue" alt="">`.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The heading (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart list - The `<ul>` of officials.
 * @csspart item - Each official.
 * @csspart photo - The frame around an official's photo slot.
 * @csspart name - An official's name.
 * @csspart titles - An official's chain of titles.
 * @csspart empty - Shown when nobody held a title on `at`.
 * @csspart error - The error state: the reason, naming the property, attribute or field.
 *
 * @cssprop --tin-official-photo-size - Width and height of each photo. Default: 4.5rem.
 * @cssprop --tin-officials-gap - Space between officials. Default: 1rem.
 */
export class TinOfficials extends TinCivicElement {
  static override styles = [tokenStyles, baseStyles, civicSectionStyles, officialCardStyles, officialsStyles];
  static override properties = {
    officials: { attribute: false },
    at: {},
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    limit: { type: Number },
    now: { attribute: false },
  };

  /** The officials, in any order. */
  officials?: Official[];

  /** The day whose titles count: "2026-02-04" (a Vietnam date) or an ISO date-time. Default: `now`. */
  at = '';

  /** Heading text. Default: "Lãnh đạo thành phố" / "City leaders". */
  heading = '';

  /** The heading's level in the page outline, 2–6. */
  headingLevel = 2;

  /** How many officials to show at most, highest in protocol first. */
  limit = 20;

  /** Freezes "now", the default of `at` (stories, tests, server rendering). Unset: the real clock. */
  now?: Date | number;

  protected readonly dataProperty = 'officials';
  protected readonly tag = 'tin-officials';

  private valid: Official[] = [];

  protected applyScriptData(data: unknown): void {
    if (!Array.isArray(data)) {
      this.scriptProblem = { key: 'invalid', params: { issue: '', code: 'invalid_type: array' } };
      this.reportScriptProblem();
      return;
    }
    this.fillFromScript('officials', data);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('officials')) {
      const { valid, skipped } = checkCivicList(OfficialWire, this.officials);
      this.valid = valid;
      this.warnSkipped('officials', skipped);
    }
  }

  override render() {
    const at = this.atDate(this.at, this.now);
    return this.renderSection(
      this.heading || this.message(officialsMessages, 'heading'),
      this.headingLevel,
      isProblem(at) ? this.renderProblem(at) : (this.listProblem(this.officials) ?? this.renderList(at)),
    );
  }

  private renderList(at: Date) {
    const locale = this.locale;
    const shown = sortOfficialsByProtocol(
      this.valid.filter((official) => officialTitles(official, at) !== ''),
      at,
    ).slice(0, Math.max(0, this.limit));
    if (shown.length === 0) {
      const empty = this.message(officialsMessages, 'empty', { date: formatDate(at, 'short') });
      return html`<p part="empty" role="status">${empty}</p>`;
    }
    return html`<ul part="list">
      ${shown.map(
        (official) =>
          html`<li part="item" class="item">${renderOfficialCard(official, at, locale, `photo-${official.id}`)}</li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-officials': TinOfficials;
  }
  interface GlobalEventHandlersEventMap {
    'tin-officials-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
    'tin-officials-invalid-items': CustomEvent<import('../internal/events.js').TinInvalidItemsDetail>;
  }
}
