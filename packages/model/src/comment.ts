import * as z from 'zod/mini';
import { passesCheck } from './checks.js';
import { AUTHOR_NAME_MAX_LENGTH, COMMENT_MAX_LENGTH, EMAIL_MAX_LENGTH, STORED_COMMENT_MAX_LENGTH } from './limits.js';
import { idSchema, isoDateTimeSchema, nonNegativeIntSchema } from './primitives.js';
import { CommentSpamFields } from './spam.js';

export const CommentStatusSchema = z.enum(['pending', 'approved', 'rejected']);
export type CommentStatus = z.infer<typeof CommentStatusSchema>;

const plain = (kind: 'text' | 'line') =>
  z.refine<string>((value) => passesCheck(kind, value), { params: { bantin: kind } });
const authorName = z.string().check(z.minLength(1), z.maxLength(AUTHOR_NAME_MAX_LENGTH), plain('line'));
// Stored comments may be longer than a reader may type: imports keep old comments whole.
const content = z.string().check(z.minLength(1), z.maxLength(STORED_COMMENT_MAX_LENGTH), plain('text'));
// What a reader types is trimmed before its length is checked; stored comments already are.
const trimmed = (max: number, kind: 'text' | 'line') =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), plain(kind));

/** A published or pending comment. `content` is plain text: it is never rendered as markup. */
export const CommentSchema = z.object({
  id: idSchema,
  articleId: idSchema,
  parentId: z.nullable(idSchema),
  authorName,
  content,
  createdAt: isoDateTimeSchema,
  status: CommentStatusSchema,
  likes: nonNegativeIntSchema,
});
export type Comment = z.infer<typeof CommentSchema>;

/** What a reader submits. The email is for moderators only and is never returned publicly. */
export const NewCommentSchema = z.object({
  parentId: z.optional(z.nullable(idSchema)),
  authorName: trimmed(AUTHOR_NAME_MAX_LENGTH, 'line'),
  /** Optional; an empty string counts as none. */
  email: z.optional(
    z.string().check(
      z.maxLength(EMAIL_MAX_LENGTH),
      z.refine((v: string) => passesCheck('email', v), { params: { bantin: 'email' } }),
    ),
  ),
  content: trimmed(COMMENT_MAX_LENGTH, 'text'),
  /** Optional spam-defence fields of the comment form (spam.ts). */
  ...CommentSpamFields,
});
export type NewComment = z.infer<typeof NewCommentSchema>;
