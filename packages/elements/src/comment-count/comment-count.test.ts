import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import '../define/comment-count.js';
import { createHttpDataSource } from '../data/http-source.js';
import type { CommentCountSource } from '../data/types.js';
import type { TinCommentCount } from './comment-count.js';

// From the seed article of the Hà Nội portal.
const ARTICLE = '/tin-tuc/hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** sharedHttpDataSource keeps one source per endpoint for the page, so every test gets its own. */
const uniqueEndpoint = () => `/api-${Math.random().toString(36).slice(2)}`;

interface Call {
  url: URL;
}

/** A fetch answering GET /comment-counts from `counts` (ids it does not know are left out). */
function countsFetch(counts: Record<string, number>, override?: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  const fake = (async (input: RequestInfo | URL) => {
    const call = { url: new URL(String(input), location.href) };
    calls.push(call);
    const answer = override?.(call);
    if (answer) return answer;
    const ids = call.url.searchParams.get('ids')!.split(',');
    return json({ counts: Object.fromEntries(ids.filter((id) => id in counts).map((id) => [id, counts[id]])) });
  }) as typeof fetch;
  return { calls, fake };
}

const realFetch = window.fetch;
const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const settled = (el: Element) =>
  waitUntil(() => el.shadowRoot?.querySelector('[part=count]:not(.skeleton)'), 'count never settled');
const retryOf = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[part=retry]');

function captureWarnings() {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  return { warnings, restore: () => (console.warn = warn) };
}

describe('tin-comment-count', () => {
  afterEach(() => {
    window.fetch = realFetch;
    document.documentElement.removeAttribute('lang');
  });

  it('shows "3 bình luận" from GET {endpoint}/comment-counts, and is accessible', async () => {
    const { calls, fake } = countsFetch({ [ARTICLE]: 3 });
    window.fetch = fake;
    const endpoint = uniqueEndpoint();
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count article-id=${ARTICLE} endpoint=${endpoint}></tin-comment-count>`,
    );
    await settled(el);
    expect(textOf(el)).to.equal('3 bình luận');
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.pathname).to.equal(`${endpoint}/comment-counts`);
    expect(calls[0]!.url.searchParams.get('ids')).to.equal(ARTICLE);
    await expect(el).to.be.accessible();
  });

  it('talks to the mock server of the contract (the seed article has no comments yet)', async () => {
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count article-id="hoi-nghi-lan-thu-2" endpoint="/mock-api"></tin-comment-count>`,
    );
    await settled(el);
    expect(textOf(el)).to.equal('0 bình luận');
  });

  it('serves every count on a page sharing an endpoint with one GET, and URL variants as one id', async () => {
    const counts = Object.fromEntries([...Array(11).keys()].map((i) => [`/bai-${i}`, i]));
    const { calls, fake } = countsFetch(counts);
    window.fetch = fake;
    const endpoint = uniqueEndpoint();
    const wrapper = fixtureSync(
      html`<div>
        ${[...Array(11).keys()].map(
          (i) => html`<tin-comment-count article-id=${`/bai-${i}`} endpoint=${endpoint}></tin-comment-count>`,
        )}
        <tin-comment-count article-id="/bai-3/?utm_source=zalo" endpoint=${endpoint}></tin-comment-count>
      </div>`,
    );
    const elements = [...wrapper.querySelectorAll('tin-comment-count')];
    for (const el of elements) await settled(el);
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.searchParams.get('ids')!.split(',').sort()).to.deep.equal(Object.keys(counts).sort());
    expect(elements.map(textOf).slice(0, 4)).to.deep.equal([
      '0 bình luận',
      '1 bình luận',
      '2 bình luận',
      '3 bình luận',
    ]);
    expect(textOf(elements[11]!)).to.equal('3 bình luận');
  });

  it('splits more than 100 ids into requests of at most 100', async () => {
    const { calls, fake } = countsFetch({});
    window.fetch = fake;
    const endpoint = uniqueEndpoint();
    const wrapper = fixtureSync(
      html`<div>
        ${[...Array(150).keys()].map(
          (i) => html`<tin-comment-count article-id=${`/bai-${i}`} endpoint=${endpoint}></tin-comment-count>`,
        )}
      </div>`,
    );
    for (const el of wrapper.querySelectorAll('tin-comment-count')) await settled(el);
    expect(calls.map((call) => call.url.searchParams.get('ids')!.split(',').length).sort()).to.deep.equal([100, 50]);
  });

  it('shows a server-rendered count at once and fetches nothing', async () => {
    const { calls, fake } = countsFetch({ [ARTICLE]: 9 });
    window.fetch = fake;
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count article-id=${ARTICLE} endpoint=${uniqueEndpoint()} count="1204"></tin-comment-count>`,
    );
    expect(textOf(el)).to.equal('1.204 bình luận');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).to.have.length(0);
  });

  it('takes .dataSource over endpoint', async () => {
    const source: CommentCountSource = { getCommentCounts: async (ids) => ({ [ids[0]!]: 12 }) };
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count article-id=${ARTICLE} endpoint="/nowhere" .dataSource=${source}></tin-comment-count>`,
    );
    await settled(el);
    expect(textOf(el)).to.equal('12 bình luận');
  });

  it('speaks English ("1 comment", "3 comments"), following lang at run time', async () => {
    const el = await fixture<TinCommentCount>(html`<tin-comment-count count="1"></tin-comment-count>`);
    const many = await fixture<TinCommentCount>(html`<tin-comment-count count="3"></tin-comment-count>`);
    expect(textOf(el)).to.equal('1 bình luận');
    document.documentElement.lang = 'en';
    await waitUntil(() => textOf(el) === '1 comment', 'did not follow <html lang>');
    await waitUntil(() => textOf(many) === '3 comments');
  });

  it('with href, the count is a link; unsafe URLs are not linked', async () => {
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count count="3" href="/tin-tuc/bai-viet#binh-luan"></tin-comment-count>`,
    );
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=link]')!;
    expect(link.getAttribute('href')).to.equal('/tin-tuc/bai-viet#binh-luan');
    expect(link.textContent!.trim()).to.equal('3 bình luận');
    await expect(el).to.be.accessible();
    const unsafe = await fixture<TinCommentCount>(
      html`<tin-comment-count count="3" href="javascript:alert(1)"></tin-comment-count>`,
    );
    expect(unsafe.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('reserves its space while loading', async () => {
    window.fetch = (() => new Promise<Response>(() => {})) as typeof fetch;
    const el = await fixture<TinCommentCount>(
      html`<tin-comment-count article-id=${ARTICLE} endpoint=${uniqueEndpoint()}></tin-comment-count>`,
    );
    const skeleton = el.shadowRoot!.querySelector('[part=loading] [part=count].skeleton')!;
    const box = skeleton.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('error: the reason as text, tin-comment-count-error, and a retry that loads again', async () => {
    let failing = true;
    const { calls, fake } = countsFetch({ [ARTICLE]: 3 }, () => (failing ? json({}, 500) : undefined));
    const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake });
    const errors: unknown[] = [];
    const wrapper = fixtureSync(
      html`<div @tin-comment-count-error=${(event: CustomEvent) => errors.push(event.detail.error)}>
        <tin-comment-count article-id=${ARTICLE} .dataSource=${source}></tin-comment-count>
      </div>`,
    );
    const el = wrapper.querySelector('tin-comment-count')!;
    await waitUntil(() => retryOf(el), 'no error state');
    expect(textOf(el)).to.equal('— Máy chủ đang gặp sự cố. Thử lại');
    expect(errors).to.have.length(1);
    await expect(el).to.be.accessible();
    failing = false;
    retryOf(el)!.click();
    await waitUntil(() => textOf(el) === '3 bình luận', 'retry did not recover');
    expect(calls).to.have.length(2);
  });

  it('an invalid answer (a negative count) is an error, not a number', async () => {
    const error = console.error;
    console.error = () => {};
    try {
      const { fake } = countsFetch({ [ARTICLE]: -3 });
      const source = createHttpDataSource(uniqueEndpoint(), { fetch: fake });
      const el = await fixture<TinCommentCount>(
        html`<tin-comment-count article-id=${ARTICLE} .dataSource=${source}></tin-comment-count>`,
      );
      await waitUntil(() => retryOf(el), 'no error state');
      expect(textOf(el)).to.equal('— Dữ liệu nhận được không hợp lệ. Thử lại');
    } finally {
      console.error = error;
    }
  });

  for (const [name, template, attribute] of [
    ['no endpoint', html`<tin-comment-count article-id=${ARTICLE}></tin-comment-count>`, 'endpoint'],
    ['no article-id', html`<tin-comment-count endpoint="/api"></tin-comment-count>`, 'article-id'],
  ] as const) {
    it(`${name}: one console warning naming "${attribute}" and the error state saying so`, async () => {
      const { warnings, restore } = captureWarnings();
      try {
        const el = await fixture<TinCommentCount>(template);
        await waitUntil(() => el.shadowRoot!.querySelector('[part=error]'), 'no error state');
        expect(textOf(el)).to.equal(`— Chưa cấu hình: thiếu thuộc tính ${attribute}.`);
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain(`<tin-comment-count> needs the "${attribute}" attribute`);
        await expect(el).to.be.accessible();
      } finally {
        restore();
      }
    });
  }
});
