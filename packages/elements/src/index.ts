// Classes, types and data sources. Importing this registers nothing: use the define/ entry
// points (or dist/cdn/bantin.js) to register elements.
export { TinTime, type TimeFormat } from './time/time.js';
export { TinViewCounter, type TinViewCounterCountedDetail } from './view-counter/view-counter.js';
export { TinCommentCount } from './comment-count/comment-count.js';
export { TinArticleCard, type ArticleCardLayout } from './article-card/article-card.js';
export {
  TinCommentThread,
  type TinCommentThreadLikeDetail,
  type TinCommentThreadLikeErrorDetail,
  type TinCommentThreadErrorDetail,
  type TinCommentThreadPostErrorDetail,
  type TinCommentThreadPostedDetail,
  type TinCommentThreadSubmitDetail,
} from './comment-thread/comment-thread.js';
export { TinMostViewed, type TinMostViewedPeriodChangeDetail } from './most-viewed/most-viewed.js';
export { TinDateBar } from './date-bar/date-bar.js';
export { TinElectionCountdown } from './election-countdown/election-countdown.js';
export { TinElectionProgress } from './election-progress/election-progress.js';
// Civic elements: officials, meetings and their figures.
export { TinOfficial, type OfficialLayout } from './official/official.js';
export { TinOfficials } from './officials/officials.js';
export { TinKeyFigures } from './key-figures/key-figures.js';
export { TinMeeting } from './meeting/meeting.js';
export { BantinDataError, errorMessageKey, type DataErrorKind } from './data/errors.js';
export type { TinInvalidItemsDetail, TinLoadErrorDetail } from './internal/events.js';
export type {
  AltchaChallenge,
  BantinDataSource,
  CommentCountSource,
  CommentSource,
  MostViewedSource,
  RequestOptions,
  ViewCountSource,
} from './data/types.js';
export { checkWireList, MAX_RESPONSE_BYTES } from './data/fetch-json.js';
export {
  createCommentCountSource,
  createCommentSource,
  createHttpDataSource,
  createMostViewedSource,
  createViewCountSource,
  sharedHttpDataSource,
  type HttpDataSourceOptions,
} from './data/http-source.js';
export { defineElement } from './internal/define.js';
export { messages, translate, type MessageKey } from './messages.js';

// The base classes every element extends, exported so that the declarations of the elements
// can name them (and so a site can extend them for its own tin- elements).
export { TinElement } from './internal/tin-element.js';
export { TinCivicElement } from './civic/civic-element.js';
export { TinElectionPlanElement } from './civic/election-plan-element.js';
