import { html, nothing } from 'lit';
import { formatTarget, type Locale, type Target } from '@bantin/model';
import { localize } from '../civic/civic.i18n.js';
import { keyFiguresMessages } from './key-figures.i18n.js';

/** The year every target shares, if they share one: it then goes in the heading, not on each tile. */
export function sharedYear(targets: readonly Target[]): number | undefined {
  const year = targets[0]?.year;
  return year !== undefined && targets.every((target) => target.year === year) ? year : undefined;
}

/**
 * The tiles of a resolution's figures, shared by <tin-key-figures> and <tin-meeting>: a `<dl>`,
 * the indicator as the term and the figure as its description. An increase or decrease shows an
 * arrow and "+85 trường" / "giảm 20%", and is read out in words ("tăng thêm 85 trường"): the
 * arrow is decoration, hidden from assistive technology.
 */
export function renderTiles(targets: readonly Target[], locale: Locale) {
  const year = sharedYear(targets);
  return html`<dl part="tiles" class="tiles">
    ${targets.map((target) => {
      const { display, spoken } = formatTarget(target, { locale });
      const arrow = target.change === 'increase' ? '▲' : target.change === 'decrease' ? '▼' : '';
      // A tile's own year, when the targets do not share one (the heading then names none).
      const ofYear =
        year === undefined && target.year !== undefined
          ? localize(keyFiguresMessages, locale, 'year', { year: target.year })
          : undefined;
      return html`<div part="tile" class="tile" data-change=${target.change ?? nothing}>
        <dt part="indicator" class="indicator">${target.indicator}</dt>
        <dd part="figure" class="figure">
          ${
            spoken === display && !arrow
              ? display
              : html`<span aria-hidden="true"
                    >${arrow ? html`<span part="arrow" class="arrow">${arrow}</span>${' '}` : nothing}${display}</span
                  ><span class="visually-hidden">${spoken}</span>`
          }
        </dd>
        ${ofYear === undefined ? nothing : html`<dd part="year" class="year">${ofYear}</dd>`}
      </div>`;
    })}
  </dl>`;
}
