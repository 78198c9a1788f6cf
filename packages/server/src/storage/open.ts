// One entry point for both drivers: openStorage('sqlite:./data.db'), openStorage('sqlite::memory:'),
// openStorage('postgres://user@host:5432/bantin'). Drivers are imported on demand, so a
// PostgreSQL deployment never loads better-sqlite3's native module and the other way round.

import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PostgresStorageOptions } from './postgres.js';
import type { SqliteStorageOptions } from './sqlite.js';
import type { Storage } from './types.js';

export interface OpenStorageOptions {
  /** Run `migrate()` before resolving. Default true. */
  migrate?: boolean;
  sqlite?: Omit<SqliteStorageOptions, 'migrations'>;
  postgres?: Omit<PostgresStorageOptions, 'connectionString' | 'migrations'>;
}

export type StorageUrl =
  | { driver: 'sqlite'; filename: string; synchronous?: 'NORMAL' | 'FULL' }
  | { driver: 'postgres'; connectionString: string };

/**
 * Accepted forms:
 *   sqlite:./data.db            a file, relative to the working directory (its folder is created)
 *   sqlite:/var/lib/bantin.db   an absolute path (also sqlite:///var/lib/bantin.db)
 *   sqlite::memory:             an in-memory database (gone when the process ends)
 *   sqlite:./data.db?synchronous=full   fsync every commit (see sqlite.ts on durability)
 *   postgres://user:pass@host:5432/db   or postgresql://…, any libpq-style URL pg accepts
 */
export function parseStorageUrl(url: string): StorageUrl {
  if (typeof url !== 'string' || url.trim() === '') throw new TypeError('storage URL is empty');
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { driver: 'postgres', connectionString: trimmed };
  const sqlite = /^sqlite:(.*)$/i.exec(trimmed);
  if (!sqlite) {
    throw new TypeError(
      `unsupported storage URL ${JSON.stringify(redact(trimmed))}: use sqlite:./data.db, sqlite::memory: or postgres://…`,
    );
  }
  let rest = sqlite[1] ?? '';
  let synchronous: 'NORMAL' | 'FULL' | undefined;
  const query = /\?synchronous=(normal|full)$/i.exec(rest);
  if (query) {
    synchronous = query[1]!.toUpperCase() as 'NORMAL' | 'FULL';
    rest = rest.slice(0, query.index);
  }
  if (rest.startsWith('//')) rest = rest.slice(2); // sqlite:///abs/path -> /abs/path
  if (rest === '') throw new TypeError('sqlite: URL names no file (use sqlite:./data.db or sqlite::memory:)');
  return { driver: 'sqlite', filename: rest, ...(synchronous ? { synchronous } : {}) };
}

export async function openStorage(url: string, options: OpenStorageOptions = {}): Promise<Storage> {
  const parsed = parseStorageUrl(url);
  let storage: Storage;
  if (parsed.driver === 'sqlite') {
    const { SqliteStorage } = await import('./sqlite.js');
    if (parsed.filename !== ':memory:') mkdirSync(dirname(resolve(parsed.filename)), { recursive: true });
    storage = new SqliteStorage(parsed.filename, {
      ...options.sqlite,
      ...(parsed.synchronous ? { synchronous: parsed.synchronous } : {}),
    });
  } else {
    const { PostgresStorage } = await import('./postgres.js');
    storage = new PostgresStorage({ ...options.postgres, connectionString: parsed.connectionString });
  }
  if (options.migrate ?? true) {
    try {
      await storage.migrate();
    } catch (error) {
      await storage.close().catch(() => {});
      throw error;
    }
  }
  return storage;
}

/** A URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}
