import { BantinDataError, type BantinDataSource, type DataErrorKind, type RequestOptions } from '@bantin/elements';
import type {
  Comment,
  CommentListResponse,
  CommentSort,
  CommentStatus,
  MostViewedItem,
  NewComment,
  Period,
} from '@bantin/model';
import { articleSummaries, mostViewedArticle, mostViewedItems, SEED_NOW, seedArticle } from '@bantin/model/fixtures';
import { sampleComments } from './sample-comments.js';

/**
 * - `live`: answers from the in-memory state after `latencyMs`;
 * - `delay`: never answers (the loading state), until the element aborts the request;
 * - `fail`: rejects with a `BantinDataError` of `failKind`, `failures` times, then answers;
 * - `empty`: no views, no comments, no most-viewed articles.
 */
export type MockMode = 'live' | 'delay' | 'fail' | 'empty';
export const MOCK_MODES: readonly MockMode[] = ['live', 'delay', 'fail', 'empty'];

/** The story-only `mock` arg (not the element's API): how the mock data source answers. */
export const MOCK_ARG_TYPE = {
  control: 'inline-radio',
  options: MOCK_MODES,
  description: 'Story only: how the mock data source answers.',
  table: { category: 'story' },
} as const;

export interface MockOptions {
  mode?: MockMode;
  /** How long each answer takes, in ms. Default 300: long enough to see the skeleton. */
  latencyMs?: number;
  /** The error `fail` mode rejects with. Default `network`. */
  failKind?: DataErrorKind;
  /** How many calls fail before the mock recovers ("Thử lại" then works). Default: all of them. */
  failures?: number;
  /** What a posted comment comes back as. Default `pending`, as on a moderated portal. */
  commentStatus?: Extract<CommentStatus, 'approved' | 'pending'>;
  /** Comments already there, by article id. Default: the sample comments on the seed article. */
  comments?: readonly Comment[];
  /** "Now" for new comments' `createdAt`. Default SEED_NOW, the moment the seed was captured. */
  now?: string | number | Date;
}

/**
 * The JSON contract of docs/api.md, in memory: the seed fixtures, plus whatever a designer does in
 * the stories (views recorded, comments posted). Implements the package's `BantinDataSource`, so
 * elements cannot tell it from `createHttpDataSource(endpoint)`. It never logs: stories of the
 * error state must keep the console clean.
 */
export class MockDataSource implements BantinDataSource {
  readonly options: Required<Omit<MockOptions, 'comments' | 'now'>> & { now: number };
  private readonly views = new Map<string, number>();
  private readonly comments: Comment[];
  private readonly posted = new Map<string, Comment>();
  private failuresLeft: number;
  private nextId = 1;

  constructor(options: MockOptions = {}) {
    this.options = {
      mode: options.mode ?? 'live',
      latencyMs: options.latencyMs ?? 300,
      failKind: options.failKind ?? 'network',
      failures: options.failures ?? Number.POSITIVE_INFINITY,
      commentStatus: options.commentStatus ?? 'pending',
      now: new Date(options.now ?? SEED_NOW).getTime(),
    };
    this.failuresLeft = this.options.failures;
    const empty = this.options.mode === 'empty';
    if (!empty) for (const article of articleSummaries) this.views.set(article.id, article.viewCount ?? 0);
    this.comments = empty ? [] : [...(options.comments ?? sampleComments)];
  }

  getViewCounts(articleIds: readonly string[], options?: RequestOptions): Promise<Record<string, number>> {
    return this.answer(options, () => {
      const views: Record<string, number> = {};
      for (const id of articleIds) {
        const count = this.views.get(id);
        if (count !== undefined) views[id] = count;
      }
      return views;
    });
  }

  recordView(articleId: string, options?: RequestOptions): Promise<number> {
    return this.answer(options, () => {
      const views = (this.views.get(articleId) ?? 0) + 1;
      this.views.set(articleId, views);
      return views;
    });
  }

  /** Approved comments per article, as `GET /comment-counts` answers (ids without comments are left out). */
  getCommentCounts(articleIds: readonly string[], options?: RequestOptions): Promise<Record<string, number>> {
    return this.answer(options, () => {
      const counts: Record<string, number> = {};
      for (const comment of this.comments)
        if (comment.status === 'approved' && articleIds.includes(comment.articleId))
          counts[comment.articleId] = (counts[comment.articleId] ?? 0) + 1;
      return counts;
    });
  }

  listComments(
    articleId: string,
    query: { sort: CommentSort; cursor?: string | null; limit: number },
    options?: RequestOptions,
  ): Promise<CommentListResponse> {
    return this.answer(options, () => {
      const approved = this.comments.filter(
        (comment) => comment.articleId === articleId && comment.status === 'approved',
      );
      // Pages are made of top-level comments; their replies travel with them (the client builds the tree).
      const roots = approved.filter((comment) => !comment.parentId).sort(ORDERS[query.sort]);
      const start = Number(query.cursor ?? 0);
      const page = roots.slice(start, start + query.limit);
      const ids = new Set(page.map((comment) => comment.id));
      const replies = approved.filter(
        (comment) => comment.parentId && rootOf(comment, approved) && ids.has(rootOf(comment, approved)!),
      );
      const end = start + page.length;
      return {
        comments: [...page, ...replies],
        nextCursor: end < roots.length ? String(end) : null,
        total: approved.length,
      };
    });
  }

  postComment(
    articleId: string,
    draft: NewComment,
    options?: RequestOptions & { idempotencyKey?: string },
  ): Promise<Comment> {
    return this.answer(options, () => {
      // The same idempotency key is a retry of a post already stored: answer it again.
      const key = options?.idempotencyKey;
      const earlier = key ? this.posted.get(key) : undefined;
      if (earlier) return earlier;
      const content = draft.content.trim();
      const authorName = draft.authorName.trim();
      if (!content || !authorName)
        throw new BantinDataError('http', 'The comment needs authorName and content.', { status: 422 });
      const comment: Comment = {
        id: `mock-${this.nextId++}`,
        articleId,
        parentId: draft.parentId ?? null,
        authorName,
        content,
        createdAt: new Date(this.options.now).toISOString(),
        status: this.options.commentStatus,
        likes: 0,
      };
      this.comments.push(comment);
      if (key) this.posted.set(key, comment);
      return comment;
    });
  }

  getMostViewed(query: { period: Period; limit: number }, options?: RequestOptions): Promise<MostViewedItem[]> {
    return this.answer(options, () =>
      this.options.mode === 'empty'
        ? []
        : MOST_VIEWED.filter((item) => item.period === query.period)
            .slice(0, query.limit)
            // Views recorded in the stories show up here too.
            .map((item) => ({ ...item, views: this.views.get(item.article.id) ?? item.views })),
    );
  }

  /** Every call goes through here: the mode decides between answering, failing and hanging. */
  private answer<T>(options: RequestOptions | undefined, produce: () => T): Promise<T> {
    const { mode, latencyMs, failKind } = this.options;
    return new Promise<T>((resolve, reject) => {
      const signal = options?.signal;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const abort = () => {
        clearTimeout(timer);
        reject(new BantinDataError('aborted', 'The request was aborted.'));
      };
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      // `delay` never settles on its own: the element stays in its loading state.
      if (mode === 'delay') return;
      timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        if (mode === 'fail' && this.failuresLeft > 0) {
          this.failuresLeft--;
          const details =
            failKind === 'http'
              ? { status: 503 }
              : failKind === 'rate-limited'
                ? { status: 429, retryAfterSeconds: 30 }
                : {};
          return reject(new BantinDataError(failKind, `Mock data source: simulated ${failKind} failure.`, details));
        }
        try {
          resolve(produce());
        } catch (error) {
          reject(error);
        }
      }, latencyMs);
    });
  }
}

const time = (comment: Comment) => Date.parse(comment.createdAt);
const ORDERS: Record<CommentSort, (a: Comment, b: Comment) => number> = {
  newest: (a, b) => time(b) - time(a),
  oldest: (a, b) => time(a) - time(b),
  top: (a, b) => b.likes - a.likes || time(b) - time(a),
};

function rootOf(comment: Comment, all: readonly Comment[]): string | undefined {
  let current: Comment | undefined = comment;
  for (let hops = 0; current?.parentId && hops < all.length; hops++) {
    current = all.find((candidate) => candidate.id === current!.parentId);
  }
  return current?.id;
}

const summaryOf = (id: string) => articleSummaries.find((summary) => summary.id === id)!;

/**
 * The seed shows one most-viewed item, for "day". The week and month lists are ASSUMED: the
 * seed's two articles, ranked by their fixture view counts, so the tabs have something to show
 * and the longest real title appears in a list.
 */
const MOST_VIEWED: MostViewedItem[] = [
  ...mostViewedItems,
  ...(['week', 'month'] as const).flatMap((period) =>
    [mostViewedArticle, seedArticle].map((article, index) => ({
      rank: index + 1,
      article: summaryOf(article.id),
      views: article.viewCount,
      period,
    })),
  ),
];

/**
 * One mock per distinct set of options, kept for the page's lifetime: a comment posted in a story
 * is still there after a control changes and the story re-renders. `fail` mode is the exception,
 * fresh on every render, so the error state shows again instead of a spent failure.
 */
const cache = new Map<string, MockDataSource>();
export function mockDataSource(options: MockOptions = {}): MockDataSource {
  if (options.mode === 'fail') return new MockDataSource(options);
  const key = JSON.stringify(options);
  let source = cache.get(key);
  if (!source) cache.set(key, (source = new MockDataSource(options)));
  return source;
}
