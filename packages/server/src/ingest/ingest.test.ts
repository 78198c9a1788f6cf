// `bantin-server ingest` and `--feed`: RSS 2.0, Atom and Google News sitemap files written as
// portals write them, and the same served by a local HTTP server on 127.0.0.1 (a sitemap index
// too, a 404 feed and a feed URL that changes between two ingests); on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startPostgres, type RunningPostgres } from '../../test/postgres.js';
import { runTask } from '../cli-tasks.js';
import { openStorage } from '../storage/open.js';
import { FeedError, parseFeed } from './feeds.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => join(packageDir, 'test', 'fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'bantin-ingest-'));
let pg: RunningPostgres | null = null;

const BAU_CU = '/tin-tuc/ha-noi-hoan-thanh-kien-toan-to-chuc-bau-cu';
const HOI_NGHI = '/tin-tuc/hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho-thao-luan-nhieu-noi-dung-quan-trong.html';
const MTTQ = '/tin-tuc/hoi-nghi-tong-ket-cong-tac-nam-2026-cua-uy-ban-mttq-thanh-pho';

// A portal on loopback: its feeds, a sitemap index, and a feed whose title changes.
let server: Server;
let origin = '';
let liveTitle = 'Tin mới lúc 8 giờ';
before(async () => {
  server = createServer((request, response) => {
    const send = (type: string, body: string) => response.writeHead(200, { 'content-type': type }).end(body);
    if (request.url === '/rss/tin-tuc.rss')
      return send('application/rss+xml; charset=utf-8', readFileSync(fixture('feed-rss.xml'), 'utf8'));
    if (request.url === '/sitemap-news.xml')
      return send('application/xml', readFileSync(fixture('sitemap-news.xml'), 'utf8'));
    if (request.url === '/sitemap.xml')
      return send(
        'application/xml',
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-news.xml</loc></sitemap><sitemap><loc>${origin}/missing.xml</loc></sitemap></sitemapindex>`,
      );
    if (request.url === '/live.rss')
      return send(
        'application/rss+xml',
        `<rss version="2.0"><channel><item><title>${liveTitle}</title><link>/tin-tuc/tin-moi</link><pubDate>30/11/2026 08:00</pubDate></item></channel></rss>`,
      );
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('parseFeed', () => {
  it('reads RSS 2.0: sapo without HTML, cover from the first <img>, enclosure or media:content, both date forms', () => {
    const feed = parseFeed(readFileSync(fixture('feed-rss.xml'), 'utf8'));
    assert.equal(feed.kind, 'RSS 2.0');
    const [first, second, third, badDate, badLink] = feed.items;
    assert.equal(first!.key, HOI_NGHI);
    assert.equal(
      first!.summary!.slug,
      'hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho-thao-luan-nhieu-noi-dung-quan-trong',
    );
    assert.equal(
      first!.summary!.sapo,
      'Ban Chấp hành Đảng bộ Thành phố họp bàn, thông qua Quy chế làm việc của Ban Chấp hành Đảng bộ Thành phố, Ban Thường vụ Thành ủy và Thường trực Thành ủy khóa XVII…',
    );
    assert.deepEqual(first!.summary!.cover, {
      src: 'https://thanhuy.example.vn/uploads/2026/11/hoi-nghi-lan-2.jpg',
      alt: 'Các đại biểu thông qua nội dung, chương trình hội nghị',
      width: 640,
      height: 360,
    });
    assert.deepEqual(first!.summary!.category, { id: 'thoi-su', slug: 'thoi-su', name: 'Thời sự' });
    assert.equal(first!.summary!.publishedAt, '2026-11-28T12:00:00+07:00');
    // "30/11/2026 08:00" is Vietnam time, whatever the machine's zone (tests run in New York).
    assert.equal(second!.summary!.publishedAt, '2026-11-30T08:00:00+07:00');
    assert.equal(second!.summary!.sapo, 'Các tổ bầu cử trên địa bàn Thành phố đã được kiện toàn & tập huấn.');
    assert.equal(second!.summary!.cover!.src, 'https://thanhuy.example.vn/uploads/2026/11/bau-cu.jpg');
    assert.deepEqual([third!.summary!.cover!.width, third!.summary!.cover!.height], [1280, 853]);
    assert.equal(third!.summary!.publishedAt, '2026-11-30T07:30:00+07:00');
    assert.match(badDate!.error!, /the date "hôm qua" is not RFC 822/);
    assert.equal(badDate!.where, 'item 4 (https://thanhuy.example.vn/tin-tuc/bai-co-ngay-hong)');
    assert.equal(badLink!.summary, undefined);
    assert.match(badLink!.error!, /no link/);
  });

  it('reads Atom (relative links against the feed URL) and Google News sitemaps', () => {
    const atom = parseFeed(readFileSync(fixture('feed-atom.xml'), 'utf8'), 'https://thanhuy.example.vn/atom.xml');
    assert.equal(atom.kind, 'Atom');
    assert.equal(atom.items[0]!.summary!.url, `https://thanhuy.example.vn${MTTQ}`);
    assert.equal(atom.items[0]!.summary!.cover!.src, 'https://thanhuy.example.vn/uploads/2026/11/mttq.png');
    assert.equal(atom.items[0]!.summary!.category!.name, 'Mặt trận');
    assert.equal(atom.items[0]!.summary!.publishedAt, '2026-11-29T15:20:00+07:00');
    const news = parseFeed(readFileSync(fixture('sitemap-news.xml'), 'utf8'));
    assert.equal(news.kind, 'Google News sitemap');
    assert.equal(news.items[0]!.summary!.title, 'Hà Nội hoàn thành kiện toàn tổ chức bầu cử');
    assert.equal(news.items[0]!.summary!.cover!.caption, 'Tổ bầu cử phường Hàng Trống');
    assert.equal(news.items[0]!.summary!.category!.name, 'Bầu cử');
    assert.match(news.items[1]!.error!, /no title/);
  });

  it('refuses what is not a feed, naming the line of broken XML', () => {
    assert.throws(
      () => parseFeed('<html><body>x</body></html>'),
      (e: Error) => e instanceof FeedError && /not a feed/.test(e.message),
    );
    assert.throws(() => parseFeed('<rss>\n<channel>\n<item></rss>'), /not well-formed XML at line 3/);
  });
});

for (const name of ['SQLite', 'PostgreSQL'] as const) {
  describe(`bantin-server ingest on ${name}`, () => {
    const database = async () => {
      if (name === 'SQLite') return `sqlite:${join(tmp, `ingest-${Date.now()}-${Math.random()}.db`)}`;
      pg ??= await startPostgres();
      return pg.createDatabase();
    };

    it('registers the good items of files and URLs, reports the bad ones, follows a sitemap index', async () => {
      const db = await database();
      const lines: string[] = [];
      const run = (...args: string[]) => runTask(['ingest', ...args, '--db', db], (line) => lines.push(line));

      assert.equal(await run(fixture('feed-rss.xml'), '--dry-run'), 1);
      assert.match(lines.pop()!, /\(RSS 2\.0\): 5 items; would register 3, skipped 2[\s\S]*--dry-run: nothing written/);
      let storage = await openStorage(db);
      assert.equal((await storage.getArticles([BAU_CU])).size, 0);
      await storage.close();

      assert.equal(await run(fixture('feed-rss.xml'), fixture('feed-atom.xml')), 1);
      assert.match(
        lines[lines.length - 2]!,
        /feed-rss\.xml \(RSS 2\.0\): 5 items; registered 3, skipped 2\n  skipped item 4 .*hôm qua.*\n  skipped item 5: no link/,
      );
      assert.match(lines[lines.length - 1]!, /feed-atom\.xml \(Atom\): 2 items; registered 1, skipped 1/);

      lines.length = 0;
      assert.equal(await run(`${origin}/sitemap.xml`, `${origin}/rss/tin-tuc.rss`, `${origin}/nowhere.rss`), 1);
      assert.match(lines[0]!, /\/sitemap\.xml \(sitemap\): 0 items; registered 0, skipped 0/);
      assert.match(lines[1]!, /\/sitemap-news\.xml \(Google News sitemap\): 2 items; registered 1, skipped 1/);
      assert.match(lines[2]!, /\/missing\.xml: the server answered 404/);
      assert.match(lines[3]!, /\/rss\/tin-tuc\.rss \(RSS 2\.0\): 5 items; registered 3/);
      assert.match(lines[4]!, /\/nowhere\.rss: not ingested: the server answered 404/);

      storage = await openStorage(db);
      try {
        const articles = await storage.getArticles([BAU_CU, HOI_NGHI, MTTQ]);
        assert.equal(articles.size, 3);
        // The sitemap came after the RSS file; the RSS URL after the sitemap: the last one wins.
        assert.equal(articles.get(BAU_CU)!.sapo, 'Các tổ bầu cử trên địa bàn Thành phố đã được kiện toàn & tập huấn.');
        assert.equal(
          articles.get(BAU_CU)!.url,
          'https://thanhuy.example.vn/tin-tuc/ha-noi-hoan-thanh-kien-toan-to-chuc-bau-cu',
        );
        assert.equal(articles.get(MTTQ)!.url, MTTQ);
        // Registered articles rank in most viewed.
        await storage.recordView(BAU_CU, 'reader-1', '2026-11-30');
        assert.deepEqual(await storage.mostViewed(1, '2026-11-30', 10), [{ articleKey: BAU_CU, views: 1 }]);
      } finally {
        await storage.close();
      }
    });
  });
}

it('--feed re-ingests in the server process every --feed-every minutes', async () => {
  const db = `sqlite:${join(tmp, 'feed-server.db')}`;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(packageDir, 'src', 'cli.ts'),
      '--port',
      '0',
      '--db',
      db,
      '--feed',
      `${origin}/live.rss`,
      '--feed-every',
      '0.01',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 20_000;
    while (!pattern.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} in: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  try {
    await waitFor(/ingest http:\/\/127\.0\.0\.1:\d+\/live\.rss \(RSS 2\.0\): 1 items; registered 1/);
    liveTitle = 'Tin mới lúc 9 giờ';
    // An ingest may be under way with the old title: wait for two more.
    const before = out.split('live.rss').length + 1;
    await waitFor(new RegExp(`(?:live\\.rss[\\s\\S]*){${before}}`));
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  const storage = await openStorage(db);
  try {
    assert.equal((await storage.getArticles(['/tin-tuc/tin-moi'])).get('/tin-tuc/tin-moi')?.title, 'Tin mới lúc 9 giờ');
  } finally {
    await storage.close();
  }
});
