import { type WireSchema } from '@bantin/model';
import { CommentCreatedResponseWire } from '@bantin/model/wire-schemas/comment-created-response.js';
import { CommentListResponseWire } from '@bantin/model/wire-schemas/comment-list-response.js';
import { BantinDataError } from './errors.js';
import { fetchJson } from './fetch-json.js';
import { encode, listOptions, settings, sharedSource, type HttpDataSourceOptions } from './http-common.js';
import type { AltchaChallenge, CommentSource } from './types.js';

/** `POST …/comments/{commentId}/likes` answers `{ "likes": n }` (docs/api.md). */
const CommentLikesWire: WireSchema<{ likes: number }> = {
  type: 'object',
  properties: { likes: { type: 'number', 'x-bantin': 'int', 'x-min': 0 } },
  required: ['likes'],
};

/** A challenge, or `{ "altcha": false }` from a server that asks for no captcha. */
const AltchaChallengeWire: WireSchema<AltchaChallenge | { altcha: false }> = {
  anyOf: [
    { type: 'object', properties: { parameters: { type: 'object' } }, required: ['parameters'] },
    { type: 'object', properties: { altcha: { enum: [false] } }, required: ['altcha'] },
  ],
};

/**
 * `GET` and `POST /articles/{articleId}/comments`, a thread's `…/replies` and a comment's `…/likes`;
 * invalid comments in a page are skipped and reported.
 */
export function createCommentSource(endpoint: string, options: HttpDataSourceOptions = {}): CommentSource {
  const { base, request } = settings(endpoint, options);
  return {
    listComments(articleId, query, opts = {}) {
      const params = new URLSearchParams({ sort: query.sort, limit: String(query.limit) });
      if (query.replies !== undefined) params.set('replies', String(query.replies));
      if (query.cursor) params.set('cursor', query.cursor);
      return fetchJson(
        `${base}/articles/${encode(articleId)}/comments?${params}`,
        CommentListResponseWire,
        listOptions(request, opts, 'comments'),
      );
    },

    listReplies(articleId, commentId, query, opts = {}) {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      const url = `${base}/articles/${encode(articleId)}/comments/${encode(commentId)}/replies?${params}`;
      return fetchJson(url, CommentListResponseWire, listOptions(request, opts, 'comments'));
    },

    async likeComment(articleId, commentId, opts = {}) {
      const url = `${base}/articles/${encode(articleId)}/comments/${encode(commentId)}/likes`;
      const answer = await fetchJson(url, CommentLikesWire, {
        ...request,
        ...(opts.signal ? { signal: opts.signal } : {}),
        method: 'POST',
        body: {},
      });
      return answer.likes;
    },

    async altchaChallenge(opts = {}) {
      try {
        // The envelope only: altcha-lib's solver checks the parameters it reads, and the rest
        // goes back to the server untouched (comment-thread/altcha.ts).
        const answer = await fetchJson(`${base}/altcha-challenge`, AltchaChallengeWire, {
          ...request,
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        return 'parameters' in answer ? answer : null;
      } catch (error) {
        // No such route (a server other than bantin-server, or an older one): no captcha either.
        if (error instanceof BantinDataError && error.details.status === 404) return null;
        throw error;
      }
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

/** The page's comment source for `endpoint`. */
export const sharedCommentSource = (endpoint: string): CommentSource =>
  sharedSource('comments', endpoint, createCommentSource);
