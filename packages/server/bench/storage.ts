// recordView speed through the Storage API itself, without HTTP (`pnpm --filter @bantin/server
// bench`): µs per call, sequential and 32 in flight, for new and already-counted visitors, on a
// SQLite file and a real PostgreSQL. It prints figures and asserts nothing, so it lives here,
// not among the tests (issue 8). Options (env): BENCH_ONLY=sqlite|postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/postgres.js';
import { PostgresStorage } from '../src/storage/postgres.js';
import { SqliteStorage } from '../src/storage/sqlite.js';
import type { Storage } from '../src/storage/types.js';

const TODAY = '2026-02-10';
const ONLY = process.env.BENCH_ONLY;

async function recordViewSpeed(name: string, s: Storage, big: boolean): Promise<void> {
  await s.migrate();
  const time = async (label: string, n: number, inFlight: number, visitor: (i: number) => string) => {
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < n) {
          const i = next++;
          await s.recordView(`bai-${i % 100}`, visitor(i), TODAY);
        }
      }),
    );
    const us = Number(process.hrtime.bigint() - started) / 1000 / n;
    console.log(`${name} recordView ${label}: ${us.toFixed(1)} µs/call (${Math.round(1e6 / us)}/s)`);
  };
  await time('warm-up', big ? 5000 : 500, 32, (i) => `w${i}`);
  await time('sequential, counted', big ? 5000 : 500, 1, (i) => `s${i}`);
  await time('sequential, already counted', big ? 5000 : 500, 1, (i) => `s${i}`);
  await time('32 in flight, counted', big ? 50_000 : 3000, 32, (i) => `c${i}`);
  await time('32 in flight, already counted', big ? 50_000 : 3000, 32, (i) => `c${i}`);
}

if (ONLY !== 'postgres') {
  const tmp = mkdtempSync(join(tmpdir(), 'bantin-storage-bench-'));
  const s = new SqliteStorage(join(tmp, 'bench.sqlite'));
  try {
    await recordViewSpeed('SQLite', s, true);
  } finally {
    await s.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
if (ONLY !== 'sqlite') {
  const pg = await startPostgres();
  const s = new PostgresStorage({ connectionString: await pg.createDatabase(), max: 8 });
  try {
    await recordViewSpeed('PostgreSQL', s, false);
  } finally {
    await s.close();
    await pg.stop();
  }
}
