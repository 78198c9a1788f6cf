/**
 * @bantin/server: the reference backend of the bantin JSON API (docs/api.md). View counts
 * (once per visitor per article per Vietnam day), comments with moderation and most-viewed
 * lists, on embedded SQLite or PostgreSQL.
 *
 *   const storage = await openStorage('sqlite:./bantin.db');
 *   const app = await buildApp({ storage, adminToken: process.env.BANTIN_ADMIN_TOKEN });
 *   await app.listen({ port: 8787, host: '127.0.0.1' });
 */
export { buildApp, seedStorage, type BuildAppOptions } from './app.js';
export { openStorage, parseStorageUrl, type OpenStorageOptions, type StorageUrl } from './storage/open.js';
export { InvalidCursorError, type NewStoredComment, type Storage, type StoredComment } from './storage/types.js';
export {
  COMMENT_BODY_LIMIT,
  DEFAULT_RATE_LIMITS,
  VIEW_BODY_LIMIT,
  createVisitorHasher,
  type RateLimitConfig,
  type RateLimitRule,
  type VisitorHasher,
  type VisitorHasherOptions,
} from './security.js';
export { MAX_IDS_PER_REQUEST } from './routes/views.js';
