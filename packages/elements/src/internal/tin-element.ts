import { LitElement, type PropertyDeclarations } from 'lit';
import type { Locale } from '@bantin/model';
import { translate, type MessageKey } from './i18n.js';
import { localeOf } from './locale.js';

/** What every tin- element shares: its language and its strings. */
export class TinElement extends LitElement {
  // `lang` (inherited from HTMLElement: the element's language; unset, the nearest ancestor's,
  // else Vietnamese) is reactive and reflected, so `el.lang = 'en'` from a framework switches the
  // strings and tells assistive technology. No default, so no empty lang="" is ever written.
  static override properties: PropertyDeclarations = { lang: { reflect: true } };

  protected get locale(): Locale {
    return localeOf(this);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }
}
