/**
 * The per-element CDN output and its autoloader, built (npm test builds first) and served gzip'd
 * under /cdn/ (test/cdn-server.mjs), each page in its own iframe, so each has a fresh custom
 * element registry and its own list of requests (the Performance API's resource entries).
 */
import { expect, waitUntil } from '@open-wc/testing';

interface Graph {
  /** Each tag: its element module, then the chunks that module imports. */
  tags: Record<string, string[]>;
  /** Each element module: the tags it registers. */
  elements: Record<string, string[]>;
}

let graph: Graph;
const frames: HTMLIFrameElement[] = [];

before(async () => {
  graph = (await (await fetch('/cdn/modules.json')).json()) as Graph;
});
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

type FrameWindow = Window & typeof globalThis;

async function openPage(body: string, head = '<script type="module" src="/cdn/autoloader.js"></script>') {
  const frame = document.createElement('iframe');
  frames.push(frame);
  frame.srcdoc = `<!doctype html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as FrameWindow, doc: frame.contentDocument! };
}

/** The files of dist/cdn that the page requested, each as often as it was requested. */
function requested(win: FrameWindow): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/cdn/'))
    .map((path) => path.slice('/cdn/'.length))
    .sort();
}

const filesFor = (...tags: string[]) =>
  [...new Set(['autoloader.js', ...tags.flatMap((tag) => graph.tags[tag]!)])].sort();

const defined = (win: FrameWindow, tag: string) =>
  waitUntil(() => win.customElements.get(tag), `<${tag}> was not defined`, { timeout: 5000 });

describe('per-element modules', () => {
  it('every define file has an element module, and each registers its tags and no other', async () => {
    const all = Object.values(graph.elements).flat();
    expect(Object.keys(graph.elements)).to.include.members(['view-counter', 'comment-thread', 'most-viewed']);
    for (const [name, tags] of Object.entries(graph.elements)) {
      const { win } = await openPage('', `<script type="module" src="/cdn/elements/${name}.js"></script>`);
      for (const tag of tags) await defined(win, tag);
      for (const other of all.filter((tag) => !tags.includes(tag))) {
        expect(win.customElements.get(other), `elements/${name}.js registered <${other}>`).to.be.undefined;
      }
    }
  });

  it('the shared chunks are named by their content', () => {
    const chunks = new Set(Object.values(graph.tags).flatMap((files) => files.slice(1)));
    expect(chunks.size).to.be.greaterThan(0);
    for (const chunk of chunks) expect(chunk).to.match(/^chunks\/[a-z0-9-]+-[A-Z0-9]{8}\.js$/);
  });
});

describe('autoloader', () => {
  it('loads only what a counter-only page uses, each file once', async () => {
    const { win, doc } = await openPage(
      '<p>Lượt xem: <tin-view-counter article-id="a" count="414"></tin-view-counter></p>',
    );
    await defined(win, 'tin-view-counter');
    await waitUntil(() => doc.querySelector('tin-view-counter')!.shadowRoot?.textContent?.includes('414'));
    expect(requested(win)).to.deep.equal(filesFor('tin-view-counter'));
    expect(win.customElements.get('tin-comment-thread')).to.be.undefined;
    expect(win.customElements.get('tin-most-viewed')).to.be.undefined;
  });

  it('loads the modules of the seed page set, and no module twice', async () => {
    const { win } = await openPage(`
      <tin-view-counter article-id="a" count="414"></tin-view-counter>
      <tin-article-card href="/a" datetime="2020-11-28T05:00:00.000Z"><span slot="title">Tin</span></tin-article-card>
      <tin-view-counter article-id="b" count="1"></tin-view-counter>`);
    await defined(win, 'tin-view-counter');
    await defined(win, 'tin-article-card');
    // The card brings tin-time with it; it is not fetched again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requested(win)).to.deep.equal(filesFor('tin-view-counter', 'tin-article-card'));
  });

  it('loads tags added to the page later', async () => {
    const { win, doc } = await openPage('<main></main>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requested(win)).to.deep.equal(['autoloader.js']);
    doc.querySelector('main')!.innerHTML =
      '<section><tin-time datetime="2020-11-28T05:00:00.000Z"></tin-time></section>';
    await defined(win, 'tin-time');
    expect(requested(win)).to.deep.equal(filesFor('tin-time'));
  });

  it('finds tags in open shadow roots, present at start or added later', async () => {
    const { win, doc } = await openPage(
      `<cms-box></cms-box>
      <script>
        customElements.define('cms-box', class extends HTMLElement {
          constructor() {
            super();
            this.attachShadow({ mode: 'open' }).innerHTML = '<tin-time datetime="2020-11-28T05:00:00.000Z"></tin-time>';
          }
        });
      </script>`,
    );
    await defined(win, 'tin-time');
    const later = doc.createElement('div');
    later.attachShadow({ mode: 'open' }).innerHTML =
      '<p><tin-view-counter article-id="a" count="3"></tin-view-counter></p>';
    doc.body.append(later);
    await defined(win, 'tin-view-counter');
    // Tags added later inside a shadow root that was already on the page.
    doc.querySelector('cms-box')!.shadowRoot!.append(doc.createElement('tin-article-card'));
    await defined(win, 'tin-article-card');
  });

  it('watches the shadow roots of the elements it loaded', async () => {
    const { win, doc } = await openPage('<tin-view-counter article-id="a" count="414"></tin-view-counter>');
    await defined(win, 'tin-view-counter');
    const counter = doc.querySelector('tin-view-counter')!;
    await waitUntil(() => counter.shadowRoot?.childElementCount);
    counter.shadowRoot!.append(doc.createElement('tin-time'));
    await defined(win, 'tin-time');
  });

  it('warns once about a tin-* tag that no element has, and requests nothing for it', async () => {
    const { win, doc } = await openPage('<main></main>');
    const warnings: string[] = [];
    win.console.warn = (message: string) => warnings.push(message);
    doc.querySelector('main')!.innerHTML = '<tin-view-countr></tin-view-countr><tin-view-countr></tin-view-countr>';
    await waitUntil(() => warnings.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings).to.deep.equal(['[bantin] autoloader: no element is named <tin-view-countr>.']);
    expect(requested(win)).to.deep.equal(['autoloader.js']);
  });
});
