import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { BantinDataError } from '../data/errors.js';
import { defineElement } from './define.js';
import { baseStyles, tokenStyles } from './styles.js';
import { TinElement } from './tin-element.js';
import { addMessages } from './i18n.js';
import { mostViewedMessages } from '../most-viewed/most-viewed.i18n.js';

// The probe's empty state borrows most-viewed's string; element strings are registered by the
// element modules, and the probe is not one.
addMessages(mostViewedMessages);

/** A minimal element on the shared base: its text is the "loading" string, or a shared state. */
class TinProbe extends TinElement {
  static override styles = [tokenStyles, baseStyles];
  static override properties = { state: {} };
  state = '';
  renders = 0;
  override render() {
    this.renders++;
    if (this.state === 'config') return this.renderErrorState(this.missingConfiguration('endpoint'), () => {});
    if (this.state === 'error')
      return this.renderErrorState(new BantinDataError('timeout', 'slow'), () =>
        this.dispatchEvent(new Event('retry')),
      );
    if (this.state === 'empty') return this.renderEmptyState(this.t('mostViewedEmpty'));
    return html`<span>${this.t('loading')}</span>`;
  }
}
defineElement('tin-probe', TinProbe);

/** An unrelated component whose shadow root holds a probe. */
class ProbeHost extends LitElement {
  override render() {
    return html`<div id="inner"><tin-probe></tin-probe></div>`;
  }
}
defineElement('probe-host', ProbeHost);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TinElement', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  describe('lang, followed at run time', () => {
    it('follows <html lang>', async () => {
      const el = await fixture<TinProbe>(fixtureHtml`<tin-probe></tin-probe>`);
      expect(text(el)).to.equal('Đang tải…');
      document.documentElement.lang = 'en';
      await waitUntil(() => text(el) === 'Loading…', 'did not switch to English');
      document.documentElement.lang = 'vi';
      await waitUntil(() => text(el) === 'Đang tải…', 'did not switch back');
    });

    it('follows an ancestor, and its own attribute', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        fixtureHtml`<div lang="vi"><section><tin-probe></tin-probe></section></div>`,
      );
      const el = wrapper.querySelector<TinProbe>('tin-probe')!;
      await el.updateComplete;
      wrapper.setAttribute('lang', 'en-GB');
      await waitUntil(() => text(el) === 'Loading…', 'did not follow the ancestor');
      el.setAttribute('lang', 'vi');
      await waitUntil(() => text(el) === 'Đang tải…', 'did not follow its own lang');
    });

    it('follows an ancestor across a shadow root', async () => {
      const host = await fixture<ProbeHost>(fixtureHtml`<probe-host></probe-host>`);
      const el = host.shadowRoot!.querySelector<TinProbe>('tin-probe')!;
      await el.updateComplete;
      expect(text(el)).to.equal('Đang tải…');
      host.setAttribute('lang', 'en');
      await waitUntil(() => text(el) === 'Loading…', 'did not follow the shadow host');
      host.removeAttribute('lang');
      host.shadowRoot!.querySelector('#inner')!.setAttribute('lang', 'en');
      await settle();
      await el.updateComplete;
      expect(text(el)).to.equal('Loading…');
    });

    it('re-renders only elements whose language changed', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        fixtureHtml`<div><div lang="en"><tin-probe id="a"></tin-probe></div><div><tin-probe id="b"></tin-probe></div></div>`,
      );
      const a = wrapper.querySelector<TinProbe>('#a')!;
      const b = wrapper.querySelector<TinProbe>('#b')!;
      await Promise.all([a.updateComplete, b.updateComplete]);
      const before = a.renders;
      document.documentElement.lang = 'en';
      await waitUntil(() => text(b) === 'Loading…');
      await settle();
      expect(a.renders).to.equal(before);
    });
  });

  describe('shared states', () => {
    it('a missing attribute: one console warning naming it, and a visible, translated error without retry', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const el = await fixture<TinProbe>(fixtureHtml`<tin-probe state="config"></tin-probe>`);
        el.requestUpdate();
        await el.updateComplete;
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('<tin-probe> needs the "endpoint" attribute');
        const error = el.shadowRoot!.querySelector('[part=error]')!;
        expect(error.querySelector('[part=error-message]')!.textContent).to.equal(
          'Chưa cấu hình: thiếu thuộc tính endpoint.',
        );
        expect(error.querySelector('button')).to.equal(null);
        el.lang = 'en';
        await el.updateComplete;
        expect(text(el)).to.equal('Not configured: the endpoint attribute is missing.');
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
      }
    });

    it('an error: the reason as visible text (not a title) and a retry button', async () => {
      const el = await fixture<TinProbe>(fixtureHtml`<tin-probe state="error"></tin-probe>`);
      const error = el.shadowRoot!.querySelector<HTMLElement>('[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      const reason = error.querySelector<HTMLElement>('[part=error-message]')!;
      expect(reason.textContent).to.equal('Máy chủ phản hồi quá lâu.');
      expect(reason.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(error.querySelector('[title]')).to.equal(null);
      let retried = 0;
      el.addEventListener('retry', () => retried++);
      error.querySelector<HTMLButtonElement>('button[part=retry]')!.click();
      expect(retried).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('empty: a status with the message', async () => {
      const el = await fixture<TinProbe>(fixtureHtml`<tin-probe state="empty"></tin-probe>`);
      const empty = el.shadowRoot!.querySelector('[part=empty]')!;
      expect(empty.getAttribute('role')).to.equal('status');
      expect(empty.textContent).to.equal('Chưa có bài viết nào.');
    });
  });
});
