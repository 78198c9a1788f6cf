import { defineElement } from '../internal/define.js';
import { TinArticleCard } from '../article-card/article-card.js';
import { TinTime } from '../time/time.js';

// The card renders its date with <tin-time>.
defineElement('tin-time', TinTime);
defineElement('tin-article-card', TinArticleCard);

export { TinArticleCard };
