import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  canonicalArticleKey,
  intSchema,
  PeriodSchema,
  type Locale,
  type MostViewedResponse,
  type Period,
  type ViewCountsResponse,
  type ViewIncrementResponse,
} from '@bantin/model';
import { VIEW_BODY_LIMIT } from '../security.js';
import {
  ApiHttpError,
  articleKey,
  clientIp,
  enumQuery,
  intQuery,
  MESSAGES,
  noStore,
  queryValue,
  rateLimited,
  requestLocale,
  say,
} from './http.js';
import { assertRegistered, type RouteContext } from './context.js';

/** At most this many ids per `GET /views` (docs/api.md); clients split longer lists. */
export const MAX_IDS_PER_REQUEST = 100;

/** Ids that canonicalArticleKey and the checks leave as they are: ASCII letters, digits, "-_.". */
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;

const PERIOD_DAYS: Record<Period, number> = { day: 1, week: 7, month: 30 };
const mostViewedLimitSchema = intSchema(1, 50);

/**
 * `ids` straight from the raw query string: each id is URL-encoded on its own and the list is
 * split on literal commas BEFORE decoding, so an id that contains a comma (%2C) stays whole.
 * Several `ids=` parameters are joined.
 */
function rawIds(request: FastifyRequest): string[] | null {
  const url = request.raw.url ?? '';
  const q = url.indexOf('?');
  if (q === -1) return null;
  let found: string[] | null = null;
  for (const part of url.slice(q + 1).split('&')) {
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    if (name !== 'ids') continue;
    const value = eq === -1 ? '' : part.slice(eq + 1);
    found ??= [];
    if (value === '') continue;
    for (const piece of value.split(',')) found.push(decodeURIComponent(piece.replace(/\+/g, ' ')));
  }
  return found;
}

/**
 * The `ids` of a batched GET (`/views`, `/comment-counts`): 1–100 ids as sent, and their
 * canonical keys in the same order. Anything else is a 400 naming `ids` or `ids[i]`.
 */
export function articleIdsQuery(request: FastifyRequest, locale: Locale): { ids: string[]; keys: string[] } {
  let ids: string[] | null;
  try {
    ids = rawIds(request);
  } catch {
    throw new ApiHttpError(400, 'invalid_query', say(locale, MESSAGES.badUrl), 'ids');
  }
  if (!ids || ids.length === 0) throw new ApiHttpError(400, 'invalid_query', say(locale, MESSAGES.missingIds), 'ids');
  if (ids.length > MAX_IDS_PER_REQUEST) {
    throw new ApiHttpError(
      400,
      'invalid_query',
      say(locale, MESSAGES.tooManyIds, { max: MAX_IDS_PER_REQUEST, count: ids.length }),
      'ids',
    );
  }
  return { ids, keys: ids.map((id, index) => articleKey(id, `ids[${index}]`, locale)) };
}

export async function viewRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const { storage, hasher } = ctx;

  // `POST /views/:id` takes no body. A stray one of any type (a sendBeacon's text/plain, say) is
  // read up to 1 kB and ignored rather than refused.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: VIEW_BODY_LIMIT }, (_request, _body, done) =>
    done(null, undefined),
  );

  app.get('/views', async (request, reply) => {
    const { ids, keys } = articleIdsQuery(request, requestLocale(request));
    const totals = await storage.getViews([...new Set(keys)]);
    // Answered under the ids as the client sent them (clients send canonical keys already);
    // unknown ids are answered with 0.
    // A null prototype and own-property lookups: ids like "__proto__" or "constructor" are ids.
    const views: ViewCountsResponse['views'] = Object.create(null);
    ids.forEach((id, index) => {
      const key = keys[index]!;
      views[id] = Object.hasOwn(totals, key) ? totals[key]! : 0;
    });
    noStore(reply);
    return { views } satisfies ViewCountsResponse;
  });

  app.post<{ Params: { articleId: string } }>(
    '/views/:articleId',
    { bodyLimit: VIEW_BODY_LIMIT },
    async (request, reply) => {
      const raw = request.params.articleId;
      const rule = ctx.rateLimits?.views;
      const day = hasher.today();
      const ip = clientIp(request);
      let key: string;
      try {
        // Fast path: a short plain id is its own key (no schema run, no canonicalising); anything
        // else takes the full checks and their message.
        key =
          typeof raw === 'string' && PLAIN_ID.test(raw) ? raw : articleKey(raw, 'articleId', requestLocale(request));
        await assertRegistered(ctx, key, requestLocale(request));
      } catch (error) {
        // A refused attempt counts against the limit too (a statement of its own: off the hot
        // path), and past the limit is answered 429 like any other.
        if (rule) {
          await hasher.prepare(day);
          const nowMs = ctx.now();
          const { hits, resetAtMs } = await storage.rateLimitHit(
            'views',
            hasher.address(ip, day),
            rule.windowMs,
            nowMs,
          );
          if (hits > rule.max) throw rateLimited(requestLocale(request), resetAtMs - nowMs);
        }
        throw error;
      }
      await hasher.prepare(day);
      const visitor = hasher.visitor(ip, request.headers['user-agent'] ?? '', day);
      // The per-address limit is counted in the database with the view itself, in the same
      // group commit: shared by every process, and no statement of its own (docs/decisions.md).
      const nowMs = rule ? ctx.now() : 0;
      const { views, limited } = await storage.recordView(
        key,
        visitor,
        day,
        rule
          ? { rule: 'views', subject: hasher.address(ip, day), max: rule.max, windowMs: rule.windowMs, nowMs }
          : undefined,
      );
      if (limited) throw rateLimited(requestLocale(request), limited.resetAtMs - nowMs);
      noStore(reply);
      return { articleId: key, views } satisfies ViewIncrementResponse;
    },
  );

  app.get('/most-viewed', async (request, reply) => {
    const locale = requestLocale(request);
    const period = enumQuery<Period>(request, 'period', PeriodSchema, 'day', locale);
    const limit = intQuery(request, 'limit', mostViewedLimitSchema, 5, locale);
    // The page being read, left out of its own sidebar.
    const excludeRaw = queryValue(request, 'exclude');
    const exclude = excludeRaw === undefined ? undefined : articleKey(excludeRaw, 'exclude', locale);
    // Registered articles only, ranked in SQL: unknown ids never take a place.
    const rows = await storage.mostViewed(PERIOD_DAYS[period], hasher.today(), limit, exclude ? { exclude } : {});
    const articles = await storage.getArticles(rows.map((row) => row.articleKey));
    // An article deleted between the two reads is skipped.
    const items = rows.flatMap((row) => {
      const article = articles.get(row.articleKey);
      return article ? [{ article, views: row.views }] : [];
    });
    noStore(reply);
    return {
      items: items.map((row, index) => ({ rank: index + 1, article: row.article, views: row.views, period })),
    } satisfies MostViewedResponse;
  });
}
