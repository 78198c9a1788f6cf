import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { canonicalArticleKey, toVietnamDateString, type Article } from '@bantin/model';
import {
  articles,
  articleSummaries,
  mostViewedArticle,
  officials,
  seedArticle,
  seedElectionPlan,
  seedMeeting,
} from '@bantin/model/fixtures';
import { buildApp, openStorage, seedStorage, type Storage } from '@bantin/server';
import { createDemoServer } from './server.js';

export interface DemoOptions {
  /** `sqlite:./.data/demo.db` (default), `sqlite::memory:` or `postgres://…`. */
  db?: string;
  port?: number;
  host?: string;
  /** The moderation token. Default: a random one, printed at start. */
  adminToken?: string;
  /** Counts per address per minute; the demo is one reader, so the default is the server's. */
  rateLimit?: false;
  /**
   * Origins whose pages may call the demo's API (CORS, exact match), e.g. a theme under
   * development on `http://localhost:5173`. Default: none (same origin only).
   */
  corsOrigins?: readonly string[];
}

export interface RunningDemo {
  url: string;
  articleUrl: string;
  adminToken: string;
  storage: Storage;
  close(): Promise<void>;
}

const DAY = 86_400_000;

/**
 * Demo traffic, so the "Xem nhiều nhất" tabs are not empty on a new database: synthetic
 * visitors to the seed's most-viewed article over the last days. Recorded once (not when the
 * database already has views today). The seed article gets none: it shows the seed's
 * "Lượt xem: 414", and joins today's list when the reader's own view is counted.
 */
async function addDemoTraffic(storage: Storage, now = Date.now()): Promise<void> {
  const today = toVietnamDateString(now);
  const hot = canonicalArticleKey(mostViewedArticle.id);
  if ((await storage.mostViewed(1, today, 10)).length > 0) return;
  // [days ago, visitors]
  const plan: Array<[number, number]> = [
    [0, 37],
    [2, 120],
    [12, 300],
  ];
  for (const [daysAgo, visitors] of plan) {
    const day = toVietnamDateString(now - daysAgo * DAY);
    for (let i = 0; i < visitors; i++) await storage.recordView(hot, `demo:${daysAgo}:${i}`, day);
  }
}

/** The seed article site on one port: pages from the demo, `/api` from @bantin/server. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const db = options.db ?? 'sqlite:./.data/demo.db';
  if (db.startsWith('sqlite:') && !db.includes(':memory:'))
    mkdirSync(dirname(db.slice('sqlite:'.length)), { recursive: true });
  const storage = await openStorage(db);
  await seedStorage(storage);
  await addDemoTraffic(storage);

  const adminToken = options.adminToken ?? randomBytes(12).toString('base64url');
  const api = await buildApp({
    storage,
    adminToken,
    ...(options.rateLimit === false ? { rateLimit: false } : {}),
    ...(options.corsOrigins?.length ? { corsOrigins: options.corsOrigins } : {}),
  });
  await api.ready();

  // Pages show the count from the database, as a CMS would print it into its template.
  const keys = articles.map((article) => canonicalArticleKey(article.id));
  const withCounts = async (): Promise<Article[]> => {
    const views = await storage.getViews(keys);
    return articles.map((article, i) => ({ ...article, viewCount: views[keys[i]!] ?? article.viewCount }));
  };

  const server = createDemoServer({
    api: '/api',
    data: async () => ({
      articles: await withCounts(),
      officials,
      summaries: articleSummaries,
      mostViewed: [],
      electionPlans: [seedElectionPlan],
      meetings: [seedMeeting],
    }),
    fallback: (request, response) => {
      const url = request.url ?? '';
      // The API, and bantin-server's moderation page at /admin.
      if (!/^\/(api|admin)(?:[/?]|$)/.test(url)) return false;
      api.routing(request, response);
      return true;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    articleUrl: url + seedArticle.url,
    adminToken,
    storage,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await storage.close();
    },
  };
}
