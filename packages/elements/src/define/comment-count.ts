import { defineElement } from '../internal/define.js';
import { TinCommentCount } from '../comment-count/comment-count.js';

defineElement('tin-comment-count', TinCommentCount);

export { TinCommentCount };
