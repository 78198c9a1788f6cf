import { defineElement } from '../internal/define.js';
import { TinOfficial } from '../official/official.js';

defineElement('tin-official', TinOfficial);

export { TinOfficial };
