import { defineElement } from '../internal/define.js';
import { TinViewCounter } from '../view-counter/view-counter.js';

defineElement('tin-view-counter', TinViewCounter);

export { TinViewCounter };
