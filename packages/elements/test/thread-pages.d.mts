import type { Comment, CommentListResponse, CommentSort } from '@bantin/model';

export function repliesByThread(comments: readonly Comment[]): Map<string, Comment[]>;
export function threadPage(
  comments: readonly Comment[],
  query: { sort?: CommentSort; limit?: number; replies?: number; cursor?: string | null },
): CommentListResponse;
export function repliesPage(
  comments: readonly Comment[],
  rootId: string,
  query: { limit?: number; cursor?: string | null },
): CommentListResponse | null;
