/**
 * The civic elements rendered on the server with Lit's SSR: declarative shadow DOM, so the
 * meeting box is painted before any script (and for readers without one). The JSON child stays
 * in the light DOM; the element reads it when the script takes the box over.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meeting, Official } from '@bantin/model';
// After @lit-labs/ssr, which gives Node the customElements registry the define module needs.
import '@bantin/elements/define/meeting.js';

/** `<tin-meeting>` with its shadow DOM, and `jsonChild` (already escaped markup) inside it. */
export function renderMeetingBox(meeting: Meeting, officials: readonly Official[], jsonChild: string): string {
  return collectResultSync(
    render(
      html`<tin-meeting heading-level="2" .meeting=${meeting} .officials=${officials}
        >${unsafeHTML(jsonChild)}</tin-meeting
      >`,
    ),
  );
}
