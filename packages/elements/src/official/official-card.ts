import { html } from 'lit';
import { formatDate, officialTitles, type Locale, type Official } from '@bantin/model';
import { localize } from '../civic/civic.i18n.js';
import { officialMessages } from './official.i18n.js';

/**
 * An official as a card shows one: the photo slot, the name, and the chain of titles held on
 * `at` (the news order, as `formatOfficial` writes it) or, with none held, a note saying so.
 * Shared by <tin-official layout="card"> and each item of <tin-officials>.
 */
export function renderOfficialCard(official: Official, at: Date, locale: Locale, photoSlot: string) {
  const titles = officialTitles(official, at);
  return html`<span part="photo" class="photo"><slot name=${photoSlot}></slot></span
    ><span class="text"
      ><span part="name" class="name">${official.fullName}</span>${
        titles
          ? html`<span part="titles" class="titles">${titles}</span>`
          : html`<span part="no-position" class="no-position"
              >${localize(officialMessages, locale, 'noPosition', { date: formatDate(at, 'short') })}</span
            >`
      }</span
    >`;
}
