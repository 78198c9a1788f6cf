#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp, seedStorage } from './app.js';
import { parseTrustProxy } from './security.js';
import { runTask, TASKS_USAGE, UsageError } from './cli-tasks.js';
import { scheduleFeeds } from './ingest/ingest.js';
import { openStorage, parseStorageUrl, redact } from './storage/open.js';

const USAGE = `Usage: bantin-server [options]

The bantin JSON API (view counts, comments with moderation, most viewed) under /api.

Tasks (bantin-server <task> --help):
  import views <file>   bring view counts from a previous system
  import comments <file>
                        bring comments from WordPress (WXR) or Artalk (artrans)
  ingest <file-or-url>  register the articles of RSS, Atom and (Google News) sitemaps

Options:
  --db <url>            sqlite:./data.db, sqlite::memory: or postgres://user:pass@host/db
                        (default: sqlite:./bantin.db)
  --port <n>            port to listen on (default: 8787; 0 picks a free one)
  --host <addr>         address to listen on (default: 127.0.0.1)
  --admin-token <tok>   enables the moderation page (/admin) and /api/admin/* behind "Authorization: Bearer <tok>"
                        (or env BANTIN_ADMIN_TOKEN; prefer the env: flags show in ps)
  --cors-origin <url>   allow this origin to call the API from browsers (exact match,
                        repeatable); default: same origin only
  --auto-approve        publish new comments at once instead of holding them for moderation
  --registered-only     refuse views, comments and likes for articles not registered with
                        PUT /api/admin/articles or \`bantin-server ingest\` (404 unknown_article)
  --seed                load the seed articles of @bantin/model/fixtures (and the seed
                        article's 414 views, if it has none yet)
  --trust-proxy <p>     behind reverse proxies: take the visitor address from X-Forwarded-For,
                        trusting exactly <p>: a number of proxies (1: the nearest one's view,
                        the right-most entry) or their addresses (10.0.0.5,10.0.0.0/8).
                        The left-most entry, which the client writes, is never believed.
  --no-rate-limit       turn off the per-address limits on POSTs (benchmarks only)
  --altcha              ask for a self-hosted ALTCHA proof of work with each comment
                        (GET /api/altcha-challenge; needs BANTIN_ALTCHA_SECRET)
  --feed <url>          ingest this RSS, Atom or sitemap URL at start and every
                        --feed-every minutes (repeatable; see \`bantin-server ingest\`)
  --feed-every <min>    minutes between two ingests of the --feed URLs (default: 15)
  --log                 log every request (JSON lines on stdout)
  -h, --help            show this help

Environment:
  BANTIN_ADMIN_TOKEN     admin token (when --admin-token is not given)
  BANTIN_ALTCHA_SECRET   HMAC secret signing ALTCHA challenges (with --altcha), the same
                         for every process of a site
  BANTIN_VISITOR_SECRET  secret the daily visitor salt is derived from (default: a random
                         salt per day, kept in the database and shared by every process)
`;

function fail(message: string): never {
  process.stderr.write(`bantin-server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string', default: 'sqlite:./bantin.db' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        'admin-token': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'auto-approve': { type: 'boolean', default: false },
        'registered-only': { type: 'boolean', default: false },
        seed: { type: 'boolean', default: false },
        'trust-proxy': { type: 'string' },
        'no-rate-limit': { type: 'boolean', default: false },
        altcha: { type: 'boolean', default: false },
        feed: { type: 'string', multiple: true, default: [] },
        'feed-every': { type: 'string', default: '15' },
        log: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!/^\d{1,5}$/.test(args.port) || Number(args.port) > 65535)
    fail(`--port must be an integer from 0 to 65535, got ${JSON.stringify(args.port)}`);
  const corsOrigins = args['cors-origin'];
  for (const origin of corsOrigins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin.replace(/\/+$/, ''))
      fail(`--cors-origin must be an origin such as https://portal.example.vn, got ${JSON.stringify(origin)}`);
  }
  const feedEvery = Number(args['feed-every']);
  if (!/^\d+(?:\.\d+)?$/.test(args['feed-every']) || !(feedEvery > 0) || feedEvery > 10_080)
    fail(`--feed-every must be a number of minutes above 0, at most 10080, got ${JSON.stringify(args['feed-every'])}`);
  for (const feed of args.feed)
    if (!/^https?:\/\/[^\s]+$/i.test(feed)) fail(`--feed must be an http(s) URL, got ${JSON.stringify(feed)}`);
  const altchaSecret = process.env.BANTIN_ALTCHA_SECRET ?? '';
  if (args.altcha && altchaSecret.length < 16) fail('--altcha needs BANTIN_ALTCHA_SECRET, at least 16 characters');
  const adminToken = args['admin-token'] ?? process.env.BANTIN_ADMIN_TOKEN ?? '';
  let trustProxy: number | string[] | false = false;
  if (args['trust-proxy'] !== undefined) {
    const parsed = parseTrustProxy(args['trust-proxy']);
    if (parsed === null)
      fail(
        `--trust-proxy takes a number of proxies (1) or their addresses (10.0.0.5,10.0.0.0/8), got ${JSON.stringify(args['trust-proxy'])}`,
      );
    trustProxy = parsed;
  }

  try {
    parseStorageUrl(args.db);
  } catch (error) {
    fail(`--db: ${(error as Error).message}`);
  }

  const storage = await openStorage(args.db).catch((error: Error) => {
    throw new Error(`cannot open ${redact(args.db)}: ${error.message}`, { cause: error });
  });
  if (args.seed) {
    const seeded = await seedStorage(storage);
    process.stdout.write(
      `bantin-server: seeded ${seeded.articles} articles${seeded.views ? ` and ${seeded.views} views` : ''}\n`,
    );
  }

  const app = await buildApp({
    storage,
    ...(adminToken ? { adminToken } : {}),
    corsOrigins,
    autoApprove: args['auto-approve'],
    registeredOnly: args['registered-only'],
    ...(args.altcha ? { altcha: { secret: altchaSecret } } : {}),
    ...(args['no-rate-limit'] ? { rateLimit: false as const } : {}),
    logger: args.log,
    trustProxy,
    ...(process.env.BANTIN_VISITOR_SECRET ? { visitorSecret: process.env.BANTIN_VISITOR_SECRET } : {}),
  });

  let feeds: ReturnType<typeof scheduleFeeds> | null = null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      process.stderr.write(`bantin-server: ${signal} again, exiting now\n`);
      process.exit(1);
    }
    closing = true;
    try {
      feeds?.stop();
      await app.close(); // stops accepting, waits for requests in flight
      await feeds?.done;
      await storage.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(`bantin-server: shutdown failed: ${(error as Error).message}\n`);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: Number(args.port), host: args.host });
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : Number(args.port);
  process.stdout.write(`bantin-server listening on http://${urlHost(args.host)}:${port}\n`);
  if (adminToken) process.stdout.write(`moderation page: http://${urlHost(args.host)}:${port}/admin\n`);
  if (args.feed.length > 0)
    feeds = scheduleFeeds(storage, args.feed, feedEvery, (line) =>
      process.stdout.write(`bantin-server: ingest ${line}\n`),
    );
}

const argv = process.argv.slice(2);
const task = argv[0] === 'import' || argv[0] === 'ingest';
(task
  ? runTask(argv, (line) => process.stdout.write(`${line}\n`)).then(
      (code) => process.exit(code),
      (error: unknown) => {
        if (!(error instanceof UsageError)) throw error;
        process.stderr.write(`bantin-server: ${error.message}\n\n${TASKS_USAGE}`);
        process.exit(2);
      },
    )
  : main(argv)
).catch((error: unknown) => {
  process.stderr.write(`bantin-server: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
