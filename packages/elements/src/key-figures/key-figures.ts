import { html, type PropertyValues } from 'lit';
import type { Target } from '@bantin/model';
import { TargetWire } from '@bantin/model/wire-schemas/target.js';
import { checkCivicList, TinCivicElement } from '../civic/civic-element.js';
import { baseStyles, tokenStyles } from '../internal/styles.js';
import { civicSectionStyles } from '../civic/civic.styles.js';
import { keyFiguresMessages } from './key-figures.i18n.js';
import { tilesStyles } from './key-figures.styles.js';
import { renderTiles, sharedYear } from './tiles.js';

/**
 * @tagname tin-key-figures
 * @summary The figures of a resolution as tiles: "khoảng 7,5%", "135 triệu đồng (≈ 5.870 USD)",
 * "giảm 20%", "+85 trường", "85%", "+14 xã", each under its indicator.
 *
 * Numbers are written the Vietnamese way ("7,5", "5.870", "135 triệu"; English under
 * `lang="en"`), approximate figures are marked "khoảng", and an increase or decrease is said in
 * words to screen readers ("tăng thêm 85 trường"), the arrow being decoration. The data is the
 * `targets` property, or a child `<script type="application/json">` holding the array or a
 * meeting (its `targets` are used); invalid targets are skipped with one console warning.
 *
 * @fires tin-key-figures-error - The JSON child could not be used. `detail: { error }`, whose `details.field` names the field.
 * @fires tin-key-figures-invalid-items - Items of the JSON child were skipped as invalid. `detail: { count }`.
 *
 * @csspart base - The `<section>` around everything.
 * @csspart heading - The heading (`role="heading"` with `aria-level` from `heading-level`).
 * @csspart tiles - The `<dl>` of tiles.
 * @csspart tile - Each tile (`data-change="increase"` or `"decrease"` for a change).
 * @csspart indicator - What is measured: "Tốc độ tăng trưởng".
 * @csspart figure - The figure: "khoảng 7,5%".
 * @csspart arrow - The ▲ or ▼ of a change (hidden from screen readers, which hear the words).
 * @csspart year - A tile's year, when the targets are not all of one year.
 * @csspart empty - Shown when there is no figure.
 * @csspart error - The error state: the reason, naming the property or field.
 *
 * @cssprop --tin-key-figures-tile-width - The narrowest a tile gets before the grid wraps. Default: 10rem.
 * @cssprop --tin-key-figures-tile-background - Tile background. Default: the surface color.
 * @cssprop --tin-key-figures-figure-color - Color of the figures. Default: the accent color.
 */
export class TinKeyFigures extends TinCivicElement {
  static override styles = [tokenStyles, baseStyles, civicSectionStyles, tilesStyles];
  static override properties = {
    targets: { attribute: false },
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    limit: { type: Number },
  };

  /** The figures: `{ indicator, value, unit, approximate?, change?, equivalent?, year? }[]`. */
  targets?: Target[];

  /** Heading text. Default: "Các chỉ tiêu chủ yếu" / "Key figures", with the year when all share one. */
  heading = '';

  /** The heading's level in the page outline, 2–6. */
  headingLevel = 2;

  /** How many tiles to show at most, in the order given. */
  limit = 12;

  protected readonly dataProperty = 'targets';
  protected readonly tag = 'tin-key-figures';

  private valid: Target[] = [];

  protected applyScriptData(data: unknown): void {
    const targets = Array.isArray(data) ? data : (data as { targets?: unknown } | null)?.targets;
    if (!Array.isArray(targets)) {
      this.scriptProblem = { key: 'invalid', params: { issue: 'targets', code: 'invalid_type: array' } };
      this.reportScriptProblem();
      return;
    }
    this.fillFromScript('targets', targets);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('targets')) {
      const { valid, skipped } = checkCivicList(TargetWire, this.targets);
      this.valid = valid;
      this.warnSkipped('targets', skipped);
    }
  }

  override render() {
    const shown = this.valid.slice(0, Math.max(0, this.limit));
    const year = sharedYear(shown);
    const heading =
      this.heading ||
      (year === undefined
        ? this.message(keyFiguresMessages, 'heading')
        : this.message(keyFiguresMessages, 'headingOfYear', { year }));
    return this.renderSection(
      heading,
      this.headingLevel,
      this.listProblem(this.targets) ??
        (shown.length === 0
          ? html`<p part="empty" role="status">${this.message(keyFiguresMessages, 'empty')}</p>`
          : renderTiles(shown, this.locale)),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tin-key-figures': TinKeyFigures;
  }
  interface GlobalEventHandlersEventMap {
    'tin-key-figures-error': CustomEvent<import('../internal/events.js').TinLoadErrorDetail>;
    'tin-key-figures-invalid-items': CustomEvent<import('../internal/events.js').TinInvalidItemsDetail>;
  }
}
