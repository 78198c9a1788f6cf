import { defineElement } from '../internal/define.js';
import { TinMeeting } from '../meeting/meeting.js';

defineElement('tin-meeting', TinMeeting);

export { TinMeeting };
