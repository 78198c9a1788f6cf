import { defineElement } from '../internal/define.js';
import { TinOfficials } from '../officials/officials.js';

defineElement('tin-officials', TinOfficials);

export { TinOfficials };
