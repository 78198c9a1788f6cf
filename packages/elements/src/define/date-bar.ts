import { defineElement } from '../internal/define.js';
import { TinDateBar } from '../date-bar/date-bar.js';

defineElement('tin-date-bar', TinDateBar);

export { TinDateBar };
