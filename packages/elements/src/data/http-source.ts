import {
  CommentCountsResponseWire,
  CommentCreatedResponseWire,
  CommentListResponseWire,
  MostViewedResponseWire,
  ViewCountsResponseWire,
  ViewIncrementResponseWire,
  type Locale,
  type WireSchema,
} from '@bantin/model';
import { fetchJson, MAX_RESPONSE_BYTES } from './fetch-json.js';
import type {
  BantinDataSource,
  CommentCountSource,
  CommentSource,
  MostViewedSource,
  RequestOptions,
  ViewCountSource,
} from './types.js';

export interface HttpDataSourceOptions {
  /** Per-request timeout, over the whole response. Default 10 s: phones on weak 3G still get an answer or an error. */
  timeoutMs?: number;
  /** How long batched count requests (views, comment counts) wait to be merged into one. Default 10 ms. */
  batchWindowMs?: number;
  /** Ids per batched request at most; longer lists are split. Default 100, the API's limit. */
  maxBatchSize?: number;
  /** Larger response bodies are refused. Default 1 MiB (`MAX_RESPONSE_BYTES`). */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  locale?: Locale;
}

type Counts = Record<string, number>;
interface PendingBatch {
  ids: Set<string>;
  waiters: Array<{ resolve: (counts: Counts) => void; reject: (error: unknown) => void }>;
}

const encode = encodeURIComponent;

/** What every request of one source shares. */
function settings(endpoint: string, options: HttpDataSourceOptions) {
  return {
    base: endpoint.replace(/\/+$/, ''),
    request: {
      timeoutMs: options.timeoutMs ?? 10_000,
      maxBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES,
      locale: options.locale ?? 'vi',
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    },
  } as const;
}

/** A list request's options: the caller's signal and invalid-item report, the envelope's list property. */
function listOptions(request: ReturnType<typeof settings>['request'], opts: RequestOptions, list: string) {
  return {
    ...request,
    list,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onInvalidItems ? { onInvalidItems: opts.onInvalidItems } : {}),
  };
}

/**
 * A batched `GET {base}{path}?ids=…` whose answer holds the counts under `key`: reads from every
 * caller within `batchWindowMs` go out as one request (split at `maxBatchSize` ids).
 */
function batched<K extends string>(
  endpoint: string,
  options: HttpDataSourceOptions,
  path: string,
  schema: WireSchema<Record<K, Counts>>,
  key: K,
) {
  const { base, request } = settings(endpoint, options);
  const batchWindowMs = options.batchWindowMs ?? 10;
  // The API takes 1–100 ids per GET /views or /comment-counts.
  const maxBatchSize = Math.min(options.maxBatchSize ?? 100, 100);
  let pending: PendingBatch | null = null;

  async function flush(batch: PendingBatch): Promise<void> {
    const ids = [...batch.ids];
    try {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += maxBatchSize) chunks.push(ids.slice(i, i + maxBatchSize));
      const answers = await Promise.all(
        chunks.map((chunk) => fetchJson(`${base}${path}?ids=${chunk.map(encode).join(',')}`, schema, request)),
      );
      const counts = Object.assign({}, ...answers.map((answer) => answer[key])) as Counts;
      for (const waiter of batch.waiters) waiter.resolve(counts);
    } catch (error) {
      for (const waiter of batch.waiters) waiter.reject(error);
    }
  }

  return (articleIds: readonly string[], opts: RequestOptions = {}): Promise<Counts> => {
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
  };
}

// One factory per part of the contract, so that a page with only a counter carries only the
// counter's requests and schemas (each element imports the part it uses).

/** `GET /views?ids=…` (batched) and `POST /views/{articleId}`. */
export function createViewCountSource(endpoint: string, options: HttpDataSourceOptions = {}): ViewCountSource {
  const { base, request } = settings(endpoint, options);
  return {
    getViewCounts: batched(endpoint, options, '/views', ViewCountsResponseWire, 'views'),
    async recordView(articleId, opts = {}) {
      const answer = await fetchJson(`${base}/views/${encode(articleId)}`, ViewIncrementResponseWire, {
        ...request,
        ...(opts.signal ? { signal: opts.signal } : {}),
        method: 'POST',
      });
      return answer.views;
    },
  };
}

/** `GET /comment-counts?ids=…`, batched. */
export function createCommentCountSource(endpoint: string, options: HttpDataSourceOptions = {}): CommentCountSource {
  return { getCommentCounts: batched(endpoint, options, '/comment-counts', CommentCountsResponseWire, 'counts') };
}

/** `GET` and `POST /articles/{articleId}/comments`; invalid comments in a page are skipped and reported. */
export function createCommentSource(endpoint: string, options: HttpDataSourceOptions = {}): CommentSource {
  const { base, request } = settings(endpoint, options);
  return {
    listComments(articleId, query, opts = {}) {
      const params = new URLSearchParams({ sort: query.sort, limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      return fetchJson(
        `${base}/articles/${encode(articleId)}/comments?${params}`,
        CommentListResponseWire,
        listOptions(request, opts, 'comments'),
      );
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
  };
}

/** `GET /most-viewed?period=…&limit=…`; invalid items are skipped and reported. */
export function createMostViewedSource(endpoint: string, options: HttpDataSourceOptions = {}): MostViewedSource {
  const { base, request } = settings(endpoint, options);
  return {
    async getMostViewed(query, opts = {}) {
      const params = new URLSearchParams({ period: query.period, limit: String(query.limit) });
      const answer = await fetchJson(
        `${base}/most-viewed?${params}`,
        MostViewedResponseWire,
        listOptions(request, opts, 'items'),
      );
      return answer.items;
    },
  };
}

/**
 * The whole JSON contract of docs/api.md over fetch. Count reads (views, comment counts) from
 * every element that shares this source within a few milliseconds go out as one request per
 * kind: `GET /views?ids=…` and `GET /comment-counts?ids=…`.
 */
export function createHttpDataSource(endpoint: string, options: HttpDataSourceOptions = {}): BantinDataSource {
  return {
    ...createViewCountSource(endpoint, options),
    ...createCommentCountSource(endpoint, options),
    ...createCommentSource(endpoint, options),
    ...createMostViewedSource(endpoint, options),
  };
}

const shared = new Map<string, unknown>();

/** One source of a kind per endpoint for the whole page, so that counters on one endpoint share one batch. */
function sharedSource<T>(kind: string, endpoint: string, create: (endpoint: string) => T): T {
  const base = endpoint.replace(/\/+$/, '');
  const key = `${kind} ${base}`;
  if (!shared.has(key)) shared.set(key, create(base));
  return shared.get(key) as T;
}

/** The page's view-count source for `endpoint` (what `<tin-view-counter endpoint>` uses). */
export const sharedViewCountSource = (endpoint: string): ViewCountSource =>
  sharedSource('views', endpoint, createViewCountSource);

/** The page's comment-count source for `endpoint` (what `<tin-comment-count endpoint>` uses). */
export const sharedCommentCountSource = (endpoint: string): CommentCountSource =>
  sharedSource('comment-counts', endpoint, createCommentCountSource);

/** The page's comment source for `endpoint`. */
export const sharedCommentSource = (endpoint: string): CommentSource =>
  sharedSource('comments', endpoint, createCommentSource);

/** The page's most-viewed source for `endpoint`. */
export const sharedMostViewedSource = (endpoint: string): MostViewedSource =>
  sharedSource('most-viewed', endpoint, createMostViewedSource);

/**
 * The page's whole source for `endpoint`, made of the shared parts above: a counter given only
 * an `endpoint` and one given this source still share one batch.
 */
export function sharedHttpDataSource(endpoint: string): BantinDataSource {
  return sharedSource('all', endpoint, () => ({
    ...sharedViewCountSource(endpoint),
    ...sharedCommentCountSource(endpoint),
    ...sharedCommentSource(endpoint),
    ...sharedMostViewedSource(endpoint),
  }));
}
