import { commentThreadMessages } from './comment-thread/comment-thread.i18n.js';
import { addMessages } from './internal/i18n.js';
import { mostViewedMessages } from './most-viewed/most-viewed.i18n.js';
import { viewCounterMessages } from './view-counter/view-counter.i18n.js';

// Every element's strings, for the package's main entry: `messages` and `translate` from
// '@bantin/elements' know every key, whichever elements a bundler keeps. (The element modules
// register their own strings, so a no-build page carries only those of the elements it uses.)
addMessages(viewCounterMessages);
addMessages(commentThreadMessages);
addMessages(mostViewedMessages);

export { messages, translate, type MessageKey } from './internal/i18n.js';
