import { expect, fixture, html } from '@open-wc/testing';
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

  it('keeps its fallback text for an invalid date', async () => {
    const el = await fixture<TinTime>(html`<tin-time datetime="hôm qua">28/11/2020</tin-time>`);
    expect(el.shadowRoot!.querySelector('time')).to.equal(null);
    expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null);
    expect(el.textContent).to.equal('28/11/2020');
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
