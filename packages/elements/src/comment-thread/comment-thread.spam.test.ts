// The comment form's side of the spam defence (docs/api.md, "Spam defence"): the honeypot, the
// fill time and the ALTCHA proof of work, against test/mock-spam.mjs, whose challenges and
// verdicts come from altcha-lib as on @bantin/server. A file of its own, so that its page starts
// with no solver loaded: "no captcha, no solver" is checked before any test loads it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { canonicalArticleKey, type Comment, type NewComment } from '@bantin/model';
import '../define/comment-thread.js';
import { captureWarnings } from '../../test/capture-warnings.js';
import type { AltchaChallenge, CommentSource } from '../data/types.js';
import type { TinCommentThread } from './comment-thread.js';

const ARTICLE = 'https://hanoi.gov.vn/tin-tuc-thanh-pho/hoi-nghi-ban-chi-dao-bau-cu.html';
const NAME = 'Trần Thị Bình';
const CONTENT = 'Cử tri phường Ba Đình mong được biết lịch tiếp xúc.';

interface Received {
  body: NewComment;
  verified: boolean | null;
}

const $ = <T extends Element = HTMLElement>(el: TinCommentThread, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const field = (el: TinCommentThread, name: string) => $<HTMLInputElement>(el, `[name=${name}]`)!;
const submitButton = (el: TinCommentThread) => $<HTMLButtonElement>(el, '[part=submit]')!;
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = (el: TinCommentThread) => text($(el, '[part=status]'));
const focused = (el: TinCommentThread) => el.shadowRoot!.activeElement;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types as a reader does: real key presses, so that the form sees real input events. */
async function typeInto(el: TinCommentThread, name: string, value: string): Promise<void> {
  field(el, name).focus();
  await sendKeys({ type: value });
  await el.updateComplete;
}

async function received(mode: string): Promise<Received[]> {
  return (await fetch(`/spam-api/${mode}/received`)).json() as Promise<Received[]>;
}

/** Every resource this page has fetched (scripts, modules, API calls), as absolute URLs. */
const resources = () => performance.getEntriesByType('resource').map((entry) => entry.name);
const solverLoaded = () => resources().some((url) => url.includes('altcha-lib') || /\/altcha\.(ts|js)\b/.test(url));

/** A thread on test/mock-spam.mjs in this mode, and a comment typed and posted as a reader does. */
async function postToServer(mode: string): Promise<TinCommentThread> {
  const el = await fixture<TinCommentThread>(
    html`<tin-comment-thread article-id=${ARTICLE} endpoint="/spam-api/${mode}"></tin-comment-thread>`,
  );
  await typeInto(el, 'authorName', NAME);
  await typeInto(el, 'content', CONTENT);
  submitButton(el).click();
  await waitUntil(() => status(el) === 'Bình luận của bạn đang chờ duyệt.', 'not posted', { timeout: 9000 });
  return el;
}

/**
 * A source that records posts, and whose challenge arrives when the test says (`deliver`), or at
 * once as null ("no captcha") with `{ captcha: false }`.
 */
function slowChallengeSource({ captcha = true } = {}) {
  let deliver!: (challenge: AltchaChallenge | null) => void;
  const posts: NewComment[] = [];
  const source: CommentSource = {
    listComments: async () => ({ comments: [], nextCursor: null, total: 0 }),
    altchaChallenge: () => (captcha ? new Promise((resolve) => (deliver = resolve)) : Promise.resolve(null)),
    postComment: async (articleId, body) => {
      posts.push(body);
      return {
        ...body,
        id: `p${posts.length}`,
        articleId,
        parentId: null,
        createdAt: new Date().toISOString(),
        status: 'pending',
        likes: 0,
      } as Comment;
    },
  };
  return { source, posts, deliver: (challenge: AltchaChallenge | null) => deliver(challenge) };
}

beforeEach(() => localStorage.clear());
afterEach(() => localStorage.clear());

describe('tin-comment-thread: spam defence, without ALTCHA', () => {
  it('asks once whether the server wants a captcha, loads no solver when it does not, and sends no altcha', async () => {
    expect(solverLoaded(), 'nothing loaded the solver before this test').to.equal(false);
    const el = await postToServer('off');
    // A second comment: "no captcha" is remembered, so the challenge is not asked for again.
    await typeInto(el, 'content', 'Thêm một ý kiến nữa về lịch tiếp xúc cử tri.');
    submitButton(el).click();
    await waitUntil(async () => (await received('off')).length === 2, 'second post', { timeout: 5000 });

    const posts = await received('off');
    for (const { body } of posts) {
      expect(body).to.not.have.property('altcha');
      expect(body.website).to.equal('');
      expect(body.fillMs).to.be.a('number');
    }
    expect(resources().filter((url) => url.endsWith('/spam-api/off/altcha-challenge'))).to.have.length(1);
    expect(solverLoaded(), 'the ALTCHA solver was downloaded for a server without ALTCHA').to.equal(false);
  });
});

describe('tin-comment-thread: the honeypot', () => {
  it('is a text input named website, out of sight, out of the tab order and out of the accessibility tree', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${[]}></tin-comment-thread>`,
    );
    const honeypot = field(el, 'website');
    expect(honeypot.type).to.equal('text');
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.getAttribute('aria-hidden')).to.equal('true');

    // Rendered (bots skip display: none), but nowhere a reader can see it, even scrolled.
    const style = getComputedStyle(honeypot);
    expect(style.display).to.not.equal('none');
    expect(style.visibility).to.equal('visible');
    for (const y of [0, document.documentElement.scrollHeight]) {
      window.scrollTo(0, y);
      const box = honeypot.getBoundingClientRect();
      expect(box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth, `visible at ${y}`)
        .to.be.true;
    }
    window.scrollTo(0, 0);

    // The keyboard goes from the text straight to the button, and back.
    field(el, 'content').focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(submitButton(el));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal(field(el, 'content'));

    // Screen readers never meet it; they do meet the real fields (so this check can fail).
    type Node = { name?: string; children: Node[] };
    const tree = (await a11ySnapshot({})) as unknown as Node;
    const named = (test: (name: string) => boolean) =>
      findAccessibilityNode<Node>(tree, (node) => test(node.name ?? ''));
    expect(named((name) => name === 'Họ và tên')).to.not.equal(null);
    expect(named((name) => /website/i.test(name))).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('sends what a bot wrote in it, and an empty string from a person', async () => {
    const { source, posts } = slowChallengeSource({ captcha: false });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await typeInto(el, 'authorName', NAME);
    await typeInto(el, 'content', CONTENT);
    submitButton(el).click();
    await waitUntil(() => posts.length === 1);
    expect(posts[0]!.website).to.equal('');

    field(el, 'website').value = 'https://seo.example/mua-ve-re';
    await typeInto(el, 'content', 'Mua vé rẻ tại đây.');
    submitButton(el).click();
    await waitUntil(() => posts.length === 2);
    expect(posts[1]!.website).to.equal('https://seo.example/mua-ve-re');
  });
});

describe('tin-comment-thread: the fill time', () => {
  it('sends the milliseconds since the first input, kept across a reload of the draft, and restarts after a post', async () => {
    const { source, posts } = slowChallengeSource({ captcha: false });
    const mount = () =>
      fixture<TinCommentThread>(
        html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
      );
    let el = await mount();
    const before = Date.now();
    await typeInto(el, 'authorName', NAME);
    const firstInput = Date.now();
    await typeInto(el, 'content', CONTENT);
    await sleep(300);
    // The reader reloads: the draft comes back, and its clock with it.
    el.remove();
    el = await mount();
    expect(field(el, 'content').value).to.equal(CONTENT);
    submitButton(el).click();
    await waitUntil(() => posts.length === 1);
    const after = Date.now();
    expect(posts[0]!.fillMs)
      .to.be.at.least(after - firstInput - 50)
      .and.at.most(after - before);

    // The next comment is measured from its own first input.
    await sleep(200);
    const next = Date.now();
    await typeInto(el, 'content', 'Một ý kiến khác.');
    submitButton(el).click();
    await waitUntil(() => posts.length === 2);
    expect(posts[1]!.fillMs).to.be.at.most(Date.now() - next);
  });

  it('sends 0 for a stored draft that no one typed on this device (no first input on record)', async () => {
    const { source, posts } = slowChallengeSource({ captcha: false });
    // As a script would leave it, or a draft saved before the form measured anything.
    localStorage.setItem(
      `bantin:comment-draft:${canonicalArticleKey(ARTICLE)}`,
      JSON.stringify({ authorName: NAME, email: '', content: CONTENT, parentId: null, parentName: '', key: '' }),
    );
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    expect(field(el, 'content').value).to.equal(CONTENT);
    await sleep(100);
    submitButton(el).click();
    await waitUntil(() => posts.length === 1);
    expect(posts[0]!.fillMs).to.equal(0);
  });
});

describe('tin-comment-thread: ALTCHA', () => {
  const warnings = captureWarnings();

  it('solves the server’s challenge in the background and posts a payload the server verifies; every request stays on the page’s server', async () => {
    await postToServer('on');

    const [post] = await received('on');
    expect(post!.verified, 'altcha-lib verifySolution on the posted payload').to.equal(true);
    const decoded = JSON.parse(atob(post!.body.altcha!)) as { challenge: AltchaChallenge; solution: object };
    expect(decoded.challenge.parameters.algorithm).to.equal('PBKDF2/SHA-256');
    expect(decoded.solution).to.have.keys(['counter', 'derivedKey']);
    expect(post!.body.website).to.equal('');
    expect(post!.body.fillMs).to.be.a('number');

    expect(solverLoaded(), 'the solver was loaded').to.equal(true);
    const elsewhere = resources().filter((url) => new URL(url).origin !== location.origin);
    expect(elsewhere, 'requests to another host').to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('asks again when its endpoint moves to a server that wants a captcha', async () => {
    const el = await postToServer('off');
    const before = (await received('on')).length;
    el.endpoint = '/spam-api/on';
    await el.updateComplete;
    const content = 'Ý kiến gửi sang máy chủ có ALTCHA.';
    await typeInto(el, 'content', content);
    submitButton(el).click();
    await waitUntil(async () => (await received('on')).some((r) => r.body.content === content), content, {
      timeout: 9000,
    });
    const [post] = (await received('on')).slice(before);
    expect(post!.verified, 'the post to the new server carries a solution it verifies').to.equal(true);
  });

  it('asks for a new challenge for the next comment (a solution is good once)', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} endpoint="/spam-api/on"></tin-comment-thread>`,
    );
    const before = (await received('on')).length;
    await typeInto(el, 'authorName', NAME);
    for (const content of ['Ý kiến thứ nhất về lịch tiếp xúc.', 'Ý kiến thứ hai về lịch tiếp xúc.']) {
      await typeInto(el, 'content', content);
      submitButton(el).click();
      await waitUntil(async () => (await received('on')).some((r) => r.body.content === content), content, {
        timeout: 9000,
      });
    }
    const posts = (await received('on')).slice(before);
    expect(posts.map((p) => p.verified)).to.deep.equal([true, true]);
    expect(posts[0]!.body.altcha).to.not.equal(posts[1]!.body.altcha);
  });

  it('says "Đang kiểm tra…" while the proof of work is not done, stays accessible, then posts', async () => {
    const { source, posts, deliver } = slowChallengeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await typeInto(el, 'authorName', NAME);
    await typeInto(el, 'content', CONTENT);
    submitButton(el).click();
    await el.updateComplete;
    expect(text(submitButton(el))).to.equal('Đang kiểm tra…');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    submitButton(el).click(); // a second click while checking posts nothing more
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await el.updateComplete;
    expect(text(submitButton(el))).to.equal('Checking…');
    expect(posts).to.have.length(0);

    deliver((await (await fetch('/spam-api/on/altcha-challenge')).json()) as AltchaChallenge);
    await waitUntil(() => posts.length === 1, 'not posted after solving', { timeout: 9000 });
    const verdict = await fetch('/spam-api/on/verify', {
      method: 'POST',
      body: JSON.stringify({ altcha: posts[0]!.altcha }),
    });
    expect(await verdict.json()).to.deep.equal({ verified: true });
    await el.updateComplete;
    expect(text(submitButton(el))).to.equal('Post comment');
    expect(posts).to.have.length(1);
  });

  for (const [mode, why] of [
    ['broken', 'the challenge cannot be fetched (500)'],
    ['unsolvable', 'the challenge cannot be solved here'],
  ] as const) {
    it(`posts without altcha, keeping nothing back from the reader, when ${why}`, async () => {
      await postToServer(mode);
      const [post] = await received(mode);
      expect(post!.body).to.include({ authorName: NAME, content: CONTENT, website: '' });
      expect(post!.body).to.not.have.property('altcha');
      expect(warnings.some((w) => w.includes('no ALTCHA solution'))).to.equal(true);
    });
  }
});
