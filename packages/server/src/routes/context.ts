import type { Locale } from '@bantin/model';
import { ApiHttpError, MESSAGES, say } from './http.js';
import type { LikeKeys, RateLimitConfig, VisitorHasher } from '../security.js';
import type { Storage } from '../storage/types.js';
import type { SpamOptions } from '../spam/rules.js';

/** What every route module is given by buildApp. */
export interface RouteContext {
  storage: Storage;
  hasher: VisitorHasher;
  /** Keys of readers' likes, once per comment for ever (security.ts). */
  likeKeys: LikeKeys;
  /** null when rate limiting is off. */
  rateLimits: RateLimitConfig | null;
  autoApprove: boolean;
  /** Empty when the admin API is disabled. */
  adminToken: string;
  /** The clock in ms (tests move it). */
  now: () => number;
  /** Views, comments and likes only for registered articles (404 `unknown_article` otherwise). */
  registeredOnly: boolean;
  /** Spam defence (spam/rules.ts); null when turned off. */
  spam: SpamOptions | null;
}

/** With `registeredOnly`, refuses an article key the site never registered. */
export async function assertRegistered(ctx: RouteContext, key: string, locale: Locale): Promise<void> {
  if (!ctx.registeredOnly) return;
  if ((await ctx.storage.getArticles([key])).size === 0) {
    throw new ApiHttpError(404, 'unknown_article', say(locale, MESSAGES.unknownArticle, { id: key }), 'articleId');
  }
}

/** Route-level @fastify/rate-limit config, or nothing when limits are off. */
export function rateLimitConfig(rule: { max: number; windowMs: number } | undefined) {
  return rule ? { config: { rateLimit: { max: rule.max, timeWindow: rule.windowMs } } } : {};
}
