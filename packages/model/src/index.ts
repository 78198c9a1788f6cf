// The public surface of @bantin/model. Users import from here (and from ./fixtures) only.

export * from './checks.js';
export * from './primitives.js';
export * from './category.js';
export * from './article.js';
export * from './article-summary.js';
export * from './article-key.js';
export * from './official.js';
export * from './meeting.js';
export * from './election-plan.js';
export * from './limits.js';
export * from './comment.js';
export * from './views.js';
export * from './api.js';
export * from './moderation.js';
export * from './spam.js';
export * from './comment-counts.js';
export * from './articles-admin.js';
export * from './issues.js';
export * from './validate.js';

export * from './vi/dates.js';
export * from './vi/numbers.js';
export * from './vi/terms.js';
export * from './vi/parse-date.js';
export * from './vi/lunar.js';
export * from './vi/names.js';
export * from './vi/officials.js';
export * from './election.js';
export * from './calendar-day.js';
export * from './json-ld.js';
export * from './wire.js';
export * from './wire-schemas.generated.js';
export * from './vi/text.js';
export * from './vi/abbreviations.js';
export * from './protocol.js';
export * from './meeting-format.js';
