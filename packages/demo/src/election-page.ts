import type { ElectionPlan } from '@bantin/model';
import { html, raw, type RawHtml } from './html.js';
import { renderDateBar, renderElection } from './ssr.js';

/** The header's date bar: today in Vietnam with its lunar date, server-rendered. */
export function dateBar(now: number = Date.now()): RawHtml {
  return raw(renderDateBar(now));
}

/**
 * The election page's sidebar: the countdown and the progress of the plan this article
 * reports on (the seed's most-viewed item, the steering committee meeting), server-rendered
 * with the plan in a JSON child of each.
 */
export function electionSidebar(plan: ElectionPlan, now: number = Date.now()): RawHtml {
  return html`<section class="election" aria-label="Bầu cử">${raw(renderElection(plan, now))}</section>`;
}
