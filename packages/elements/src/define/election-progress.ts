import { defineElement } from '../internal/define.js';
import { TinElectionProgress } from '../election-progress/election-progress.js';

defineElement('tin-election-progress', TinElectionProgress);

export { TinElectionProgress };
