// The moderation page's only script: the queue element, and the kit's <tin-time> for dates.
import { defineElement, TinTime } from '@bantin/elements';
import { TinModeration } from './moderation.js';

defineElement('tin-time', TinTime);
defineElement('tin-moderation', TinModeration);
