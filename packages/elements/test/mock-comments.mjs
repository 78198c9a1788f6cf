// The comment routes of docs/api.md, paged by thread, served under /mock-api by the test
// runner's dev server for the comment thread's tests. In memory, per test run. Articles:
// - `phan-trang`: 12 threads; thread n has n % 6 replies, the later ones answering a reply;
// - `qua-nhieu`: a server that ignores `limit` and sends all its 2,000 top-level comments (under the 1 MiB cap);
// - anything else: no comments.
// Likes count a visitor once (by the `x-visitor` header, else one visitor for the run).
import { repliesPage, threadPage } from './thread-pages.mjs';

const START = Date.parse('2026-02-01T08:00:00+07:00');
const at = (minutes) => new Date(START + minutes * 60_000).toISOString();

function comment(articleId, id, parentId, minutes, authorName, likes = 0) {
  return {
    id,
    articleId,
    parentId,
    authorName,
    content: `Ý kiến ${id} về kế hoạch đầu tư công năm 2021.`,
    createdAt: at(minutes),
    status: 'approved',
    likes,
  };
}

function pagingArticle() {
  const list = [];
  for (let n = 1; n <= 12; n++) {
    const root = comment('phan-trang', `t${n}`, null, n * 100, `Bạn đọc ${n}`, n);
    list.push(root);
    for (let r = 1; r <= n % 6; r++) {
      // Replies 1–3 answer the top-level comment; from the 4th, each answers the reply before it.
      const parent = r <= 3 ? root.id : `t${n}-r${r - 1}`;
      list.push(comment('phan-trang', `t${n}-r${r}`, parent, n * 100 + r, `Người trả lời ${n}.${r}`));
    }
  }
  return list;
}

const articles = new Map([
  ['phan-trang', pagingArticle()],
  ['qua-nhieu', Array.from({ length: 2000 }, (_, i) => comment('qua-nhieu', `q${i}`, null, i, `Bạn đọc ${i}`))],
]);
const likedBy = new Map();

function send(context, status, body) {
  context.status = status;
  context.type = 'application/json';
  context.body = JSON.stringify(body);
}

/** A query parameter as a whole number from 0, or undefined (the contract's default applies). */
const int = (value) => (value !== null && /^\d+$/.test(value) ? Number(value) : undefined);

export async function mockComments(context, next) {
  const url = new URL(context.url, 'http://localhost');
  const match = /^\/mock-api\/articles\/([^/]+)\/comments(?:\/([^/]+)\/(replies|likes))?$/.exec(url.pathname);
  if (!match) return next();
  const [, articleId, commentId, what] = match.map((part) => part && decodeURIComponent(part));
  const all = articles.get(articleId) ?? [];
  const query = url.searchParams;
  if (context.method === 'GET' && !what) {
    const roots = all.filter((c) => !c.parentId).length;
    // `qua-nhieu` ignores the limit, as a broken or hostile server might.
    const limit = articleId === 'qua-nhieu' ? roots : int(query.get('limit'));
    const options = {
      sort: query.get('sort') ?? undefined,
      limit,
      replies: int(query.get('replies')),
      cursor: query.get('cursor'),
    };
    return send(context, 200, threadPage(all, options));
  }
  if (context.method === 'GET' && what === 'replies') {
    const page = repliesPage(all, commentId, { limit: int(query.get('limit')), cursor: query.get('cursor') });
    return page
      ? send(context, 200, page)
      : send(context, 404, { error: { code: 'comment_not_found', message: commentId } });
  }
  const target = all.find((c) => c.id === commentId);
  if (context.method === 'POST' && what === 'likes') {
    if (!target) return send(context, 404, { error: { code: 'comment_not_found', message: commentId } });
    const visitor = context.get('x-visitor') || 'one-visitor';
    const key = `${articleId}/${commentId}`;
    const visitors = likedBy.get(key) ?? new Set();
    likedBy.set(key, visitors);
    if (!visitors.has(visitor)) {
      visitors.add(visitor);
      target.likes++;
    }
    return send(context, 200, { likes: target.likes });
  }
  return next();
}
