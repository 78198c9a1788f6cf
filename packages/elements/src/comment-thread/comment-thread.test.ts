import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import * as model from '@bantin/model';
import type { Comment, CommentListResponse, NewComment } from '@bantin/model';
import '../define/comment-thread.js';
import { captureWarnings } from '../../test/capture-warnings.js';
import { BantinDataError } from '../data/errors.js';
import { createHttpDataSource } from '../data/http-source.js';
import type { CommentSource } from '../data/types.js';
import type { TinCommentThread, TinCommentThreadPostErrorDetail } from './comment-thread.js';
import { buildThreads, flattenReplies } from './threads.js';

// Real strings from the seed page (a Hà Nội portal article).
const HEADLINE = 'Đồng chí Nguyễn Duy Ngọc chủ trì họp Ban Chỉ đạo bầu cử thành phố Hà Nội';
const ARTICLE = 'https://hanoi.gov.vn/tin-tuc-thanh-pho/hoi-nghi-ban-chi-dao-bau-cu.html?utm_source=zalo';
const now = new Date('2026-02-04T09:00:00+07:00');
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=1</script>';

let serial = 0;
function comment(extra: Partial<Comment> = {}): Comment {
  serial++;
  return {
    id: `c${serial}`,
    articleId: ARTICLE,
    parentId: null,
    authorName: 'Nguyễn Văn An',
    content: HEADLINE,
    createdAt: '2026-02-03T08:00:00+07:00',
    status: 'approved',
    likes: 0,
    ...extra,
  };
}

interface FakeSource extends CommentSource {
  lists: Array<{ sort: string; cursor?: string | null; limit: number }>;
  posts: Array<{ comment: NewComment; key?: string }>;
}

/** A hand-written CommentSource that records its calls (sinon is not installed). */
function fakeSource(
  handlers: {
    list?: (query: FakeSource['lists'][number]) => Promise<CommentListResponse>;
    post?: (comment: NewComment, attempt: number) => Promise<Comment>;
  } = {},
): FakeSource {
  const source: FakeSource = {
    lists: [],
    posts: [],
    listComments(_id, query) {
      source.lists.push(query);
      return handlers.list?.(query) ?? Promise.resolve({ comments: [], nextCursor: null, total: 0 });
    },
    postComment(articleId, body, options) {
      source.posts.push({ comment: body, key: options?.idempotencyKey });
      return (
        handlers.post?.(body, source.posts.length) ??
        Promise.resolve(
          comment({ ...body, articleId, parentId: body.parentId ?? null, createdAt: '2026-02-04T08:59:00+07:00' }),
        )
      );
    },
  };
  return source;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** The real http source over a fake fetch: exercises validation, timeouts and status handling end to end. */
function httpSource(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  // Same origin as the test page: a cross-origin TypeError would read as a CORS refusal.
  const source = createHttpDataSource('/bantin-api', {
    timeoutMs: 200,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      // A server without ALTCHA, as most are: the form asks once at its first input.
      if (String(input).endsWith('/altcha-challenge')) return json({ error: { code: 'not_found', message: '' } }, 404);
      calls.push({ url: String(input), init: init! });
      return respond(String(input), init!);
    }) as typeof fetch,
  });
  return Object.assign(source, { calls });
}

const never = (init: RequestInit) =>
  new Promise<Response>((_, reject) =>
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

const root = (el: TinCommentThread) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: TinCommentThread, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = (el: TinCommentThread, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const status = (el: TinCommentThread) => text($(el, '[role=status]'));
const field = (el: TinCommentThread, name: string) => $<HTMLInputElement>(el, `[name=${name}]`)!;
const submitButton = (el: TinCommentThread) => $<HTMLButtonElement>(el, '[part=submit]')!;
const button = (el: TinCommentThread, label: string) =>
  $$(el, 'button').find((b) => text(b) === label) as HTMLButtonElement;
const threads = (el: TinCommentThread) => $$(el, '[part=list] > li');

async function type(el: TinCommentThread, name: string, value: string): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillValid(
  el: TinCommentThread,
  content = 'Cử tri phường Ba Đình mong được biết lịch tiếp xúc.',
): Promise<void> {
  await type(el, 'authorName', 'Trần Thị Bình');
  await type(el, 'content', content);
}

async function loaded(el: TinCommentThread, timeout = 1000): Promise<void> {
  await waitUntil(() => !$(el, '[part=loading]'), 'still loading', { timeout });
  await el.updateComplete;
}

/** Real key presses through the test runner's built-in send-keys command (Playwright-free, Chromium via CDP). */
async function press(key: string): Promise<void> {
  const socket = '/__web-dev-server__web-socket.js';
  const { sendMessageWaitForResponse } = await import(/* @vite-ignore */ socket);
  const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
  const answer = await sendMessageWaitForResponse({
    type: 'wtr-command',
    sessionId,
    command: 'send-keys',
    payload: { press: key },
  });
  if (!answer.executed) throw new Error('send-keys is not available');
}

const focused = (el: TinCommentThread) => root(el).activeElement as HTMLElement | null;

function storedLikes(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith('bantin:comment-likes:'));
}

function storedDrafts(): string[] {
  return Object.keys(localStorage)
    .filter((key) => key.startsWith('bantin:comment-draft:'))
    .map((key) => localStorage.getItem(key)!);
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  localStorage.clear();
  delete (window as { __xss?: unknown }).__xss;
});

describe('tin-comment-thread: states', () => {
  it('shows the seed heading and empty state, and is accessible', async () => {
    const source = fakeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    expect(text($(el, '[part=heading]'))).to.equal('Bình luận bài viết');
    expect(text($(el, '[part=empty]'))).to.equal('Chưa có bình luận nào.');
    expect(source.lists).to.deep.equal([{ sort: 'newest', limit: 20, replies: 3 }]);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton that reserves space while loading', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id=${ARTICLE}
        .dataSource=${fakeSource({ list: () => new Promise(() => {}) })}
      ></tin-comment-thread>`,
    );
    const skeleton = $(el, '[part=loading]')!;
    // No aria-busy here: it would hide the one text that says what is happening.
    expect(skeleton.closest('[aria-busy=true]')).to.equal(null);
    expect(text(skeleton)).to.equal('Đang tải…');
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(200);
  });

  it('renders a populated list of articles with author, relative time and likes', async () => {
    const list = [
      comment({ likes: 1234 }),
      comment({ authorName: 'Lê Hoàng Cường', content: 'Ủy ban bầu cử đã hoàn thành 17/17 nhiệm vụ.' }),
    ];
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${list} .now=${now}></tin-comment-thread>`,
    );
    const items = threads(el);
    expect(items).to.have.length(2);
    const first = items[0]!.querySelector('article')!;
    expect(text(first.querySelector('[part=author]'))).to.equal('Nguyễn Văn An');
    expect(text(first.querySelector('[part=content]'))).to.equal(HEADLINE);
    const time = first.querySelector('time')!;
    expect(text(time)).to.equal('1 ngày trước');
    expect(time.getAttribute('datetime')).to.equal('2026-02-03T08:00:00+07:00');
    expect(time.title).to.equal('03/02/2026 08:00');
    expect(text(first.querySelector('footer'))).to.contain('1.234 lượt thích');
    expect(text($(el, '[part=toolbar]'))).to.contain('2 bình luận');
    await expect(el).to.be.accessible();
  });

  for (const [name, respond, message] of [
    ['HTTP 500', () => json({ error: { code: 'x', message: 'boom' } }, 500), 'Máy chủ đang gặp sự cố.'],
    ['HTTP 429', () => json({}, 429, { 'retry-after': '30' }), 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.'],
    ['invalid JSON', () => json('{"comments": [', 200), 'Dữ liệu nhận được không hợp lệ.'],
    [
      'a wrong envelope',
      () => json({ comments: { id: 1, content: null }, nextCursor: null, total: 1 }),
      'Dữ liệu nhận được không hợp lệ.',
    ],
    ['a timeout', (_url: string, init: RequestInit) => never(init), 'Máy chủ phản hồi quá lâu.'],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    ],
  ] as const) {
    it(`shows an error state with a working retry after ${name}`, async () => {
      let fail = true;
      const source = httpSource((url, init) =>
        fail
          ? (respond as (url: string, init: RequestInit) => Response | Promise<Response>)(url, init)
          : json({ comments: [comment()], nextCursor: null, total: 1 }),
      );
      const errors: unknown[] = [];
      const log = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        const el = await fixture<TinCommentThread>(
          html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
        );
        await waitUntil(() => $(el, '[part=error]'), 'no error state', { timeout: 2000 });
        expect(text($(el, '[part=error-message]'))).to.equal(message);
        await expect(el).to.be.accessible();
        fail = false;
        button(el, 'Thử lại').click();
        await waitUntil(() => threads(el).length === 1, 'retry did not load');
        expect(source.calls).to.have.length(2);
      } finally {
        console.error = log;
      }
    });
  }

  it('speaks English under lang="en"', async () => {
    const wrapper = await fixture(
      html`<div lang="en">
        <tin-comment-thread article-id=${ARTICLE} .comments=${[comment({ likes: 3 })]} .now=${now}></tin-comment-thread>
      </div>`,
    );
    const el = wrapper.querySelector('tin-comment-thread')!;
    await el.updateComplete;
    expect(text($(el, '[part=heading]'))).to.equal('Comments');
    expect(text($(el, 'time'))).to.equal('1 day ago');
    expect(text($(el, 'footer'))).to.contain('3 likes');
    expect(text($(el, '[part=submit]'))).to.equal('Post comment');
    expect(text($(el, 'label[for=authorName]'))).to.equal('Full name');
    el.comments = [];
    await el.updateComplete;
    expect(text($(el, '[part=empty]'))).to.equal('No comments yet.');
  });
});

describe('tin-comment-thread: threads, sorting and paging', () => {
  it('nests replies up to max-depth and shows deeper ones flat with "trả lời <name>"', async () => {
    const a = comment({ authorName: 'An' });
    const b = comment({ authorName: 'Bình', parentId: a.id, createdAt: '2026-02-03T09:00:00+07:00' });
    const c = comment({ authorName: 'Cường', parentId: b.id, createdAt: '2026-02-03T10:00:00+07:00' });
    const d = comment({ authorName: 'Dung', parentId: c.id, createdAt: '2026-02-03T11:00:00+07:00' });
    const e = comment({ authorName: 'Em', parentId: b.id, createdAt: '2026-02-03T12:00:00+07:00' });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${[e, d, c, b, a]}></tin-comment-thread>`,
    );
    const depthOf = (name: string) => {
      const article = $$(el, 'article').find((node) => text(node.querySelector('[part=author]')) === name)!;
      let depth = 0;
      for (
        let node = article.closest('ol');
        node?.getAttribute('part') === 'replies';
        node = node.parentElement!.closest('ol')
      )
        depth++;
      return { depth, label: text(article.querySelector('header span')) };
    };
    expect(depthOf('An')).to.deep.equal({ depth: 0, label: '' });
    expect(depthOf('Bình')).to.deep.equal({ depth: 1, label: '' });
    expect(depthOf('Cường')).to.deep.equal({ depth: 2, label: '' });
    expect(depthOf('Dung')).to.deep.equal({ depth: 2, label: 'trả lời Cường' });
    expect(depthOf('Em')).to.deep.equal({ depth: 2, label: '' });
    // Conversation order at the flat level: Cường, then Dung answering Cường, then Em.
    const flat = $$(el, '[part=replies] [part=replies] > li > article [part=author]').map(text);
    expect(flat).to.deep.equal(['Cường', 'Dung', 'Em']);

    el.maxDepth = 1;
    await el.updateComplete;
    expect(depthOf('Cường')).to.deep.equal({ depth: 1, label: 'trả lời Bình' });
    expect(depthOf('Dung')).to.deep.equal({ depth: 1, label: 'trả lời Cường' });
  });

  it('builds threads in one pass, survives a self-reply, a missing parent and a 10,000-deep chain', () => {
    const self = comment({ id: 'self', parentId: 'self' });
    const orphan = comment({ parentId: 'gone' });
    expect(buildThreads([self, orphan]).map((t) => t.comment.id)).to.deep.equal(['self', orphan.id]);
    const chain: Comment[] = [comment({ id: 'r0' })];
    for (let i = 1; i < 10_000; i++) chain.push(comment({ id: `r${i}`, parentId: `r${i - 1}` }));
    const [top] = buildThreads(chain);
    expect(flattenReplies(top!)).to.have.length(9_999);
  });

  it('sorts local comments by newest, oldest and most liked through the sort control', async () => {
    const list = [
      comment({ authorName: 'Cũ', createdAt: '2026-02-01T08:00:00+07:00', likes: 5 }),
      comment({ authorName: 'Mới', createdAt: '2026-02-03T08:00:00+07:00', likes: 0 }),
      comment({ authorName: 'Giữa', createdAt: '2026-02-02T08:00:00+07:00', likes: 9 }),
    ];
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${list}></tin-comment-thread>`,
    );
    const order = () => threads(el).map((li) => text(li.querySelector('[part=author]')));
    expect(order()).to.deep.equal(['Mới', 'Giữa', 'Cũ']);
    const select = $<HTMLSelectElement>(el, 'select')!;
    expect(text(select.labels[0])).to.contain('Sắp xếp');
    for (const [sort, expected] of [
      ['oldest', ['Cũ', 'Giữa', 'Mới']],
      ['top', ['Giữa', 'Cũ', 'Mới']],
    ] as const) {
      select.value = sort;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(order()).to.deep.equal(expected);
    }
  });

  it('reloads page 1 from the source when the sort changes, and pages with the cursor', async () => {
    const source = fakeSource({
      list: async ({ cursor, sort }) =>
        cursor
          ? { comments: [comment({ authorName: 'Trang 2' })], nextCursor: null, total: 2 }
          : { comments: [comment({ authorName: `Trang 1 ${sort}` })], nextCursor: 'after-1', total: 2 },
    });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} limit="1" .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    expect(threads(el).map((li) => text(li.querySelector('[part=author]')))).to.deep.equal(['Trang 1 newest']);
    const more = button(el, 'Xem thêm bình luận');
    more.focus();
    more.click();
    await waitUntil(() => threads(el).length === 2);
    expect(source.lists[1]).to.deep.equal({ sort: 'newest', cursor: 'after-1', limit: 1, replies: 3 });
    expect(button(el, 'Xem thêm bình luận')).to.equal(undefined);
    // Focus moves to the first new comment, since the button it was on is gone.
    await waitUntil(() => focused(el)?.tagName === 'ARTICLE');
    expect(text(focused(el)!.querySelector('[part=author]'))).to.equal('Trang 2');

    const select = $<HTMLSelectElement>(el, 'select')!;
    select.value = 'top';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => source.lists.length === 3, 'the new sort did not reload');
    await loaded(el);
    expect(source.lists[2]).to.deep.equal({ sort: 'top', limit: 1, replies: 3 });
    expect(threads(el).map((li) => text(li.querySelector('[part=author]')))).to.deep.equal(['Trang 1 top']);
  });

  it('shows an error with retry when a further page fails', async () => {
    let fail = true;
    const source = fakeSource({
      list: async ({ cursor }) => {
        if (!cursor) return { comments: [comment()], nextCursor: 'p2', total: 2 };
        if (fail) throw new BantinDataError('network', 'offline');
        return { comments: [comment()], nextCursor: null, total: 2 };
      },
    });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    button(el, 'Xem thêm bình luận').click();
    await waitUntil(() => $(el, '[part=error]'));
    expect(threads(el)).to.have.length(1);
    fail = false;
    button(el, 'Thử lại').click();
    await waitUntil(() => threads(el).length === 2);
  });

  it('renders at most limit threads of 10,000 local comments, and pages locally', async () => {
    const list: Comment[] = [];
    for (let i = 0; i < 10_000; i++) {
      list.push(
        comment({
          id: `n${i}`,
          parentId: i % 4 && i > 4 ? `n${i - (i % 4)}` : null,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
        }),
      );
    }
    const topLevel = list.filter((c) => !c.parentId).length;
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${list}></tin-comment-thread>`,
    );
    expect(threads(el)).to.have.length(20);
    expect($$(el, 'article').length).to.be.at.most(20 * 4);
    expect(text($(el, '[part=toolbar]'))).to.contain('10.000 bình luận');
    button(el, 'Xem thêm bình luận').click();
    await el.updateComplete;
    expect(threads(el)).to.have.length(40);
    expect(topLevel).to.be.greaterThan(40);
  });
});

describe('tin-comment-thread: form', () => {
  it('has labelled fields, a live counter with a limit, and accessible errors', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${[]}></tin-comment-thread>`,
    );
    const content = field(el, 'content');
    expect(content.labels![0]!.textContent).to.equal('Nội dung bình luận');
    expect(field(el, 'authorName').labels![0]!.textContent).to.equal('Họ và tên');
    expect(content.maxLength).to.equal(model.COMMENT_MAX_LENGTH);
    expect(field(el, 'authorName').maxLength).to.equal(80);
    expect(text($(el, '#counter'))).to.equal('0/2.000 ký tự');
    expect(content.getAttribute('aria-describedby')).to.equal('counter');

    await type(el, 'content', 'Xin chào');
    expect(text($(el, '#counter'))).to.equal('8/2.000 ký tự');
    expect(status(el)).to.equal('');
    // Announced politely near the limit only, not on every keystroke.
    await type(el, 'content', 'a'.repeat(model.COMMENT_MAX_LENGTH - 50));
    expect(status(el)).to.equal('Còn dưới 100 ký tự.');
    await type(el, 'content', 'a'.repeat(model.COMMENT_MAX_LENGTH));
    expect(status(el)).to.equal('Đã đạt giới hạn 2.000 ký tự.');
    await type(el, 'content', '');

    await type(el, 'email', 'khong-phai-email');
    submitButton(el).click();
    await el.updateComplete;
    await el.updateComplete;
    const name = field(el, 'authorName');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${name.getAttribute('aria-describedby')}`))).to.equal('Vui lòng nhập họ và tên.');
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#email-error'))).to.equal('Địa chỉ email không hợp lệ.');
    expect(content.getAttribute('aria-describedby')).to.equal('counter content-error');
    expect(text($(el, '#content-error'))).to.equal('Vui lòng nhập nội dung bình luận.');
    expect(focused(el)).to.equal(name);
    await expect(el).to.be.accessible();

    await type(el, 'authorName', 'Phạm Minh Đức');
    expect(name.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#authorName-error')).to.equal(null);
  });

  it('is usable by keyboard: Tab through the fields, Enter on the button posts', async () => {
    const source = fakeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    field(el, 'authorName').focus();
    await press('Tab');
    expect(focused(el)).to.equal(field(el, 'email'));
    await press('Tab');
    expect(focused(el)).to.equal(field(el, 'content'));
    await press('Tab');
    expect(focused(el)).to.equal(submitButton(el));
    await fillValid(el);
    submitButton(el).focus();
    await press('Enter');
    await waitUntil(() => source.posts.length === 1);
    await waitUntil(() => status(el) === 'Bình luận của bạn đã được đăng.');
  });

  it('posts, inserts an approved comment at once, clears the draft and fires tin-comment-thread-posted', async () => {
    const source = fakeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await type(el, 'email', 'binh@example.vn');
    await fillValid(el);
    expect(storedDrafts()).to.have.length(1);
    const submitted = oneEvent(el, 'tin-comment-thread-submit');
    const posted = oneEvent(el, 'tin-comment-thread-posted');
    submitButton(el).click();
    const { detail } = await submitted;
    expect(detail.comment.fillMs).to.be.a('number').and.at.least(0);
    expect({ ...detail, comment: { ...detail.comment, fillMs: 0 } }).to.deep.equal({
      articleId: ARTICLE,
      comment: {
        authorName: 'Trần Thị Bình',
        content: 'Cử tri phường Ba Đình mong được biết lịch tiếp xúc.',
        email: 'binh@example.vn',
        // The spam-defence fields, for a host that cancels this event and posts itself.
        website: '',
        fillMs: 0,
      },
    });
    const event = await posted;
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(threads(el)).to.have.length(1);
    expect(text($(el, '[part=content]'))).to.equal('Cử tri phường Ba Đình mong được biết lịch tiếp xúc.');
    expect(status(el)).to.equal('Bình luận của bạn đã được đăng.');
    expect(field(el, 'content').value).to.equal('');
    expect(field(el, 'authorName').value).to.equal('Trần Thị Bình');
    expect(storedDrafts()).to.deep.equal([]);
    expect(source.posts[0]!.key).to.be.a('string').and.not.equal('');
  });

  it('announces a pending comment in the live region without listing it', async () => {
    const source = fakeSource({ post: async (body) => comment({ ...body, parentId: null, status: 'pending' }) });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await fillValid(el);
    submitButton(el).click();
    await waitUntil(() => status(el) === 'Bình luận của bạn đang chờ duyệt.');
    expect($(el, '[role=status]')!.getAttribute('role')).to.equal('status');
    expect(threads(el)).to.have.length(0);
  });

  it('posts once on a double click or a second Enter', async () => {
    let release!: () => void;
    const source = fakeSource({
      post: (body) => new Promise((resolve) => (release = () => resolve(comment({ ...body, parentId: null })))),
    });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await fillValid(el);
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(text(submitButton(el))).to.equal('Đang gửi…');
    submitButton(el).focus();
    await press('Enter');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    expect(source.posts).to.have.length(1);
    release();
    await waitUntil(() => status(el) === 'Bình luận của bạn đã được đăng.');
    expect(source.posts).to.have.length(1);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
  });

  it('posts nothing and keeps the draft when tin-comment-thread-submit is cancelled', async () => {
    const source = fakeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await fillValid(el);
    el.addEventListener('tin-comment-thread-submit', (event) => event.preventDefault(), { once: true });
    submitButton(el).click();
    await el.updateComplete;
    expect(source.posts).to.have.length(0);
    expect(field(el, 'content').value).to.contain('Ba Đình');
    expect(storedDrafts()).to.have.length(1);
  });

  it('keeps a failed post in the form and in storage, and "Gửi lại" re-posts with the same idempotency key', async () => {
    const source = httpSource((url, init) => {
      if (init.method !== 'POST') return json({ comments: [], nextCursor: null, total: 0 });
      return source.calls.filter((call) => call.init.method === 'POST').length === 1
        ? json({ error: { code: 'down', message: 'down' } }, 503)
        : json({ comment: comment({ authorName: 'Trần Thị Bình', content: 'Gửi lại được rồi.' }) }, 201);
    });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await fillValid(el, 'Gửi lại được rồi.');
    const failed = oneEvent(el, 'tin-comment-thread-post-error');
    submitButton(el).click();
    const detail: TinCommentThreadPostErrorDetail = (await failed).detail;
    expect(detail.error).to.be.instanceOf(BantinDataError);
    expect(detail.draft.content).to.equal('Gửi lại được rồi.');
    await el.updateComplete;
    expect(status(el)).to.equal('Chưa gửi được bình luận. Nội dung bạn viết vẫn được giữ lại. Máy chủ đang gặp sự cố.');
    expect(field(el, 'content').value).to.equal('Gửi lại được rồi.');
    expect(storedDrafts()[0]).to.contain('Gửi lại được rồi.');
    await expect(el).to.be.accessible();

    button(el, 'Gửi lại').click();
    await waitUntil(() => status(el) === 'Bình luận của bạn đã được đăng.');
    const posts = source.calls.filter((call) => call.init.method === 'POST');
    expect(posts).to.have.length(2);
    const keys = posts.map((call) => (call.init.headers as Record<string, string>)['idempotency-key']);
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    // The same comment; its fill time still counts from the first input, so it only grows.
    const [first, retry] = posts.map((call) => JSON.parse(call.init.body as string) as NewComment);
    expect({ ...retry, fillMs: 0 }).to.deep.equal({ ...first, fillMs: 0 });
    expect(retry!.fillMs).to.be.at.least(first!.fillMs!);
    expect(storedDrafts()).to.deep.equal([]);
  });

  for (const [name, error, reason] of [
    ['offline', new BantinDataError('network', 'offline'), 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'],
    [
      'rate-limited',
      new BantinDataError('rate-limited', '429', { status: 429, retryAfterSeconds: 60 }),
      'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
    ],
    ['timed out', new BantinDataError('timeout', 'slow'), 'Máy chủ phản hồi quá lâu.'],
    ['invalid', new BantinDataError('invalid-response', 'bad'), 'Dữ liệu nhận được không hợp lệ.'],
  ] as const) {
    it(`keeps the draft across a reload after a ${name} post`, async () => {
      const source = fakeSource({ post: () => Promise.reject(error) });
      const el = await fixture<TinCommentThread>(
        html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
      );
      await loaded(el);
      await type(el, 'email', 'binh@example.vn');
      await fillValid(el);
      submitButton(el).click();
      await waitUntil(() => status(el).startsWith('Chưa gửi được bình luận.'));
      expect(status(el)).to.contain(reason);
      const key = source.posts[0]!.key;

      // A reload: the element goes away and a new one for the same article (another URL form) comes.
      el.remove();
      const again = await fixture<TinCommentThread>(
        html`<tin-comment-thread
          article-id="/tin-tuc-thanh-pho/hoi-nghi-ban-chi-dao-bau-cu.html#binh-luan"
          .dataSource=${source}
        ></tin-comment-thread>`,
      );
      expect(field(again, 'authorName').value).to.equal('Trần Thị Bình');
      expect(field(again, 'email').value).to.equal('binh@example.vn');
      expect(field(again, 'content').value).to.equal('Cử tri phường Ba Đình mong được biết lịch tiếp xúc.');
      expect(status(again)).to.equal('Đã khôi phục bản nháp chưa gửi.');
      submitButton(again).click();
      await waitUntil(() => source.posts.length === 2);
      expect(source.posts[1]!.key).to.equal(key);
    });
  }

  it('uses a new idempotency key once the draft is edited after a failure', async () => {
    const source = fakeSource({ post: () => Promise.reject(new BantinDataError('network', 'offline')) });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    await fillValid(el);
    submitButton(el).click();
    await waitUntil(() => button(el, 'Gửi lại'));
    await type(el, 'content', 'Nội dung đã sửa.');
    expect(button(el, 'Gửi lại')).to.equal(undefined);
    submitButton(el).click();
    await waitUntil(() => source.posts.length === 2);
    expect(source.posts[1]!.key).to.not.equal(source.posts[0]!.key);
  });

  it('replies: the button moves focus to the form, posts with parentId, and can be cancelled', async () => {
    const parent = comment({ authorName: 'Nguyễn Văn An' });
    const source = fakeSource();
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source} .comments=${[parent]}></tin-comment-thread>`,
    );
    const reply = $<HTMLButtonElement>(el, 'footer button')!;
    expect(reply.getAttribute('aria-label')).to.equal('Trả lời Nguyễn Văn An');
    reply.focus();
    await press('Enter');
    await el.updateComplete;
    await waitUntil(() => focused(el) === field(el, 'content'), 'focus did not move to the textarea');
    expect(text($(el, 'form .row'))).to.contain('Đang trả lời Nguyễn Văn An');
    await type(el, 'content', 'Đồng ý với ý kiến trên.');
    expect(JSON.parse(storedDrafts()[0]!)).to.include({ parentId: parent.id, parentName: 'Nguyễn Văn An' });

    button(el, 'Hủy trả lời').click();
    await el.updateComplete;
    expect(text($(el, 'form'))).to.not.contain('Đang trả lời');
    expect(focused(el)).to.equal(field(el, 'content'));

    reply.click();
    await fillValid(el);
    submitButton(el).click();
    await waitUntil(() => source.posts.length === 1);
    expect(source.posts[0]!.comment.parentId).to.equal(parent.id);
    await waitUntil(() => $(el, '[part=replies]'));
    expect(text($(el, '[part=replies] [part=content]'))).to.contain('Ba Đình');
  });

  it('carries on when localStorage throws', async () => {
    const { setItem, getItem } = Storage.prototype;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const source = fakeSource();
      const el = await fixture<TinCommentThread>(
        html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
      );
      await loaded(el);
      await fillValid(el);
      expect(field(el, 'content').value).to.contain('Ba Đình');
      submitButton(el).click();
      await waitUntil(() => status(el) === 'Bình luận của bạn đã được đăng.');
    } finally {
      Object.assign(Storage.prototype, { setItem, getItem });
    }
  });
});

describe('tin-comment-thread: user text is text', () => {
  it('renders XSS payloads in names and content as text', async () => {
    const list = [
      comment({ authorName: XSS_IMG, content: XSS_SCRIPT }),
      comment({ authorName: XSS_SCRIPT, content: `${XSS_IMG} javascript:window.__xss=1` }),
    ];
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${list}></tin-comment-thread>`,
    );
    const reply = list[1]!;
    $<HTMLButtonElement>(el, 'footer button')!.click();
    await el.updateComplete;
    expect($(el, 'img, script, a')).to.equal(null);
    expect(text($(el, '[part=author]'))).to.equal(XSS_IMG);
    expect(text($(el, '[part=content]'))).to.equal(XSS_SCRIPT);
    expect(text($(el, 'form .row'))).to.contain(XSS_IMG);

    // A tampered stored draft comes back as field values only.
    localStorage.setItem(
      'bantin:comment-draft:xss',
      JSON.stringify({ authorName: XSS_IMG, content: XSS_SCRIPT, parentId: reply.id, parentName: XSS_SCRIPT }),
    );
    const restored = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id="xss" .comments=${[]}></tin-comment-thread>`,
    );
    expect(field(restored, 'content').value).to.equal(XSS_SCRIPT);
    expect($(restored, 'img, script')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('ignores a stored draft that is not an object', async () => {
    localStorage.setItem('bantin:comment-draft:broken', '"<img src=x>"');
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id="broken" .comments=${[]}></tin-comment-thread>`,
    );
    expect(field(el, 'content').value).to.equal('');
    expect(status(el)).to.equal('');
  });
});

describe('tin-comment-thread: hostile data and narrow screens', () => {
  it('shows two comments whose parentIds point at each other as top-level comments', async () => {
    const a = comment({ id: 'vong-a', parentId: 'vong-b', authorName: 'An' });
    const b = comment({ id: 'vong-b', parentId: 'vong-a', authorName: 'Bình' });
    const c = comment({ id: 'vong-c', parentId: 'vong-a', authorName: 'Cường' });
    // A longer loop, and a reply hanging from it, which stays a reply.
    const x = comment({ id: 'x', parentId: 'z' });
    const y = comment({ id: 'y', parentId: 'x' });
    const z = comment({ id: 'z', parentId: 'y' });
    expect(buildThreads([a, b, c, x, y, z]).map((t) => t.comment.id)).to.deep.equal([
      'vong-a',
      'vong-b',
      'x',
      'y',
      'z',
    ]);

    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${[a, b, c]}></tin-comment-thread>`,
    );
    expect(threads(el).map((li) => text(li.querySelector('[part=author]')))).to.have.members(['An', 'Bình']);
    expect(text($(el, '[part=replies] [part=author]'))).to.equal('Cường');
    expect(text($(el, '[part=toolbar]'))).to.contain('3 bình luận');
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 390, 768]) {
    it(`wraps an 80-character unbroken name at ${width} px: nothing overflows`, async () => {
      await setViewport({ width, height: 800 });
      try {
        const name = 'Đ'.repeat(40) + 'a'.repeat(40);
        const top = comment({ authorName: name, content: 'x'.repeat(300) });
        const replies = [top];
        // Deep enough that the deepest level is shown flat, with "trả lời <name>".
        for (let i = 0; i < 4; i++)
          replies.push(comment({ authorName: name, parentId: replies[replies.length - 1]!.id }));
        const el = await fixture<TinCommentThread>(
          html`<tin-comment-thread article-id=${ARTICLE} .comments=${replies} .now=${now}></tin-comment-thread>`,
        );
        $<HTMLButtonElement>(el, 'footer button')!.click(); // "Đang trả lời <name>" in the form
        await el.updateComplete;
        expect(text($(el, 'form .row'))).to.contain(name);
        expect(text($(el, '[part=replies] header span'))).to.contain(name);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        for (const node of [el, ...$$(el, 'article, header, form, form .row')])
          expect(node.scrollWidth, node.tagName).to.be.at.most(node.clientWidth || width);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('isolates user-written names: an open U+202E does not mirror the text after it', async () => {
    const rlo = comment({ authorName: '\u202EKẻ Xấu', likes: 2 });
    const reply = comment({ authorName: '\u202EKẻ Xấu 2', parentId: rlo.id });
    const deep = comment({ authorName: 'Chị Hoa', parentId: reply.id });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id=${ARTICLE}
        max-depth="1"
        .comments=${[rlo, reply, deep]}
        .now=${now}
      ></tin-comment-thread>`,
    );
    /** True when the text node's characters are laid out left to right, as Vietnamese is. */
    const leftToRight = (node: Element) => {
      const textNode = [...node.childNodes].find(
        (child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim(),
      )!;
      const value = textNode.textContent!;
      const first = value.search(/\S/);
      const last = value.length - 1 - [...value].reverse().join('').search(/\S/);
      const at = (offset: number) => {
        const range = document.createRange();
        range.setStart(textNode, offset);
        range.setEnd(textNode, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return at(first) < at(last);
    };
    for (const time of $$(el, 'header time')) expect(leftToRight(time), 'time after the name').to.equal(true);
    // The deepest reply, shown flat: "trả lời <name>" then its time.
    const flat = $$(el, 'article').find((node) => text(node.querySelector('[part=author]')) === 'Chị Hoa')!;
    expect(text(flat.querySelector('header span'))).to.equal('trả lời \u202EKẻ Xấu 2');
    expect(leftToRight(flat.querySelector('time')!)).to.equal(true);
    // In the form: "Đang trả lời <name>", then the cancel button.
    $<HTMLButtonElement>(el, 'footer button')!.click();
    await el.updateComplete;
    expect(leftToRight($(el, 'form .row button')!)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('tin-comment-thread: paging by thread (mock server)', () => {
  const authors = (node: Element) =>
    [...node.querySelectorAll(':scope > article [part=author]')].map((author) => text(author));
  const threadOf = (el: TinCommentThread, name: string) => threads(el).find((li) => authors(li)[0] === name)!;
  const repliesOf = (li: Element) => [...li.querySelectorAll('[part=replies] [part=author]')].map(text);

  it('shows a page of whole threads, each with its first replies and "Xem thêm trả lời" for the rest', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id="phan-trang"
        endpoint="/mock-api"
        limit="5"
        .now=${now}
      ></tin-comment-thread>`,
    );
    await loaded(el);
    // Newest threads first: t12 … t8; every reply sits under its own thread, none at the top level.
    expect(threads(el).map((li) => authors(li)[0])).to.deep.equal([
      'Bạn đọc 12',
      'Bạn đọc 11',
      'Bạn đọc 10',
      'Bạn đọc 9',
      'Bạn đọc 8',
    ]);
    expect(text($(el, '[part=toolbar]'))).to.contain('42 bình luận');
    const eleven = threadOf(el, 'Bạn đọc 11');
    expect(repliesOf(eleven)).to.deep.equal(['Người trả lời 11.1', 'Người trả lời 11.2', 'Người trả lời 11.3']);
    const more = eleven.querySelector<HTMLButtonElement>(':scope > [part=more-replies]')!;
    expect(text(more)).to.equal('Xem thêm 2 trả lời');
    expect(text(threadOf(el, 'Bạn đọc 10').querySelector('[part=more-replies]'))).to.equal('Xem thêm 1 trả lời');
    expect(threadOf(el, 'Bạn đọc 9').querySelector('[part=more-replies]')).to.equal(null);
    await expect(el).to.be.accessible();

    more.click();
    await waitUntil(() => repliesOf(threadOf(el, 'Bạn đọc 11')).length === 5, 'the replies did not load');
    // Reply 4 answers reply 3 and reply 5 answers reply 4: shown at the deepest level, in order.
    expect(repliesOf(threadOf(el, 'Bạn đọc 11'))).to.deep.equal([
      'Người trả lời 11.1',
      'Người trả lời 11.2',
      'Người trả lời 11.3',
      'Người trả lời 11.4',
      'Người trả lời 11.5',
    ]);
    expect(threadOf(el, 'Bạn đọc 11').querySelector('[part=more-replies]')).to.equal(null);
    await waitUntil(() => text(focused(el)?.querySelector('[part=author]')) === 'Người trả lời 11.4');

    button(el, 'Xem thêm bình luận').click();
    await waitUntil(() => threads(el).length === 10, 'page 2 did not load');
    expect(
      threads(el)
        .map((li) => authors(li)[0])
        .slice(5),
    ).to.deep.equal(['Bạn đọc 7', 'Bạn đọc 6', 'Bạn đọc 5', 'Bạn đọc 4', 'Bạn đọc 3']);
    expect(text(threadOf(el, 'Bạn đọc 5').querySelector('[part=more-replies]'))).to.equal('Xem thêm 2 trả lời');
  });

  it('shows an error with a working retry when more replies fail to load, and fires tin-comment-thread-error', async () => {
    let fail = true;
    const source = fakeSource({
      list: async () => ({
        comments: [comment({ id: 'goc', authorName: 'Gốc' }), comment({ id: 'tl1', parentId: 'goc' })],
        threads: [{ id: 'goc', replies: 2, repliesCursor: 'tiep' }],
        nextCursor: null,
        total: 3,
      }),
    });
    source.listReplies = async (_article, id, query) => {
      if (fail) throw new BantinDataError('network', 'offline');
      expect([id, query.cursor]).to.deep.equal(['goc', 'tiep']);
      return {
        comments: [comment({ id: 'tl2', parentId: 'goc', authorName: 'Trả lời sau' })],
        nextCursor: null,
        total: 2,
      };
    };
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    const failed = oneEvent(el, 'tin-comment-thread-error');
    $<HTMLButtonElement>(el, '[part=more-replies]')!.click();
    const event = await failed;
    expect(event.detail.what).to.equal('replies');
    expect(event.bubbles && event.composed).to.equal(true);
    await waitUntil(() => $(el, '[part=error]'));
    expect(text($(el, '[part=error-message]'))).to.equal('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    fail = false;
    button(el, 'Thử lại').click();
    await waitUntil(() => text($(el, '[part=replies]')).includes('Trả lời sau'));
    expect($(el, '[part=error]')).to.equal(null);
    expect($(el, '[part=more-replies]')).to.equal(null);
  });

  it('offers no "Xem thêm trả lời" when the data source cannot list replies', async () => {
    const source = fakeSource({
      list: async () => ({
        comments: [comment({ id: 'goc' }), comment({ id: 'tl1', parentId: 'goc' })],
        threads: [{ id: 'goc', replies: 5, repliesCursor: 'tiep' }],
        nextCursor: null,
        total: 6,
      }),
    });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    expect($$(el, 'article')).to.have.length(2);
    expect($(el, '[part=more-replies]')).to.equal(null);
  });

  it('renders at most `limit` threads of a page, whatever the server sends', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id="qua-nhieu" endpoint="/mock-api"></tin-comment-thread>`,
    );
    // 2,000 comments to read and check first: slow on a busy machine.
    await loaded(el, 8000);
    expect(threads(el)).to.have.length(20);
    expect($$(el, 'article')).to.have.length(20);
    // Replies a hostile page carries count too: 20 × (1 + 3) comments at most.
    const flood = [comment({ id: 'lu' })];
    for (let i = 0; i < 5000; i++) flood.push(comment({ id: `lu${i}`, parentId: 'lu' }));
    const source = fakeSource({ list: async () => ({ comments: flood, nextCursor: null, total: 5001 }) });
    const capped = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(capped);
    expect($$(capped, 'article')).to.have.length(80);
  });

  it('fires tin-comment-thread-error when the first page fails', async () => {
    const source = fakeSource({ list: () => Promise.reject(new BantinDataError('http', '503', { status: 503 })) });
    const el = fixtureSync<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    const event = await oneEvent(el, 'tin-comment-thread-error');
    expect(event.detail).to.include({ articleId: ARTICLE, what: 'comments' });
    expect(event.detail.error).to.be.instanceOf(BantinDataError);
  });
});

describe('tin-comment-thread: likes', () => {
  const likeButton = (el: TinCommentThread, name: string) =>
    $$(el, 'article')
      .find((node) => text(node.querySelector('[part=author]')) === name)!
      .querySelector<HTMLButtonElement>('[part=like]')!;
  const likesText = (el: TinCommentThread, name: string) =>
    text(likeButton(el, name).closest('footer')!.querySelector('span'));

  it('likes at once, counts what the server says, announces it, and stays pressed after a reload', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id="phan-trang" endpoint="/mock-api" limit="3"></tin-comment-thread>`,
    );
    await loaded(el);
    const like = likeButton(el, 'Bạn đọc 12');
    expect(like.getAttribute('aria-pressed')).to.equal('false');
    expect(like.getAttribute('aria-label')).to.equal('Thích bình luận của Bạn đọc 12');
    expect(text(like)).to.equal('Thích');
    expect(likesText(el, 'Bạn đọc 12')).to.equal('12 lượt thích');
    const liked = oneEvent(el, 'tin-comment-thread-like');
    like.click();
    await el.updateComplete;
    // Optimistic: pressed and counted before the server has answered.
    expect(like.getAttribute('aria-pressed')).to.equal('true');
    expect(likesText(el, 'Bạn đọc 12')).to.equal('13 lượt thích');
    expect((await liked).detail).to.deep.equal({ articleId: 'phan-trang', commentId: 't12', likes: 13 });
    await el.updateComplete;
    expect(text($(el, '[part=like-status]'))).to.equal('Đã thích bình luận của Bạn đọc 12: 13 lượt thích.');
    expect($(el, '[part=like-status]')!.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    // Once per reader: a second press posts nothing and says so.
    let posts = 0;
    const count = () => posts++;
    el.addEventListener('tin-comment-thread-like', count);
    like.click();
    await el.updateComplete;
    expect(text($(el, '[part=like-status]'))).to.equal('Bạn đã thích bình luận này.');
    expect(posts).to.equal(0);

    el.remove();
    const again = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id="phan-trang" endpoint="/mock-api" limit="3"></tin-comment-thread>`,
    );
    await loaded(again);
    expect(likeButton(again, 'Bạn đọc 12').getAttribute('aria-pressed')).to.equal('true');
    expect(likesText(again, 'Bạn đọc 12')).to.equal('13 lượt thích');
    expect(likeButton(again, 'Bạn đọc 11').getAttribute('aria-pressed')).to.equal('false');
  });

  it('undoes a like the server refused, says why, and fires tin-comment-thread-like-error', async () => {
    const source = httpSource((url, init) =>
      init.method === 'POST'
        ? json({ error: { code: 'down', message: 'down' } }, 503)
        : json({ comments: [comment({ id: 'c-like', likes: 4, authorName: 'Hoa' })], nextCursor: null, total: 1 }),
    );
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .dataSource=${source}></tin-comment-thread>`,
    );
    await loaded(el);
    const failed = oneEvent(el, 'tin-comment-thread-like-error');
    likeButton(el, 'Hoa').click();
    await el.updateComplete;
    expect(likeButton(el, 'Hoa').getAttribute('aria-pressed')).to.equal('true');
    expect(likesText(el, 'Hoa')).to.equal('5 lượt thích');
    const { detail } = await failed;
    expect(detail).to.include({ articleId: ARTICLE, commentId: 'c-like' });
    await el.updateComplete;
    expect(likeButton(el, 'Hoa').getAttribute('aria-pressed')).to.equal('false');
    expect(likesText(el, 'Hoa')).to.equal('4 lượt thích');
    expect(text($(el, '[part=like-status]'))).to.equal('Chưa thích được bình luận. Máy chủ đang gặp sự cố.');
    const post = source.calls.find((call) => call.init.method === 'POST')!;
    expect(post.url).to.equal(`/bantin-api/articles/${encodeURIComponent(ARTICLE)}/comments/c-like/likes`);
    expect(storedLikes()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('has no like button when the source cannot like', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread article-id=${ARTICLE} .comments=${[comment({ likes: 2 })]}></tin-comment-thread>`,
    );
    expect($(el, '[part=like]')).to.equal(null);
    expect(text($(el, 'footer'))).to.contain('2 lượt thích');
  });
});

describe('tin-comment-thread: heading', () => {
  it('takes its text from `heading` and its level from `heading-level` (2–6)', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id=${ARTICLE}
        heading="Ý kiến bạn đọc"
        heading-level="3"
        .comments=${[]}
      ></tin-comment-thread>`,
    );
    const heading = $(el, '[part=heading]')!;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(text(heading)).to.equal('Ý kiến bạn đọc');
    await expect(el).to.be.accessible();
    for (const [level, expected] of [
      [9, '6'],
      [1, '2'],
      [Number.NaN, '2'],
    ] as const) {
      el.headingLevel = level;
      await el.updateComplete;
      expect(heading.getAttribute('aria-level')).to.equal(expected);
    }
    el.heading = '';
    await el.updateComplete;
    expect(text(heading)).to.equal('Bình luận bài viết');
  });
});

describe('tin-comment-thread: one element API', () => {
  const warnings = captureWarnings();

  it('shows the 99 good comments of 100 when one is malformed, warns once with the count, and fires an event', async () => {
    const list: unknown[] = [];
    for (let i = 0; i < 100; i++) list.push(comment({ id: `m${i}`, authorName: `Bạn đọc ${i}` }));
    list[37] = { ...(list[37] as Comment), authorName: 42, createdAt: 'hôm qua' };
    const source = httpSource(() => json({ comments: list, nextCursor: null, total: 100 }));
    const invalid: number[] = [];
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id=${ARTICLE}
        limit="100"
        .dataSource=${source}
        @tin-comment-thread-invalid-items=${(event: CustomEvent<{ count: number }>) => invalid.push(event.detail.count)}
      ></tin-comment-thread>`,
    );
    await loaded(el, 5000);
    expect(threads(el)).to.have.length(99);
    expect($(el, '[part=error]')).to.equal(null);
    expect(threads(el).map((li) => text(li.querySelector('[part=author]')))).to.not.include('Bạn đọc 37');
    expect(invalid).to.deep.equal([1]);
    const counted = warnings.filter((warning) => warning.includes('skipped'));
    expect(counted).to.have.length(1);
    expect(counted[0]).to.contain('1');
  });

  it('skips invalid entries of the `comments` property with one warning', async () => {
    const good = comment({ authorName: 'Hợp lệ' });
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        article-id=${ARTICLE}
        .comments=${[good, { id: 'hong', content: null } as unknown as Comment]}
      ></tin-comment-thread>`,
    );
    expect(threads(el).map((li) => text(li.querySelector('[part=author]')))).to.deep.equal(['Hợp lệ']);
    expect(text($(el, '[part=toolbar]'))).to.contain('1 bình luận');
    expect(warnings.filter((warning) => warning.includes('skipped 1'))).to.have.length(1);
  });

  for (const [name, template, attribute] of [
    ['an endpoint', html`<tin-comment-thread article-id=${ARTICLE}></tin-comment-thread>`, 'endpoint'],
    ['an article id', html`<tin-comment-thread endpoint="/mock-api"></tin-comment-thread>`, 'article-id'],
  ] as const) {
    it(`says which attribute is missing when it has no ${name}, with no retry`, async () => {
      const el = fixtureSync<TinCommentThread>(template);
      const failed = await oneEvent(el, 'tin-comment-thread-error');
      expect(failed.detail.what).to.equal('comments');
      await el.updateComplete;
      expect(text($(el, '[part=error-message]'))).to.equal(`Chưa cấu hình: thiếu thuộc tính ${attribute}.`);
      expect($(el, '[part=retry]')).to.equal(null);
      expect(warnings.filter((warning) => warning.includes(`"${attribute}"`))).to.have.length(1);
      // The form stays: a page that posts by itself only needs to cancel the submit event.
      expect($(el, 'form')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it("follows a change of an ancestor's lang at run time", async () => {
    const wrapper = await fixture(
      html`<div lang="vi">
        <tin-comment-thread article-id=${ARTICLE} .comments=${[comment()]} .now=${now}></tin-comment-thread>
      </div>`,
    );
    const el = wrapper.querySelector('tin-comment-thread')!;
    expect(text($(el, '[part=heading]'))).to.equal('Bình luận bài viết');
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => text($(el, '[part=heading]')) === 'Comments', 'the heading stayed Vietnamese');
    expect(text($(el, 'time'))).to.equal('1 day ago');
    expect(text($(el, '[part=submit]'))).to.equal('Post comment');
  });

  it('takes `now` as an attribute, and counts one comment in the singular in English', async () => {
    const el = await fixture<TinCommentThread>(
      html`<tin-comment-thread
        lang="en"
        article-id=${ARTICLE}
        now="2026-02-04T09:00:00+07:00"
        .comments=${[comment()]}
      ></tin-comment-thread>`,
    );
    expect(text($(el, 'time'))).to.equal('1 day ago');
    expect(text($(el, '[part=toolbar] p'))).to.equal('1 comment');
  });
});
