import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { toVietnamDateString } from '@bantin/model';

/**
 * What keeps readers' addresses private and the API hard to abuse: salted hashes, like keys, the
 * admin token check, the CORS allow-list and the rate limits' settings. Everything here is small
 * and pure or in-memory, so that the hot path (`POST /views/:id`) stays cheap.
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
  /**
   * Where the day's salt is kept so that every process on one database, and a restarted one,
   * uses the same (`Storage.visitorSalt`): it stores `candidate` unless the day has a salt already,
   * and answers the day's salt. Without it (and without `secret`) the salt lives in this process.
   */
  salts?: (day: string, candidate: Buffer) => Promise<Buffer>;
  /** The clock; tests move it. */
  now?: () => Date;
}

export interface VisitorHasher {
  /** Vietnam calendar day of now, 'YYYY-MM-DD'. */
  today(): string;
  /**
   * Makes `day`'s salt ready (from `salts` when given): await it before `visitor` or `address`.
   * Returns nothing (no promise) when it is ready already, as it is on all but a day's first call.
   */
  prepare(day: string): Promise<void> | undefined;
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

  // With a store: the salts it answered, by day (the last two days are enough).
  const stored = new Map<string, Buffer>();
  const loading = new Map<string, Promise<void>>();

  function saltFor(day: string): Buffer {
    if (day !== saltDay) {
      if (options.secret) salt = createHmac('sha256', options.secret).update(`bantin-visitor-salt:${day}`).digest();
      else if (options.salts) {
        const known = stored.get(day);
        if (!known) throw new Error(`visitor salt of ${day} not prepared`);
        salt = known;
      } else salt = randomBytes(32);
      saltDay = day;
    }
    return salt;
  }

  function prepare(day: string): Promise<void> | undefined {
    const store = options.salts;
    if (!store || options.secret || stored.has(day)) return undefined;
    let pending = loading.get(day);
    if (!pending) {
      pending = store(day, randomBytes(32)).then(
        (value) => {
          stored.set(day, value);
          for (const old of [...stored.keys()].sort().slice(0, -2)) stored.delete(old);
          loading.delete(day);
        },
        (error: unknown) => {
          loading.delete(day);
          throw error;
        },
      );
      loading.set(day, pending);
    }
    return pending;
  }

  return {
    prepare,
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

// ---- likes: one per reader per comment, for ever ------------------------------------------------

/** Answers the key of a reader's like of a comment (see createLikeKeys). */
export type LikeKeys = (commentId: string, ip: string, userAgent: string) => Promise<string>;

/**
 * A like is keyed by HMAC-SHA256(secret, comment id ‖ address ‖ user agent). The secret is random,
 * drawn once and kept in the database (`Storage.serverSecret`), the same for every process and
 * every day, so a reader counts once per comment for ever, not once a day. The comment id inside
 * the MAC means that no stable visitor id is stored: two likes of different comments by one
 * reader have unrelated keys, and without the secret a key cannot be tied to an address.
 */
export function createLikeKeys(secret: () => Promise<Buffer>): LikeKeys {
  let loading: Promise<Buffer> | null = null;
  return async (commentId, ip, userAgent) => {
    loading ??= secret().catch((error: unknown) => {
      loading = null; // the next like tries again
      throw error;
    });
    return createHmac('sha256', await loading)
      .update(`like\n${commentId}\n${ip}\n${userAgent}`)
      .digest('base64url');
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
  /** /admin/* with the right token. Default 120 per minute. */
  admin: RateLimitRule;
  /**
   * /admin/* with a wrong or missing token, counted apart so that they never lock the right token
   * out. Default 20 per minute: slows down token guessing.
   */
  adminFailures: RateLimitRule;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  comments: { max: 5, windowMs: 60_000 },
  views: { max: 120, windowMs: 60_000 },
  admin: { max: 120, windowMs: 60_000 },
  adminFailures: { max: 20, windowMs: 60_000 },
};

/** `false` turns rate limiting off (benchmarks); a partial object overrides the defaults. */
export function resolveRateLimits(option: false | Partial<RateLimitConfig> | undefined): RateLimitConfig | null {
  if (option === false) return null;
  return {
    comments: { ...DEFAULT_RATE_LIMITS.comments, ...option?.comments },
    views: { ...DEFAULT_RATE_LIMITS.views, ...option?.views },
    admin: { ...DEFAULT_RATE_LIMITS.admin, ...option?.admin },
    adminFailures: { ...DEFAULT_RATE_LIMITS.adminFailures, ...option?.adminFailures },
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

// ---- proxies -------------------------------------------------------------------------------------

/**
 * `--trust-proxy`: a number of proxies in front of the server (`1`: the address the nearest proxy
 * saw, the right-most X-Forwarded-For entry), or the proxies' addresses and ranges
 * (`10.0.0.5,10.0.0.0/8`, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`). Either
 * way the visitor is the first address not trusted, counted from the socket: never the left-most
 * entry, which the client writes. Null when the value is neither.
 */
export function parseTrustProxy(value: string): number | string[] | null {
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return Number(text) >= 1 ? Number(text) : null;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => !isProxyAddress(part))) return null;
  return parts;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(part: string): boolean {
  if (PROXY_NAMES.has(part)) return true;
  const [address = '', bits, ...rest] = part.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}
