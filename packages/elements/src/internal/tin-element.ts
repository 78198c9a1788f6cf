import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Locale } from '@bantin/model';
import { BantinDataError, errorMessageKey } from '../data/errors.js';
import { translate, type MessageKey } from './i18n.js';
import { followLang, unfollowLang } from './lang-observer.js';
import { localeOf } from './locale.js';

/**
 * What every tin- element shares: its language (followed at run time), its strings, and the
 * loading, empty and error states, which look and behave the same in every element.
 */
export class TinElement extends LitElement {
  // `lang` (inherited from HTMLElement: the element's language; unset, the nearest ancestor's,
  // else Vietnamese) is reactive and reflected, so `el.lang = 'en'` from a framework switches the
  // strings and tells assistive technology. No default, so no empty lang="" is ever written.
  static override properties: PropertyDeclarations = { lang: { reflect: true } };

  /** The language of the last render, to re-render only when an ancestor's change matters. */
  private renderedLocale?: Locale;
  private warned?: Set<string>;

  protected get locale(): Locale {
    return localeOf(this);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return translate(this.locale, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    followLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unfollowLang(this);
  }

  /** Called when a `lang` attribute changed somewhere above (or on) this element. */
  langChanged(): void {
    if (this.renderedLocale !== undefined && localeOf(this) !== this.renderedLocale) this.requestUpdate();
  }

  protected override update(changed: PropertyValues): void {
    this.renderedLocale = this.locale;
    super.update(changed);
  }

  /**
   * A configuration mistake: warns once in the console, naming the attribute, and returns the
   * error for the shared error state ("Chưa cấu hình: thiếu thuộc tính endpoint.").
   * `alternatives` says what else would do, e.g. "or the dataSource property".
   */
  protected missingConfiguration(attribute: string, alternatives = ''): BantinDataError {
    const message = `<${this.localName}> needs the "${attribute}" attribute${alternatives ? ` (${alternatives})` : ''}; showing the error state.`;
    if (!(this.warned ??= new Set()).has(message)) {
      this.warned.add(message);
      console.warn(`[bantin] ${message}`);
    }
    return new BantinDataError('config', message, { attribute });
  }

  /** The shared loading state: a status for screen readers around the element's own skeleton. */
  protected renderLoadingState(skeleton: unknown = nothing): TemplateResult {
    return html`<span part="loading" class="state"
      ><span class="visually-hidden" role="status">${this.t('loading')}</span>${skeleton}</span
    >`;
  }

  /** The shared empty state. */
  protected renderEmptyState(message: string): TemplateResult {
    return html`<span part="empty" class="state" role="status">${message}</span>`;
  }

  /**
   * The shared error state: the reason as visible text (readable on touch screens, where a
   * title never shows) and "Thử lại", except for a configuration error, which no retry fixes.
   * `announce` makes it an alert; counters pass false until the reader retried, so ten failing
   * counters on one page do not interrupt a screen reader ten times.
   */
  protected renderErrorState(error: unknown, retry: () => void, announce = true): TemplateResult {
    const attribute = error instanceof BantinDataError ? (error.details.attribute ?? '') : '';
    const retryable = !(error instanceof BantinDataError) || error.retryable;
    return html`<span part="error" class="state error" role=${announce ? 'alert' : nothing}
      ><span part="error-message">${this.t(errorMessageKey(error), { attribute })}</span> ${
        retryable ? html`<button part="retry" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing
      }</span
    >`;
  }
}
