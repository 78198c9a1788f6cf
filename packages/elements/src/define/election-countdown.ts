import { defineElement } from '../internal/define.js';
import { TinElectionCountdown } from '../election-countdown/election-countdown.js';

defineElement('tin-election-countdown', TinElectionCountdown);

export { TinElectionCountdown };
