import { defineElement } from '../internal/define.js';
import { TinKeyFigures } from '../key-figures/key-figures.js';

defineElement('tin-key-figures', TinKeyFigures);

export { TinKeyFigures };
