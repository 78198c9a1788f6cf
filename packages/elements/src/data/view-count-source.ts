import { ViewCountsResponseWire } from '@bantin/model/wire-schemas/view-counts-response.js';
import { ViewIncrementResponseWire } from '@bantin/model/wire-schemas/view-increment-response.js';
import { fetchJson } from './fetch-json.js';
import { batched, encode, settings, sharedSource, type HttpDataSourceOptions } from './http-common.js';
import type { ViewCountSource } from './types.js';

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

/** The page's view-count source for `endpoint` (what `<tin-view-counter endpoint>` uses). */
export const sharedViewCountSource = (endpoint: string): ViewCountSource =>
  sharedSource('views', endpoint, createViewCountSource);
