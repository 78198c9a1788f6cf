import { MostViewedResponseWire } from '@bantin/model/wire-schemas/most-viewed-response.js';
import { fetchJson } from './fetch-json.js';
import { listOptions, settings, sharedSource, type HttpDataSourceOptions } from './http-common.js';
import type { MostViewedSource } from './types.js';

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

/** The page's most-viewed source for `endpoint`. */
export const sharedMostViewedSource = (endpoint: string): MostViewedSource =>
  sharedSource('most-viewed', endpoint, createMostViewedSource);
