import {
  CommentCreatedResponseWire,
  CommentListResponseWire,
  MostViewedResponseWire,
  ViewCountsResponseWire,
  ViewIncrementResponseWire,
  type Locale,
  type WireSchema,
} from '@bantin/model';
import { fetchJson } from './fetch-json.js';
import type { BantinDataSource, RequestOptions } from './types.js';

/** `POST …/comments/{commentId}/likes` answers `{ "likes": n }` (docs/api.md). */
const CommentLikesWire: WireSchema<{ likes: number }> = {
  type: 'object',
  properties: { likes: { type: 'number', 'x-bantin': 'int', 'x-min': 0 } },
  required: ['likes'],
};

export interface HttpDataSourceOptions {
  /** Per-request timeout. Default 10 s: phones on weak 3G still get an answer or an error. */
  timeoutMs?: number;
  /** How long view-count requests wait to be merged into one. Default 10 ms. */
  batchWindowMs?: number;
  /** Ids per GET /views request at most; longer lists are split. Default 100. */
  maxBatchSize?: number;
  fetch?: typeof fetch;
  locale?: Locale;
}

interface PendingBatch {
  ids: Set<string>;
  waiters: Array<{ resolve: (views: Record<string, number>) => void; reject: (error: unknown) => void }>;
}

/**
 * The JSON contract of docs/api.md over fetch. View-count reads from every element that
 * shares this source within a few milliseconds go out as one `GET /views?ids=…`.
 */
export function createHttpDataSource(endpoint: string, options: HttpDataSourceOptions = {}): BantinDataSource {
  const base = endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchWindowMs = options.batchWindowMs ?? 10;
  const maxBatchSize = options.maxBatchSize ?? 100;
  const request = {
    timeoutMs,
    locale: options.locale ?? 'vi',
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  } as const;
  const encode = encodeURIComponent;

  let pending: PendingBatch | null = null;

  async function flush(batch: PendingBatch): Promise<void> {
    const ids = [...batch.ids];
    try {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += maxBatchSize) chunks.push(ids.slice(i, i + maxBatchSize));
      const answers = await Promise.all(
        chunks.map((chunk) =>
          fetchJson(`${base}/views?ids=${chunk.map(encode).join(',')}`, ViewCountsResponseWire, request),
        ),
      );
      const views = Object.assign({}, ...answers.map((answer) => answer.views)) as Record<string, number>;
      for (const waiter of batch.waiters) waiter.resolve(views);
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  return {
    getViewCounts(articleIds: readonly string[], opts: RequestOptions = {}) {
      if (articleIds.length === 0) return Promise.resolve({});
      return new Promise((resolve, reject) => {
        if (!pending) {
          const batch: PendingBatch = { ids: new Set(), waiters: [] };
          pending = batch;
          setTimeout(() => {
            pending = null;
            void flush(batch);
          }, batchWindowMs);
        }
        for (const id of articleIds) pending.ids.add(id);
        pending.waiters.push({ resolve, reject });
        // A caller that aborts stops waiting; the shared request still serves the others.
        opts.signal?.addEventListener('abort', () => reject(opts.signal?.reason), { once: true });
      });
    },

    async recordView(articleId, opts = {}) {
      const answer = await fetchJson(`${base}/views/${encode(articleId)}`, ViewIncrementResponseWire, {
        ...request,
        ...opts,
        method: 'POST',
      });
      return answer.views;
    },

    listComments(articleId, query, opts = {}) {
      const params = new URLSearchParams({ sort: query.sort, limit: String(query.limit) });
      if (query.replies !== undefined) params.set('replies', String(query.replies));
      if (query.cursor) params.set('cursor', query.cursor);
      return fetchJson(`${base}/articles/${encode(articleId)}/comments?${params}`, CommentListResponseWire, {
        ...request,
        ...opts,
      });
    },

    listReplies(articleId, commentId, query, opts = {}) {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      const url = `${base}/articles/${encode(articleId)}/comments/${encode(commentId)}/replies?${params}`;
      return fetchJson(url, CommentListResponseWire, { ...request, ...opts });
    },

    async likeComment(articleId, commentId, opts = {}) {
      const url = `${base}/articles/${encode(articleId)}/comments/${encode(commentId)}/likes`;
      const answer = await fetchJson(url, CommentLikesWire, { ...request, ...opts, method: 'POST', body: {} });
      return answer.likes;
    },

    async postComment(articleId, comment, opts = {}) {
      const answer = await fetchJson(`${base}/articles/${encode(articleId)}/comments`, CommentCreatedResponseWire, {
        ...request,
        ...(opts.signal ? { signal: opts.signal } : {}),
        method: 'POST',
        body: comment,
        headers: opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {},
      });
      return answer.comment;
    },

    async getMostViewed(query, opts = {}) {
      const params = new URLSearchParams({ period: query.period, limit: String(query.limit) });
      const answer = await fetchJson(`${base}/most-viewed?${params}`, MostViewedResponseWire, { ...request, ...opts });
      return answer.items;
    },
  };
}

const shared = new Map<string, BantinDataSource>();

/**
 * One source per endpoint for the whole page, so that ten counters on one endpoint share one
 * batch. Elements given only an `endpoint` attribute use this.
 */
export function sharedHttpDataSource(endpoint: string): BantinDataSource {
  const key = endpoint.replace(/\/+$/, '');
  let source = shared.get(key);
  if (!source) {
    source = createHttpDataSource(key);
    shared.set(key, source);
  }
  return source;
}
