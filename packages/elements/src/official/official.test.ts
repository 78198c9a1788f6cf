import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Official } from '@bantin/model';
import { officials } from '@bantin/model/fixtures';
import '../define/official.js';
import { part, warnings, lineHeightRatio } from '../civic/test-helpers.js';
import type { TinOfficial } from './official.js';

const byId = (id: string) => officials.find((official) => official.id === id)!;
const hue = byId('vuong-dinh-hue');
const phong = byId('nguyen-van-phong');
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('tin-official', () => {
  afterEach(() => executeServerCommand('emulate-timezone', { timezoneId: '' }));

  it('writes the titles held at the meeting, in the news order, then the name', async () => {
    const el = await fixture<TinOfficial>(html`<tin-official .official=${hue} at="2020-11-28"></tin-official>`);
    expect(text(el)).to.equal(
      'Ủy viên Bộ Chính trị, Bí thư Thành ủy, Trưởng đoàn Đại biểu Quốc hội Thành phố Vương Đình Huệ',
    );
    expect(part(el, 'name')!.textContent).to.equal('Vương Đình Huệ');
    await expect(el).to.be.accessible();
  });

  it('titles are time-bound: the same person, two titles, five years apart', async () => {
    const el = await fixture<TinOfficial>(html`<tin-official .official=${phong} at="2020-11-28"></tin-official>`);
    expect(part(el, 'titles')!.textContent).to.equal('Phó Bí thư Thành ủy');
    el.at = '2026-02-04';
    await el.updateComplete;
    expect(part(el, 'titles')!.textContent).to.equal('Phó Bí thư Thường trực Thành ủy, Phó Trưởng ban Chỉ đạo');
  });

  it('reads the day in Vietnam time, whatever the reader’s zone', async () => {
    await executeServerCommand('emulate-timezone', { timezoneId: 'America/New_York' });
    // 30/9/2025 20:00 in New York is already 1/10/2025 in Hà Nội, the first day of the new titles.
    const at = '2025-09-30T20:00:00-04:00';
    expect(new Date(at).getDate(), 'the page runs in New York').to.equal(30);
    const el = await fixture<TinOfficial>(html`<tin-official .official=${phong} at=${at}></tin-official>`);
    expect(part(el, 'titles')!.textContent).to.equal('Phó Bí thư Thường trực Thành ủy');
    const frozen = await fixture<TinOfficial>(
      html`<tin-official .official=${phong} .now=${new Date(at)} layout="card"></tin-official>`,
    );
    expect(part(frozen, 'titles')!.textContent).to.equal('Phó Bí thư Thường trực Thành ủy');
  });

  it('an official with no current position: the name alone inline, a note on the card', async () => {
    const now = new Date('2026-02-04T09:00:00+07:00');
    const inline = await fixture<TinOfficial>(html`<tin-official .official=${hue} .now=${now}></tin-official>`);
    expect(text(inline)).to.equal('Vương Đình Huệ');
    expect(part(inline, 'titles')).to.equal(null);
    const card = await fixture<TinOfficial>(
      html`<tin-official .official=${hue} .now=${now} layout="card"
        ><img slot="photo" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="
      /></tin-official>`,
    );
    expect(part(card, 'no-position')!.textContent).to.equal('Không giữ chức vụ nào vào ngày 04/02/2026');
    await expect(card).to.be.accessible();
    card.lang = 'en';
    await card.updateComplete;
    expect(part(card, 'no-position')!.textContent).to.equal('Held no position on 04/02/2026');
  });

  it('the card shows the slotted photo beside the name and titles', async () => {
    const el = await fixture<TinOfficial>(
      html`<tin-official .official=${hue} at="2020-11-28" layout="card"
        ><img slot="photo" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="
      /></tin-official>`,
    );
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="photo"]')!;
    expect(slot.assignedElements()).to.have.length(1);
    const photo = el.querySelector('img')!.getBoundingClientRect();
    const name = part(el, 'name')!.getBoundingClientRect();
    expect(photo.right).to.be.at.most(name.left);
    await expect(el).to.be.accessible();
  });

  it('takes its data from a child <script type="application/json">', async () => {
    const el = await fixture<TinOfficial>(
      html`<tin-official at="2020-11-28"
        ><script type="application/json">
          ${JSON.stringify(hue)}
        </script></tin-official
      >`,
    );
    expect(part(el, 'name')!.textContent).to.equal('Vương Đình Huệ');
    expect(part(el, 'titles')!.textContent).to.contain('Bí thư Thành ủy');
  });

  it('invalid data shows the error state naming the field, warns once and never throws', async () => {
    const broken = { ...hue, positions: [{ title: '' }] } as Official;
    let el!: TinOfficial;
    const seen = await warnings(async () => {
      el = await fixture<TinOfficial>(html`<tin-official .official=${broken}></tin-official>`);
      el.requestUpdate();
      await el.updateComplete;
    });
    expect(part(el, 'error')!.textContent).to.contain('Dữ liệu không hợp lệ').and.contain('positions[0].title');
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('positions[0].title');
    await expect(el).to.be.accessible();
  });

  it('a JSON child that is not JSON shows the error state and fires tin-official-error', async () => {
    const heard = oneEvent(document, 'tin-official-error');
    let el!: TinOfficial;
    await warnings(async () => {
      el = await fixture<TinOfficial>(
        html`<tin-official
          ><script type="application/json">
            { "id":
          </script></tin-official
        >`,
      );
    });
    const event = await heard;
    expect(event.detail.error.message).to.contain('JSON');
    expect(part(el, 'error')!.textContent).to.contain('<script type="application/json">');
  });

  it('missing data names the property; a bad `at` names the attribute', async () => {
    let missing!: TinOfficial;
    let badDate!: TinOfficial;
    const seen = await warnings(async () => {
      missing = await fixture<TinOfficial>(html`<tin-official></tin-official>`);
      badDate = await fixture<TinOfficial>(html`<tin-official .official=${hue} at="hôm qua"></tin-official>`);
    });
    expect(part(missing, 'error')!.textContent).to.contain('official');
    expect(part(badDate, 'error')!.textContent).to.contain('at').and.contain('hôm qua');
    expect(seen.join('\n')).to.contain('official').and.contain('hôm qua');
  });

  it('fits a 390 px phone with the longest seed titles, with room for stacked diacritics', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px">
        <tin-official .official=${byId('ngo-thi-thanh-hang')} at="2020-11-28" layout="card"></tin-official>
      </div>`,
    );
    const el = wrapper.querySelector('tin-official')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    expect(lineHeightRatio(part(el, 'titles')!)).to.be.at.least(1.5);
    expect(lineHeightRatio(part(el, 'name')!)).to.be.at.least(1.3);
  });

  it('follows the --tin-* tokens, so the dark theme applies', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--tin-color-text: rgb(240, 240, 240); --tin-color-text-muted: rgb(200, 200, 200)">
        <tin-official .official=${hue} at="2020-11-28" layout="card"></tin-official>
      </div>`,
    );
    const el = wrapper.querySelector('tin-official')!;
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'name')!).color).to.equal('rgb(240, 240, 240)');
    expect(getComputedStyle(part(el, 'titles')!).color).to.equal('rgb(200, 200, 200)');
  });
});
