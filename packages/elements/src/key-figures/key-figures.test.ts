import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Target } from '@bantin/model';
import { seedMeeting } from '@bantin/model/fixtures';
import '../define/key-figures.js';
import { $$, lineHeightRatio, part, warnings } from '../civic/test-helpers.js';
import type { TinKeyFigures } from './key-figures.js';

const targets = seedMeeting.targets;
const visible = (el: Element) =>
  $$(el, '[part="figure"]').map((figure) =>
    [...figure.childNodes]
      .filter((node) => node.nodeType !== Node.COMMENT_NODE)
      .filter((node) => !(node instanceof HTMLElement && node.classList.contains('visually-hidden')))
      .map((node) => node.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim(),
  );

describe('tin-key-figures', () => {
  it('shows the seed figures as tiles, in Vietnamese number formatting, under the year’s heading', async () => {
    const el = await fixture<TinKeyFigures>(html`<tin-key-figures .targets=${targets}></tin-key-figures>`);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Các chỉ tiêu chủ yếu năm 2021');
    expect(visible(el)).to.deep.equal([
      'khoảng 7,5%',
      'khoảng 135 triệu đồng (≈ 5.870 USD)',
      '▼ giảm 20%',
      '▲ +85 trường',
      '85%',
      '▲ +14 xã',
    ]);
    expect($$(el, '[part="indicator"]')[0]!.textContent).to.equal('Tốc độ tăng trưởng');
    expect($$(el, '[part="year"]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says an increase or decrease in words to screen readers; the arrows are hidden from them', async () => {
    const el = await fixture<TinKeyFigures>(html`<tin-key-figures .targets=${targets}></tin-key-figures>`);
    const tile = $$(el, '[part="tile"]')[3]!;
    expect(tile.dataset.change).to.equal('increase');
    expect(tile.querySelector('.visually-hidden')!.textContent).to.equal('tăng thêm 85 trường');
    expect(tile.querySelector('[part="arrow"]')!.closest('[aria-hidden="true"]')).to.not.equal(null);
    const decrease = $$(el, '[part="tile"]')[2]!;
    expect(decrease.querySelector('.visually-hidden')!.textContent).to.equal('giảm 20%');
    const plain = $$(el, '[part="tile"]')[4]!;
    expect(plain.querySelector('[aria-hidden]')).to.equal(null);
  });

  it('English: English number formatting and words', async () => {
    const el = await fixture<TinKeyFigures>(html`<tin-key-figures lang="en" .targets=${targets}></tin-key-figures>`);
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Key figures for 2021');
    expect(visible(el)[1]).to.equal('about 135 million đồng (≈ 5,870 USD)');
    expect($$(el, '.visually-hidden')[2]!.textContent).to.equal('up 85 trường');
  });

  it('targets of different years carry their year; `limit` and `heading` apply', async () => {
    const mixed: Target[] = [targets[0]!, { ...targets[5]!, year: 2025 }, targets[4]!];
    const el = await fixture<TinKeyFigures>(
      html`<tin-key-figures .targets=${mixed} heading="Mục tiêu" heading-level="3" limit="2"></tin-key-figures>`,
    );
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('Mục tiêu');
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('3');
    expect($$(el, '[part="year"]').map((year) => year.textContent)).to.deep.equal(['Năm 2021', 'Năm 2025']);
    expect($$(el, '[part="tile"]')).to.have.length(2);
  });

  it('no figures: the empty state', async () => {
    const el = await fixture<TinKeyFigures>(html`<tin-key-figures .targets=${[]}></tin-key-figures>`);
    expect(part(el, 'empty')!.textContent).to.equal('Chưa có chỉ tiêu nào.');
    await expect(el).to.be.accessible();
  });

  it('takes a JSON child holding the array or the meeting', async () => {
    const fromArray = await fixture<TinKeyFigures>(
      html`<tin-key-figures
        ><script type="application/json">
          ${JSON.stringify(targets)}
        </script></tin-key-figures
      >`,
    );
    expect($$(fromArray, '[part="tile"]')).to.have.length(6);
    const fromMeeting = await fixture<TinKeyFigures>(
      html`<tin-key-figures
        ><script type="application/json">
          ${JSON.stringify(seedMeeting)}
        </script></tin-key-figures
      >`,
    );
    expect($$(fromMeeting, '[part="tile"]')).to.have.length(6);
  });

  it('invalid targets in the JSON child fire tin-key-figures-invalid-items', async () => {
    const heard = oneEvent(document, 'tin-key-figures-invalid-items');
    let el!: TinKeyFigures;
    await warnings(async () => {
      el = await fixture<TinKeyFigures>(
        html`<tin-key-figures
          ><script type="application/json">
            ${JSON.stringify([...targets, { indicator: '' }])}
          </script></tin-key-figures
        >`,
      );
    });
    expect((await heard).detail.count).to.equal(1);
    expect($$(el, '[part="tile"]')).to.have.length(6);
  });

  it('an invalid target is skipped with one warning; missing data names the property', async () => {
    let el!: TinKeyFigures;
    let missing!: TinKeyFigures;
    const seen = await warnings(async () => {
      el = await fixture<TinKeyFigures>(
        html`<tin-key-figures
          .targets=${[...targets, { indicator: 'x', value: 'nhiều', unit: '' }]}
        ></tin-key-figures>`,
      );
      missing = await fixture<TinKeyFigures>(html`<tin-key-figures></tin-key-figures>`);
    });
    expect($$(el, '[part="tile"]')).to.have.length(6);
    expect(seen[0]).to.equal('[bantin] <tin-key-figures>: skipped 1 invalid targets.');
    expect(part(missing, 'error')!.textContent).to.contain('targets');
    expect(seen[1]).to.contain('targets');
    await expect(missing).to.be.accessible();
  });

  it('fits a 390 px phone, with room for stacked diacritics', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 390px"><tin-key-figures .targets=${targets}></tin-key-figures></div>`,
    );
    const el = wrapper.querySelector('tin-key-figures')!;
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(390);
    expect(lineHeightRatio($$(el, '[part="indicator"]')[0]!)).to.be.at.least(1.5);
    expect(lineHeightRatio($$(el, '[part="figure"]')[0]!)).to.be.at.least(1.3);
  });
});

describe('tin-key-figures over server-rendered shadow DOM', () => {
  it('takes over the declarative shadow root instead of rendering a second copy', async () => {
    const host = document.createElement('div');
    host.setHTMLUnsafe(
      `<tin-key-figures><template shadowrootmode="open"><p part="heading">bản của máy chủ</p></template><script type="application/json">${JSON.stringify(targets)}</script></tin-key-figures>`,
    );
    document.body.append(host);
    try {
      const el = host.querySelector<TinKeyFigures>('tin-key-figures')!;
      await el.updateComplete;
      expect($$(el, '[part="heading"]')).to.have.length(1);
      expect(el.shadowRoot!.textContent).to.not.contain('bản của máy chủ');
      expect($$(el, '[part="tile"]')).to.have.length(6);
    } finally {
      host.remove();
    }
  });
});
