// The PostgreSQL view path without HTTP (`pnpm --filter @bantin/server bench:postgres-views`):
// two PostgresStorage instances (two pools, as two server processes would have) on one database,
// 128 callers in flight, on one hot article and over 100 articles. Prints views/s and checks that
// the stored counts equal the calls made. It separates what the database path can take from what
// the HTTP benchmark (bench.ts) measures on a loaded machine. BENCH_LIMITS=on gives every view
// the server's rate limit (120 a minute), each from its own address: one counter row per view,
// the worst case for the limit written with the views.
import { loadavg } from 'node:os';
import { PostgresStorage } from '../src/storage/postgres.js';
import { startPostgres } from '../test/postgres.js';

const VIEWS = Number(process.env.BENCH_VIEWS ?? 20_000);
const IN_FLIGHT = 128;
const TARGET = 5_000;
const LIMITS = process.env.BENCH_LIMITS === 'on';

const pg = await startPostgres();
let failed = false;
try {
  const url = await pg.createDatabase();
  const one = new PostgresStorage({ connectionString: url });
  await one.migrate();
  const two = new PostgresStorage({ connectionString: url });
  const day = '2026-02-10';
  for (const [label, articles] of [
    ['1 hot article', 1],
    ['100 articles', 100],
  ] as const) {
    const keys = Array.from({ length: articles }, (_, i) => `${label}-${i}`);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async (_, caller) => {
        const storage = caller % 2 ? one : two;
        while (next < VIEWS) {
          const i = next++;
          await storage.recordView(
            keys[i % articles]!,
            `visitor-${i}`,
            day,
            LIMITS
              ? { rule: 'views', subject: `${label}-address-${i}`, max: 120, windowMs: 60_000, nowMs: Date.now() }
              : undefined,
          );
        }
      }),
    );
    const perSecond = VIEWS / ((performance.now() - started) / 1000);
    const stored = Object.values(await one.getViews(keys)).reduce((sum, n) => sum + n, 0);
    failed ||= stored !== VIEWS;
    console.log(
      `PostgreSQL, 2 pools, ${label}, limits ${LIMITS ? 'on' : 'off'}: ${Math.round(perSecond).toLocaleString('en-US')} views/s ` +
        `(target ≥ ${TARGET.toLocaleString('en-US')}/s${perSecond >= TARGET ? ', met' : ', NOT met'}); ` +
        `stored ${stored} of ${VIEWS}: ${stored === VIEWS ? 'exact' : 'NOT EXACT'}`,
    );
  }
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await one.close();
  await two.close();
} finally {
  await pg.stop();
}
if (failed) {
  console.error('FAIL: a stored count differs from the number of calls');
  process.exit(1);
}
