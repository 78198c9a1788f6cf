import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { ArticleSummary } from '@bantin/model';
import '../define/article-card.js';
import { captureWarnings } from '../../test/capture-warnings.js';
import type { TinArticleCard } from './article-card.js';

// Real strings from the seed article of the Hà Nội portal.
const TITLE = 'Hội nghị lần thứ 2 Ban Chấp hành Đảng bộ Thành phố thảo luận nhiều nội dung quan trọng';
const TITLE_2 = 'Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội';
const SAPO =
  'Ban Chấp hành Đảng bộ Thành phố họp bàn, thông qua Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố, Ban Thường vụ Thành ủy và Thường trực Thành ủy khóa XVII, nhiệm kỳ 2020-2025; thông qua Chương trình công tác toàn khóa của Ban Chấp hành Đảng bộ Thành phố khóa XVII...';
const CATEGORY = 'Tin tức thành phố Hà Nội';
const XSS = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>';

/** A day and an hour ago, so the meta line reads "1 ngày trước" whenever the test runs. */
const dayAgo = () => new Date(Date.now() - 25 * 3600_000).toISOString();

function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: 'hoi-nghi-lan-thu-2',
    slug: 'hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho',
    title: TITLE,
    sapo: SAPO,
    url: '/tin-tuc/hoi-nghi-lan-thu-2',
    category: { id: 'tin-tuc-thanh-pho', slug: 'tin-tuc-thanh-pho-ha-noi', name: CATEGORY },
    cover: {
      src: '/anh/hoi-nghi-lan-thu-2.jpg',
      alt: 'Các đại biểu thông qua nội dung, chương trình hội nghị',
      width: 640,
      height: 360,
    },
    publishedAt: dayAgo(),
    viewCount: 414,
    ...overrides,
  };
}

const $ = <E extends Element = HTMLElement>(el: TinArticleCard, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** What a slot shows: its assigned elements' text, else its fallback content. */
function shown(el: TinArticleCard, name: string): string {
  const slot = $<HTMLSlotElement>(el, `slot[name=${name}]`)!;
  const assigned = slot.assignedElements();
  return assigned.length ? assigned.map(text).join(' ') : text(slot);
}
async function timeText(el: TinArticleCard): Promise<string> {
  const time = $(el, 'tin-time') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
  await time?.updateComplete;
  return text(time?.shadowRoot?.querySelector('time'));
}

describe('tin-article-card', () => {
  const warnings = captureWarnings();
  afterEach(() => {
    delete (window as { __xss?: unknown }).__xss;
  });

  describe('from plain HTML', () => {
    it('wraps the slotted title in the one link and shows the meta line from attributes', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card href="/tin-tuc/hoi-nghi-lan-thu-2" datetime=${dayAgo()} category=${CATEGORY} views="414">
          <span slot="title">${TITLE}</span>
          <img slot="image" src="/anh/x.jpg" alt="" width="640" height="360" />
          <p slot="sapo">${SAPO}</p>
        </tin-article-card>`,
      );
      const links = el.shadowRoot!.querySelectorAll('a');
      expect(links).to.have.length(1);
      expect(links[0]!.getAttribute('href')).to.equal('/tin-tuc/hoi-nghi-lan-thu-2');
      expect(links[0]!.querySelector('slot[name=title]')).to.not.equal(null);
      expect(shown(el, 'title')).to.equal(TITLE);
      expect(shown(el, 'sapo')).to.equal(SAPO);
      expect($<HTMLSlotElement>(el, 'slot[name=image]')!.assignedElements()).to.have.length(1);
      // The text stays in the light DOM, where crawlers read it.
      expect(el.querySelector('[slot=title]')!.textContent).to.equal(TITLE);
      expect(text($(el, '[part=category]'))).to.equal(CATEGORY);
      expect(await timeText(el)).to.equal('1 ngày trước');
      expect(text($(el, '[part=views]'))).to.equal('414 lượt xem');
      expect($(el, '[part=title][role=heading][aria-level="3"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('renders hostile attribute values as text', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card href="/a" category=${XSS}><span slot="title">${TITLE}</span></tin-article-card>`,
      );
      expect(text($(el, '[part=category]'))).to.equal(XSS);
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    for (const href of [
      'javascript:alert(1)',
      ' java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
    ]) {
      it(`makes no link of ${JSON.stringify(href)}`, async () => {
        const el = await fixture<TinArticleCard>(
          html`<tin-article-card href=${href}><span slot="title">${TITLE}</span></tin-article-card>`,
        );
        expect(el.shadowRoot!.querySelector('a')).to.equal(null);
        expect(shown(el, 'title')).to.equal(TITLE);
        await expect(el).to.be.accessible();
      });
    }

    it('leaves out the meta line when there is nothing to put in it', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card href="/a"><span slot="title">${TITLE_2}</span></tin-article-card>`,
      );
      expect($(el, '[part=meta]')).to.equal(null);
    });
  });

  describe('from .article', () => {
    it('renders title, sapo, cover, category, date and views itself', async () => {
      const el = await fixture<TinArticleCard>(html`<tin-article-card .article=${summary()}></tin-article-card>`);
      expect(text($(el, 'a'))).to.equal(TITLE);
      expect($(el, 'a')!.getAttribute('href')).to.equal('/tin-tuc/hoi-nghi-lan-thu-2');
      expect(text($(el, '[part=sapo]'))).to.equal(SAPO);
      const img = $<HTMLImageElement>(el, 'img[part=image]')!;
      expect(img.getAttribute('src')).to.equal('/anh/hoi-nghi-lan-thu-2.jpg');
      expect(img.alt).to.equal('Các đại biểu thông qua nội dung, chương trình hội nghị');
      expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['640', '360']);
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(text($(el, '[part=category]'))).to.equal(CATEGORY);
      expect(await timeText(el)).to.equal('1 ngày trước');
      expect(text($(el, '[part=views]'))).to.equal('414 lượt xem');
      expect(warnings).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('lets slots and attributes win over the article', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card .article=${summary()} category="Thời sự" views="5870" href="/khac">
          <span slot="title">${TITLE_2}</span>
        </tin-article-card>`,
      );
      expect(shown(el, 'title')).to.equal(TITLE_2);
      expect(text($(el, '[part=category]'))).to.equal('Thời sự');
      expect(text($(el, '[part=views]'))).to.equal('5,9 nghìn lượt xem');
      expect($(el, 'a')!.getAttribute('href')).to.equal('/khac');
      // Parts the page did not fill still come from the article.
      expect(shown(el, 'sapo')).to.equal(SAPO);
      expect($(el, 'img[part=image]')).to.not.equal(null);
    });

    it('renders hostile article text as text', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card
          .article=${summary({
            title: XSS,
            sapo: XSS,
            category: { id: 'x', slug: 'x', name: XSS },
            cover: { src: '/anh/a.jpg', alt: '"><img src=x onerror=window.__xss=3>', width: 4, height: 3 },
          })}
        ></tin-article-card>`,
      );
      expect(text($(el, 'a'))).to.equal(XSS);
      expect(text($(el, '[part=sapo]'))).to.equal(XSS);
      expect(text($(el, '[part=category]'))).to.equal(XSS);
      expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(1);
      expect(el.shadowRoot!.querySelector('script')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('ignores an invalid article with a warning naming the field', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card
          .article=${summary({ url: 'javascript:alert(1)', publishedAt: '28/11/2020' })}
        ></tin-article-card>`,
      );
      expect(el.shadowRoot!.querySelector('a, img, [part=meta]')).to.equal(null);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('`url`').and.to.contain('`publishedAt`');

      el.article = summary();
      await el.updateComplete;
      expect(text($(el, 'a'))).to.equal(TITLE);
      expect(warnings).to.have.length(1);
    });

    it('speaks English under lang="en"', async () => {
      const wrapper = fixtureSync(
        html`<div lang="en"><tin-article-card .article=${summary({ viewCount: 1234 })}></tin-article-card></div>`,
      );
      const el = wrapper.querySelector('tin-article-card')!;
      await el.updateComplete;
      expect(text($(el, '[part=views]'))).to.equal('1.2K views');
      expect(await timeText(el)).to.equal('1 day ago');
    });
  });

  describe('layout', () => {
    const bodyBelowImage = (el: TinArticleCard) => {
      const image = $(el, 'img[part=image]')!.getBoundingClientRect();
      const body = $(el, '[part=body]')!.getBoundingClientRect();
      return body.top >= image.bottom - 1;
    };

    it('reflects the default vertical layout and stacks image over body', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card style="width: 600px" .article=${summary()}></tin-article-card>`,
      );
      expect(el.getAttribute('layout')).to.equal('vertical');
      expect(bodyBelowImage(el)).to.equal(true);
    });

    it('puts the image beside the body when horizontal, and falls back to vertical when narrow', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card layout="horizontal" style="width: 700px" .article=${summary()}></tin-article-card>`,
      );
      const image = $(el, 'img[part=image]')!.getBoundingClientRect();
      const body = $(el, '[part=body]')!.getBoundingClientRect();
      expect(body.left).to.be.greaterThan(image.right - 1);
      expect(Math.abs(body.top - image.top)).to.be.lessThan(2);

      el.style.width = '320px';
      expect(bodyBelowImage(el)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('lets a wide slotted image shrink beside the body when horizontal', async () => {
      // A 1200px-wide <img> once kept its intrinsic width as its flex minimum and pushed the body below.
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card layout="horizontal" style="width: 768px" href="/a">
          <img slot="image" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" width="1200" height="800" />
          <span slot="title">${TITLE}</span>
        </tin-article-card>`,
      );
      const image = el.querySelector('img')!.getBoundingClientRect();
      const body = $(el, '[part=body]')!.getBoundingClientRect();
      expect(image.width).to.be.lessThan(384);
      expect(body.left).to.be.greaterThan(image.right - 1);
    });

    it('shows only title and meta when compact, slotted or not', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card layout="compact" .article=${summary()}>
          <p slot="sapo">${SAPO}</p>
        </tin-article-card>`,
      );
      for (const name of ['image', 'sapo']) {
        const slot = $(el, `slot[name=${name}]`)!;
        expect(getComputedStyle(slot).display).to.equal('none');
      }
      expect(el.querySelector('[slot=sapo]')!.getBoundingClientRect().height).to.equal(0);
      expect($(el, 'img')!.getBoundingClientRect().height).to.equal(0);
      expect(text($(el, 'a'))).to.equal(TITLE);
      expect($(el, '[part=meta]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('sets a bigger title when featured', async () => {
      const plain = await fixture<TinArticleCard>(html`<tin-article-card .article=${summary()}></tin-article-card>`);
      const featured = await fixture<TinArticleCard>(
        html`<tin-article-card layout="featured" .article=${summary()}></tin-article-card>`,
      );
      const size = (el: TinArticleCard) => parseFloat(getComputedStyle($(el, '.title')!).fontSize);
      expect(size(featured)).to.be.greaterThan(size(plain));
      await expect(featured).to.be.accessible();
    });

    it('reserves the cover box before the image loads', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card style="width: 400px" .article=${summary()}></tin-article-card>`,
      );
      const img = $<HTMLImageElement>(el, 'img[part=image]')!;
      const box = img.getBoundingClientRect();
      expect(img.complete && img.naturalWidth > 0).to.equal(false);
      expect(box.width).to.be.closeTo(400, 1);
      expect(box.height).to.be.closeTo((400 * 360) / 640, 1);
    });

    it('clamps the sapo to 3 lines, or to sapo-lines, or to the custom property', async () => {
      const clamp = (el: TinArticleCard) => getComputedStyle($(el, '[part=sapo]')!).webkitLineClamp;
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card style="width: 240px" .article=${summary()}></tin-article-card>`,
      );
      expect(clamp(el)).to.equal('3');
      const sapo = $(el, '[part=sapo]')!;
      const lineHeight = parseFloat(getComputedStyle(sapo).lineHeight);
      expect(sapo.getBoundingClientRect().height).to.be.closeTo(3 * lineHeight, 2);

      el.style.setProperty('--tin-article-card-sapo-lines', '4');
      expect(clamp(el)).to.equal('4');
      el.sapoLines = 2;
      await el.updateComplete;
      expect(clamp(el)).to.equal('2');

      const slotted = await fixture<TinArticleCard>(
        html`<tin-article-card sapo-lines="1"><p slot="sapo">${SAPO}</p></tin-article-card>`,
      );
      expect(getComputedStyle(slotted.querySelector('[slot=sapo]')!).webkitLineClamp).to.equal('1');
    });

    it('gives long Vietnamese titles room for stacked diacritics', async () => {
      for (const title of [TITLE, TITLE_2]) {
        for (const layout of ['vertical', 'horizontal', 'compact', 'featured']) {
          const el = await fixture<TinArticleCard>(
            html`<tin-article-card
              style="width: 280px"
              layout=${layout}
              .article=${summary({ title })}
            ></tin-article-card>`,
          );
          const heading = $(el, '.title')!;
          const style = getComputedStyle(heading);
          expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).to.be.at.least(1.3);
          expect(heading.scrollHeight).to.be.at.most(heading.clientHeight + 1);
          expect(text(heading)).to.equal(title);
        }
      }
    });
  });

  describe('the card is one link', () => {
    it('stretches the title link over the whole card, with one tab stop', async () => {
      const el = await fixture<TinArticleCard>(
        html`<tin-article-card style="width: 400px" .article=${summary()}></tin-article-card>`,
      );
      const link = $(el, 'a')!;
      for (const part of ['img[part=image]', '[part=sapo]', '[part=meta]']) {
        const box = $(el, part)!.getBoundingClientRect();
        expect(el.shadowRoot!.elementFromPoint(box.left + 5, box.top + box.height / 2)).to.equal(link);
      }
      const focusable = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].filter((node) => node.tabIndex >= 0);
      expect(focusable).to.deep.equal([link]);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(link);
      const outline = getComputedStyle(link, '::after');
      expect(outline.outlineStyle).to.equal('solid');
    });
  });
});

describe('tin-article-card: one element API', () => {
  it('takes the title from `heading` and its level from `heading-level` (default 3, 2–6)', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card heading=${TITLE_2} href="/tin-tuc/bau-cu"></tin-article-card>`,
    );
    const title = $(el, '[part=title]')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('3');
    expect(text($(el, 'a'))).to.equal(TITLE_2);
    await expect(el).to.be.accessible();
    for (const [level, expected] of [
      [2, '2'],
      [6, '6'],
      [7, '6'],
      [0, '2'],
    ] as const) {
      el.headingLevel = level;
      await el.updateComplete;
      expect(title.getAttribute('aria-level')).to.equal(expected);
    }
    // A slotted title wins over `heading`, and `heading` over the article's.
    const slotted = await fixture<TinArticleCard>(
      html`<tin-article-card heading="Khác" .article=${summary()}
        ><span slot="title">${TITLE_2}</span></tin-article-card
      >`,
    );
    expect(shown(slotted, 'title')).to.equal(TITLE_2);
    const fromArticle = await fixture<TinArticleCard>(
      html`<tin-article-card heading=${TITLE_2} .article=${summary()}></tin-article-card>`,
    );
    expect(text($(fromArticle, 'a'))).to.equal(TITLE_2);
  });

  it('passes `now` to its date', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card
        datetime="2026-02-03T08:00:00+07:00"
        .now=${new Date('2026-02-04T09:00:00+07:00')}
      ></tin-article-card>`,
    );
    expect(await timeText(el)).to.equal('1 ngày trước');
    el.now = Date.parse('2026-02-03T10:00:00+07:00');
    await el.updateComplete;
    expect(await timeText(el)).to.equal('2 giờ trước');
  });

  it('shows the comment count from `comment-count` or the article', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card href="/a" comment-count="12"><span slot="title">${TITLE}</span></tin-article-card>`,
    );
    expect(text($(el, '[part=comments]'))).to.equal('12 bình luận');
    await expect(el).to.be.accessible();
    const fromArticle = await fixture<TinArticleCard>(
      html`<tin-article-card .article=${summary({ commentCount: 1520 })}></tin-article-card>`,
    );
    expect(text($(fromArticle, '[part=meta]'))).to.contain('414 lượt xem');
    expect(text($(fromArticle, '[part=comments]'))).to.equal('1,5 nghìn bình luận');
    fromArticle.commentCount = 0;
    await fromArticle.updateComplete;
    expect(text($(fromArticle, '[part=comments]'))).to.equal('0 bình luận');
    const english = await fixture<TinArticleCard>(
      html`<tin-article-card lang="en" comment-count="3" heading="x"></tin-article-card>`,
    );
    expect(text($(english, '[part=comments]'))).to.equal('3 comments');
    const none = await fixture<TinArticleCard>(html`<tin-article-card heading="x" views="1"></tin-article-card>`);
    expect($(none, '[part=comments]')).to.equal(null);
  });

  for (const width of [320, 390, 768]) {
    it(`wraps an 80-character unbroken title and category at ${width} px`, async () => {
      await setViewport({ width, height: 800 });
      try {
        const word = 'Đ'.repeat(40) + 'a'.repeat(40);
        for (const layout of ['vertical', 'horizontal', 'compact', 'featured']) {
          const el = await fixture<TinArticleCard>(
            html`<tin-article-card
              layout=${layout}
              .article=${summary({ title: word, category: { id: 'x', slug: 'x', name: word } })}
            ></tin-article-card>`,
          );
          expect(document.documentElement.scrollWidth, layout).to.be.at.most(width);
          for (const part of ['title', 'category'])
            expect($(el, `[part=${part}]`)!.scrollWidth, `${layout} ${part}`).to.be.at.most(el.clientWidth);
        }
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  // The meta line's items are flex items, each its own bidi paragraph: this held before the
  // comment count was added too, and guards the layout against a change that would break it.
  it('isolates the category: an open U+202E does not mirror the counts after it', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card
        .article=${summary({ category: { id: 'x', slug: 'x', name: '\u202ETin tức' } })}
        comment-count="12"
      ></tin-article-card>`,
    );
    for (const part of ['views', 'comments']) {
      const node = [...$(el, `[part=${part}]`)!.childNodes].find((child) => child.nodeType === Node.TEXT_NODE)!;
      const value = node.textContent!;
      const at = (offset: number) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      expect(at(0), part).to.be.below(at(value.length - 1));
    }
  });
});

describe('tin-article-card: comment count from the endpoint', () => {
  const warnings = captureWarnings();

  it('warns when <tin-comment-count> is not registered (a card-only page does not load it)', async () => {
    expect(customElements.get('tin-comment-count')).to.equal(undefined);
    await fixture<TinArticleCard>(
      html`<tin-article-card endpoint="/mock-api" .article=${summary()}></tin-article-card>`,
    );
    expect(warnings.filter((warning) => warning.includes('define/comment-count.js'))).to.have.length(1);
    await import('../define/comment-count.js');
  });

  const countText = async (el: TinArticleCard) => {
    const count = $(el, 'tin-comment-count') as (HTMLElement & { updateComplete: Promise<boolean> }) | null;
    await waitUntil(() => count?.shadowRoot?.querySelector('.count:not(.skeleton)'), 'no count arrived', {
      timeout: 3000,
    });
    return text(count!.shadowRoot!.querySelector('.count'));
  };

  it('fetches it with <tin-comment-count> when `endpoint` is set and no count is given', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card endpoint="/mock-api" .article=${summary()}></tin-article-card>`,
    );
    const count = $(el, 'tin-comment-count')!;
    expect(count.getAttribute('part')).to.equal('comments');
    expect(count.getAttribute('article-id')).to.equal('hoi-nghi-lan-thu-2');
    expect(await countText(el)).to.equal('0 bình luận');
    await expect(el).to.be.accessible();

    const byAttribute = await fixture<TinArticleCard>(
      html`<tin-article-card endpoint="/mock-api" article-id="hoi-nghi-lan-thu-2" heading=${TITLE}></tin-article-card>`,
    );
    expect(await countText(byAttribute)).to.equal('0 bình luận');
  });

  it('fetches nothing when the count is given, or without an article id', async () => {
    const given = await fixture<TinArticleCard>(
      html`<tin-article-card endpoint="/mock-api" comment-count="1" .article=${summary()}></tin-article-card>`,
    );
    expect($(given, 'tin-comment-count')).to.equal(null);
    expect(text($(given, '[part=comments]'))).to.equal('1 bình luận');
    const anonymous = await fixture<TinArticleCard>(
      html`<tin-article-card endpoint="/mock-api" heading=${TITLE}></tin-article-card>`,
    );
    expect($(anonymous, 'tin-comment-count')).to.equal(null);
  });

  it('takes `now` as an ISO attribute', async () => {
    const el = await fixture<TinArticleCard>(
      html`<tin-article-card datetime="2026-02-03T08:00:00+07:00" now="2026-02-04T09:00:00+07:00"></tin-article-card>`,
    );
    expect(await timeText(el)).to.equal('1 ngày trước');
  });
});
