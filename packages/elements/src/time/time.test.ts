import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define/time.js';
import { clockListenerCount } from '../internal/clock.js';
import type { TinTime } from './time.js';

const now = new Date('2026-02-04T09:00:00+07:00');

function timeOf(el: TinTime): HTMLTimeElement {
  return el.shadowRoot!.querySelector('time')!;
}

describe('tin-time', () => {
  it('shows Vietnamese relative time in a semantic <time> with the full date as tooltip', async () => {
    const el = await fixture<TinTime>(html`<tin-time datetime="2026-02-03T08:00:00+07:00" .now=${now}></tin-time>`);
    const time = timeOf(el);
    expect(time.textContent).to.equal('1 ngày trước');
    expect(time.getAttribute('datetime')).to.equal('2026-02-03T01:00:00.000Z');
    expect(time.title).to.equal('Thứ Ba, 03/02/2026 08:00');
    await expect(el).to.be.accessible();
  });

  it('formats absolute styles in Vietnam time whatever the browser zone', async () => {
    // 18:30 UTC is already the next day in Hà Nội.
    const el = await fixture<TinTime>(html`<tin-time datetime="2026-03-14T18:30:00Z" format="full"></tin-time>`);
    expect(timeOf(el).textContent).to.equal('Chủ Nhật, 15/03/2026');
    el.format = 'dateTime';
    await el.updateComplete;
    expect(timeOf(el).textContent).to.equal('15/03/2026 01:30');
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(
      html`<div lang="en"><tin-time datetime="2026-02-03T08:00:00+07:00" .now=${now}></tin-time></div>`,
    );
    const el = wrapper.querySelector('tin-time')!;
    await el.updateComplete;
    expect(timeOf(el).textContent).to.equal('1 day ago');
  });

  it('keeps its fallback text for an invalid or missing date, and names the attribute in one warning', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await fixture<TinTime>(html`<tin-time datetime="hôm qua">28/11/2020</tin-time>`);
      expect(el.shadowRoot!.querySelector('time')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
      expect(el.textContent).to.equal('28/11/2020');
      el.format = 'full';
      await el.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<tin-time> needs the "datetime" attribute');
      expect(warnings[0]).to.contain('"hôm qua" is not one');
      await fixture<TinTime>(html`<tin-time>hôm qua</tin-time>`);
      expect(warnings).to.have.length(2);
    } finally {
      console.warn = warn;
    }
  });

  it('takes `now` as an attribute: an ISO date-time or milliseconds', async () => {
    const iso = await fixture<TinTime>(
      html`<tin-time datetime="2026-02-03T08:00:00+07:00" now="2026-02-04T09:00:00+07:00"></tin-time>`,
    );
    expect(timeOf(iso).textContent).to.equal('1 ngày trước');
    const ms = await fixture<TinTime>(
      html`<tin-time datetime="2026-02-03T08:00:00+07:00" now=${String(now.getTime())}></tin-time>`,
    );
    expect(timeOf(ms).textContent).to.equal('1 ngày trước');
    // An unreadable now falls back to the real clock rather than showing nonsense.
    const bad = await fixture<TinTime>(html`<tin-time datetime=${new Date().toISOString()} now="không"></tin-time>`);
    expect(timeOf(bad).textContent).to.not.contain('NaN');
  });

  it('follows <html lang> and ancestors at run time', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<p><tin-time datetime="2026-02-03T08:00:00+07:00" .now=${now}></tin-time></p>`,
    );
    const el = wrapper.querySelector('tin-time')!;
    try {
      document.documentElement.lang = 'en';
      await waitUntil(() => timeOf(el).textContent === '1 day ago', 'did not follow <html lang>');
      wrapper.setAttribute('lang', 'vi-VN');
      await waitUntil(() => timeOf(el).textContent === '1 ngày trước', 'did not follow the ancestor');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('shares one clock among all instances and releases it when removed', async () => {
    const before = clockListenerCount();
    const wrapper = await fixture(
      html`<div>${[1, 2, 3, 4, 5].map(() => html`<tin-time datetime="2026-02-03T08:00:00+07:00"></tin-time>`)}</div>`,
    );
    expect(clockListenerCount()).to.equal(before + 5);
    wrapper.remove();
    expect(clockListenerCount()).to.equal(before);
  });

  it('switches language when the lang property is set from script, and reflects it', async () => {
    const el = await fixture<TinTime>(html`<tin-time datetime="2026-02-03T08:00:00+07:00" .now=${now}></tin-time>`);
    expect(el.hasAttribute('lang')).to.equal(false);
    el.lang = 'en';
    await el.updateComplete;
    expect(el.getAttribute('lang')).to.equal('en');
    expect(timeOf(el).textContent).to.equal('1 day ago');
  });

  it('takes the font of the text around it', async () => {
    const wrapper = await fixture(
      html`<p style="font: italic 13px serif"><tin-time datetime="2026-02-03T08:00:00+07:00"></tin-time></p>`,
    );
    const style = getComputedStyle(timeOf(wrapper.querySelector('tin-time')!));
    expect(style.fontSize).to.equal('13px');
    expect(style.fontStyle).to.equal('italic');
  });
});
