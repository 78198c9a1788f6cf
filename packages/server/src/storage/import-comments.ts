// `Storage.importComments` for both drivers, apart from the drivers themselves: one
// transaction per file, import keys unique (a second import adds nothing), parents resolved by
// import key, earlier in the same file or in an earlier import.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { ImportError } from '../import/views.js';
import { toStoredUtc } from './common.js';
import type { ImportedComment } from './types.js';

class DryRunRollback extends Error {}

export async function importCommentsSqlite(
  db: Database.Database,
  rows: readonly ImportedComment[],
  dryRun: boolean,
): Promise<{ inserted: number; existing: number }> {
  const byImportKey = db.prepare('SELECT id FROM comments WHERE import_key = ?').pluck();
  const insert = db
    .prepare(
      // root_id and shown as the server keeps them (migration 2): the thread's top comment, and
      // approved under a shown parent. Parents come first in a file, so theirs are already set.
      `INSERT INTO comments (article_key, parent_id, author_name, email, content, created_at, status, likes, ip_hash, idempotency_key, import_key, root_id, shown)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?,
       (SELECT coalesce(p.root_id, p.id) FROM comments AS p WHERE p.id = ?),
       ? = 'approved' AND (? IS NULL OR coalesce((SELECT p.shown FROM comments AS p WHERE p.id = ?), 0)))
     RETURNING id`,
    )
    .pluck();
  let result = { inserted: 0, existing: 0 };
  try {
    db.transaction(() => {
      const ids = new Map<string, number>();
      for (const row of rows) {
        const found = byImportKey.get(row.importKey) as number | undefined;
        if (found !== undefined) {
          ids.set(row.importKey, found);
          result.existing++;
          continue;
        }
        const parent = parentId(row, ids, (key) => byImportKey.get(key) as number | undefined);
        const id = insert.get(...insertValues(row, parent), parent, row.status, parent, parent) as number;
        ids.set(row.importKey, id);
        result.inserted++;
      }
      if (dryRun) throw new DryRunRollback();
    }).immediate();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return result;
}

export async function importCommentsPostgres(
  pool: pg.Pool,
  rows: readonly ImportedComment[],
  dryRun: boolean,
): Promise<{ inserted: number; existing: number }> {
  const client = await pool.connect();
  const result = { inserted: 0, existing: 0 };
  try {
    await client.query('BEGIN');
    // Two imports of one file at once would both find a key missing; the second waits here.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('bantin import comments'))");
    const keys = rows.flatMap((row) => (row.parentImportKey ? [row.importKey, row.parentImportKey] : [row.importKey]));
    const { rows: known } = await client.query<{ import_key: string; id: string }>(
      'SELECT import_key, id FROM comments WHERE import_key = ANY ($1::text[])',
      [keys],
    );
    const stored = new Map(known.map((row) => [row.import_key, Number(row.id)]));
    const ids = new Map<string, number>();
    for (const row of rows) {
      const found = stored.get(row.importKey);
      if (found !== undefined) {
        ids.set(row.importKey, found);
        result.existing++;
        continue;
      }
      const parent = parentId(row, ids, (key) => stored.get(key));
      const { rows: inserted } = await client.query<{ id: string }>(
        `INSERT INTO comments (article_key, parent_id, author_name, email, content, created_at, status, likes, import_key, root_id, shown)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7, $8, $9,
           (SELECT coalesce(p.root_id, p.id) FROM comments AS p WHERE p.id = $2),
           $7 = 'approved' AND ($2::bigint IS NULL OR coalesce((SELECT p.shown FROM comments AS p WHERE p.id = $2), false)))
         RETURNING id`,
        insertValues(row, parent),
      );
      ids.set(row.importKey, Number(inserted[0]!.id));
      result.inserted++;
    }
    await client.query(dryRun ? 'ROLLBACK' : 'COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The insert's values, in the column order both statements list. */
function insertValues(row: ImportedComment, parent: number | null): unknown[] {
  const { articleKey, authorName, email, content, createdAt, status, likes, importKey } = row;
  return [articleKey, parent, authorName, email, content, toStoredUtc(createdAt), status, likes, importKey];
}

function parentId(
  row: ImportedComment,
  inThisFile: Map<string, number>,
  stored: (key: string) => number | undefined,
): number | null {
  if (!row.parentImportKey) return null;
  const id = inThisFile.get(row.parentImportKey) ?? stored(row.parentImportKey);
  if (id === undefined)
    throw new ImportError(`${row.where}: its parent ${row.parentImportKey} is neither in the file nor imported before`);
  return id;
}
