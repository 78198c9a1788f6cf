import { CommentCountsResponseWire } from '@bantin/model/wire-schemas/comment-counts-response.js';
import { batched, sharedSource, type HttpDataSourceOptions } from './http-common.js';
import type { CommentCountSource } from './types.js';

/** `GET /comment-counts?ids=…`, batched. */
export function createCommentCountSource(endpoint: string, options: HttpDataSourceOptions = {}): CommentCountSource {
  return { getCommentCounts: batched(endpoint, options, '/comment-counts', CommentCountsResponseWire, 'counts') };
}

/** The page's comment-count source for `endpoint` (what `<tin-comment-count endpoint>` uses). */
export const sharedCommentCountSource = (endpoint: string): CommentCountSource =>
  sharedSource('comment-counts', endpoint, createCommentCountSource);
