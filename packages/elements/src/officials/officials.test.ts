import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Official } from '@bantin/model';
import { officials } from '@bantin/model/fixtures';
import '../define/officials.js';
import { $$, part, warnings, lineHeightRatio } from '../civic/test-helpers.js';
import type { TinOfficials } from './officials.js';

const names = (el: Element) => $$(el, '[part="name"]').map((name) => name.textContent);

describe('tin-officials', () => {
  afterEach(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

  it('lists the leaders of 4/2/2026 in protocol order, with their titles on that day', async () => {
    const el = await fixture<TinOfficials>(
      html`<tin-officials .officials=${officials} at="2026-02-04"></tin-officials>`,
    );
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Lãnh đạo thành phố');
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('2');
    expect(names(el)).to.deep.equal([
      'Nguyễn Duy Ngọc',
      'Nguyễn Văn Phong',
      'Vũ Đại Thắng',
      'Phùng Thị Hồng Hà',
      'Nguyễn Trọng Đông',
      'Trần Thế Cương',
    ]);
    expect($$(el, '[part="titles"]')[0]!.textContent).to.equal('Bí thư Thành ủy, Trưởng ban Chỉ đạo');
    await expect(el).to.be.accessible();
  });

  it('on 28/11/2020 the khóa XVII leaders; equal ranks by given name (Phong before Tuấn)', async () => {
    const el = await fixture<TinOfficials>(
      html`<tin-officials
        .officials=${officials}
        at="2020-11-28"
        heading="Thường trực Thành ủy"
        heading-level="3"
      ></tin-officials>`,
    );
    expect(names(el)).to.deep.equal([
      'Vương Đình Huệ',
      'Nguyễn Thị Tuyến',
      'Chu Ngọc Anh',
      'Nguyễn Thị Bích Ngọc',
      'Ngô Thị Thanh Hằng',
      'Nguyễn Văn Phong',
      'Nguyễn Ngọc Tuấn',
    ]);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Thường trực Thành ủy');
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('3');
  });

  it('ties go by given name first, not family name', async () => {
    const deputy = (id: string, fullName: string): Official => ({
      id,
      fullName,
      positions: [{ title: 'Phó Bí thư Thành ủy' }],
    });
    const el = await fixture<TinOfficials>(
      html`<tin-officials .officials=${[deputy('b', 'Bùi Văn Bình'), deputy('a', 'Trần Văn An')]}></tin-officials>`,
    );
    expect(names(el)).to.deep.equal(['Trần Văn An', 'Bùi Văn Bình']);
  });

  it('`limit` keeps the highest in protocol; the day is read in Vietnam time', async () => {
    await executeServerCommand('emulate-timezone', { timezoneId: 'America/Los_Angeles' });
    // 30/9/2025 17:00 in Los Angeles is 1/10/2025 07:00 in Hà Nội: the new leadership.
    const el = await fixture<TinOfficials>(
      html`<tin-officials .officials=${officials} at="2025-09-30T17:00:00-07:00" limit="2"></tin-officials>`,
    );
    expect(names(el)).to.deep.equal(['Nguyễn Duy Ngọc', 'Nguyễn Văn Phong']);
  });

  it('photos go in a slot per official id', async () => {
    const el = await fixture<TinOfficials>(
      html`<tin-officials .officials=${officials} at="2026-02-04"
        ><img slot="photo-nguyen-duy-ngoc" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="
      /></tin-officials>`,
    );
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="photo-nguyen-duy-ngoc"]')!;
    expect(slot.assignedElements()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('nobody in office that day: the empty state, in the language asked for', async () => {
    const el = await fixture<TinOfficials>(
      html`<tin-officials .officials=${officials} at="2010-01-01" lang="en"></tin-officials>`,
    );
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('City leaders');
    expect(part(el, 'empty')!.textContent).to.equal('Nobody held a position on 01/01/2010.');
    await expect(el).to.be.accessible();
  });

  it('one invalid official is skipped with one warning; the others are shown', async () => {
    const broken = { id: 'x', fullName: '', positions: [{ title: 'Bí thư Thành ủy' }] };
    let el!: TinOfficials;
    const seen = await warnings(async () => {
      el = await fixture<TinOfficials>(
        // Deliberately not Official[]: what a page's script may really pass.
        html`<tin-officials
          .officials=${[...officials, broken, { nonsense: true }] as unknown as Official[]}
          at="2026-02-04"
        ></tin-officials>`,
      );
    });
    expect(names(el)).to.have.length(6);
    expect(seen).to.deep.equal(['[bantin] <tin-officials>: skipped 2 invalid officials.']);
  });

  it('takes a JSON child; a non-array, or nothing at all, shows the error state naming the property', async () => {
    const fromScript = await fixture<TinOfficials>(
      html`<tin-officials at="2026-02-04"
        ><script type="application/json">
          ${JSON.stringify(officials)}
        </script></tin-officials
      >`,
    );
    expect(names(fromScript)).to.have.length(6);
    let missing!: TinOfficials;
    let notList!: TinOfficials;
    await warnings(async () => {
      missing = await fixture<TinOfficials>(html`<tin-officials></tin-officials>`);
      notList = await fixture<TinOfficials>(
        html`<tin-officials
          ><script type="application/json">
            { "id": "a" }
          </script></tin-officials
        >`,
      );
    });
    expect(part(missing, 'error')!.textContent).to.contain('officials');
    expect(part(notList, 'error')!.textContent).to.contain('Dữ liệu không hợp lệ');
    await expect(missing).to.be.accessible();
  });

  it('follows a lang change on an ancestor at run time', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="vi"><tin-officials .officials=${officials} at="2026-02-04"></tin-officials></div>`,
    );
    const el = wrapper.querySelector('tin-officials')!;
    await el.updateComplete;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Lãnh đạo thành phố');
    wrapper.lang = 'en';
    await waitUntil(() => part(el, 'heading')!.textContent!.trim() === 'City leaders', 'the heading turns English');
  });

  it('fits a 390 px phone', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><tin-officials .officials=${officials} at="2020-11-28"></tin-officials></div>`,
    );
    const el = wrapper.querySelector('tin-officials')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    expect(lineHeightRatio(part(el, 'heading')!)).to.be.at.least(1.3);
  });
});
