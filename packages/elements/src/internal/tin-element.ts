import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Locale } from '@bantin/model';
import { translate, type MessageKey } from './i18n.js';
import { localeOf } from './locale.js';

/** What every tin- element shares: its language and its strings. */
export class TinElement extends LitElement {
  /** The element's language. Unset: the nearest ancestor's `lang`, else Vietnamese. */
  // Declared so that changing the attribute re-renders; not reflected, so no empty lang="" appears.
  @property() override lang = '';

  protected get locale(): Locale {
    return localeOf(this);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }
}
