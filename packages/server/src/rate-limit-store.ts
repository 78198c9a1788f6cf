import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { VisitorHasher } from './security.js';
import type { Storage } from './storage/types.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps its counters in the database (`rate_limits`), so
 * that every process on one database shares them and a restart forgets nothing: with N processes
 * a client gets the limit once, not N times. Addresses are stored hashed with the day's salt,
 * like everything else. Fixed windows, the same instants in every process.
 *
 * The view counter does not come through here: a statement of its own per view would halve what
 * a process can take, so its hits are written in the views' group commit (Storage.recordView).
 */
export function databaseRateLimitStore(options: {
  storage: Storage;
  hasher: VisitorHasher;
  now: () => number;
}): FastifyRateLimitStoreCtor {
  const { storage, hasher, now } = options;

  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly rule = 'global',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      void (async () => {
        const day = hasher.today();
        await hasher.prepare(day);
        const at = now();
        const { hits, resetAtMs } = await storage.rateLimitHit(this.rule, hasher.address(key, day), timeWindow, at);
        return { current: hits, ttl: Math.max(1, resetAtMs - at) };
      })().then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    // The plugin hands the route's merged options, the route itself under `routeInfo`.
    child(params: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (params as { routeInfo?: { url?: string; method?: string | string[] } }).routeInfo;
      const url = route?.url ?? '';
      const method = [route?.method ?? ''].flat().join(',');
      return new DatabaseStore(undefined, `${method} ${url}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
