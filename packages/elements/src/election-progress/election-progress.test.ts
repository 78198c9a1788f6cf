import { expect, fixture, html } from '@open-wc/testing';
import type { ElectionPlan } from '@bantin/model';
import { seedElectionPlan } from '@bantin/model/fixtures';
import '../define/election-progress.js';
import { captureWarnings, fitsWidth, setTimezone, textOf } from '../civic/test-support.js';
import type { TinElectionProgress } from './election-progress.js';

const bars = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="progressbar"]')];
const texts = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

describe('tin-election-progress', () => {
  before(() => setTimezone('Europe/London'));
  after(() => setTimezone(''));

  it('shows each track of the seed plan as an accessible progress bar', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress .plan=${seedElectionPlan}></tin-election-progress>`,
    );
    const [steps, tasks, committee, units] = bars(el);
    expect(bars(el)).to.have.length(4);
    expect(steps!.getAttribute('aria-valuenow')).to.equal('17');
    expect(steps!.getAttribute('aria-valuemin')).to.equal('0');
    expect(steps!.getAttribute('aria-valuemax')).to.equal('35');
    expect(steps!.getAttribute('aria-valuetext')).to.equal('17/35 bước');
    expect(el.shadowRoot!.getElementById(steps!.getAttribute('aria-labelledby')!)!.textContent).to.contain(
      'Quy trình công tác bầu cử',
    );
    expect(tasks!.getAttribute('aria-valuetext')).to.equal('17/17 nhiệm vụ');
    expect(committee!.getAttribute('aria-valuetext')).to.equal('18/33 nhiệm vụ');
    expect(texts(el, '[part="track-value"]')[0]).to.equal('17/35 bước · 49% · đang thực hiện bước 18, còn 17 bước');
    expect(texts(el, '[part="track-value"]')[2]).to.equal(
      '18/33 nhiệm vụ · 55% · đang thực hiện bước 19, còn 14 nhiệm vụ',
    );
    expect(units!.getAttribute('aria-valuetext')).to.equal('126/126 xã, phường');
    expect(texts(el, '[part="track-label"]')[3]).to.equal('126/126 xã, phường đã hoàn thành');
    const fill = el.shadowRoot!.querySelector('[part="progress-fill"]')!;
    expect(fill.getAttribute('width')).to.equal('49');
    expect(fill.getBoundingClientRect().width / steps!.getBoundingClientRect().width).to.be.closeTo(0.49, 0.01);
    await expect(el).to.be.accessible();
  });

  it('lists the dossiers per elected body, and their total', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress .plan=${seedElectionPlan}></tin-election-progress>`,
    );
    expect(texts(el, '[part="dossiers"] li')).to.deep.equal([
      '55 hồ sơ Quốc hội khóa XVI',
      '248 hồ sơ Hội đồng nhân dân thành phố Hà Nội nhiệm kỳ 2026-2031',
      'Tổng cộng 303 hồ sơ',
    ]);
  });

  it('gives each milestone its status in words, in date order, with Vietnam dates', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress .plan=${seedElectionPlan}></tin-election-progress>`,
    );
    expect(texts(el, '[part="status"]')).to.deep.equal([
      '✓ Đã hoàn thành',
      '✓ Đã hoàn thành',
      '✓ Đã hoàn thành',
      '○ Sắp diễn ra',
    ]);
    // Read in London, 17:00 in Hà Nội is 10:00: the Vietnam time is shown.
    expect(texts(el, '[part="milestone"] time')).to.deep.equal([
      '20/11/2025',
      '01/02/2026 17:00',
      '02/02/2026',
      '15/03/2026',
    ]);
    const next = el.shadowRoot!.querySelector('.next')!;
    expect(next.getAttribute('data-status')).to.equal('upcoming');
    expect(next.textContent).to.contain('Ngày bầu cử').and.to.contain('(Mốc tiếp theo)');
  });

  it('has a heading and level-below subheadings, set by heading and heading-level', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress
        heading="Bầu cử 2026"
        heading-level="3"
        .plan=${seedElectionPlan}
      ></tin-election-progress>`,
    );
    const heading = el.shadowRoot!.querySelector('[part="heading"]')!;
    expect(heading.textContent!.trim()).to.equal('Bầu cử 2026');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part="subheading"]')].map((h) => h.getAttribute('aria-level')),
    ).to.deep.equal(['4', '4']);
    expect(textOf(el, '[part="title"]')).to.equal(seedElectionPlan.title);
  });

  it('reads the plan from a child JSON script', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress
        ><script type="application/json">
          ${JSON.stringify(seedElectionPlan)}
        </script></tin-election-progress
      >`,
    );
    expect(bars(el)).to.have.length(4);
    expect(textOf(el, '[part="heading"]')).to.equal('Tiến độ công tác bầu cử');
  });

  it('fires tin-election-progress-error when its JSON child is not a valid plan, naming the field', async () => {
    const capture = captureWarnings();
    try {
      const events: CustomEvent[] = [];
      const listener = (event: Event) => events.push(event as CustomEvent);
      document.addEventListener('tin-election-progress-error', listener);
      const el = await fixture<TinElectionProgress>(
        html`<tin-election-progress
          ><script type="application/json">
            ${JSON.stringify({ ...seedElectionPlan, electionDay: 'mai' })}
          </script></tin-election-progress
        >`,
      );
      document.removeEventListener('tin-election-progress-error', listener);
      expect(events).to.have.length(1);
      expect(events[0]!.detail.error.details?.field).to.equal('electionDay');
      expect(events[0]!.composed && events[0]!.bubbles).to.equal(true);
      expect(textOf(el, '[part="error"]')).to.contain('electionDay');
    } finally {
      capture.stop();
    }
  });

  it('fires tin-election-progress-invalid-items when its JSON child has bad milestones, and shows the rest', async () => {
    const capture = captureWarnings();
    try {
      const counts: number[] = [];
      const listener = (event: Event) => counts.push((event as CustomEvent<{ count: number }>).detail.count);
      document.addEventListener('tin-election-progress-invalid-items', listener);
      const plan = { ...seedElectionPlan, milestones: [...seedElectionPlan.milestones, { id: 'x', title: 'Sai' }] };
      const el = await fixture<TinElectionProgress>(
        html`<tin-election-progress
          ><script type="application/json">
            ${JSON.stringify(plan)}
          </script></tin-election-progress
        >`,
      );
      document.removeEventListener('tin-election-progress-invalid-items', listener);
      expect(counts).to.deep.equal([1]);
      expect(texts(el, '[part="milestone"]')).to.have.length(4);
    } finally {
      capture.stop();
    }
  });

  it('speaks English', async () => {
    const el = await fixture<TinElectionProgress>(
      html`<tin-election-progress lang="en" .plan=${seedElectionPlan}></tin-election-progress>`,
    );
    expect(textOf(el, '[part="heading"]')).to.equal('Election preparations');
    expect(texts(el, '[part="status"]')[3]).to.equal('○ Upcoming');
    expect(texts(el, '[part="track-value"]')[2]).to.equal(
      '18/33 nhiệm vụ · 55% · working on step 19, 14 nhiệm vụ to go',
    );
    expect(texts(el, '[part="dossiers"] li')[2]).to.equal('303 dossiers in all');
    await expect(el).to.be.accessible();
  });

  it('leaves out an invalid milestone and track with one warning counting them, and shows the rest', async () => {
    const plan = {
      ...seedElectionPlan,
      milestones: [...seedElectionPlan.milestones, { id: 'x', title: 'Sai', dueAt: 'mai', status: 'done' }],
      progress: [{ ...seedElectionPlan.progress[0]!, total: 0 }, ...seedElectionPlan.progress.slice(1)],
    } as ElectionPlan;
    const capture = captureWarnings();
    try {
      const el = await fixture<TinElectionProgress>(
        html`<tin-election-progress .plan=${plan}></tin-election-progress>`,
      );
      expect(bars(el)).to.have.length(3);
      expect(texts(el, '[part="milestone"]')).to.have.length(4);
      const warnings = capture.warnings.filter((w) => w.includes('tin-election-progress'));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('skipped 2 invalid milestones, tracks or dossier entries');
      await expect(el).to.be.accessible();
    } finally {
      capture.stop();
    }
  });

  it('shows the error state naming the field when the plan itself is invalid, and when it is missing', async () => {
    const capture = captureWarnings();
    try {
      const el = await fixture<TinElectionProgress>(
        html`<tin-election-progress
          .plan=${{ ...seedElectionPlan, units: { label: 'xã', total: -1 } }}
        ></tin-election-progress>`,
      );
      expect(textOf(el, '[part="error"]')).to.equal('Dữ liệu không hợp lệ. Trường `units.total`: custom: int');
      expect(el.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      const missing = await fixture<TinElectionProgress>(
        html`<tin-election-progress lang="en"></tin-election-progress>`,
      );
      expect(textOf(missing, '[part="error"]')).to.equal('Not configured: the plan attribute is missing.');
      expect(
        capture.warnings.filter((w) => w.includes('tin-election-progress')),
        capture.warnings.join(' / '),
      ).to.have.length(2);
      el.plan = seedElectionPlan;
      await el.updateComplete;
      expect(bars(el)).to.have.length(4);
    } finally {
      capture.stop();
    }
  });

  it('fits a 390 px phone with the longest seed strings, at readable line heights', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><tin-election-progress .plan=${seedElectionPlan}></tin-election-progress></div>`,
    );
    const el = wrapper.firstElementChild as TinElectionProgress;
    await el.updateComplete;
    expect(fitsWidth(el)).to.equal(true);
    const ratio = (selector: string) => {
      const style = getComputedStyle(el.shadowRoot!.querySelector(selector)!);
      return parseFloat(style.lineHeight) / parseFloat(style.fontSize);
    };
    expect(ratio('[part="heading"]')).to.be.at.least(1.3);
    expect(ratio('[part="title"]')).to.be.at.least(1.5);
    expect(ratio('.milestone-title')).to.be.at.least(1.5);
  });
});
