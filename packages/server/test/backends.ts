// The two databases every suite that touches storage runs on: a new SQLite file each time, and a
// new database each time on one throwaway PostgreSQL cluster, started on first use. Both go when
// the test file ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStorage } from '../src/storage/open.js';
import type { Storage } from '../src/storage/types.js';
import { startPostgres, type RunningPostgres } from './postgres.js';

export type Backend = 'SQLite' | 'PostgreSQL';

/** Opens a fresh storage on each backend; `name` labels the temporary folder. */
export function testBackends(name: string): Record<Backend, () => Promise<Storage>> {
  const tmp = mkdtempSync(join(tmpdir(), `bantin-${name}-`));
  let pg: RunningPostgres | undefined;
  let files = 0;
  after(async () => {
    await pg?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });
  return {
    SQLite: () => openStorage(`sqlite:${join(tmp, `db-${++files}.db`)}`),
    PostgreSQL: async () => {
      pg ??= await startPostgres();
      return openStorage(await pg.createDatabase());
    },
  };
}
