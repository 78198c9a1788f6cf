// `bantin-server import views`: real export files (a WordPress view-counter CSV export, a
// semicolon CSV with a byte-order mark as spreadsheet programs save it, JSON), one transaction
// per file, twice adds nothing; on SQLite and PostgreSQL, and through the command itself.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { startPostgres, type RunningPostgres } from '../../test/postgres.js';
import { runTask } from '../cli-tasks.js';
import { openStorage } from '../storage/open.js';
import { ImportError, parseViewsExport } from './views.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = (name: string) => join(packageDir, 'test', 'fixtures', name);
const tmp = mkdtempSync(join(tmpdir(), 'bantin-import-views-'));
let pg: RunningPostgres | null = null;
after(async () => {
  await pg?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const SEED_KEY = '/tin-tuc/hoi-nghi-lan-thu-2-ban-chap-hanh-dang-bo-thanh-pho-thao-luan-nhieu-noi-dung-quan-trong';

describe('parseViewsExport', () => {
  it('reads a WordPress CSV export: header skipped, URLs keyed like the elements key them', () => {
    const rows = parseViewsExport(readFileSync(fixture('views-wordpress.csv'), 'utf8'), 'csv');
    assert.deepEqual(
      rows.map((row) => [row.where, row.key, row.views]),
      [
        ['line 2', SEED_KEY, 414],
        ['line 3', '/tin-tuc/dong-chi-nguyen-duy-ngoc-chu-tri-hop-ban-chi-dao-bau-cu-thanh-pho-ha-noi', 1520],
        ['line 4', '/tin-tuc/ha-noi-hoan-thanh-kien-toan-to-chuc-bau-cu', 87],
      ],
    );
  });

  it('reads semicolons, a byte-order mark, CRLF and quoted cells', () => {
    const rows = parseViewsExport(readFileSync(fixture('views-semicolon.csv'), 'utf8'), 'csv');
    assert.deepEqual(
      rows.map((row) => [row.key, row.views]),
      [
        ['bai-mot', 12],
        ['bai; hai', 0],
      ],
    );
  });

  it('reads JSON arrays and objects', () => {
    assert.deepEqual(
      parseViewsExport(readFileSync(fixture('views.json'), 'utf8'), 'json').map((row) => [row.key, row.views]),
      [
        [SEED_KEY, 414],
        ['bau-cu-2026', 3],
      ],
    );
    assert.deepEqual(
      parseViewsExport('{"/a/": 5}', 'json').map((row) => [row.where, row.key, row.views]),
      [['item 1', '/a', 5]],
    );
  });

  it('names the line or item of a bad row', () => {
    assert.throws(
      () => parseViewsExport(readFileSync(fixture('views-bad-row.csv'), 'utf8'), 'csv'),
      (error: Error) => error instanceof ImportError && /^line 3: the count must be a whole number/.test(error.message),
    );
    for (const [text, format, message] of [
      ['[{"url": "/a", "views": -1}]', 'json', /^item 1: the count/],
      ['[{"url": "/a", "views": 1}, {"views": 2}]', 'json', /^item 2: no article id or URL/],
      ['[1]', 'json', /^item 1: expected an object/],
      ['{', 'json', /^not valid JSON/],
      ['/a,"1', 'csv', /^line 1: a quote is not closed/],
      ['/a', 'csv', /^line 1: expected two columns/],
      ['/a,1.5', 'csv', /^line 1: the count/],
    ] as const) {
      assert.throws(
        () => parseViewsExport(text, format),
        (error: Error) => message.test(error.message),
        text,
      );
    }
  });
});

for (const name of ['SQLite', 'PostgreSQL'] as const) {
  describe(`bantin-server import views on ${name}`, () => {
    const database = async () => {
      if (name === 'SQLite') return `sqlite:${join(tmp, `views-${Date.now()}.db`)}`;
      pg ??= await startPostgres();
      return pg.createDatabase();
    };

    it('sets baselines once, reports each file, and refuses a file with a bad row whole', async () => {
      const db = await database();
      const lines: string[] = [];
      const run = (...args: string[]) => runTask(['import', 'views', ...args, '--db', db], (line) => lines.push(line));

      assert.equal(await run(fixture('views-wordpress.csv'), '--dry-run'), 0);
      assert.match(lines.pop()!, /3 rows for 3 articles read; --dry-run: nothing written/);
      let storage = await openStorage(db);
      assert.deepEqual(await storage.getViews([SEED_KEY]), {});
      await storage.close();

      assert.equal(await run(fixture('views-wordpress.csv')), 0);
      assert.match(lines.pop()!, /3 rows for 3 articles; 3 view counts set/);
      assert.equal(await run(fixture('views-wordpress.csv')), 0);
      assert.match(lines.pop()!, /0 view counts set \(3 already as given\)/);

      assert.equal(await run(fixture('views-bad-row.csv')), 1);
      assert.match(lines.pop()!, /views-bad-row\.csv: refused, nothing imported: line 3: the count/);

      storage = await openStorage(db);
      try {
        assert.deepEqual(await storage.getViews([SEED_KEY, '/tin-tuc/bai-mot']), { [SEED_KEY]: 414 });
        const { views } = await storage.recordView(SEED_KEY, 'first-reader', '2026-11-30');
        assert.equal(views, 415);
      } finally {
        await storage.close();
      }
    });
  });
}

it('the command prints its usage for a wrong task and exits 2', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(packageDir, 'src', 'cli.ts'), 'import', 'cats'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 2);
  assert.match(result.stderr, /unknown task: import cats/);
  assert.match(result.stderr, /Usage: bantin-server import views/);
});
