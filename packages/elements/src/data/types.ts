import type { Comment, CommentListResponse, CommentSort, MostViewedItem, NewComment, Period } from '@bantin/model';

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * For list requests: called with how many items of the answer were skipped because they do
   * not fit the contract (only when some were). The rest of the list is still returned.
   */
  onInvalidItems?: (count: number) => void;
}

/**
 * A signed ALTCHA v2 challenge, as `altcha-lib`'s `createChallenge` makes it. Passed back to the
 * server untouched: the signature covers every parameter, including any not named here.
 */
export interface AltchaChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyPrefix: string;
    /** Seconds since the epoch. */
    expiresAt?: number;
    [more: string]: unknown;
  };
  signature?: string;
}

/**
 * Where elements get their data when it is not passed as properties. Implement it to plug the
 * kit into any backend; `createHttpDataSource(endpoint)` implements it over the JSON contract
 * in docs/api.md. Methods reject with `BantinDataError`.
 */
export interface BantinDataSource {
  /** Counts for many articles at once; ids missing from the answer have no count. */
  getViewCounts(articleIds: readonly string[], options?: RequestOptions): Promise<Record<string, number>>;
  /** Records one view and resolves to the new count. */
  recordView(articleId: string, options?: RequestOptions): Promise<number>;
  /** Approved comments per article, many at once; ids missing from the answer have none. */
  getCommentCounts(articleIds: readonly string[], options?: RequestOptions): Promise<Record<string, number>>;
  /** A page of threads: `limit` top-level comments, each followed by its first `replies` replies (docs/api.md). */
  listComments(
    articleId: string,
    query: { sort: CommentSort; cursor?: string | null; limit: number; replies?: number },
    options?: RequestOptions,
  ): Promise<CommentListResponse>;
  /** More replies of one thread ("Xem thêm trả lời"), from its `threads[].repliesCursor`. Optional. */
  listReplies?(
    articleId: string,
    commentId: string,
    query: { cursor?: string | null; limit: number },
    options?: RequestOptions,
  ): Promise<CommentListResponse>;
  /** Likes a comment once for this visitor; resolves to its new number of likes. Optional: no like button without it. */
  likeComment?(articleId: string, commentId: string, options?: RequestOptions): Promise<number>;
  /**
   * The server's ALTCHA challenge (`GET {endpoint}/altcha-challenge`, docs/api.md), or null when
   * it asks for no captcha (`{ "altcha": false }`, or a 404 from a server without the route). Optional: without it, or with null, comments carry no `altcha`.
   */
  altchaChallenge?(options?: RequestOptions): Promise<AltchaChallenge | null>;
  /** `idempotencyKey` lets a server drop a retried duplicate of a post it already stored. */
  postComment(
    articleId: string,
    comment: NewComment,
    options?: RequestOptions & { idempotencyKey?: string },
  ): Promise<Comment>;
  getMostViewed(query: { period: Period; limit: number }, options?: RequestOptions): Promise<MostViewedItem[]>;
}

export type ViewCountSource = Pick<BantinDataSource, 'getViewCounts' | 'recordView'>;
export type CommentCountSource = Pick<BantinDataSource, 'getCommentCounts'>;
export type CommentSource = Pick<
  BantinDataSource,
  'listComments' | 'postComment' | 'listReplies' | 'likeComment' | 'altchaChallenge'
>;
export type MostViewedSource = Pick<BantinDataSource, 'getMostViewed'>;
