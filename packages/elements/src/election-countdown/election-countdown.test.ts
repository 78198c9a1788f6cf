import { expect, fixture, html } from '@open-wc/testing';
import { seedElectionPlan, SEED_NOW } from '@bantin/model/fixtures';
import '../define/election-countdown.js';
import {
  captureWarnings,
  fitsWidth,
  restoreClock,
  runClockFrom,
  setTimezone,
  textOf,
  until,
} from '../civic/test-support.js';
import type { TinElectionCountdown } from './election-countdown.js';

const at = (iso: string) => Date.parse(iso);

describe('tin-election-countdown', () => {
  before(() => setTimezone('America/Los_Angeles'));
  after(() => setTimezone(''));
  afterEach(restoreClock);

  it("counts the seed plan's days in Vietnam calendar days, under its title", async () => {
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown
        .plan=${seedElectionPlan}
        .now=${at('2026-02-02T10:00:00+07:00')}
      ></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="countdown"]')).to.equal('Còn 41 ngày đến ngày bầu cử 15/3/2026');
    expect(textOf(el, '[part="days"]')).to.equal('41');
    expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-03-15');
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    expect(heading.textContent!.trim()).to.equal(seedElectionPlan.title);
    await expect(el).to.be.accessible();
    el.now = at(SEED_NOW);
    await el.updateComplete;
    expect(textOf(el, '[part="days"]')).to.equal('39');
  });

  it('turns to election day at Vietnam midnight, not at the reader’s', async () => {
    // 16:59 UTC on 14/3 is 23:59 in Hà Nội: one day left. 17:30 UTC is 00:30 on the day.
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown
        .plan=${seedElectionPlan}
        .now=${at('2026-03-14T16:59:00Z')}
      ></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="countdown"]')).to.equal('Còn 1 ngày đến ngày bầu cử 15/3/2026');
    el.now = at('2026-03-14T17:30:00Z');
    await el.updateComplete;
    expect(new Date(el.now).getDate(), 'still 14/3 for the reader').to.equal(14);
    expect(textOf(el, '[part="countdown"]')).to.equal('Hôm nay là ngày bầu cử 15/3/2026');
    expect(el.shadowRoot!.querySelector('[part="days"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says the election took place once the day is over', async () => {
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown
        .plan=${seedElectionPlan}
        .now=${at('2026-03-15T17:00:00Z')}
      ></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="countdown"]')).to.equal('Cuộc bầu cử đã diễn ra ngày 15/3/2026');
    await expect(el).to.be.accessible();
  });

  it('rolls over with a timer at Vietnam midnight when `now` is not set', async () => {
    runClockFrom('2026-03-14T23:59:59.700+07:00');
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown .plan=${seedElectionPlan}></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="countdown"]')).to.equal('Còn 1 ngày đến ngày bầu cử 15/3/2026');
    await until(() => textOf(el, '[part="countdown"]') === 'Hôm nay là ngày bầu cử 15/3/2026');
  });

  it('takes the attributes election-day and title, or a JSON script child', async () => {
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown
        election-day="2026-03-15"
        title="Bầu cử 2026"
        heading-level="3"
        .now=${at(SEED_NOW)}
      ></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="heading"]')).to.equal('Bầu cử 2026');
    expect(el.shadowRoot!.querySelector('[part="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(textOf(el, '[part="countdown"]')).to.equal('Còn 39 ngày đến ngày bầu cử 15/3/2026');
    const scripted = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown .now=${at(SEED_NOW)}
        ><script type="application/json">
          ${JSON.stringify(seedElectionPlan)}
        </script></tin-election-countdown
      >`,
    );
    expect(textOf(scripted, '[part="heading"]')).to.equal(seedElectionPlan.title);
    expect(textOf(scripted, '[part="days"]')).to.equal('39');
    scripted.title = 'Bầu cử Quốc hội khóa XVI';
    await scripted.updateComplete;
    expect(textOf(scripted, '[part="heading"]'), '`title` overrides the plan title').to.equal(
      'Bầu cử Quốc hội khóa XVI',
    );
  });

  it('without a title it is a labelled region with no heading', async () => {
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown election-day="2026-03-15" .now=${at(SEED_NOW)}></tin-election-countdown>`,
    );
    expect(el.shadowRoot!.querySelector('[part="heading"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('aria-label')).to.equal('Đếm ngược đến ngày bầu cử');
    await expect(el).to.be.accessible();
  });

  it('speaks English', async () => {
    const el = await fixture<TinElectionCountdown>(
      html`<tin-election-countdown lang="en" .plan=${seedElectionPlan} .now=${at(SEED_NOW)}></tin-election-countdown>`,
    );
    expect(textOf(el, '[part="countdown"]')).to.equal('39 days until election day, 15 March 2026');
    el.now = at('2026-03-14T09:00:00+07:00');
    await el.updateComplete;
    expect(textOf(el, '[part="countdown"]')).to.equal('1 day until election day, 15 March 2026');
    el.now = at('2026-03-15T09:00:00+07:00');
    await el.updateComplete;
    expect(textOf(el, '[part="countdown"]')).to.equal('Today is election day, 15 March 2026');
    el.now = at('2026-03-16T09:00:00+07:00');
    await el.updateComplete;
    expect(textOf(el, '[part="countdown"]')).to.equal('The election took place on 15 March 2026');
  });

  it('keeps counting when only a milestone of the plan is invalid', async () => {
    const capture = captureWarnings();
    try {
      const plan = { ...seedElectionPlan, milestones: [{ ...seedElectionPlan.milestones[0]!, dueAt: 'hôm qua' }] };
      const el = await fixture<TinElectionCountdown>(
        html`<tin-election-countdown .plan=${plan} .now=${at(SEED_NOW)}></tin-election-countdown>`,
      );
      expect(textOf(el, '[part="days"]')).to.equal('39');
      expect(capture.warnings.filter((w) => w.includes('skipped 1 invalid'))).to.have.length(1);
    } finally {
      capture.stop();
    }
  });

  it('shows the missing-configuration error naming `plan`, and warns', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<TinElectionCountdown>(html`<tin-election-countdown></tin-election-countdown>`);
      expect(textOf(el, '[part="error"]')).to.equal('Chưa cấu hình: thiếu thuộc tính plan.');
      expect(capture.warnings.join('\n')).to.contain('<tin-election-countdown> needs the "plan" attribute');
      expect(capture.warnings.filter((w) => w.includes('tin-election-countdown'))).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      capture.stop();
    }
  });

  it('shows the error state naming the field of an invalid plan or election-day, and never throws', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<TinElectionCountdown>(
        html`<tin-election-countdown
          .plan=${{ ...seedElectionPlan, electionDay: '15/3/2026' }}
        ></tin-election-countdown>`,
      );
      expect(textOf(el, '[part="error"]')).to.equal('Dữ liệu không hợp lệ. Trường `electionDay`: custom: date');
      el.lang = 'en';
      await el.updateComplete;
      expect(textOf(el, '[part="error"]')).to.equal('The data is not valid. Field `electionDay`: custom: date');
      const attr = await fixture<TinElectionCountdown>(
        html`<tin-election-countdown election-day="ngày 15"></tin-election-countdown>`,
      );
      expect(textOf(attr, '[part="error"]')).to.equal('Thuộc tính election-day không phải là ngày hợp lệ: "ngày 15".');
      const junk = await fixture<TinElectionCountdown>(
        html`<tin-election-countdown .plan=${'not a plan' as never}
          ><script type="application/json">
            {not json
          </script></tin-election-countdown
        >`,
      );
      expect(textOf(junk, '[part="error"]')).to.equal('Dữ liệu không hợp lệ. (toàn bộ dữ liệu): invalid_type: object');
      expect(capture.warnings.filter((w) => w.includes('tin-election-countdown')).length).to.be.at.least(3);
    } finally {
      capture.stop();
    }
  });

  it('fits a 390 px phone with the longest seed title', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px">
        <tin-election-countdown .plan=${seedElectionPlan} .now=${at(SEED_NOW)}></tin-election-countdown>
      </div>`,
    );
    const el = wrapper.querySelector('tin-election-countdown')!;
    await el.updateComplete;
    expect(fitsWidth(el)).to.equal(true);
    const heading = getComputedStyle(el.shadowRoot!.querySelector('[part="heading"]')!);
    expect(parseFloat(heading.lineHeight) / parseFloat(heading.fontSize)).to.be.at.least(1.3);
  });
});
