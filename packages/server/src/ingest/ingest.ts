// Reads feeds from files or URLs and registers their articles: one upsert (one transaction) per
// source, the good items registered and the bad ones reported.
import { readFile } from 'node:fs/promises';
import type { Locale } from '@bantin/model';
import type { Storage } from '../storage/types.js';
import { FeedError, parseFeed, type FeedKind } from './feeds.js';

/** Feeds larger than this are refused (a news feed is a few hundred kB). */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

export interface IngestReport {
  source: string;
  kind: FeedKind;
  items: number;
  registered: number;
  skipped: Array<{ where: string; error: string }>;
  dryRun: boolean;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The text of a file or of an http(s) URL (redirects followed, 30 s, 20 MB at most). */
export async function readSource(source: string): Promise<string> {
  if (!isUrl(source)) return readFile(source, 'utf8');
  let response: Response;
  try {
    response = await fetch(source, {
      redirect: 'follow',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1' },
    });
  } catch (error) {
    throw new FeedError(`could not fetch it: ${(error as Error).message}`);
  }
  if (!response.ok) throw new FeedError(`the server answered ${response.status} ${response.statusText}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_FEED_BYTES) throw new FeedError(`too large (${length} bytes; at most ${MAX_FEED_BYTES})`);
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_FEED_BYTES) throw new FeedError(`too large (more than ${MAX_FEED_BYTES} bytes)`);
  return new TextDecoder('utf-8').decode(body);
}

/**
 * Ingests one source: reads and parses it, registers its valid items in one upsert, and
 * reports the rest. A sitemap index's sitemaps (URLs only) are ingested in turn, one level deep.
 * Throws FeedError when the source itself cannot be read or is not a feed.
 */
export async function ingestSource(
  storage: Storage,
  source: string,
  options: { dryRun?: boolean; locale?: Locale; followIndex?: boolean } = {},
): Promise<IngestReport[]> {
  const text = await readSource(source);
  const parsed = parseFeed(text, isUrl(source) ? source : undefined, options.locale ?? 'en');
  const reports: IngestReport[] = [];
  if (parsed.sitemaps.length > 0 && (options.followIndex ?? true)) {
    for (const sitemap of parsed.sitemaps) {
      try {
        reports.push(...(await ingestSource(storage, sitemap, { ...options, followIndex: false })));
      } catch (error) {
        if (!(error instanceof FeedError)) throw error;
        reports.push({
          source: sitemap,
          kind: 'sitemap',
          items: 0,
          registered: 0,
          skipped: [{ where: sitemap, error: error.message }],
          dryRun: !!options.dryRun,
        });
      }
    }
  }
  const good = parsed.items.filter((item) => item.summary);
  if (!options.dryRun) await storage.upsertArticles(good.map((item) => ({ key: item.key!, summary: item.summary! })));
  reports.unshift({
    source,
    kind: parsed.kind,
    items: parsed.items.length,
    registered: good.length,
    skipped: parsed.items.filter((item) => item.error).map((item) => ({ where: item.where, error: item.error! })),
    dryRun: !!options.dryRun,
  });
  return reports;
}

export function formatIngestReport(r: IngestReport): string {
  const head = `${r.source} (${r.kind}): ${r.items} items; ${r.dryRun ? 'would register' : 'registered'} ${r.registered}, skipped ${r.skipped.length}`;
  return [
    head,
    ...r.skipped.map((s) => `  skipped ${s.where}: ${s.error}`),
    ...(r.dryRun ? ['  --dry-run: nothing written'] : []),
  ].join('\n');
}

/**
 * `--feed <url> --feed-every <minutes>`: ingests the feeds now and then every `minutes`, in the
 * server process. A failing feed is logged and tried again next time. Returns a stop function.
 */
export function scheduleFeeds(
  storage: Storage,
  feeds: readonly string[],
  minutes: number,
  log: (line: string) => void,
): { stop(): void; done: Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    for (const feed of feeds) {
      try {
        for (const report of await ingestSource(storage, feed)) log(formatIngestReport(report));
      } catch (error) {
        log(`${feed}: not ingested: ${(error as Error).message}`);
      }
    }
  };
  const tick = () => {
    running = running.then(runOnce);
  };
  tick();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    get done() {
      return running;
    },
  };
}
