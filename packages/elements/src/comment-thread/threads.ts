import type { Comment, CommentSort } from '@bantin/model';

export interface Thread {
  comment: Comment;
  /** createdAt in ms, parsed once. */
  time: number;
  /** Posted from this page: kept at the top so the author sees it at once. */
  own: boolean;
  /** Oldest first: a conversation reads down. */
  replies: Thread[];
}

/** A reply shown at the deepest level, with the name of whom it answers when that is not the comment above it. */
export type FlatReply = [thread: Thread, replyTo?: string];

const oldest = (a: Thread, b: Thread) => a.time - b.time;
const orders: Record<CommentSort, (a: Thread, b: Thread) => number> = {
  newest: (a, b) => b.time - a.time,
  oldest,
  top: (a, b) => b.comment.likes - a.comment.likes || b.time - a.time,
};

/**
 * Turns a flat list into reply trees in linear time over a Map by id. Repeated ids keep their
 * first copy; a reply whose parent is not in the list becomes a thread of its own, and so does
 * every comment on a cycle of parentIds (a -> b -> a), which would otherwise hang from nothing
 * and disappear. Top-level threads keep the list's order (the server's), or are sorted by
 * `sort`; the first `ownCount` comments go first either way.
 */
export function buildThreads(comments: readonly Comment[], sort?: CommentSort, ownCount = 0): Thread[] {
  const byId = new Map<string, Thread>();
  comments.forEach((comment, index) => {
    if (!byId.has(comment.id))
      byId.set(comment.id, { comment, time: Date.parse(comment.createdAt), own: index < ownCount, replies: [] });
  });
  const parentOf = (thread: Thread) => {
    const parent = byId.get(thread.comment.parentId ?? '');
    return parent === thread ? undefined : parent;
  };
  // Each comment is walked up once: IN_PATH marks the walk in progress, so meeting one again is a cycle.
  const IN_PATH = 1;
  const DONE = 2;
  const seen = new Map<Thread, number>();
  const cyclic = new Set<Thread>();
  for (const start of byId.values()) {
    const path: Thread[] = [];
    let node: Thread | undefined = start;
    for (; node && !seen.has(node); node = parentOf(node)) {
      seen.set(node, IN_PATH);
      path.push(node);
    }
    if (node && seen.get(node) === IN_PATH) for (const member of path.slice(path.indexOf(node))) cyclic.add(member);
    for (const member of path) seen.set(member, DONE);
  }
  const roots: Thread[] = [];
  for (const thread of byId.values()) {
    const parent = cyclic.has(thread) ? undefined : parentOf(thread);
    (parent ? parent.replies : roots).push(thread);
  }
  for (const thread of byId.values()) if (thread.replies.length > 1) thread.replies.sort(oldest);
  const order = sort && orders[sort];
  if (order) roots.sort((a, b) => +b.own - +a.own || order(a, b));
  return roots;
}

/** All replies below `thread`, depth first, as one list (iterative: a 10,000-deep chain must not overflow the stack). */
export function flattenReplies(thread: Thread): FlatReply[] {
  const out: FlatReply[] = [];
  const stack: FlatReply[] = thread.replies.map((reply) => [reply] as FlatReply).reverse();
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    out.push(entry);
    const [parent] = entry;
    for (let i = parent.replies.length - 1; i >= 0; i--) stack.push([parent.replies[i]!, parent.comment.authorName]);
  }
  return out;
}

/**
 * What one page may render, whatever a server sends: at most `limit` threads, and at most
 * `limit × (1 + replies)` comments, the contract's own bound (docs/api.md). A comment counts as
 * a thread when its parent is not already kept (a top-level comment, or a reply whose parent
 * is elsewhere); replies under a dropped comment are dropped with it.
 */
export function capPage(comments: readonly Comment[], limit: number, replies: number): Comment[] {
  const kept = new Set<string>();
  const dropped = new Set<string>();
  const out: Comment[] = [];
  let roots = 0;
  for (const comment of comments) {
    if (out.length >= limit * (1 + replies)) break;
    const parent = comment.parentId;
    const root = !parent || !kept.has(parent);
    if ((parent && dropped.has(parent)) || (root && roots >= limit)) {
      dropped.add(comment.id);
      continue;
    }
    if (root) roots++;
    kept.add(comment.id);
    out.push(comment);
  }
  return out;
}

/** How many replies hang below `thread`, leaving out those posted from this page. */
export function countReplies(thread: Thread): number {
  let count = 0;
  const stack = [...thread.replies];
  for (let reply = stack.pop(); reply; reply = stack.pop()) {
    if (!reply.own) count++;
    stack.push(...reply.replies);
  }
  return count;
}
