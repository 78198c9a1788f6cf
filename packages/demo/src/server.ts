import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ArticleSummary, ElectionPlan, Meeting, MostViewedItem, Official } from '@bantin/model';
import {
  articles,
  articleSummaries,
  mostViewedItems,
  officials,
  seedElectionPlan,
  seedMeeting,
} from '@bantin/model/fixtures';
import { electionSidebar } from './election-page.js';
import { placeholderSvg } from './media.js';
import { renderArticlePage } from './page.js';
import { sendCompressed, staticFiles } from './static.js';

export interface DemoData {
  articles: readonly Article[];
  officials: readonly Official[];
  summaries: readonly ArticleSummary[];
  mostViewed: readonly MostViewedItem[];
  /** Election plans; an article a plan names (`articleId`) gets its countdown and progress. */
  electionPlans?: readonly ElectionPlan[];
  /** Meetings, shown beside the article that reports them (`meeting.articleId`). */
  meetings?: readonly Meeting[];
}

export interface DemoServerOptions {
  /** The site's content; a function is called per request (e.g. to read live counts). */
  data?: DemoData | (() => Promise<DemoData>);
  /** Base URL of a JSON API for the elements; without it they get inline data. */
  api?: string;
  siteUrl?: string;
  /** Handles requests the demo doesn't (e.g. an API mounted on the same port). Returns true when handled. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
}

const require = createRequire(import.meta.url);
const elementsDist = join(dirname(require.resolve('@bantin/elements/package.json')), 'dist');
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** Where the page finds its scripts and styles: the element modules as a CDN would serve them. */
export const ASSET_URLS = {
  script: '/assets/cdn/autoloader.js',
  theme: '/assets/themes/bantin.css',
  site: '/assets/site.css',
};

// The site's mark: a red square with a white star, after the portal palette.
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#b3121b"/><path d="M16 5l3.2 9.8H29l-8 5.8 3 9.4-8-5.8-8 5.8 3-9.4-8-5.8h9.8z" fill="#fff"/></svg>';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The stylesheets the page inlines (read per request, so a rebuilt theme shows on reload). */
const STYLESHEETS = [
  // Each element's space before its module arrives: with the autoloader, elements upgrade a
  // round trip later than with one bundle, and without these rules the page would shift.
  join(elementsDist, 'themes/reserve.css'),
  join(elementsDist, 'themes/bantin.css'),
  join(publicDir, 'site.css'),
];

const assets = [
  staticFiles('/assets/cdn/', join(elementsDist, 'cdn'), SECURITY_HEADERS),
  staticFiles('/assets/themes/', join(elementsDist, 'themes'), SECURITY_HEADERS),
  staticFiles('/assets/', publicDir, SECURITY_HEADERS),
];

function send(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
) {
  sendCompressed(request, response, status, { 'content-type': type, ...SECURITY_HEADERS, ...extra }, body);
}

/** The demo site: the seed article page, its assets and placeholder media. */
export function createDemoServer(options: DemoServerOptions = {}): Server {
  const fixed: DemoData = {
    articles,
    officials,
    summaries: articleSummaries,
    mostViewed: mostViewedItems,
    electionPlans: [seedElectionPlan],
    meetings: [seedMeeting],
  };
  const load = async (): Promise<DemoData> =>
    typeof options.data === 'function' ? options.data() : (options.data ?? fixed);

  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (options.fallback && (await options.fallback(request, response))) return;
      const data = await load();
      const first = data.articles[0];
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return send(request, response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { allow: 'GET, HEAD' });
      }
      if (url.pathname === '/' && first) {
        response.writeHead(302, { location: first.url, ...SECURITY_HEADERS });
        return response.end();
      }
      if (url.pathname === '/favicon.svg' || url.pathname === '/favicon.ico') {
        return send(request, response, 200, 'image/svg+xml', FAVICON, { 'cache-control': 'max-age=86400' });
      }
      if (assets.some((files) => files.serve(request, response, url.pathname))) return;

      const media = /^\/media\/[a-z0-9-]+\/([a-z0-9-]+)\.svg$/.exec(url.pathname);
      if (media) {
        const caption = data.articles
          .flatMap((article) => [
            ...article.body.flatMap((b) => (b.type === 'image' ? [b.image] : [])),
            ...(article.cover ? [article.cover] : []),
          ])
          .find((image) => image.src === url.pathname)?.alt;
        if (caption)
          return send(request, response, 200, 'image/svg+xml', placeholderSvg(caption), {
            'cache-control': 'max-age=3600',
          });
      }

      const article = data.articles.find((candidate) => candidate.url === url.pathname.replace(/\/+$/, ''));
      if (article) {
        const plan = data.electionPlans?.find((candidate) => candidate.articleId === article.id);
        const page = renderArticlePage({
          ...(plan ? { sidebar: electionSidebar(plan) } : {}),
          article,
          officials: data.officials,
          related: data.summaries.filter((summary) => summary.id !== article.id),
          mostViewed: data.mostViewed,
          meeting: data.meetings?.find((meeting) => meeting.articleId === article.id),
          ...(options.api ? { api: options.api } : {}),
          ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
          assets: ASSET_URLS,
          inlineStyles: STYLESHEETS.map((file) => readFileSync(file, 'utf8')).join('\n'),
        });
        return send(request, response, 200, 'text/html; charset=utf-8', page, { 'cache-control': 'no-cache' });
      }
      send(
        request,
        response,
        404,
        'text/html; charset=utf-8',
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tìm thấy trang</title><h1>Không tìm thấy trang</h1><p><a href="/">Về trang chủ</a></p>',
      );
    } catch (error) {
      console.error('[demo]', error);
      if (!response.headersSent)
        send(request, response, 500, 'text/plain; charset=utf-8', 'Lỗi máy chủ / Internal Server Error');
      else response.end();
    }
  });
}
