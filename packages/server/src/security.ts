import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { toVietnamDateString } from '@bantin/model';

/**
 * What keeps readers' addresses private and the API hard to abuse: salted hashes, the admin
 * token check, the CORS allow-list and the rate limits. Everything here is small, pure or
 * in-memory, so that the hot path (`POST /views/:id`) stays cheap.
 */

// ---- visitors: daily-salted hashes, never raw addresses ----------------------------------------

export interface VisitorHasherOptions {
  /**
   * Optional long-lived secret shared by several server processes (e.g. two processes on one
   * PostgreSQL database behind a load balancer), so that they derive the SAME salt for a day and
   * count a visitor once whichever process answers. Without it each process draws a random salt
   * per Vietnam day and forgets it when the day ends (or when the process restarts).
   */
  secret?: string;
  /** The clock; tests move it. */
  now?: () => Date;
}

export interface VisitorHasher {
  /** Vietnam calendar day of now, 'YYYY-MM-DD'. */
  today(): string;
  /** Hash of (address, user agent) under `day`'s salt: one visitor, one day. */
  visitor(ip: string, userAgent: string, day: string): string;
  /** Hash of the address alone under `day`'s salt (stored with comments for abuse handling). */
  address(ip: string, day: string): string;
}

/**
 * Visitors are identified by SHA-256(salt_of_the_day ‖ ip ‖ user agent). The salt is a
 * random 32-byte secret drawn for each Vietnam calendar day and kept only in memory: once the day
 * is over the salt is gone, and yesterday's hashes can no longer be linked to an address (not
 * even by brute-forcing the IPv4 space). A restart draws a new salt, so a visitor seen before a
 * restart may count once more that day: an accepted imprecision.
 */
export function createVisitorHasher(options: VisitorHasherOptions = {}): VisitorHasher {
  const now = options.now ?? (() => new Date());
  let saltDay = '';
  let salt: Buffer = Buffer.alloc(0);

  // The Vietnam day changes at most once a day; recompute it at most once a second.
  let cachedDay = '';
  let cachedUntil = 0;

  function saltFor(day: string): Buffer {
    if (day !== saltDay) {
      salt = options.secret
        ? createHmac('sha256', options.secret).update(`bantin-visitor-salt:${day}`).digest()
        : randomBytes(32);
      saltDay = day;
    }
    return salt;
  }

  return {
    today() {
      const date = now();
      const time = date.getTime();
      if (options.now || time >= cachedUntil || time < cachedUntil - 1000) {
        cachedDay = toVietnamDateString(date);
        cachedUntil = time + 1000;
      }
      return cachedDay;
    },
    // A secret 32-byte prefix is all the keying a one-way pseudonym needs (no MAC is verified
    // against it, so length extension is moot), and it costs half an HMAC: this runs on every
    // POST /views. The 'v'/'a' prefixes keep the two kinds of hash apart; headers and addresses
    // never contain a newline, so the fields cannot run into each other.
    visitor(ip, userAgent, day) {
      return createHash('sha256')
        .update(saltFor(day))
        .update('v\n')
        .update(ip)
        .update('\n')
        .update(userAgent)
        .digest('base64url');
    },
    address(ip, day) {
      return createHash('sha256').update(saltFor(day)).update('a\n').update(ip).digest('base64url');
    },
  };
}

// ---- admin token ---------------------------------------------------------------------------------

/**
 * Constant-time check of an `Authorization: Bearer <token>` header. Both sides are hashed first so
 * that the comparison takes the same time whatever the lengths.
 */
export function bearerTokenMatches(header: string | undefined, expected: string): boolean {
  if (!expected) return false;
  const match = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  const given = match?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

// ---- CORS ----------------------------------------------------------------------------------------

/**
 * Options for @fastify/cors: only the listed origins, matched exactly ('https://portal.example.vn',
 * no trailing slash, no wildcards). Requests carry no cookies, so credentials are never allowed.
 */
export function corsOptions(origins: readonly string[]) {
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '')));
  return {
    origin: (origin: string | undefined, callback: (error: Error | null, allow: boolean) => void) => {
      callback(null, origin !== undefined && allowed.has(origin));
    },
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['content-type', 'idempotency-key', 'accept-language', 'authorization'],
    exposedHeaders: ['retry-after'],
    credentials: false,
    maxAge: 600,
    strictPreflight: false,
  };
}

// ---- rate limits ---------------------------------------------------------------------------------

export interface RateLimitRule {
  /** Requests per window per address. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface RateLimitConfig {
  /** POST …/comments. Default 5 per minute. */
  comments: RateLimitRule;
  /** POST /views/:id. Default 120 per minute: a reader opening many articles, or a school NAT. */
  views: RateLimitRule;
  /** /admin/*. Default 120 per minute: slows down token guessing. */
  admin: RateLimitRule;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  comments: { max: 5, windowMs: 60_000 },
  views: { max: 120, windowMs: 60_000 },
  admin: { max: 120, windowMs: 60_000 },
};

/** `false` turns rate limiting off (benchmarks); a partial object overrides the defaults. */
export function resolveRateLimits(option: false | Partial<RateLimitConfig> | undefined): RateLimitConfig | null {
  if (option === false) return null;
  return {
    comments: { ...DEFAULT_RATE_LIMITS.comments, ...option?.comments },
    views: { ...DEFAULT_RATE_LIMITS.views, ...option?.views },
    admin: { ...DEFAULT_RATE_LIMITS.admin, ...option?.admin },
  };
}

// ---- body limits ---------------------------------------------------------------------------------

/**
 * A comment body at most 16 kB: 2,000 characters of Vietnamese (up to 3 bytes each in UTF-8,
 * more when escaped as \uXXXX) plus a name and an email fit; anything bigger is refused before
 * it is parsed.
 */
export const COMMENT_BODY_LIMIT = 16 * 1024;
/** `POST /views/:id` has no body; a stray one is capped small. */
export const VIEW_BODY_LIMIT = 1024;
