import { defineElement } from '../internal/define.js';
import { TinTime } from '../time/time.js';

defineElement('tin-time', TinTime);

export { TinTime };
