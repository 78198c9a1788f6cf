/**
 * The no-build use: getting-started's copy-paste page, taken from the doc itself, loaded in a
 * plain iframe with dist/cdn/bantin.js as its only script, against a mock of the JSON contract.
 * Needs a build first (npm test builds).
 */
import { expect, waitUntil } from '@open-wc/testing';

async function pageFromDocs(): Promise<string> {
  const doc = await (await fetch('/docs/getting-started.md')).text();
  const page = /<!-- example: no-build -->\s*```html\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!page) throw new Error('docs/getting-started.md has no "example: no-build" block');
  return page
    .replace('/themes/bantin/bantin.js', '/packages/elements/dist/cdn/bantin.js')
    .replace('/themes/bantin/bantin.css', '/packages/elements/dist/themes/bantin.css')
    .replaceAll('https://example.vn/api', '/mock-api');
}

const shadowText = (root: Element | null | undefined) =>
  (root?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('no-build use from a plain HTML page', () => {
  let frame: HTMLIFrameElement;
  let doc: Document;

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 1024px; height: 1600px';
    frame.srcdoc = await pageFromDocs();
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    doc = frame.contentDocument!;
    const win = frame.contentWindow as Window & typeof globalThis;
    await waitUntil(() => win.customElements.get('tin-most-viewed'), 'the bundle did not register the elements', {
      timeout: 5000,
    });
  });

  after(() => frame.remove());

  it('registers every element from one script', () => {
    const registry = frame.contentWindow!.customElements;
    for (const tag of ['tin-time', 'tin-view-counter', 'tin-article-card', 'tin-comment-thread', 'tin-most-viewed']) {
      expect(registry.get(tag), tag).to.exist;
    }
  });

  it('counts the view once and shows the new total', async () => {
    const counter = doc.querySelector('tin-view-counter')!;
    await waitUntil(() => shadowText(counter).includes('415'), `counter shows "${shadowText(counter)}"`, {
      timeout: 5000,
    });
    expect(shadowText(counter)).to.equal('Lượt xem: 415');
  });

  it('shows the comment section and the most-viewed list from the endpoint', async () => {
    const thread = doc.querySelector('tin-comment-thread')!;
    await waitUntil(
      () => shadowText(thread).includes('Chưa có bình luận nào.'),
      `thread shows "${shadowText(thread)}"`,
      { timeout: 5000 },
    );
    expect(shadowText(thread)).to.contain('Bình luận bài viết');
    const list = doc.querySelector('tin-most-viewed')!;
    await waitUntil(() => shadowText(list).includes('Nguyễn Duy Ngọc'), `list shows "${shadowText(list)}"`, {
      timeout: 5000,
    });
    expect(shadowText(list)).to.contain('Xem nhiều nhất');
    expect(shadowText(list)).to.contain('Tin tức thành phố Hà Nội');
  });

  it('renders the card from attributes and slots, and the time in Vietnamese', () => {
    const card = doc.querySelector('tin-article-card')!;
    expect(card.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(
      '/tin-tuc/dong-chi-nguyen-duy-ngoc-chu-tri-hop-ban-chi-dao-bau-cu',
    );
    expect(shadowText(card)).to.contain('Tin tức thành phố Hà Nội');
    const time = doc.querySelector('tin-time')!;
    expect(shadowText(time)).to.equal('28/11/2020 12:00');
  });
});
