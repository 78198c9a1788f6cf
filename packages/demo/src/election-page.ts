import {
  electionProgress,
  formatDate,
  formatLunarDate,
  formatNumber,
  jsonLdScriptContent,
  vietnamCalendarDay,
  type ElectionPlan,
} from '@bantin/model';
import { html, raw, type RawHtml } from './html.js';

/**
 * The civic elements as a server writes them: the data in a child
 * `<script type="application/json">` (what a PHP theme does with json_encode), and plain text
 * beside it that readers without JavaScript, and crawlers, get until the element upgrades
 * (its shadow root has no slot, so the text then steps aside).
 */
const jsonChild = (data: unknown) =>
  html`<script type="application/json">
    ${raw(jsonLdScriptContent(data))}
  </script>`;

/** The header's date bar: today in Vietnam, with the lunar date as fallback text. */
export function dateBar(now: number = Date.now()): RawHtml {
  const day = vietnamCalendarDay(now);
  return html`<tin-date-bar class="date-bar">${formatDate(now, 'full')} · ${formatLunarDate(day.lunar)}</tin-date-bar>`;
}

/**
 * The election page's sidebar: the countdown and the progress of the plan this article
 * reports on (the seed's most-viewed item, the steering committee meeting).
 */
export function electionSidebar(plan: ElectionPlan): RawHtml {
  const summary = electionProgress(plan);
  const [year, month, day] = plan.electionDay.split('-').map(Number) as [number, number, number];
  return html`<section class="election" aria-label="Bầu cử">
    <tin-election-countdown heading-level="2"
      >${jsonChild(plan)}
      <p>Ngày bầu cử: <time datetime="${plan.electionDay}">${day}/${month}/${year}</time></p></tin-election-countdown
    >
    <tin-election-progress heading-level="2"
      >${jsonChild(plan)}
      <ul>
        ${summary.tracks.map(
          (track) =>
            html`<li>${track.label}: ${formatNumber(track.done)}/${formatNumber(track.total)} ${track.unit}</li>`,
        )}
        <li>${formatNumber(summary.units.completed)}/${formatNumber(summary.units.total)} ${plan.units.label}</li>
      </ul></tin-election-progress
    >
  </section>`;
}
