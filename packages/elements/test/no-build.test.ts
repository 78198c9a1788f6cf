/**
 * The no-build use: getting-started's copy-paste page, taken from the doc itself, loaded in a
 * plain iframe with the autoloader as its only script (as written), then with dist/cdn/bantin.js
 * in its place, against a mock of the JSON contract. Needs a build first (npm test builds).
 */
import { expect, waitUntil } from '@open-wc/testing';

async function pageFromDocs(script: string): Promise<string> {
  const doc = await (await fetch('/docs/getting-started.md')).text();
  const page = /<!-- example: no-build -->\s*```html\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!page) throw new Error('docs/getting-started.md has no "example: no-build" block');
  return page
    .replace('/themes/bantin/autoloader.js', `/cdn/${script}`)
    .replace('/themes/bantin/bantin.css', '/packages/elements/dist/themes/bantin.css')
    .replaceAll('https://example.vn/api', '/mock-api');
}

const shadowText = (root: Element | null | undefined) =>
  (root?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

for (const script of ['autoloader.js', 'bantin.js'])
  describe(`no-build use from a plain HTML page, with ${script}`, () => {
    let frame: HTMLIFrameElement;
    let doc: Document;
    let viewsBefore = 0;

    before(async () => {
      // Each run is a new reader: the session's "already counted" marks go, and the mock's count
      // goes on from where the run before left it.
      sessionStorage.clear();
      const page = await pageFromDocs(script);
      // The article the page's counter tracks, as the doc names it.
      const id = /<tin-view-counter[^>]*\sarticle-id="([^"]+)"/.exec(page)?.[1] ?? '';
      const answer = (await (await fetch(`/mock-api/views?ids=${encodeURIComponent(id)}`)).json()) as {
        views: Record<string, number>;
      };
      viewsBefore = answer.views[id]!;
      frame = document.createElement('iframe');
      frame.style.cssText = 'width: 1024px; height: 1600px';
      frame.srcdoc = page;
      document.body.append(frame);
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      doc = frame.contentDocument!;
      const win = frame.contentWindow as Window & typeof globalThis;
      await waitUntil(
        () => ['tin-most-viewed', 'tin-comment-thread', 'tin-article-card'].every((tag) => win.customElements.get(tag)),
        `${script} did not register the elements`,
        { timeout: 5000 },
      );
    });

    after(() => frame.remove());

    it('registers every element of the page from one script', () => {
      const registry = frame.contentWindow!.customElements;
      for (const tag of ['tin-time', 'tin-view-counter', 'tin-article-card', 'tin-comment-thread', 'tin-most-viewed']) {
        expect(registry.get(tag), tag).to.exist;
      }
    });

    it('counts the view once and shows the new total', async () => {
      const counter = doc.querySelector('tin-view-counter')!;
      const total = String(viewsBefore + 1);
      await waitUntil(() => shadowText(counter).includes(total), `counter shows "${shadowText(counter)}"`, {
        timeout: 5000,
      });
      expect(shadowText(counter)).to.equal(`Lượt xem: ${total}`);
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
