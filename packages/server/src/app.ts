import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { canonicalArticleKey, toVietnamDateString, type Locale } from '@bantin/model';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { adminRoutes } from './routes/admin.js';
import { adminPageRoutes } from './routes/admin-page.js';
import { commentRoutes, isInvalidCursor } from './routes/comments.js';
import { engagementRoutes } from './routes/engagement.js';
import type { RouteContext } from './routes/context.js';
import { ApiHttpError, invalidCursor, MESSAGES, rateLimited, requestLocale, say } from './routes/http.js';
import { viewRoutes } from './routes/views.js';
import {
  COMMENT_BODY_LIMIT,
  corsOptions,
  createLikeKeys,
  createVisitorHasher,
  resolveRateLimits,
  type RateLimitConfig,
} from './security.js';
import type { Storage } from './storage/types.js';
import { DEFAULT_SPAM_OPTIONS, type SpamOptions } from './spam/rules.js';
import { altchaCaptcha, type AltchaOptions } from './spam/altcha.js';

export interface BuildAppOptions {
  /** The database (see `openStorage`). buildApp does not migrate or close it: its owner does. */
  storage: Storage;
  /** Where the routes live. Default '/api'; '' mounts them at the root. */
  prefix?: string;
  /**
   * Enables the moderation API (`/admin/*`) behind `Authorization: Bearer <token>`. Without a
   * token those routes do not exist (404).
   */
  adminToken?: string;
  /**
   * Serves the moderation page at `/admin` (outside `prefix`), when an admin token is set.
   * Default true.
   */
  moderationPage?: boolean;
  /**
   * Origins allowed to call the API from a browser (CORS), matched exactly, e.g.
   * ['https://portal.example.vn']. Default: none, i.e. same-origin only (no CORS headers).
   */
  corsOrigins?: readonly string[];
  /** New comments are published at once instead of waiting for moderation. Default false. */
  autoApprove?: boolean;
  /**
   * Views, comments and likes only for articles registered with `PUT /admin/articles` (or
   * `bantin-server ingest`); others get 404 `unknown_article`. Default false: any id.
   */
  registeredOnly?: boolean;
  /**
   * Per-address limits on POSTs (429 with Retry-After). `false` turns them off (benchmarks);
   * a partial object overrides the defaults (comments 5/min, views 120/min, admin 120/min with
   * the right token, adminFailures 20/min with a wrong one).
   */
  rateLimit?: false | Partial<RateLimitConfig>;
  /** Fastify's logger. Default false: no per-request logging on the hot path. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Behind reverse proxies: how many (a number of hops) or which (addresses and CIDR ranges, as
   * Fastify's `trustProxy` takes them) to trust, so that the visitor address comes from
   * X-Forwarded-For: the first address not trusted, counted from the socket. `true` means one
   * proxy (never the client-written left-most entry). Default false (the socket's address).
   */
  trustProxy?: boolean | number | string | string[];
  /**
   * Secret shared by several processes on one database so that they hash a visitor the same way
   * on a given day (see security.ts). Default: a random salt per process and per day.
   */
  visitorSecret?: string;
  /**
   * Spam defence: honeypot, minimum fill time, link cap, blocklist and optionally ALTCHA
   * (spam/rules.ts). On by default; `false` turns it off; a partial object overrides defaults.
   */
  spam?: false | Partial<SpamOptions>;
  /**
   * Asks for a self-hosted ALTCHA proof of work with each comment (spam/altcha.ts): serves
   * `GET /altcha-challenge`, and comments without a valid solution are flagged 'captcha'.
   * Default: off.
   */
  altcha?: AltchaOptions;
  /** The clock (tests). */
  now?: () => Date;
}

const DEFAULT_PREFIX = '/api';

/** Fastify's `trustProxy` for our option: hops as proxy-addr's (address, hop) test; `true` = 1 hop. */
function trustedProxies(option: BuildAppOptions['trustProxy']): FastifyServerOptions['trustProxy'] {
  if (option === undefined || option === false) return false;
  const hops = option === true ? 1 : option;
  if (typeof hops === 'number') return (_address: string, hop: number) => hop < hops;
  return hops;
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} kB` : `${bytes} B`;
}

/** Any thrown thing, as an answer of the documented shape. */
function toApiError(error: FastifyError | ApiHttpError | Error, request: FastifyRequest, locale: Locale): ApiHttpError {
  if (error instanceof ApiHttpError) return error;
  if (isInvalidCursor(error)) return invalidCursor(locale);
  // The storage's own check of parentId (a parent deleted between our check and the insert).
  if (error.name === 'UnknownParentError')
    return new ApiHttpError(400, 'invalid_body', say(locale, MESSAGES.parentUnknown), 'parentId');
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiHttpError(400, 'invalid_json', say(locale, MESSAGES.invalidJson));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiHttpError(400, 'invalid_json', say(locale, MESSAGES.emptyJson));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiHttpError(415, 'unsupported_media_type', say(locale, MESSAGES.unsupportedMediaType));
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions?.bodyLimit ?? COMMENT_BODY_LIMIT;
      return new ApiHttpError(413, 'payload_too_large', say(locale, MESSAGES.tooLarge, { limit: formatBytes(limit) }));
    }
    case 'FST_ERR_BAD_URL':
      return new ApiHttpError(400, 'bad_url', say(locale, MESSAGES.badUrl));
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiHttpError(400, 'invalid_param', say(locale, MESSAGES.badUrl));
    default:
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413)
      return new ApiHttpError(
        413,
        'payload_too_large',
        say(locale, MESSAGES.tooLarge, { limit: formatBytes(COMMENT_BODY_LIMIT) }),
      );
    if (status === 415)
      return new ApiHttpError(415, 'unsupported_media_type', say(locale, MESSAGES.unsupportedMediaType));
    return new ApiHttpError(status, 'bad_request', say(locale, MESSAGES.badRequest));
  }
  return new ApiHttpError(500, 'internal', say(locale, MESSAGES.internal));
}

function sendError(logging: boolean, error: Error, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  const api = toApiError(error, request, locale);
  if (api.statusCode >= 500) {
    // Logged even when request logging is off: a fault must never pass silently.
    if (logging) reply.log.error({ err: error }, 'request failed');
    else
      process.stderr.write(`bantin-server: ${request.method} ${request.url} failed: ${error.stack ?? error.message}\n`);
  }
  if (api.headers) reply.headers(api.headers);
  return reply
    .code(api.statusCode)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .type('application/json; charset=utf-8')
    .send(api.toBody());
}

/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (headers over 16 kB, a
 * malformed request line, a bad header), answered in the documented shape rather than Fastify's
 * own. Nothing of the request could be read, so the message is in Vietnamese, the default.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) {
    socket.destroy();
    return;
  }
  const api =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiHttpError(431, 'headers_too_large', say('vi', MESSAGES.headersTooLarge))
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiHttpError(408, 'request_timeout', say('vi', MESSAGES.requestTimeout))
        : new ApiHttpError(400, 'bad_request', say('vi', MESSAGES.badRequest));
  const body = JSON.stringify(api.toBody());
  socket.end(
    `HTTP/1.1 ${api.statusCode} ${STATUS_CODES[api.statusCode]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n' +
      body,
  );
}

/**
 * The JSON API of docs/api.md (views, comments, most viewed) plus moderation, as a Fastify
 * instance. `listen()` it, `inject()` it, or hand its `routing` function to another server.
 */
/** How long close() waits for handlers still running. */
const CLOSE_WAIT_MS = 10_000;

/**
 * close() waits for the handlers still running (up to 10 s). The server's own close waits for
 * open connections only, and a client that went away (a reader closing the tab, a load test
 * stopping) takes its connection with it while its handler still runs: the embedder would then
 * close the storage under that handler's next query, and a write might be lost.
 */
function waitForHandlersOnClose(app: FastifyInstance): void {
  const running = new Set<FastifyRequest>();
  let drained: (() => void) | undefined;
  // Once closing, every answer says `Connection: close`: a keep-alive client would otherwise
  // hold its connection, and close() with it, until the keep-alive timeout (72 s).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  const finish = (request: FastifyRequest) => {
    running.delete(request);
    if (running.size === 0) drained?.();
  };
  // Callback hooks, not async ones: no promise per request on the hot path (views).
  app.addHook('onRequest', (request, _reply, done) => {
    running.add(request);
    done();
  });
  // onSend follows the handler's end whether or not the client is still there.
  app.addHook('onSend', (request, reply, payload, done) => {
    finish(request);
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    finish(request);
    done();
  });
  app.addHook('onClose', async () => {
    if (running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => (drained = resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  });
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const prefix = (options.prefix ?? DEFAULT_PREFIX).replace(/\/+$/, '');
  const rateLimits = resolveRateLimits(options.rateLimit);
  const loggerOption = options.logger ?? false;
  const logging = Boolean(loggerOption);

  const app = Fastify({
    logger: loggerOption,
    bodyLimit: COMMENT_BODY_LIMIT,
    // Article ids may be URL-encoded paths of up to 200 Vietnamese characters (9 bytes each once
    // percent-encoded); longer ones are refused by idSchema with a message, not by the router.
    routerOptions: { maxParamLength: 2048 },
    // `true` would make the left-most X-Forwarded-For entry, which the client writes, the
    // visitor: it means one proxy here.
    trustProxy: trustedProxies(options.trustProxy),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: 30_000,
    frameworkErrors: (error, request, reply) => {
      void sendError(logging, error, request, reply);
    },
    clientErrorHandler: answerClientError,
  });

  waitForHandlersOnClose(app);

  const now = options.now ? () => options.now!().getTime() : Date.now;
  // A solution is good for one comment, whichever process sees it (Storage.useOnce). The real
  // clock, as altcha-lib's expiry check.
  const captcha =
    options.altcha && options.spam !== false
      ? altchaCaptcha(options.altcha, (signature, expiresAtMs) =>
          options.storage.useOnce('altcha', signature, expiresAtMs, Date.now()),
        )
      : null;
  const ctx: RouteContext = {
    storage: options.storage,
    hasher: createVisitorHasher({
      ...(options.visitorSecret ? { secret: options.visitorSecret } : {}),
      // The day's salt is kept in the database: shared by every process, and kept over restarts.
      ...(typeof options.storage.visitorSalt === 'function'
        ? { salts: (day: string, candidate: Buffer) => options.storage.visitorSalt(day, candidate) }
        : {}),
      ...(options.now ? { now: options.now } : {}),
    }),
    likeKeys: createLikeKeys(() => options.storage.serverSecret('like-keys', randomBytes(32))),
    rateLimits,
    autoApprove: options.autoApprove ?? false,
    adminToken: options.adminToken ?? '',
    now,
    registeredOnly: options.registeredOnly ?? false,
    spam:
      options.spam === false
        ? null
        : {
            ...DEFAULT_SPAM_OPTIONS,
            ...options.spam,
            ...(captcha ? { verifyCaptcha: (payload: string) => captcha.verify(payload) } : {}),
          },
  };

  // Only JSON bodies: anything else is 415 (text/plain is Fastify's other default parser).
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => sendError(logging, error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    const path = (request.raw.url ?? '/').split('?')[0];
    return sendError(
      logging,
      new ApiHttpError(404, 'not_found', say(locale, MESSAGES.notFound, { what: `${request.method} ${path}` })),
      request,
      reply,
    );
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(cors, corsOptions(options.corsOrigins));
  }
  if (rateLimits) {
    await app.register(rateLimit, {
      global: false,
      // Counters in the database, shared by every process. The view counter's limit is not
      // here: its hits are written with the views themselves (routes/views.ts).
      store: databaseRateLimitStore({ storage: options.storage, hasher: ctx.hasher, now: ctx.now }),
      // Keyed by address (request.ip; X-Forwarded-For only with trustProxy).
      errorResponseBuilder: (request, context) => rateLimited(requestLocale(request), context.ttl),
    });
  }

  await app.register(
    async (api) => {
      // Each in its own context: content-type parsers and hooks stay where they belong.
      await api.register(async (views) => viewRoutes(views, ctx));
      await api.register(async (comments) => commentRoutes(comments, ctx));
      await api.register(async (engagement) => engagementRoutes(engagement, ctx));
      // Served with ALTCHA off too, answering that no captcha is asked: a 404 would be logged as
      // an error in the console of every reader who starts a comment.
      api.get('/altcha-challenge', async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return captcha ? captcha.challenge() : { altcha: false };
      });
      if (ctx.adminToken) await api.register(async (admin) => adminRoutes(admin, ctx));
    },
    { prefix },
  );
  if (ctx.adminToken && options.moderationPage !== false) {
    await app.register(async (page) => adminPageRoutes(page, { apiPrefix: prefix }));
  }

  return app;
}

/**
 * Loads the seed fixtures (the CLI's `--seed`): the seed fixtures' article summaries (what most-viewed items show), and the seed
 * article's count ("Lượt xem: 414") as its starting total when it has no views yet. The 414 are
 * recorded as views by 414 synthetic visitors ('seed:1'…'seed:414') on the article's publication
 * day (Vietnam time), so they count in the total but not in today's, this week's or this month's
 * most viewed; the visitor dedupe makes two processes seeding at once still add exactly 414.
 */
export async function seedStorage(storage: Storage): Promise<{ articles: number; views: number }> {
  const { articleSummaries, seedArticle } = await import('@bantin/model/fixtures');
  await storage.upsertArticles(articleSummaries.map((summary) => ({ key: canonicalArticleKey(summary.id), summary })));
  const key = canonicalArticleKey(seedArticle.id);
  const initial = seedArticle.viewCount ?? 0;
  let added = 0;
  const existing = (await storage.getViews([key]))[key] ?? 0;
  if (existing === 0 && initial > 0) {
    const day = toVietnamDateString(seedArticle.publishedAt);
    for (let i = 1; i <= initial; i++) {
      if ((await storage.recordView(key, `seed:${i}`, day)).counted) added++;
    }
  }
  return { articles: articleSummaries.length, views: added };
}
