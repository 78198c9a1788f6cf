// The moderation page's only script: the queue element, and the kit's <tin-time> for dates
// (its define module alone: the package index would bring every element's strings along).
import '@bantin/elements/define/time.js';
import { TinModeration } from './moderation.js';

if (!customElements.get('tin-moderation')) customElements.define('tin-moderation', TinModeration);
