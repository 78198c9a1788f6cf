import { expect, fixture, html } from '@open-wc/testing';
import '../define/date-bar.js';
import {
  captureWarnings,
  fitsWidth,
  restoreClock,
  runClockFrom,
  setTimezone,
  textOf,
  until,
} from '../civic/test-support.js';
import type { TinDateBar } from './date-bar.js';

describe('tin-date-bar', () => {
  // A reader in California: their midnight is 15 hours after Vietnam's.
  before(() => setTimezone('America/Los_Angeles'));
  after(() => setTimezone(''));
  afterEach(restoreClock);

  it("shows the issue's example: weekday, solar date, lunar date and Can Chi year", async () => {
    const el = await fixture<TinDateBar>(html`<tin-date-bar date="2026-11-30"></tin-date-bar>`);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Hai, 30/11/2026');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-30');
    expect(textOf(el, '[part="lunar"]')).to.equal('Âm lịch 22 tháng 10 năm Bính Ngọ');
    expect(textOf(el)).to.equal('Thứ Hai, 30/11/2026 · Âm lịch 22 tháng 10 năm Bính Ngọ');
    expect(el.shadowRoot!.querySelector('[part="holiday"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says "Tết Nguyên đán" on lunar new year and "Rằm" on the 15th', async () => {
    const tet = await fixture<TinDateBar>(html`<tin-date-bar date="2026-02-17"></tin-date-bar>`);
    expect(textOf(tet, '[part="lunar"]')).to.equal('Âm lịch 1 tháng 1 năm Bính Ngọ');
    expect(textOf(tet, '[part="holiday"]')).to.equal('Tết Nguyên đán');
    await expect(tet).to.be.accessible();
    const eve = await fixture<TinDateBar>(html`<tin-date-bar date="2026-02-16"></tin-date-bar>`);
    expect(eve.shadowRoot!.querySelector('[part="holiday"]'), 'giao thừa is not Tết yet').to.equal(null);
    const ram = await fixture<TinDateBar>(html`<tin-date-bar date="2026-03-03"></tin-date-bar>`);
    expect(textOf(ram, '[part="holiday"]')).to.equal('Rằm');
  });

  it('marks a leap month', async () => {
    const el = await fixture<TinDateBar>(html`<tin-date-bar date="2025-07-27"></tin-date-bar>`);
    expect(textOf(el, '[part="lunar"]')).to.equal('Âm lịch 3 tháng 6 nhuận năm Ất Tỵ');
  });

  it("shows Vietnam's date for `now`, not the reader's", async () => {
    // 17:30 UTC on 30/11 is 09:30 on 30/11 in California but already 00:30 on 1/12 in Hà Nội.
    const el = await fixture<TinDateBar>(
      html`<tin-date-bar .now=${Date.parse('2026-11-30T17:30:00Z')}></tin-date-bar>`,
    );
    expect(new Date(Date.parse('2026-11-30T17:30:00Z')).getDate(), 'the page is in California').to.equal(30);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Ba, 01/12/2026');
    expect(textOf(el, '[part="lunar"]')).to.equal('Âm lịch 23 tháng 10 năm Bính Ngọ');
  });

  it('turns the page at Vietnam midnight with a timer', async () => {
    runClockFrom('2026-11-30T23:59:59.700+07:00');
    const el = await fixture<TinDateBar>(html`<tin-date-bar></tin-date-bar>`);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Hai, 30/11/2026');
    await until(() => textOf(el, '[part="solar"]') === 'Thứ Ba, 01/12/2026');
    expect(textOf(el, '[part="lunar"]')).to.equal('Âm lịch 23 tháng 10 năm Bính Ngọ');
  });

  it('catches up when the page becomes visible after the computer slept past midnight', async () => {
    runClockFrom('2026-11-30T10:00:00+07:00');
    const el = await fixture<TinDateBar>(html`<tin-date-bar></tin-date-bar>`);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Hai, 30/11/2026');
    // A sleeping laptop: the wall clock jumps a day while no timer runs.
    runClockFrom('2026-12-01T10:00:00+07:00');
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Ba, 01/12/2026');
  });

  it("does not turn the page at the reader's midnight", async () => {
    // Midnight in California is 15:00 in Hà Nội: the Vietnam date stays 1/12.
    runClockFrom('2026-11-30T23:59:59.700-08:00');
    const el = await fixture<TinDateBar>(html`<tin-date-bar></tin-date-bar>`);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Ba, 01/12/2026');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(new Date(Date.now()).getDate(), "the reader's day has changed").to.equal(1);
    expect(textOf(el, '[part="solar"]')).to.equal('Thứ Ba, 01/12/2026');
  });

  it('speaks English under lang="en", and follows a change of lang', async () => {
    const el = await fixture<TinDateBar>(html`<tin-date-bar date="2025-07-27" lang="en"></tin-date-bar>`);
    expect(textOf(el)).to.equal('Sunday, 27 July 2025 · Lunar 3/6 (leap month), year of Ất Tỵ');
    el.lang = 'vi';
    await el.updateComplete;
    expect(textOf(el, '[part="solar"]')).to.equal('Chủ Nhật, 27/07/2025');
  });

  it('shows the error state naming `date` for a date that is not one or is outside 1800–2199, and warns', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<TinDateBar>(html`<tin-date-bar date="30/11/2026"></tin-date-bar>`);
      expect(textOf(el, '[part="error"]')).to.equal('Thuộc tính date không phải là ngày hợp lệ: "30/11/2026".');
      expect(capture.warnings.filter((w) => w.includes('tin-date-bar'))).to.have.length(1);
      await expect(el).to.be.accessible();
      el.date = '1700-01-01';
      await el.updateComplete;
      expect(textOf(el, '[part="error"]')).to.equal(
        'Ngày "1700-01-01" nằm ngoài khoảng âm lịch được hỗ trợ (1800–2199).',
      );
      el.date = '2026-11-30';
      await el.updateComplete;
      expect(textOf(el, '[part="solar"]')).to.equal('Thứ Hai, 30/11/2026');
    } finally {
      capture.stop();
    }
  });

  it('fits a 390 px phone with a holiday', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><tin-date-bar date="2026-02-17"></tin-date-bar></div>`,
    );
    const el = wrapper.firstElementChild as TinDateBar;
    await el.updateComplete;
    expect(fitsWidth(el)).to.equal(true);
    const style = getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!);
    expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).to.be.at.least(1.5);
  });
});
