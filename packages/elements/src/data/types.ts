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
  listComments(
    articleId: string,
    query: { sort: CommentSort; cursor?: string | null; limit: number },
    options?: RequestOptions,
  ): Promise<CommentListResponse>;
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
export type CommentSource = Pick<BantinDataSource, 'listComments' | 'postComment'>;
export type MostViewedSource = Pick<BantinDataSource, 'getMostViewed'>;
