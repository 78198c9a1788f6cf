// `bantin-server import comments`: a WordPress 6 export (WXR 1.2) and an Artalk artrans file,
// written as those programs write them; threads, statuses, dates, HTML, pingbacks, long
// comments, a second import, --dry-run and a bad comment refusing its file whole; on SQLite
// and PostgreSQL, and through the command.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { checkWire, COMMENT_MAX_LENGTH, CommentListResponseWire } from '@bantin/model';
import { publicComment } from '../routes/http.js';
import { startPostgres, type RunningPostgres } from '../../test/postgres.js';
import { runTask } from '../cli-tasks.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';
import { parseArtrans, parseWxr } from './comments.js';
import { parseLooseDate } from './dates.js';
import { htmlToText } from './html-text.js';
import { ImportError } from './views.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => join(packageDir, 'test', 'fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'bantin-import-comments-'));
let pg: RunningPostgres | null = null;
after(async () => {
  await pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const HOI_NGHI = '/tin-tuc/hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho-thao-luan-nhieu-noi-dung-quan-trong';
const BAU_CU = '/tin-tuc/ha-noi-hoan-thanh-kien-toan-to-chuc-bau-cu';
const SITE = 'wxr:https://thanhuy.example.vn';

describe('htmlToText', () => {
  it('keeps paragraphs as blank lines and links as "text (url)"', () => {
    assert.equal(
      htmlToText(
        '<p>Một <strong>hai</strong></p>\n<p>Xem <a href="https://a.vn/x" rel="nofollow ugc">văn bản</a>.</p>',
      ),
      'Một hai\n\nXem văn bản (https://a.vn/x).',
    );
    assert.equal(htmlToText('dòng 1<br />dòng 2\n\n\n\ndòng 3'), 'dòng 1\ndòng 2\n\ndòng 3');
    assert.equal(htmlToText('<a href="https://a.vn/">https://a.vn/</a>'), 'https://a.vn/');
  });

  it('decodes entities, drops scripts, and never keeps a javascript: address', () => {
    assert.equal(htmlToText('A &amp; B &#8230; &raquo; &lt;b&gt;'), 'A & B … » <b>');
    assert.equal(htmlToText('x<script>alert(1)</script><a href="javascript:alert(1)">bấm</a>'), 'xbấm');
    assert.equal(htmlToText('a\u0000b\u0007c'), 'abc');
  });
});

describe('parseLooseDate', () => {
  it('reads RFC 822, Vietnamese day/month/year (Vietnam time), ISO and Go dates', () => {
    const iso = (s: string) => parseLooseDate(s)?.toISOString() ?? null;
    assert.equal(iso('Mon, 30 Nov 2026 08:00:00 +0700'), '2026-11-30T01:00:00.000Z');
    assert.equal(iso('30/11/2026 08:00'), '2026-11-30T01:00:00.000Z');
    assert.equal(iso('2026-11-30T08:00:00+07:00'), '2026-11-30T01:00:00.000Z');
    assert.equal(iso('2026-11-30T08:00'), '2026-11-30T01:00:00.000Z');
    assert.equal(iso('2026-11-28 20:54:32 +0700 +07'), '2026-11-28T13:54:32.000Z');
    assert.equal(iso('Mon, 30 Nov 2026 01:00:00 GMT'), '2026-11-30T01:00:00.000Z');
    assert.equal(iso('31/11/2026 08:00'), null);
    assert.equal(iso('hôm qua'), null);
  });
});

describe('parseWxr', () => {
  const parsed = parseWxr(readFileSync(fixture('wordpress-export.xml'), 'utf8'));

  it('reads a WordPress 6 export: keys, threads, statuses, GMT dates, plain text', () => {
    assert.equal(parsed.version, 'WXR 1.2');
    assert.equal(parsed.site, 'https://thanhuy.example.vn');
    assert.deepEqual(parsed.skipped, { pingback: 1, trackback: 1 });
    const byKey = new Map(parsed.comments.map((c) => [c.importKey.slice(SITE.length + 1), c]));
    assert.deepEqual([...byKey.keys()].sort(), ['311', '312', '313', '315', '320', '322']);
    assert.equal(byKey.get('311')!.articleKey, HOI_NGHI);
    assert.equal(byKey.get('320')!.articleKey, BAU_CU);
    assert.equal(byKey.get('312')!.parentImportKey, `${SITE}:311`);
    assert.equal(byKey.get('313')!.parentImportKey, `${SITE}:312`);
    assert.equal(byKey.get('322')!.parentImportKey, `${SITE}:320`);
    assert.deepEqual(
      ['311', '313', '315', '322'].map((id) => byKey.get(id)!.status),
      ['approved', 'pending', 'rejected', 'rejected'],
    );
    assert.equal(byKey.get('311')!.createdAt, '2026-11-28T06:05:10.000Z');
    assert.equal(
      byKey.get('311')!.content,
      'Hội nghị đã thông qua Quy chế làm việc khóa XVII, rất mong các nội dung sớm được triển khai.\n\n' +
        'Xem thêm tại toàn văn Quy chế (https://thanhuy.example.vn/van-ban/quy-che-lam-viec).',
    );
    assert.match(byKey.get('313')!.content, /Ban Thường vụ & Ủy ban Kiểm tra/);
    assert.equal(byKey.get('313')!.email, null);
    assert.equal(byKey.get('311')!.email, 'hung.nv@example.vn');
    const long = byKey.get('320')!.content;
    assert.ok([...long].length > COMMENT_MAX_LENGTH, 'the long comment is kept whole');
    assert.equal(long.split('\n\n').length, 6, 'six paragraphs');
    // Parents come before their replies.
    const order = parsed.comments.map((c) => c.importKey);
    assert.ok(order.indexOf(`${SITE}:311`) < order.indexOf(`${SITE}:312`));
    assert.ok(order.indexOf(`${SITE}:312`) < order.indexOf(`${SITE}:313`));
  });

  it('names the element of a bad comment and the line of broken XML', () => {
    assert.throws(
      () => parseWxr(readFileSync(fixture('wordpress-export-bad-date.xml'), 'utf8')),
      (error: Error) =>
        error instanceof ImportError &&
        error.message ===
          '<item> 2 (post 1210), <wp:comment> 3 (comment_id 322): no valid <wp:comment_date_gmt> or <wp:comment_date>',
    );
    assert.throws(
      () => parseWxr('<?xml version="1.0"?>\n<rss>\n<channel>\n<item></channel></rss>'),
      /^ImportError: not well-formed XML at line 4/,
    );
    assert.throws(() => parseWxr('<rss><channel><title>x</title></channel></rss>'), /not a WordPress export/);
    const text = readFileSync(fixture('wordpress-export.xml'), 'utf8');
    assert.throws(
      () =>
        parseWxr(
          text.replace('<wp:comment_parent>312</wp:comment_parent>', '<wp:comment_parent>999</wp:comment_parent>'),
        ),
      /comment_id 313\): <wp:comment_parent> 999 is no comment of this post/,
    );
    assert.throws(
      () => parseWxr(text.replace('<![CDATA[spam]]>', '<![CDATA[maybe]]>')),
      /comment_id 315\): <wp:comment_approved> "maybe" is not 1, 0, spam or trash/,
    );
  });
});

describe('parseArtrans', () => {
  it('reads an Artalk export: pages, replies (rid), pending, votes, Markdown links', () => {
    const parsed = parseArtrans(readFileSync(fixture('artalk-export.artrans'), 'utf8'));
    assert.equal(parsed.comments.length, 3);
    const [first, reply, pending] = [1, 2, 3].map((id) => parsed.comments.find((c) => c.importKey.endsWith(`:${id}`))!);
    assert.equal(first!.articleKey, BAU_CU);
    assert.equal(
      first!.content,
      'Bài viết rất hữu ích. Xem thêm lịch tiếp xúc cử tri (https://thanhuy.example.vn/lich-tiep-xuc) nhé!',
    );
    assert.equal(first!.likes, 3);
    assert.equal(first!.createdAt, '2026-11-28T13:54:32.000Z');
    assert.equal(reply!.parentImportKey, first!.importKey);
    assert.equal(reply!.content, 'Cảm ơn bạn, lịch đã được cập nhật.\n\nBan Biên tập');
    assert.equal(pending!.status, 'pending');
    assert.equal(pending!.articleKey, HOI_NGHI);
    assert.equal(pending!.content, 'Đề nghị công khai danh sách cử tri sớm hơn.');
  });

  it('names the item of a bad comment', () => {
    assert.throws(
      () => parseArtrans('[{"id":"1","page_key":"/a","date":"x","content":"c"}]'),
      /^ImportError: item 1 \(id 1\): "date"/,
    );
    assert.throws(
      () => parseArtrans('[{"id":"1","rid":"7","page_key":"/a","date":"2026-01-01 10:00:00","content":"c"}]'),
      /item 1 \(id 1\): "rid" 7 is no comment of the same page/,
    );
    assert.throws(() => parseArtrans('{}'), /JSON array/);
  });
});

for (const name of ['SQLite', 'PostgreSQL'] as const) {
  describe(`bantin-server import comments on ${name}`, () => {
    const database = async () => {
      if (name === 'SQLite') return `sqlite:${join(tmp, `comments-${Date.now()}-${Math.random()}.db`)}`;
      pg ??= await startPostgres();
      return pg.createDatabase();
    };
    const withStorage = async <T>(db: string, f: (s: Storage) => Promise<T>): Promise<T> => {
      const storage = await openStorage(db);
      try {
        return await f(storage);
      } finally {
        await storage.close();
      }
    };

    it('imports a WordPress export once, threads intact; --dry-run writes nothing; a bad file adds nothing', async () => {
      const db = await database();
      const lines: string[] = [];
      const run = (...args: string[]) =>
        runTask(['import', 'comments', ...args, '--db', db], (line) => lines.push(line));

      assert.equal(await run('--format', 'wxr', fixture('wordpress-export.xml'), '--dry-run'), 0);
      assert.match(lines.pop()!, /would import 6; 0 already imported before[\s\S]*--dry-run: nothing written/);
      await withStorage(db, async (s) => assert.deepEqual(await s.commentCounts([HOI_NGHI, BAU_CU]), {}));

      assert.equal(await run('--format', 'wxr', fixture('wordpress-export.xml')), 0);
      const report = lines.pop()!;
      assert.match(report, /\(WXR 1\.2, https:\/\/thanhuy\.example\.vn\): 8 comments on 2 articles/);
      assert.match(report, /6 kept: 3 approved, 1 pending, 2 rejected/);
      assert.match(report, /imported 6; 0 already imported before/);
      assert.match(report, /skipped 2: 1 pingback\(s\), 1 trackback\(s\)/);
      assert.match(report, /1 longer than the reader form allows, imported whole/);

      assert.equal(await run('--format', 'wxr', fixture('wordpress-export.xml')), 0);
      assert.match(lines.pop()!, /imported 0; 6 already imported before/);

      // The bad file's first item is good, but nothing of it is written.
      assert.equal(await run(fixture('wordpress-export-bad-date.xml')), 1);
      assert.match(lines.pop()!, /refused, nothing imported: <item> 2 \(post 1210\), <wp:comment> 3/);

      await withStorage(db, async (s) => {
        assert.deepEqual(await s.commentCounts([HOI_NGHI, BAU_CU]), { [HOI_NGHI]: 2, [BAU_CU]: 1 });
        const { comments } = await s.listComments(HOI_NGHI, {
          sort: 'oldest',
          cursor: null,
          limit: 10,
          status: 'approved',
        });
        assert.deepEqual(
          comments.map((c) => [c.authorName, c.createdAt]),
          [
            ['Nguyễn Văn Hùng', '2026-11-28T13:05:10.000+07:00'],
            ['Ban Biên tập', '2026-11-28T14:20:00.000+07:00'],
          ],
        );
        assert.equal(comments[1]!.parentId, comments[0]!.id);
        const pending = await s.listByStatus('pending', { cursor: null, limit: 10 });
        assert.equal(pending.comments.length, 1);
        assert.equal(pending.comments[0]!.parentId, comments[1]!.id);
        const long = await s.listComments(BAU_CU, { sort: 'oldest', cursor: null, limit: 10, status: 'approved' });
        assert.ok([...long.comments[0]!.content].length > COMMENT_MAX_LENGTH);
        // Browsers check responses against the wire schema: a long imported comment passes.
        const wire = checkWire(CommentListResponseWire, {
          comments: long.comments.map(publicComment),
          nextCursor: null,
          total: 1,
        });
        assert.equal(wire.ok, true);
        assert.equal((await s.listByStatus('rejected', { cursor: null, limit: 10 })).comments.length, 2);
      });
    });

    it('imports an Artalk file, and a reply to an earlier import finds its parent', async () => {
      const db = await database();
      const lines: string[] = [];
      assert.equal(
        await runTask(['import', 'comments', fixture('artalk-export.artrans'), '--db', db], (line) => lines.push(line)),
        0,
      );
      assert.match(lines.pop()!, /\(artrans, Cổng thông tin Thành ủy\): 3 comments on 2 articles[\s\S]*imported 3/);
      await withStorage(db, async (s) => {
        const { comments } = await s.listComments(BAU_CU, {
          sort: 'oldest',
          cursor: null,
          limit: 10,
          status: 'approved',
        });
        assert.deepEqual(
          comments.map((c) => [c.authorName, c.likes, c.parentId === null]),
          [
            ['Hoàng Lan', 3, true],
            ['Ban Biên tập', 0, false],
          ],
        );
        // A later export holding only a new reply: its parent comes from the first import.
        const { inserted } = await s.importComments([
          {
            where: 'item 1',
            importKey: 'artrans:Cổng thông tin Thành ủy:4',
            parentImportKey: 'artrans:Cổng thông tin Thành ủy:1',
            articleKey: BAU_CU,
            authorName: 'Vũ Hà',
            email: null,
            content: 'Đồng ý.',
            createdAt: '2026-11-30T01:00:00.000Z',
            status: 'approved',
            likes: 0,
          },
        ]);
        assert.equal(inserted, 1);
        const after = await s.listComments(BAU_CU, { sort: 'oldest', cursor: null, limit: 10, status: 'approved' });
        assert.equal(after.comments[2]!.parentId, comments[0]!.id);
        await assert.rejects(
          s.importComments([
            {
              ...after.comments[2]!,
              where: 'item 9',
              importKey: 'x:9',
              parentImportKey: 'x:nowhere',
              articleKey: BAU_CU,
              email: null,
              createdAt: '2026-11-30T01:00:00.000Z',
              likes: 0,
            },
          ]),
          /item 9: its parent x:nowhere is neither in the file nor imported before/,
        );
      });
    });
  });
}
