import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MostViewedItem, Period } from '@bantin/model';
import '../define/most-viewed.js';
import { BantinDataError } from '../data/errors.js';
import { createHttpDataSource } from '../data/http-source.js';
import type { MostViewedSource, RequestOptions } from '../data/types.js';
import type { TinMostViewed, TinMostViewedPeriodChangeDetail } from './most-viewed.js';

const now = new Date('2026-02-04T09:00:00+07:00');
const TITLE = 'Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội';
const URL_PATH = '/tin-tuc/dong-chi-nguyen-duy-ngoc-chu-tri-hop-ban-chi-dao-bau-cu-thanh-pho-ha-noi';

function item(
  overrides: { rank?: number; period?: Period; views?: number; title?: string; url?: string; category?: string } = {},
): MostViewedItem {
  return {
    rank: overrides.rank ?? 1,
    period: overrides.period ?? 'day',
    views: overrides.views ?? 1520,
    article: {
      id: `bai-${overrides.rank ?? 1}-${overrides.period ?? 'day'}`,
      slug: 'dong-chi-nguyen-duy-ngoc-chu-tri-hop-ban-chi-dao-bau-cu-thanh-pho-ha-noi',
      title: overrides.title ?? TITLE,
      url: overrides.url ?? URL_PATH,
      category: {
        id: 'c-ha-noi',
        slug: 'tin-tuc-thanh-pho-ha-noi',
        name: overrides.category ?? 'Tin tức thành phố Hà Nội',
      },
      publishedAt: '2026-02-03T09:00:00+07:00',
    },
  };
}

interface Call {
  period: Period;
  limit: number;
  signal: AbortSignal | undefined;
  resolve: (items: MostViewedItem[]) => void;
  reject: (error: unknown) => void;
}

/** A data source whose answers the test hands out one by one. */
function fakeSource(): MostViewedSource & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    getMostViewed(query: { period: Period; limit: number }, options?: RequestOptions) {
      return new Promise<MostViewedItem[]>((resolve, reject) =>
        calls.push({ ...query, signal: options?.signal, resolve, reject }),
      );
    },
  };
}

const shadow = (el: TinMostViewed) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: TinMostViewed, selector: string) =>
  shadow(el).querySelector<T & Element>(selector);
const $$ = (el: TinMostViewed, selector: string) => [...shadow(el).querySelectorAll<HTMLElement>(selector)];
const tabs = (el: TinMostViewed) => $$(el, '[role="tab"]');
const selectedTab = (el: TinMostViewed) => $(el, '[aria-selected="true"]')!;
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function settle(el: TinMostViewed): Promise<void> {
  await nextTask();
  await el.updateComplete;
}

async function press(el: TinMostViewed, key: string): Promise<void> {
  const target = (shadow(el).activeElement ?? selectedTab(el)) as HTMLElement;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  await settle(el);
}

async function populated(
  source: MostViewedSource = {
    getMostViewed: async () => [
      item(),
      item({ rank: 2, title: 'Hà Nội tổ chức Hội nghị Ban Chấp hành Đảng bộ Thành phố lần thứ 2' }),
    ],
  },
  extra = html``,
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div><tin-most-viewed .dataSource=${source} .now=${now}></tin-most-viewed>${extra}</div>`,
  );
  const el = wrapper.querySelector('tin-most-viewed')!;
  await waitUntil(() => $(el, 'ol:not([aria-hidden])'), 'list rendered');
  return el;
}

describe('tin-most-viewed', () => {
  describe('states', () => {
    it('loading: a skeleton of `limit` rows that reserves the list space, and a status message', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed limit="3" .dataSource=${source}></tin-most-viewed>`,
      );
      expect($(el, '[part="heading"]')!.textContent!.trim()).to.equal('Xem nhiều nhất');
      expect($$(el, 'ol[aria-hidden="true"] > li')).to.have.length(3);
      expect($(el, '[role="status"]')!.textContent).to.equal('Đang tải…');
      expect(source.calls.map(({ period, limit }) => ({ period, limit }))).to.deep.equal([{ period: 'day', limit: 3 }]);
      await expect(el).to.be.accessible();
    });

    it('loading rows take about the height of loaded rows (no layout jump)', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed style="width: 22rem" limit="1" .dataSource=${source} .now=${now}></tin-most-viewed>`,
      );
      const skeletonHeight = $(el, 'li')!.getBoundingClientRect().height;
      source.calls[0]!.resolve([item()]);
      await waitUntil(() => $(el, 'a'));
      const loadedHeight = $(el, 'li')!.getBoundingClientRect().height;
      // The seed title takes two lines at this width, as the skeleton assumes.
      expect(Math.abs(loadedHeight - skeletonHeight)).to.be.below(loadedHeight * 0.1);
    });

    it('populated: rank, linked title, category and "1 ngày trước"', async () => {
      const el = await populated();
      const [first, second] = $$(el, 'li[part="item"]');
      expect(first!.querySelector('[part="rank"]')!.textContent).to.equal('1');
      const link = first!.querySelector<HTMLAnchorElement>('a[part="link"]')!;
      expect(link.textContent).to.equal(TITLE);
      expect(link.getAttribute('href')).to.equal(URL_PATH);
      const meta = first!.querySelector('[part="meta"]')!;
      expect(meta.textContent!.trim()).to.equal('Tin tức thành phố Hà Nội1 ngày trước');
      expect(meta.querySelector('time')!.textContent).to.equal('1 ngày trước');
      expect(meta.querySelector('time')!.getAttribute('datetime')).to.equal('2026-02-03T09:00:00+07:00');
      expect(second!.querySelector('[part="rank"]')!.textContent).to.equal('2');
      expect($(el, '[role="heading"]')!.getAttribute('aria-level')).to.equal('2');
      await expect(el).to.be.accessible();
    });

    it('populated with show-views: "1.520 lượt xem"', async () => {
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed show-views .items=${[item()]} .now=${now}></tin-most-viewed>`,
      );
      expect($(el, '[part="meta"]')!.textContent).to.contain('1.520 lượt xem');
      await expect(el).to.be.accessible();
    });

    it('empty: "Chưa có bài viết nào."', async () => {
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed .dataSource=${{ getMostViewed: async () => [] }}></tin-most-viewed>`,
      );
      await waitUntil(() => $(el, '#panel [role="status"]')?.textContent === 'Chưa có bài viết nào.');
      expect($(el, 'ol')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('error: a localized message and "Thử lại", which loads again', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed .dataSource=${source} .now=${now}></tin-most-viewed>`,
      );
      source.calls[0]!.reject(new BantinDataError('http', 'GET /most-viewed: HTTP 500', { status: 500 }));
      await waitUntil(() => $(el, '[role="alert"]'));
      expect($(el, '[role="alert"] [part="error-message"]')!.textContent).to.equal('Máy chủ đang gặp sự cố.');
      await expect(el).to.be.accessible();
      const retry = $(el, '#panel button')!;
      expect(retry.textContent).to.equal('Thử lại');
      retry.click();
      await settle(el);
      expect(source.calls).to.have.length(2);
      source.calls[1]!.resolve([item()]);
      await waitUntil(() => $(el, 'a'));
      expect($(el, '[role="alert"]')).to.equal(null);
    });
  });

  describe('period tabs (WAI-ARIA tabs pattern)', () => {
    it('has a named tablist, tabs controlling the panel, and a roving tabindex', async () => {
      const el = await populated();
      const tablist = $(el, '[role="tablist"]')!;
      expect(tablist.getAttribute('aria-label')).to.equal('Khoảng thời gian');
      expect(tabs(el).map((tab) => tab.textContent!.trim())).to.deep.equal(['Ngày', 'Tuần', 'Tháng']);
      expect(tabs(el).map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
      expect(tabs(el).map((tab) => tab.getAttribute('tabindex'))).to.deep.equal(['0', '-1', '-1']);
      const panel = $(el, '#panel')!;
      expect(tabs(el).every((tab) => tab.getAttribute('aria-controls') === 'panel')).to.equal(true);
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).to.equal('tab-day');
    });

    it('Tab lands on the selected tab: it is the first stop in the sequential focus order', async () => {
      const el = await populated();
      el.period = 'week';
      await el.updateComplete;
      // The first focusable element with a non-negative tabindex in tree order is where Tab lands.
      const stops = $$(el, 'a[href], button, [tabindex]').filter((node) => node.tabIndex >= 0);
      expect(stops[0]).to.equal(tabs(el)[1]);
      expect(stops.filter((node) => node.getAttribute('role') === 'tab')).to.have.length(1);
    });

    it('ArrowRight / ArrowLeft / Home / End move, activate, focus and fire tin-most-viewed-period-change', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed .dataSource=${source} .now=${now}></tin-most-viewed>`,
      );
      const events: TinMostViewedPeriodChangeDetail[] = [];
      document.addEventListener('tin-most-viewed-period-change', (event) => events.push(event.detail));
      selectedTab(el).focus();

      const steps: Array<[string, Period]> = [
        ['ArrowRight', 'week'],
        ['ArrowRight', 'month'],
        ['ArrowRight', 'day'], // wraps
        ['ArrowLeft', 'month'], // wraps back
        ['Home', 'day'],
        ['End', 'month'],
        ['ArrowLeft', 'week'],
      ];
      let previous: Period = 'day';
      for (const [key, period] of steps) {
        await press(el, key);
        expect(el.period, key).to.equal(period);
        expect(el.getAttribute('period')).to.equal(period);
        expect(shadow(el).activeElement, `${key} focuses`).to.equal(selectedTab(el));
        expect(selectedTab(el).id).to.equal(`tab-${period}`);
        expect(tabs(el).filter((tab) => tab.tabIndex === 0)).to.deep.equal([selectedTab(el)]);
        expect($(el, '#panel')!.getAttribute('aria-labelledby')).to.equal(`tab-${period}`);
        expect(events.at(-1)).to.deep.equal({ period, previous });
        expect(source.calls.at(-1)!.period, 'reloads for the new period').to.equal(period);
        previous = period;
      }
      expect(events).to.have.length(steps.length);

      // Other keys do nothing.
      await press(el, 'ArrowDown');
      await press(el, 'a');
      expect(el.period).to.equal('week');
      expect(events).to.have.length(steps.length);
    });

    it('clicking a tab activates it and fires a bubbling, composed event', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(html`<tin-most-viewed .dataSource=${source}></tin-most-viewed>`);
      const heard = oneEvent(el, 'tin-most-viewed-period-change');
      tabs(el)[2]!.click();
      const event = (await heard) as CustomEvent<TinMostViewedPeriodChangeDetail>;
      expect(event.detail).to.deep.equal({ period: 'month', previous: 'day' });
      expect(event.bubbles && event.composed).to.equal(true);
      await settle(el);
      expect(source.calls.map((call) => call.period)).to.deep.equal(['day', 'month']);
    });

    it('setting `period` by script reloads but fires nothing', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(html`<tin-most-viewed .dataSource=${source}></tin-most-viewed>`);
      let fired = 0;
      el.addEventListener('tin-most-viewed-period-change', () => fired++);
      el.period = 'week';
      await settle(el);
      expect(fired).to.equal(0);
      expect(source.calls.map((call) => call.period)).to.deep.equal(['day', 'week']);
      expect(selectedTab(el).id).to.equal('tab-week');
    });

    it('a slow answer for the old period never replaces the newer one', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed .dataSource=${source} .now=${now}></tin-most-viewed>`,
      );
      tabs(el)[1]!.click();
      await settle(el);
      const [dayCall, weekCall] = source.calls;
      expect(dayCall!.signal!.aborted, 'the stale request is aborted').to.equal(true);
      expect(weekCall!.signal!.aborted).to.equal(false);
      weekCall!.resolve([item({ period: 'week', title: 'Tin của tuần' })]);
      await waitUntil(() => $(el, 'a'));
      dayCall!.resolve([item({ title: 'Tin của ngày (cũ)' })]);
      await settle(el);
      await settle(el);
      expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal(['Tin của tuần']);
    });

    it('periods="day,week" limits the tabs; hide-tabs shows the list alone', async () => {
      const two = await fixture<TinMostViewed>(
        html`<tin-most-viewed periods="day,week" .items=${[item()]} .now=${now}></tin-most-viewed>`,
      );
      expect(tabs(two).map((tab) => tab.id)).to.deep.equal(['tab-day', 'tab-week']);
      selectedTab(two).focus();
      await press(two, 'End');
      expect(two.period).to.equal('week');

      const plain = await fixture<TinMostViewed>(
        html`<tin-most-viewed hide-tabs .items=${[item()]} .now=${now}></tin-most-viewed>`,
      );
      expect($(plain, '[role="tablist"]')).to.equal(null);
      const panel = $(plain, '#panel')!;
      expect(
        panel.hasAttribute('role') || panel.hasAttribute('aria-labelledby') || panel.hasAttribute('tabindex'),
      ).to.equal(false);
      expect($$(plain, 'li')).to.have.length(1);
      await expect(plain).to.be.accessible();
    });
  });

  describe('one element API', () => {
    const captureWarnings = () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      return { warnings, restore: () => (console.warn = warn) };
    };

    it('with nothing to load from: a warning naming "endpoint" and the error state, not a skeleton forever', async () => {
      const { warnings, restore } = captureWarnings();
      try {
        const el = await fixture<TinMostViewed>(html`<tin-most-viewed></tin-most-viewed>`);
        await waitUntil(() => $(el, '[part="error"]'), 'no error state');
        expect($(el, '[part="error-message"]')!.textContent).to.equal('Chưa cấu hình: thiếu thuộc tính endpoint.');
        expect($(el, '[part="loading"]')).to.equal(null);
        expect($(el, '[part="retry"]')).to.equal(null);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('<tin-most-viewed> needs the "endpoint" attribute');
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
    });

    it('states are parts: loading, empty, error (with error-message and retry)', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(html`<tin-most-viewed .dataSource=${source}></tin-most-viewed>`);
      expect($(el, '[part="loading"] ol[part="list"]')).to.not.equal(null);
      source.calls[0]!.reject(new BantinDataError('http', 'HTTP 503', { status: 503 }));
      await waitUntil(() => $(el, '[part="error"]'));
      expect($(el, '[part="error"] [part="error-message"]')!.textContent).to.equal('Máy chủ đang gặp sự cố.');
      $(el, '[part="error"] [part="retry"]')!.click();
      await settle(el);
      source.calls[1]!.resolve([]);
      await waitUntil(() => $(el, '[part="empty"]'));
      expect($(el, '[part="empty"]')!.textContent).to.equal('Chưa có bài viết nào.');
    });

    it('fires tin-most-viewed-error when a load fails', async () => {
      const source = fakeSource();
      const el = await fixture<TinMostViewed>(html`<tin-most-viewed .dataSource=${source}></tin-most-viewed>`);
      const heard = oneEvent(el, 'tin-most-viewed-error');
      const error = new BantinDataError('timeout', 'slow');
      source.calls[0]!.reject(error);
      const event = await heard;
      expect(event.detail.error).to.equal(error);
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('never renders more than `limit` items, whatever the source sends', async () => {
      const many = Array.from({ length: 12 }, (_, i) => item({ rank: i + 1, title: `Bài ${i + 1}` }));
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed
          limit="3"
          .dataSource=${{ getMostViewed: async () => many }}
          .now=${now}
        ></tin-most-viewed>`,
      );
      await waitUntil(() => $(el, 'a'));
      expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal(['Bài 1', 'Bài 2', 'Bài 3']);
      const local = await fixture<TinMostViewed>(
        html`<tin-most-viewed limit="2" .items=${many} .now=${now}></tin-most-viewed>`,
      );
      expect($$(local, 'a')).to.have.length(2);
    });

    it('an absurd limit asks for a sane one (1–50)', async () => {
      const source = fakeSource();
      await fixture<TinMostViewed>(html`<tin-most-viewed limit="5000" .dataSource=${source}></tin-most-viewed>`);
      await fixture<TinMostViewed>(html`<tin-most-viewed limit="abc" .dataSource=${source}></tin-most-viewed>`);
      expect(source.calls.map((call) => call.limit)).to.deep.equal([50, 5]);
    });

    it('partial data: invalid items are skipped with one warning and an event; the valid ones render', async () => {
      const { warnings, restore } = captureWarnings();
      try {
        const body = {
          items: [
            item(),
            { ...item({ rank: 2 }), views: -5 },
            item({ rank: 3, url: 'javascript:alert(1)' }),
            'junk',
            item({ rank: 5, title: 'Bài thứ năm' }),
          ],
        };
        const source = createHttpDataSource('/api/partial', {
          fetch: (async () => new Response(JSON.stringify(body))) as typeof fetch,
        });
        const counts: number[] = [];
        const wrapper = await fixture<HTMLDivElement>(
          html`<div
            @tin-most-viewed-invalid-items=${(event: CustomEvent<{ count: number }>) => counts.push(event.detail.count)}
          >
            <tin-most-viewed .dataSource=${source} .now=${now}></tin-most-viewed>
          </div>`,
        );
        const el = wrapper.querySelector('tin-most-viewed')!;
        await waitUntil(() => $(el, 'a'), 'valid items rendered');
        expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal([TITLE, 'Bài thứ năm']);
        expect($(el, '[part="error"]')).to.equal(null);
        expect(counts).to.deep.equal([3]);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('skipped 3 of 5 items');
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
    });

    it('takes `now` as an attribute (ISO date-time)', async () => {
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed now="2026-02-04T09:00:00+07:00" .items=${[item()]}></tin-most-viewed>`,
      );
      expect($(el, 'time')!.textContent).to.equal('1 ngày trước');
    });

    it('follows <html lang> at run time', async () => {
      const el = await fixture<TinMostViewed>(html`<tin-most-viewed .items=${[item()]} .now=${now}></tin-most-viewed>`);
      try {
        document.documentElement.lang = 'en';
        await waitUntil(() => $(el, '[part="heading"]')!.textContent!.trim() === 'Most viewed', 'did not switch');
        expect($(el, 'time')!.textContent).to.equal('1 day ago');
      } finally {
        document.documentElement.removeAttribute('lang');
      }
      await waitUntil(() => $(el, '[part="heading"]')!.textContent!.trim() === 'Xem nhiều nhất', 'did not switch back');
    });
  });

  describe('heading', () => {
    it('can be renamed and placed at another outline level', async () => {
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed heading="Đọc nhiều" heading-level="3" .items=${[]}></tin-most-viewed>`,
      );
      const heading = $(el, '[part="heading"]')!;
      expect(heading.textContent!.trim()).to.equal('Đọc nhiều');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect($(el, 'section')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      el.headingLevel = 9;
      await el.updateComplete;
      expect(heading.getAttribute('aria-level')).to.equal('6');
      el.setAttribute('heading-level', 'h4');
      await el.updateComplete;
      expect(heading.getAttribute('aria-level')).to.equal('2');
    });
  });

  describe('untrusted content', () => {
    it('renders markup in titles and categories as text and does not link javascript: URLs', async () => {
      const w = window as unknown as { __xss?: number };
      delete w.__xss;
      const items = [
        item({
          title: '<img src=x onerror=window.__xss=1>',
          category: '<script>window.__xss=1</script>',
          url: 'javascript:window.__xss=1',
        }),
        item({ rank: 2, title: '<b>đậm</b>', url: ' java\tscript:window.__xss=1' }),
        item({ rank: 3, url: 'data:text/html,<script>window.__xss=1</script>' }),
      ];
      // A custom data source's answer is not validated: the template itself must hold.
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed .dataSource=${{ getMostViewed: async () => items }} .now=${now}></tin-most-viewed>`,
      );
      await waitUntil(() => $(el, '[part="link"]'));
      expect($(el, 'img, script, b')).to.equal(null);
      const titles = $$(el, '[part="link"]');
      expect(titles.map((title) => title.textContent)).to.deep.equal([
        '<img src=x onerror=window.__xss=1>',
        '<b>đậm</b>',
        TITLE,
      ]);
      expect(titles.some((title) => title.hasAttribute('href'))).to.equal(false);
      expect($(el, '[part="meta"]')!.textContent).to.contain('<script>window.__xss=1</script>');
      titles[0]!.click();
      expect(w.__xss).to.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('the items property is checked like a response: entries that are not items are skipped, with a warning', async () => {
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const items = [item({ url: 'javascript:alert(1)' }), { rank: 2 }, item({ rank: 3, title: 'Bài tốt' })];
        const el = await fixture<TinMostViewed>(
          html`<tin-most-viewed .items=${items as MostViewedItem[]} .now=${now}></tin-most-viewed>`,
        );
        expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal(['Bài tốt']);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('skipped 2');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('over HTTP', () => {
    const endpoint = 'https://cong-thong-tin.example/api/bantin';
    const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });

    function fakeFetch(answers: Array<() => Response | Promise<Response>>) {
      const urls: string[] = [];
      const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        urls.push(String(input));
        const answer = answers[Math.min(urls.length, answers.length) - 1]!;
        if (!init?.signal) return Promise.resolve(answer());
        return new Promise<Response>((resolve, reject) => {
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          Promise.resolve(answer()).then(resolve, reject);
        });
      }) as typeof globalThis.fetch;
      return { fetch, urls };
    }

    const hang = () => new Promise<Response>(() => {});
    const good = () => json({ items: [item()] });
    const cases: Array<[string, () => Response | Promise<Response>, string]> = [
      ['malformed JSON', () => json('{"items": [', 200), 'Dữ liệu nhận được không hợp lệ.'],
      ['a wrong envelope', () => json({ items: { rank: 0, title: TITLE } }), 'Dữ liệu nhận được không hợp lệ.'],
      ['HTTP 500', () => json({ error: 'boom' }, 500), 'Máy chủ đang gặp sự cố.'],
      [
        'HTTP 429',
        () => json({}, 429, { 'retry-after': '30' }),
        'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
      ],
      ['a timeout', hang, 'Máy chủ phản hồi quá lâu.'],
    ];

    for (const [name, bad, message] of cases) {
      it(`${name} → error state, and retry recovers`, async () => {
        const { fetch, urls } = fakeFetch([bad, good]);
        const source = createHttpDataSource(endpoint, { fetch, timeoutMs: 200 });
        const errors: unknown[] = [];
        const originalError = console.error;
        console.error = (...args: unknown[]) => errors.push(args);
        try {
          const el = await fixture<TinMostViewed>(
            html`<tin-most-viewed limit="5" .dataSource=${source} .now=${now}></tin-most-viewed>`,
          );
          await waitUntil(() => $(el, '[role="alert"]'), `error state for ${name}`, { timeout: 2000 });
          expect($(el, '[role="alert"] [part="error-message"]')!.textContent).to.equal(message);
          expect(urls[0]).to.equal(`${endpoint}/most-viewed?period=day&limit=5`);
          $(el, '#panel button')!.click();
          await waitUntil(() => $(el, 'a'), 'recovered after retry');
          expect($(el, 'a')!.textContent).to.equal(TITLE);
          expect(urls).to.have.length(2);
        } finally {
          console.error = originalError;
        }
      });
    }

    it('uses the endpoint attribute when no dataSource is given', async () => {
      const originalFetch = window.fetch;
      const { fetch, urls } = fakeFetch([good]);
      window.fetch = fetch;
      try {
        const el = await fixture<TinMostViewed>(
          html`<tin-most-viewed endpoint="/api/bantin-attr/" period="month" limit="3" .now=${now}></tin-most-viewed>`,
        );
        await waitUntil(() => $(el, 'a'));
        expect(urls).to.deep.equal(['/api/bantin-attr/most-viewed?period=month&limit=3']);
      } finally {
        window.fetch = originalFetch;
      }
    });

    it('the items property wins: nothing is fetched, and each tab shows its own period', async () => {
      const originalFetch = window.fetch;
      let fetched = 0;
      window.fetch = (() => {
        fetched++;
        return new Promise<Response>(() => {});
      }) as typeof window.fetch;
      try {
        const dataSource = fakeSource();
        const items = [
          item(),
          item({ rank: 1, period: 'week', title: 'Tin của tuần' }),
          item({ rank: 2, period: 'day', title: 'Tin thứ hai' }),
        ];
        const el = await fixture<TinMostViewed>(
          html`<tin-most-viewed
            endpoint="/api/bantin-items"
            limit="1"
            .dataSource=${dataSource}
            .items=${items}
            .now=${now}
          ></tin-most-viewed>`,
        );
        expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal([TITLE]);
        tabs(el)[1]!.click();
        await settle(el);
        expect($$(el, 'a').map((a) => a.textContent)).to.deep.equal(['Tin của tuần']);
        tabs(el)[2]!.click();
        await settle(el);
        expect($(el, '#panel [role="status"]')!.textContent).to.equal('Chưa có bài viết nào.');
        expect(fetched).to.equal(0);
        expect(dataSource.calls).to.have.length(0);
      } finally {
        window.fetch = originalFetch;
      }
    });
  });

  describe('English', () => {
    it('speaks English under lang="en"', async () => {
      const wrapper = await fixture(
        html`<div lang="en">
          <tin-most-viewed show-views .items=${[item()]} .now=${now}></tin-most-viewed>
          <tin-most-viewed .items=${[]}></tin-most-viewed>
        </div>`,
      );
      const [el, empty] = [...wrapper.querySelectorAll('tin-most-viewed')] as TinMostViewed[];
      await el!.updateComplete;
      expect($(el!, '[part="heading"]')!.textContent!.trim()).to.equal('Most viewed');
      expect($(el!, '[role="tablist"]')!.getAttribute('aria-label')).to.equal('Period');
      expect(tabs(el!).map((tab) => tab.textContent!.trim())).to.deep.equal(['Day', 'Week', 'Month']);
      expect($(el!, 'time')!.textContent).to.equal('1 day ago');
      expect($(el!, '[part="meta"]')!.textContent).to.contain('1,520 views');
      expect($(empty!, '#panel [role="status"]')!.textContent).to.equal('No articles yet.');
      await expect(el!).to.be.accessible();
    });

    it('localizes the error state and retry button', async () => {
      const el = await fixture<TinMostViewed>(
        html`<tin-most-viewed
          lang="en"
          .dataSource=${{ getMostViewed: () => Promise.reject(new BantinDataError('timeout', 'slow')) }}
        ></tin-most-viewed>`,
      );
      await waitUntil(() => $(el, '[role="alert"]'));
      expect($(el, '[role="alert"] [part="error-message"]')!.textContent).to.equal(
        'The server took too long to answer.',
      );
      expect($(el, '#panel button')!.textContent).to.equal('Try again');
    });
  });
});
