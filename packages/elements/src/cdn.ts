// Entry of dist/cdn/bantin.js: registers every element. New elements add their define import here.
import './define/time.js';
import './define/view-counter.js';
import './define/comment-count.js';
import './define/article-card.js';
import './define/comment-thread.js';
import './define/most-viewed.js';
import './define/official.js';
import './define/officials.js';
import './define/meeting.js';
import './define/key-figures.js';
import './define/date-bar.js';
import './define/election-countdown.js';
import './define/election-progress.js';

export * from './index.js';
