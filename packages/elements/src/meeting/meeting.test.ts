import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import type { Meeting } from '@bantin/model';
import { officials, seedMeeting } from '@bantin/model/fixtures';
import '../define/meeting.js';
import { $$, lineHeightRatio, part, warnings } from '../civic/test-helpers.js';
import type { TinMeeting } from './meeting.js';

const texts = (el: Element, selector: string) =>
  $$(el, selector).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

describe('tin-meeting', () => {
  afterEach(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

  it('summarises the seed meeting: heading, date, time and place, chairs with their 2020 titles', async () => {
    const el = await fixture<TinMeeting>(
      html`<tin-meeting .meeting=${seedMeeting} .officials=${officials}></tin-meeting>`,
    );
    expect(part(el, 'heading')!.textContent!.trim()).to.equal(
      'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố (khóa XVII)',
    );
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('2');
    expect(texts(el, '[part="details"] dd')).to.deep.equal(['Thứ Bảy, 28/11/2020, 08:00', 'Trụ sở Thành ủy Hà Nội']);
    const chairs = texts(el, '[part="chairs"] > li');
    expect(chairs).to.have.length(5);
    expect(chairs[0]).to.equal(
      'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ',
    );
    // Titles are those of the meeting's day, not today's: Phong was then Phó Bí thư, not Thường trực.
    expect(chairs[4]).to.equal('Phó Bí thư Thành ủy Nguyễn Văn Phong');
    expect(texts(el, '[part="subheading"]')).to.deep.equal(['Chủ trì', 'Tham dự', 'Nội dung', 'Chỉ tiêu năm 2021']);
    expect(part(el, 'subheading')!.getAttribute('aria-level')).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('lists named attendees with titles, then the attendee groups', async () => {
    const el = await fixture<TinMeeting>(
      html`<tin-meeting .meeting=${seedMeeting} .officials=${officials}></tin-meeting>`,
    );
    const attendees = texts(el, '[part="attendees"] > li');
    expect(attendees[0]).to.equal(
      'Ủy viên Trung ương Đảng theo dõi, hướng dẫn Đảng bộ thành phố Hà Nội Ngô Thị Thanh Hằng',
    );
    expect(attendees[1]).to.equal('Chủ tịch HĐND Thành phố Nguyễn Thị Bích Ngọc');
    expect(attendees.slice(2)).to.deep.equal(seedMeeting.attendeeGroups);
  });

  it('groups the agenda by outcome in report order', async () => {
    const discussed: Meeting = {
      ...seedMeeting,
      agenda: [...seedMeeting.agenda, { title: 'Công tác cán bộ', outcome: 'discussed' }],
    };
    const el = await fixture<TinMeeting>(
      html`<tin-meeting .meeting=${discussed} .officials=${officials}></tin-meeting>`,
    );
    expect(texts(el, '[part="outcome"]')).to.deep.equal(['Thông qua', 'Thảo luận', 'Cho ý kiến', 'Quyết nghị']);
    expect($$(el, '[part="agenda"]').map((list) => list.children.length)).to.deep.equal([4, 1, 6, 1]);
    expect(part(el, 'outcome')!.getAttribute('aria-level')).to.equal('4');
  });

  it('shows the figures as tiles; a meeting with no targets has no figures section', async () => {
    const el = await fixture<TinMeeting>(
      html`<tin-meeting .meeting=${seedMeeting} .officials=${officials}></tin-meeting>`,
    );
    expect($$(el, '[part="tile"]')).to.have.length(6);
    expect(el.shadowRoot!.querySelector('[data-change="decrease"] .visually-hidden')!.textContent).to.equal('giảm 20%');
    const none = await fixture<TinMeeting>(
      html`<tin-meeting .meeting=${{ ...seedMeeting, targets: [] }} .officials=${officials}></tin-meeting>`,
    );
    expect(part(none, 'tiles')).to.equal(null);
    expect(texts(none, '[part="subheading"]')).to.not.include('Chỉ tiêu năm 2021');
    await expect(none).to.be.accessible();
  });

  it('writes the date in Vietnam time, whatever the reader’s zone; English labels under lang="en"', async () => {
    await executeServerCommand('emulate-timezone', { timezoneId: 'America/New_York' });
    expect(new Date(seedMeeting.startAt).getDate(), 'the page runs in New York').to.equal(27);
    const el = await fixture<TinMeeting>(
      html`<tin-meeting lang="en" .meeting=${seedMeeting} .officials=${officials} heading-level="3"></tin-meeting>`,
    );
    expect(texts(el, '[part="details"] dd')[0]).to.equal('Saturday, 28 November 2020, 08:00');
    expect(texts(el, '[part="subheading"]')).to.deep.equal(['Chaired by', 'Attended by', 'Agenda', 'Targets for 2021']);
    expect(part(el, 'subheading')!.getAttribute('aria-level')).to.equal('4');
    await expect(el).to.be.accessible();
  });

  it('takes `{ meeting, officials }` or the meeting alone from a JSON child', async () => {
    const both = await fixture<TinMeeting>(
      html`<tin-meeting
        ><script type="application/json">
          ${JSON.stringify({ meeting: seedMeeting, officials })}
        </script></tin-meeting
      >`,
    );
    expect($$(both, '[part="chairs"] > li')).to.have.length(5);
    let alone!: TinMeeting;
    const seen = await warnings(async () => {
      alone = await fixture<TinMeeting>(
        html`<tin-meeting
          ><script type="application/json">
            ${JSON.stringify(seedMeeting)}
          </script></tin-meeting
        >`,
      );
    });
    expect(part(alone, 'heading')!.textContent).to.contain('Hội nghị lần thứ 2');
    expect(part(alone, 'chairs'), 'no officials given: no chairs to name').to.equal(null);
    expect(seen).to.deep.equal(['[bantin] <tin-meeting>: 7 chairs or attendees are not among `officials`; left out.']);
  });

  it('an invalid meeting shows the error state naming the field; an invalid target is skipped', async () => {
    let broken!: TinMeeting;
    let oneBadTarget!: TinMeeting;
    let missing!: TinMeeting;
    const seen = await warnings(async () => {
      broken = await fixture<TinMeeting>(
        html`<tin-meeting .meeting=${{ ...seedMeeting, startAt: 'sáng 28/11' }} .officials=${officials}></tin-meeting>`,
      );
      oneBadTarget = await fixture<TinMeeting>(
        html`<tin-meeting
          .meeting=${{ ...seedMeeting, targets: [...seedMeeting.targets, { indicator: '' }] }}
          .officials=${officials}
        ></tin-meeting>`,
      );
      missing = await fixture<TinMeeting>(html`<tin-meeting></tin-meeting>`);
    });
    expect(part(broken, 'error')!.textContent).to.contain('startAt');
    expect($$(oneBadTarget, '[part="tile"]')).to.have.length(6);
    expect(part(missing, 'error')!.textContent).to.contain('meeting');
    expect(seen).to.have.length(3);
    expect(seen[1]).to.equal('[bantin] <tin-meeting>: skipped 1 invalid targets.');
    await expect(broken).to.be.accessible();
  });

  it('a JSON child with one invalid target: the figure is skipped and reported, not an error', async () => {
    const events: string[] = [];
    const seen = await warnings(async () => {
      const el = document.createElement('tin-meeting') as TinMeeting;
      for (const type of ['tin-meeting-error', 'tin-meeting-invalid-items'])
        el.addEventListener(type, (event) => events.push(`${type} ${JSON.stringify((event as CustomEvent).detail)}`));
      const data = { meeting: { ...seedMeeting, targets: [...seedMeeting.targets, { indicator: '' }] }, officials };
      el.innerHTML = `<script type="application/json">${JSON.stringify(data)}</script>`;
      document.body.append(el);
      await el.updateComplete;
      expect($$(el, '[part="tile"]')).to.have.length(6);
      expect(part(el, 'error')).to.equal(null);
      el.remove();
    });
    expect(events).to.deep.equal(['tin-meeting-invalid-items {"count":1}']);
    expect(seen).to.deep.equal(['[bantin] <tin-meeting>: skipped 1 invalid targets.']);
  });

  it('fits a 390 px phone with the longest agenda titles, with room for stacked diacritics', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px">
        <tin-meeting .meeting=${seedMeeting} .officials=${officials}></tin-meeting>
      </div>`,
    );
    const el = wrapper.querySelector('tin-meeting')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    expect(lineHeightRatio($$(el, '[part="agenda"] li')[0]!)).to.be.at.least(1.5);
    expect(lineHeightRatio(part(el, 'heading')!)).to.be.at.least(1.3);
    expect(lineHeightRatio(part(el, 'subheading')!)).to.be.at.least(1.3);
  });
});
