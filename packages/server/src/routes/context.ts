import type { RateLimitConfig, VisitorHasher } from '../security.js';
import type { Storage } from '../storage/types.js';

/** What every route module is given by buildApp. */
export interface RouteContext {
  storage: Storage;
  hasher: VisitorHasher;
  /** null when rate limiting is off. */
  rateLimits: RateLimitConfig | null;
  autoApprove: boolean;
  /** Empty when the admin API is disabled. */
  adminToken: string;
  /** The clock in ms (tests move it). */
  now: () => number;
}

/** Route-level @fastify/rate-limit config, or nothing when limits are off. */
export function rateLimitConfig(rule: { max: number; windowMs: number } | undefined) {
  return rule ? { config: { rateLimit: { max: rule.max, timeWindow: rule.windowMs } } } : {};
}
