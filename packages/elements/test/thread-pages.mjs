// The paging of docs/api.md over an in-memory list of comments, for the two mocks of the
// contract: the test runner's server (test/mock-comments.mjs) and Storybook's data source
// (stories/mock/mock-data-source.ts). Cursors are offsets.

const time = (comment) => Date.parse(comment.createdAt);
const ORDERS = {
  newest: (a, b) => time(b) - time(a),
  oldest: (a, b) => time(a) - time(b),
  top: (a, b) => b.likes - a.likes || time(b) - time(a),
};

/** Every thread's replies at any depth, in the order they were posted, by top-level comment id. */
export function repliesByThread(comments) {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const threads = new Map();
  for (const comment of [...comments].sort((a, b) => time(a) - time(b))) {
    let node = comment;
    for (let hops = 0; node?.parentId && hops < comments.length; hops++) node = byId.get(node.parentId);
    if (!node || node === comment) continue;
    if (!threads.has(node.id)) threads.set(node.id, []);
    threads.get(node.id).push(comment);
  }
  return threads;
}

/** `GET …/comments`: `limit` threads from `cursor`, each top-level comment followed by its first `replies` replies. */
export function threadPage(comments, { sort = 'newest', limit = 20, replies = 3, cursor = null }) {
  const roots = comments.filter((comment) => !comment.parentId).sort(ORDERS[sort] ?? ORDERS.newest);
  const byThread = repliesByThread(comments);
  const start = Number(cursor ?? 0);
  const page = roots.slice(start, start + limit);
  const list = [];
  const threads = [];
  for (const root of page) {
    const thread = byThread.get(root.id) ?? [];
    list.push(root, ...thread.slice(0, replies));
    threads.push({
      id: root.id,
      replies: thread.length,
      repliesCursor: thread.length > replies ? String(replies) : null,
    });
  }
  const end = start + page.length;
  return { comments: list, threads, nextCursor: end < roots.length ? String(end) : null, total: comments.length };
}

/** `GET …/comments/{rootId}/replies`, or null when `rootId` is not a top-level comment of the list. */
export function repliesPage(comments, rootId, { limit = 20, cursor = null }) {
  if (!comments.some((comment) => comment.id === rootId && !comment.parentId)) return null;
  const thread = repliesByThread(comments).get(rootId) ?? [];
  const start = Number(cursor ?? 0);
  const end = start + limit;
  return {
    comments: thread.slice(start, end),
    nextCursor: end < thread.length ? String(end) : null,
    total: thread.length,
  };
}
