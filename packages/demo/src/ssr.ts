/**
 * The civic elements rendered on the server with Lit's SSR: declarative shadow DOM, so every
 * civic box is painted before any script (and for readers without one). The data goes in twice,
 * as a PHP theme would write it: as the property the server renders from, and as the JSON child
 * in the light DOM, which the element reads when the script takes the box over.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { jsonLdScriptContent, type ElectionPlan, type Meeting, type Official } from '@bantin/model';
// After @lit-labs/ssr, which gives Node the customElements registry the define modules need.
import '@bantin/elements/define/date-bar.js';
import '@bantin/elements/define/election-countdown.js';
import '@bantin/elements/define/election-progress.js';
import '@bantin/elements/define/meeting.js';
import '@bantin/elements/define/officials.js';

const ssr = (template: unknown): string => collectResultSync(render(template));

/** The JSON child: `<script type="application/json">`, escaped so no string can close it early. */
const jsonChild = (data: unknown) =>
  unsafeHTML(`<script type="application/json">${jsonLdScriptContent(data)}</script>`);

/**
 * `<tin-date-bar>` for `now` (the server's clock when the page is made). Without `date`, the
 * browser shows its own today once the element upgrades, and turns over at Vietnam midnight.
 */
export function renderDateBar(now: number): string {
  return ssr(html`<tin-date-bar class="date-bar" .now=${now}></tin-date-bar>`);
}

/** `<tin-meeting>` with the officials it names. */
export function renderMeetingBox(meeting: Meeting, officials: readonly Official[]): string {
  return ssr(
    html`<tin-meeting heading-level="2" .meeting=${meeting} .officials=${officials}
      >${jsonChild({ meeting, officials })}</tin-meeting
    >`,
  );
}

/** `<tin-officials>`: who held which title on `at`, in protocol order. */
export function renderOfficials(officials: readonly Official[], at: string, heading: string): string {
  return ssr(
    html`<tin-officials heading=${heading} heading-level="2" at=${at} .officials=${officials}
      >${jsonChild(officials)}</tin-officials
    >`,
  );
}

/** `<tin-election-countdown>` and `<tin-election-progress>` for one plan, counted from `now`. */
export function renderElection(plan: ElectionPlan, now: number): string {
  return ssr(
    html`<tin-election-countdown heading-level="2" .plan=${plan} .now=${now}>${jsonChild(plan)}</tin-election-countdown>
      <tin-election-progress heading-level="2" .plan=${plan}>${jsonChild(plan)}</tin-election-progress>`,
  );
}
