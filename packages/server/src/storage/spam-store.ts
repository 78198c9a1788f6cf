// What spam defence keeps in the database, for both drivers: the rules each held comment
// tripped, per-rule counts (shared by every process), and the editable blocklist.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { SpamRule } from '@bantin/model';
import { parseCommentId } from './common.js';

export interface SpamStore {
  /** Records the rules a new comment tripped and adds one to each rule's count, together. */
  flag(commentId: string, rules: readonly SpamRule[]): Promise<void>;
  /** Flags per comment id; ids without any are absent. */
  flagsOf(commentIds: readonly string[]): Promise<Record<string, SpamRule[]>>;
  counts(): Promise<Partial<Record<SpamRule, number>>>;
  blocklist(): Promise<string[]>;
  setBlocklist(words: readonly string[]): Promise<void>;
}

const ids = (commentIds: readonly string[]) => commentIds.map(parseCommentId).filter((id): id is number => id !== null);

export function sqliteSpamStore(db: Database.Database): SpamStore {
  return {
    async flag(commentId, rules) {
      const id = parseCommentId(commentId);
      if (id === null || rules.length === 0) return;
      db.transaction(() => {
        db.prepare('INSERT OR REPLACE INTO comment_flags (comment_id, flags) VALUES (?, ?)').run(
          id,
          JSON.stringify(rules),
        );
        const bump = db.prepare(
          'INSERT INTO spam_counts (rule, count) VALUES (?, 1) ON CONFLICT (rule) DO UPDATE SET count = count + 1',
        );
        for (const rule of rules) bump.run(rule);
      }).immediate();
    },
    async flagsOf(commentIds) {
      const wanted = ids(commentIds);
      if (wanted.length === 0) return {};
      const rows = db
        .prepare('SELECT comment_id, flags FROM comment_flags WHERE comment_id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(wanted)) as Array<{ comment_id: number; flags: string }>;
      return Object.fromEntries(rows.map((row) => [String(row.comment_id), JSON.parse(row.flags) as SpamRule[]]));
    },
    async counts() {
      const rows = db.prepare('SELECT rule, count FROM spam_counts').all() as Array<{ rule: SpamRule; count: number }>;
      return Object.fromEntries(rows.map((row) => [row.rule, row.count]));
    },
    async blocklist() {
      return db.prepare('SELECT word FROM spam_blocklist ORDER BY position').pluck().all() as string[];
    },
    async setBlocklist(words) {
      db.transaction(() => {
        db.prepare('DELETE FROM spam_blocklist').run();
        const insert = db.prepare('INSERT INTO spam_blocklist (position, word) VALUES (?, ?)');
        words.forEach((word, i) => insert.run(i, word));
      }).immediate();
    },
  };
}

export function postgresSpamStore(pool: pg.Pool): SpamStore {
  const inTransaction = async (work: (client: pg.PoolClient) => Promise<void>) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    async flag(commentId, rules) {
      const id = parseCommentId(commentId);
      if (id === null || rules.length === 0) return;
      await inTransaction(async (client) => {
        await client.query(
          `INSERT INTO comment_flags (comment_id, flags) VALUES ($1, $2)
           ON CONFLICT (comment_id) DO UPDATE SET flags = EXCLUDED.flags`,
          [id, JSON.stringify(rules)],
        );
        await client.query(
          `INSERT INTO spam_counts (rule, count) SELECT unnest($1::text[]), 1
           ON CONFLICT (rule) DO UPDATE SET count = spam_counts.count + 1`,
          [[...new Set(rules)]],
        );
      });
    },
    async flagsOf(commentIds) {
      const wanted = ids(commentIds);
      if (wanted.length === 0) return {};
      const { rows } = await pool.query<{ comment_id: string; flags: string }>(
        'SELECT comment_id, flags FROM comment_flags WHERE comment_id = ANY ($1::bigint[])',
        [wanted],
      );
      return Object.fromEntries(rows.map((row) => [String(row.comment_id), JSON.parse(row.flags) as SpamRule[]]));
    },
    async counts() {
      const { rows } = await pool.query<{ rule: SpamRule; count: string }>('SELECT rule, count FROM spam_counts');
      return Object.fromEntries(rows.map((row) => [row.rule, Number(row.count)]));
    },
    async blocklist() {
      const { rows } = await pool.query<{ word: string }>('SELECT word FROM spam_blocklist ORDER BY position');
      return rows.map((row) => row.word);
    },
    async setBlocklist(words) {
      await inTransaction(async (client) => {
        // Two moderators saving at once: one list wins whole, never a mix of both.
        await client.query('LOCK TABLE spam_blocklist IN EXCLUSIVE MODE');
        await client.query('DELETE FROM spam_blocklist');
        await client.query(
          'INSERT INTO spam_blocklist (position, word) SELECT ordinality - 1, word FROM unnest($1::text[]) WITH ORDINALITY AS w (word, ordinality)',
          [[...words]],
        );
      });
    },
  };
}
