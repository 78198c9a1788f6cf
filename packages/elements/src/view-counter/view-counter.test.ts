import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/view-counter.js';
import { createHttpDataSource } from '../data/http-source.js';
import type { ViewCountSource } from '../data/types.js';
import { forgetSessionViews, wasViewedThisSession } from '../internal/session-store.js';
import type { TinViewCounter } from './view-counter.js';

// From the seed article of the Hà Nội portal ("Lượt xem: 414").
const ARTICLE = '/tin-tuc/hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho';

interface Call {
  method: string;
  url: URL;
}
type Answer = (call: Call, init: RequestInit | undefined) => Response | Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** sharedHttpDataSource keeps one source per endpoint for the page, so every test gets its own. */
const uniqueEndpoint = () => `/api-${Math.random().toString(36).slice(2)}`;

/** Answers the JSON contract: GET /views gives `counts[id]` for known ids, POST /views/{id} gives `posted`. */
function contract(counts: Record<string, number>, posted = 415): Answer {
  return ({ method, url }) => {
    if (method === 'POST')
      return json({ articleId: decodeURIComponent(url.pathname.split('/views/')[1]!), views: posted });
    const ids = url.searchParams.get('ids')!.split(',');
    return json({ views: Object.fromEntries(ids.filter((id) => id in counts).map((id) => [id, counts[id]])) });
  };
}

/** A fetch that records every request and answers through `answer`. */
function recordingFetch(answer: Answer) {
  const calls: Call[] = [];
  const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { method: init?.method ?? 'GET', url: new URL(String(input), location.href) };
    calls.push(call);
    return answer(call, init);
  }) as typeof fetch;
  return { calls, fake };
}

const realFetch = window.fetch;
let calls: Call[];
/** Replaces window.fetch, which the endpoint attribute's shared source uses. */
function patchFetch(answer: Answer): void {
  const recording = recordingFetch(answer);
  calls = recording.calls;
  window.fetch = recording.fake;
}

const countOf = (el: TinViewCounter) => el.shadowRoot!.querySelector('[part=count]')!;
const textOf = (el: TinViewCounter) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const retryOf = (el: TinViewCounter) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=retry]');
const settled = (el: TinViewCounter) =>
  waitUntil(() => el.shadowRoot?.querySelector('[part=count]:not(.skeleton)'), 'counter never settled');
const tick = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('tin-view-counter', () => {
  beforeEach(() => {
    forgetSessionViews();
    calls = [];
  });
  afterEach(() => {
    window.fetch = realFetch;
    forgetSessionViews();
  });

  describe('display only', () => {
    it('shows "Lượt xem: 414" from the endpoint, in a label and a count part', async () => {
      patchFetch(contract({ [ARTICLE]: 414 }));
      const endpoint = uniqueEndpoint();
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint}></tin-view-counter>`,
      );
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 414');
      expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Lượt xem:');
      expect(countOf(el).textContent).to.equal('414');
      expect(calls).to.have.length(1);
      expect(calls[0]!.method).to.equal('GET');
      expect(calls[0]!.url.pathname).to.equal(`${endpoint}/views`);
      expect(calls[0]!.url.searchParams.get('ids')).to.equal(ARTICLE);
      await expect(el).to.be.accessible();
    });

    it('formats large counts the Vietnamese way', async () => {
      patchFetch(contract({ [ARTICLE]: 1_234_567 }));
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()}></tin-view-counter>`,
      );
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 1.234.567');
    });

    it('reserves its space with a skeleton while loading, so nothing moves when the count arrives', async () => {
      const answer = deferred<Response>();
      patchFetch(() => answer.promise);
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()}></tin-view-counter>`,
      );
      const skeleton = countOf(el);
      expect(skeleton.classList.contains('skeleton')).to.equal(true);
      const loading = el.getBoundingClientRect();
      const box = skeleton.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(box.height).to.be.greaterThan(0);
      // "Đang tải…" is for screen readers only (visually hidden), in the shared loading part.
      expect(textOf(el)).to.equal('Lượt xem: Đang tải…');
      expect(el.shadowRoot!.querySelector('[part=loading] [part=count]')).to.equal(skeleton);
      await expect(el).to.be.accessible();

      answer.resolve(json({ views: { [ARTICLE]: 414 } }));
      await settled(el);
      const populated = el.getBoundingClientRect();
      expect(Math.abs(populated.width - loading.width)).to.be.lessThan(2);
      expect(Math.abs(populated.height - loading.height)).to.be.lessThan(2);
    });

    it('shows 0 for an article the server has no count for (empty)', async () => {
      patchFetch(contract({}));
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()}></tin-view-counter>`,
      );
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 0');
      await expect(el).to.be.accessible();
    });

    it('shows a server-rendered count at once and fetches nothing', async () => {
      patchFetch(contract({ [ARTICLE]: 999 }));
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()} count="414"></tin-view-counter>`,
      );
      expect(textOf(el)).to.equal('Lượt xem: 414');
      await tick();
      expect(textOf(el)).to.equal('Lượt xem: 414');
      expect(calls).to.have.length(0);
      el.count = 415;
      await el.updateComplete;
      expect(textOf(el)).to.equal('Lượt xem: 415');
    });

    it('takes .dataSource over endpoint, and count over both', async () => {
      patchFetch(contract({ [ARTICLE]: 1 }));
      const asked: string[][] = [];
      const source: ViewCountSource = {
        getViewCounts: async (ids) => (asked.push([...ids]), { [ARTICLE]: 5870 }),
        recordView: async () => 5871,
      };
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter
          article-id=${ARTICLE}
          endpoint=${uniqueEndpoint()}
          .dataSource=${source}
        ></tin-view-counter>`,
      );
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 5.870');
      expect(asked).to.deep.equal([[ARTICLE]]);
      expect(calls).to.have.length(0);

      const given = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} .dataSource=${source} .count=${414}></tin-view-counter>`,
      );
      await tick();
      expect(textOf(given)).to.equal('Lượt xem: 414');
      expect(asked).to.have.length(1);
    });

    it('speaks English under lang="en" and takes a label attribute', async () => {
      patchFetch(contract({ [ARTICLE]: 1234 }));
      const endpoint = uniqueEndpoint();
      const wrapper = fixtureSync(
        html`<div lang="en">
          <tin-view-counter article-id=${ARTICLE} endpoint=${endpoint}></tin-view-counter>
        </div>`,
      );
      const el = wrapper.querySelector('tin-view-counter')!;
      await settled(el);
      expect(textOf(el)).to.equal('Views: 1,234');

      const labelled = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} label="Số lần đọc"></tin-view-counter>`,
      );
      await settled(labelled);
      expect(textOf(labelled)).to.equal('Số lần đọc: 1.234');
    });

    it('renders a hostile label as text', async () => {
      patchFetch(contract({ [ARTICLE]: 414 }));
      const payload = '<img src=x onerror=window.__xss=1><script>window.__xss=2</script>';
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()} label=${payload}></tin-view-counter>`,
      );
      await settled(el);
      await tick();
      expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal(`${payload}:`);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });
  });

  describe('batching and keys', () => {
    it('serves ten display counters and one tracking counter with one GET and one POST', async () => {
      patchFetch(contract(Object.fromEntries([...Array(10).keys()].map((i) => [`bai-${i}`, i * 100]))));
      const endpoint = uniqueEndpoint();
      let counted = 0;
      const wrapper = fixtureSync(
        html`<div @tin-view-counter-counted=${() => counted++}>
          <tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} track></tin-view-counter>
          ${[...Array(10).keys()].map((i) => html`<tin-view-counter article-id=${`bai-${i}`} endpoint=${endpoint}></tin-view-counter>`)}
        </div>`,
      );
      const counters = [...wrapper.querySelectorAll('tin-view-counter')];
      for (const el of counters) await settled(el);

      expect(calls.map((call) => call.method).sort()).to.deep.equal(['GET', 'POST']);
      const get = calls.find((call) => call.method === 'GET')!;
      expect(get.url.searchParams.get('ids')!.split(',').sort()).to.deep.equal(
        [...Array(10).keys()].map((i) => `bai-${i}`).sort(),
      );
      const post = calls.find((call) => call.method === 'POST')!;
      expect(decodeURIComponent(post.url.pathname)).to.equal(`${endpoint}/views/${ARTICLE}`);
      expect(textOf(counters[0]!)).to.equal('Lượt xem: 415');
      expect(textOf(counters[10]!)).to.equal('Lượt xem: 900');
      expect(counted).to.equal(1);
    });

    it('sends URL variants of one article as one canonical id', async () => {
      patchFetch(contract({ '/tin-tuc/a': 414 }));
      const endpoint = uniqueEndpoint();
      const wrapper = fixtureSync(
        html`<div>
          <tin-view-counter article-id="/tin-tuc/a/" endpoint=${endpoint}></tin-view-counter>
          <tin-view-counter article-id="/tin-tuc/a/index.html" endpoint=${endpoint}></tin-view-counter>
          <tin-view-counter article-id="/tin-tuc/a?utm=1#x" endpoint=${endpoint}></tin-view-counter>
        </div>`,
      );
      const counters = [...wrapper.querySelectorAll('tin-view-counter')];
      for (const el of counters) await settled(el);
      expect(calls).to.have.length(1);
      expect(calls[0]!.url.searchParams.get('ids')).to.equal('/tin-tuc/a');
      expect(counters.map(textOf)).to.deep.equal(['Lượt xem: 414', 'Lượt xem: 414', 'Lượt xem: 414']);
    });
  });

  describe('tracking', () => {
    it('records one view, shows the new count and fires tin-view-counter-counted', async () => {
      patchFetch(contract({}, 415));
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter
          article-id="${ARTICLE}?utm_source=zalo"
          endpoint=${uniqueEndpoint()}
          track
        ></tin-view-counter>`,
      );
      const event = await oneEvent(el, 'tin-view-counter-counted');
      expect(event.detail).to.deep.equal({ articleId: ARTICLE, views: 415 });
      expect(event.bubbles && event.composed).to.equal(true);
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 415');
      expect(calls.map((call) => call.method)).to.deep.equal(['POST']);
      expect(wasViewedThisSession(ARTICLE)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('does not post again for the same article in the same session (a reload)', async () => {
      patchFetch(contract({ [ARTICLE]: 415 }, 415));
      const endpoint = uniqueEndpoint();
      const first = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} track></tin-view-counter>`,
      );
      await oneEvent(first, 'tin-view-counter-counted');
      first.remove();

      let counted = 0;
      const wrapper = fixtureSync(
        html`<div @tin-view-counter-counted=${() => counted++}>
          <tin-view-counter article-id="${ARTICLE}/" endpoint=${endpoint} track></tin-view-counter>
        </div>`,
      );
      const second = wrapper.querySelector('tin-view-counter')!;
      await settled(second);
      expect(textOf(second)).to.equal('Lượt xem: 415');
      expect(calls.map((call) => call.method)).to.deep.equal(['POST', 'GET']);
      expect(counted).to.equal(0);
    });

    it('lets two tracking counters for one article share one POST', async () => {
      patchFetch(contract({}, 415));
      const endpoint = uniqueEndpoint();
      let counted = 0;
      const wrapper = fixtureSync(
        html`<div @tin-view-counter-counted=${() => counted++}>
          <tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} track></tin-view-counter>
          <tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} track></tin-view-counter>
        </div>`,
      );
      const counters = [...wrapper.querySelectorAll('tin-view-counter')];
      for (const el of counters) await settled(el);
      expect(calls.map((call) => call.method)).to.deep.equal(['POST']);
      expect(counters.map(textOf)).to.deep.equal(['Lượt xem: 415', 'Lượt xem: 415']);
      expect(counted).to.equal(1);
    });

    it('keeps showing a server-rendered count while the view is recorded, then the new one', async () => {
      const answer = deferred<Response>();
      patchFetch(() => answer.promise);
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter
          article-id=${ARTICLE}
          endpoint=${uniqueEndpoint()}
          count="414"
          track
        ></tin-view-counter>`,
      );
      expect(textOf(el)).to.equal('Lượt xem: 414');
      await tick();
      expect(calls.map((call) => call.method)).to.deep.equal(['POST']);
      answer.resolve(json({ articleId: ARTICLE, views: 415 }));
      await oneEvent(el, 'tin-view-counter-counted');
      await waitUntil(() => textOf(el) === 'Lượt xem: 415');
    });

    it('with a server-rendered count and a view already recorded, fetches nothing', async () => {
      patchFetch(contract({ [ARTICLE]: 999 }));
      const endpoint = uniqueEndpoint();
      const first = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} track></tin-view-counter>`,
      );
      await oneEvent(first, 'tin-view-counter-counted');
      const second = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint} count="416" track></tin-view-counter>`,
      );
      await tick();
      expect(textOf(second)).to.equal('Lượt xem: 416');
      expect(calls.map((call) => call.method)).to.deep.equal(['POST']);
    });

    it('marks the session only after a successful POST; retry posts again', async () => {
      let fail = true;
      const ok = contract({}, 415);
      patchFetch((call, init) => (fail ? json({ error: { code: 'server', message: 'down' } }, 500) : ok(call, init)));
      let counted = 0;
      const wrapper = fixtureSync(
        html`<div @tin-view-counter-counted=${() => counted++}>
          <tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()} track></tin-view-counter>
        </div>`,
      );
      const el = wrapper.querySelector('tin-view-counter')!;
      await waitUntil(() => retryOf(el), 'no error state');
      expect(textOf(el)).to.equal('Lượt xem: — Máy chủ đang gặp sự cố. Thử lại');
      expect(wasViewedThisSession(ARTICLE)).to.equal(false);
      expect(counted).to.equal(0);

      fail = false;
      retryOf(el)!.click();
      await settled(el);
      await waitUntil(() => textOf(el) === 'Lượt xem: 415');
      expect(calls.map((call) => call.method)).to.deep.equal(['POST', 'POST']);
      expect(wasViewedThisSession(ARTICLE)).to.equal(true);
      expect(counted).to.equal(1);
    });

    it('keeps showing a server-rendered count when recording the view fails', async () => {
      patchFetch(() => json({}, 503));
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter
          article-id=${ARTICLE}
          endpoint=${uniqueEndpoint()}
          count="414"
          track
        ></tin-view-counter>`,
      );
      await waitUntil(() => calls.length === 1);
      await tick();
      expect(textOf(el)).to.equal('Lượt xem: 414');
      expect(retryOf(el)).to.equal(null);
      expect(wasViewedThisSession(ARTICLE)).to.equal(false);
    });
  });

  describe('errors', () => {
    const hang: Answer = (_call, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    const failures: Array<[string, Answer, string]> = [
      ['HTTP 500', () => json({ error: { code: 'server', message: 'boom' } }, 500), 'Máy chủ đang gặp sự cố.'],
      [
        'HTTP 429',
        () => new Response('', { status: 429, headers: { 'retry-after': '60' } }),
        'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
      ],
      ['malformed JSON', () => new Response('{"views": {', { status: 200 }), 'Dữ liệu nhận được không hợp lệ.'],
      ['a wrong shape', () => json({ views: { [ARTICLE]: '414' } }), 'Dữ liệu nhận được không hợp lệ.'],
      ['a negative count', () => json({ views: { [ARTICLE]: -1 } }), 'Dữ liệu nhận được không hợp lệ.'],
      ['a timeout', hang, 'Máy chủ phản hồi quá lâu.'],
      [
        'a network failure',
        () => Promise.reject(new TypeError('Failed to fetch')),
        'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
      ],
    ];

    const realConsoleError = console.error;
    let logged: string[];
    beforeEach(() => {
      logged = [];
      console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    });
    afterEach(() => {
      console.error = realConsoleError;
    });

    for (const [name, failure, message] of failures) {
      it(`shows the reason as text, a working retry and tin-view-counter-error after ${name}`, async () => {
        let failing = true;
        const { calls: made, fake } = recordingFetch((call, init) =>
          failing ? failure(call, init) : contract({ [ARTICLE]: 414 })(call, init),
        );
        const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake, timeoutMs: 200 });
        const errors: unknown[] = [];
        const wrapper = fixtureSync(
          html`<div @tin-view-counter-error=${(event: CustomEvent) => errors.push(event.detail.error)}>
            <tin-view-counter article-id=${ARTICLE} .dataSource=${source}></tin-view-counter>
          </div>`,
        );
        const el = wrapper.querySelector('tin-view-counter')!;
        await waitUntil(() => retryOf(el), 'no error state', { timeout: 2000 });

        expect(countOf(el).textContent).to.equal('—');
        // The reason is visible text, readable on a touch screen, not a tooltip.
        const reason = el.shadowRoot!.querySelector<HTMLElement>('[part=error] [part=error-message]')!;
        expect(reason.textContent).to.equal(message);
        expect(reason.getBoundingClientRect().width).to.be.greaterThan(0);
        expect(el.shadowRoot!.querySelector('[title]')).to.equal(null);
        const retry = retryOf(el)!;
        expect(retry.textContent!.trim()).to.equal('Thử lại');
        // Not an alert on page load: ten failing counters would interrupt a screen reader ten times.
        expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
        expect(errors).to.have.length(1);
        expect(errors[0]).to.be.instanceOf(Error);
        await expect(el).to.be.accessible();

        failing = false;
        retry.click();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[aria-live=polite]')).to.not.equal(null);
        await settled(el);
        await waitUntil(() => textOf(el) === 'Lượt xem: 414');
        expect(made).to.have.length(2);
      });
    }

    it('names the bad field in the console for an invalid response', async () => {
      const { fake } = recordingFetch(() => json({ views: { [ARTICLE]: 'nhiều' } }));
      const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake });
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} .dataSource=${source}></tin-view-counter>`,
      );
      await waitUntil(() => retryOf(el));
      expect(logged.join('\n')).to.contain('views');
    });

    it('explains the error in English under lang="en"', async () => {
      const { fake } = recordingFetch(() => json({}, 500));
      const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake });
      const wrapper = fixtureSync(
        html`<div lang="en"><tin-view-counter article-id=${ARTICLE} .dataSource=${source}></tin-view-counter></div>`,
      );
      const el = wrapper.querySelector('tin-view-counter')!;
      await waitUntil(() => retryOf(el));
      expect(textOf(el)).to.equal('Views: — The server ran into a problem. Try again');
    });

    it('retries from the keyboard: Tab to the button, Enter', async () => {
      let failing = true;
      const { fake } = recordingFetch((call, init) =>
        failing ? json({}, 500) : contract({ [ARTICLE]: 414 })(call, init),
      );
      const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake });
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} .dataSource=${source}></tin-view-counter>`,
      );
      await waitUntil(() => retryOf(el));
      const retry = retryOf(el)!;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(retry);
      failing = false;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => textOf(el) === 'Lượt xem: 414');
    });

    for (const [name, template, attribute] of [
      ['no endpoint', html`<tin-view-counter article-id=${ARTICLE}></tin-view-counter>`, 'endpoint'],
      ['no article-id', html`<tin-view-counter endpoint="/api"></tin-view-counter>`, 'article-id'],
      ['no article-id to track', html`<tin-view-counter endpoint="/api" track></tin-view-counter>`, 'article-id'],
    ] as const) {
      it(`${name}: a console warning naming "${attribute}", and the error state saying so`, async () => {
        const warnings: string[] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
        try {
          const el = await fixture<TinViewCounter>(template);
          await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error state');
          expect(textOf(el)).to.equal(`Lượt xem: — Chưa cấu hình: thiếu thuộc tính ${attribute}.`);
          expect(retryOf(el)).to.equal(null);
          expect(warnings).to.have.length(1);
          expect(warnings[0]).to.contain(`<tin-view-counter> needs the "${attribute}" attribute`);
          await expect(el).to.be.accessible();
        } finally {
          console.warn = warn;
        }
      });
    }

    it('a count alone needs no endpoint and warns nothing', async () => {
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await fixture<TinViewCounter>(html`<tin-view-counter count="414"></tin-view-counter>`);
        await tick();
        expect(textOf(el)).to.equal('Lượt xem: 414');
        expect(warnings).to.deep.equal([]);
      } finally {
        console.warn = warn;
      }
    });

    it('a server that sends headers and then stalls ends in the timeout error, not a skeleton forever', async () => {
      const source = createHttpDataSource('/mock-api/test/stalled-body', { timeoutMs: 300 });
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} .dataSource=${source}></tin-view-counter>`,
      );
      await waitUntil(() => retryOf(el), 'no error state', { timeout: 3000 });
      expect(textOf(el)).to.equal('Lượt xem: — Máy chủ phản hồi quá lâu. Thử lại');
    });

    it('an endpoint on another origin that refuses this site says so (CORS), not that the network failed', async () => {
      const endpoint = `${location.protocol}//127.0.0.1:${location.port}/mock-api`;
      const el = await fixture<TinViewCounter>(
        html`<tin-view-counter article-id=${ARTICLE} endpoint=${endpoint}></tin-view-counter>`,
      );
      await waitUntil(() => retryOf(el), 'no error state', { timeout: 3000 });
      expect(textOf(el)).to.equal(
        'Lượt xem: — Máy chủ dữ liệu từ chối yêu cầu từ trang này (CORS). Vui lòng báo cho quản trị trang. Thử lại',
      );
    });
  });

  describe('language at run time', () => {
    afterEach(() => document.documentElement.removeAttribute('lang'));

    it('switches when <html lang> or an ancestor lang changes', async () => {
      patchFetch(contract({ [ARTICLE]: 1234 }));
      const wrapper = fixtureSync(
        html`<div><tin-view-counter article-id=${ARTICLE} endpoint=${uniqueEndpoint()}></tin-view-counter></div>`,
      );
      const el = wrapper.querySelector('tin-view-counter')!;
      await settled(el);
      expect(textOf(el)).to.equal('Lượt xem: 1.234');
      document.documentElement.lang = 'en';
      await waitUntil(() => textOf(el) === 'Views: 1,234', 'did not follow <html lang>');
      wrapper.setAttribute('lang', 'vi');
      await waitUntil(() => textOf(el) === 'Lượt xem: 1.234', 'did not follow the ancestor');
      expect(calls).to.have.length(1);
    });
  });
});
