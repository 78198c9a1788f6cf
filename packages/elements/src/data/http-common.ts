import type { Locale, WireSchema } from '@bantin/model';
import { fetchJson, MAX_RESPONSE_BYTES } from './fetch-json.js';
import type { RequestOptions } from './types.js';

// What every part of the HTTP data source shares: options, request settings, count batching and
// the page-wide source per endpoint. Each part of the contract is its own module
// (view-count-source.ts, comment-count-source.ts, comment-source.ts, most-viewed-source.ts), so
// that a page with only a counter carries only the counter's requests and schemas.

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

export const encode = encodeURIComponent;

/** What every request of one source shares. */
export function settings(endpoint: string, options: HttpDataSourceOptions) {
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
export function listOptions(request: ReturnType<typeof settings>['request'], opts: RequestOptions, list: string) {
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
export function batched<K extends string>(
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

const shared = new Map<string, unknown>();

/** One source of a kind per endpoint for the whole page, so that counters on one endpoint share one batch. */
export function sharedSource<T>(kind: string, endpoint: string, create: (endpoint: string) => T): T {
  const base = endpoint.replace(/\/+$/, '');
  const key = `${kind} ${base}`;
  if (!shared.has(key)) shared.set(key, create(base));
  return shared.get(key) as T;
}
