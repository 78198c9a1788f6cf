import { defineElement } from '../internal/define.js';
import { TinMostViewed } from '../most-viewed/most-viewed.js';

defineElement('tin-most-viewed', TinMostViewed);

export { TinMostViewed };
