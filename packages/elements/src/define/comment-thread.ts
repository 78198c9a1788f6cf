import { TinCommentThread } from '../comment-thread/comment-thread.js';
import { defineElement } from '../internal/define.js';

defineElement('tin-comment-thread', TinCommentThread);

export { TinCommentThread };
