import { createCommentCountSource, sharedCommentCountSource } from './comment-count-source.js';
import { createCommentSource, sharedCommentSource } from './comment-source.js';
import { sharedSource, type HttpDataSourceOptions } from './http-common.js';
import { createMostViewedSource, sharedMostViewedSource } from './most-viewed-source.js';
import type { BantinDataSource } from './types.js';
import { createViewCountSource, sharedViewCountSource } from './view-count-source.js';

// The whole HTTP data source, made of one module per part of the contract (each element imports
// only the part it uses, so a counter-only page carries no comment or most-viewed code).
export { createCommentCountSource, sharedCommentCountSource } from './comment-count-source.js';
export { createCommentSource, sharedCommentSource } from './comment-source.js';
export type { HttpDataSourceOptions } from './http-common.js';
export { createMostViewedSource, sharedMostViewedSource } from './most-viewed-source.js';
export { createViewCountSource, sharedViewCountSource } from './view-count-source.js';

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
