// Load test of @bantin/server on loopback (`pnpm --filter @bantin/server bench`).
//
//   SQLite:      one server process, one autocannon.
//   PostgreSQL:  two server processes on one database, two autocannons (one per port) at once.
//
// For each: view increments/s from distinct visitors (a fresh User-Agent per request), then
// comment-list reads/s, with p99 latencies; afterwards the stored count must equal the number of
// 2xx answers exactly. Servers run the real CLI (built `dist/cli.js --no-rate-limit`) as child
// processes, so the load generator does not share their event loop.
//
// Options (env): BENCH_SECONDS (default 6), BENCH_CONNECTIONS (default 64 per autocannon),
// BENCH_ONLY=sqlite|postgres, BENCH_LIMITS=on: the per-address rate limits stay on, as deployed
// (the servers trust one proxy and every request comes from its own X-Forwarded-For address, so
// the limits are checked on every view and never reached).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../test/postgres.js';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
// The built CLI, as deployed (`pnpm build` first); the TypeScript source through tsx otherwise,
// which measured about a third slower: a figure of the loader, not of the server.
const built = join(packageDir, 'dist', 'cli.js');
const cliArgs = existsSync(built) ? [built] : ['--import', 'tsx', join(packageDir, 'src', 'cli.ts')];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const ONLY = process.env.BENCH_ONLY;
const LIMITS = process.env.BENCH_LIMITS === 'on';
const TARGET_VIEWS_PER_SECOND = 10_000;
/** Two processes on one PostgreSQL, on each view workload (issue 10, "several processes"). */
const TARGET_POSTGRES_VIEWS_PER_SECOND = 5_000;

interface Server {
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

async function startServer(db: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const limits = LIMITS ? ['--trust-proxy', '1'] : ['--no-rate-limit'];
  const child = spawn(process.execPath, [...cliArgs, '--db', db, '--port', '0', ...limits, ...extra], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = /listening on (http:\/\/[^\s]+)/.exec(out);
    if (match) {
      return {
        child,
        base: `${match[1]}/api`,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server not ready within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let visitor = 0;

/** A distinct address per request (with BENCH_LIMITS=on the servers believe one proxy). */
function forwardedFor(n: number): Record<string, string> {
  return LIMITS ? { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } : {};
}

/**
 * POST /views/<article> spread round-robin over `articles`, each request from a new visitor
 * (User-Agent): for `bound.seconds`, or exactly `bound.amount` requests. Only an amount-bounded
 * run can be checked for exactness: a time-bounded one drops the answers in flight when the
 * clock runs out (the server counted them).
 */
function viewLoad(base: string, articles: readonly string[], bound: { seconds: number } | { amount: number }) {
  const url = new URL(base);
  const paths = articles.map((article) => `${url.pathname}/views/${encodeURIComponent(article)}`);
  return autocannon({
    url: url.origin,
    connections: CONNECTIONS,
    ...('amount' in bound ? { amount: bound.amount } : { duration: bound.seconds }),
    requests: [
      {
        method: 'POST',
        path: paths[0],
        setupRequest: (request: Record<string, unknown>) => {
          const n = ++visitor;
          return {
            ...request,
            path: paths[n % paths.length],
            headers: { 'user-agent': `bench-visitor-${process.pid}-${n}`, ...forwardedFor(n) },
          };
        },
      },
    ],
  });
}

function readLoad(base: string, path: string) {
  const url = new URL(`${base}${path}`);
  return autocannon({ url: url.href, connections: CONNECTIONS, duration: SECONDS });
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Total views of up to 100 articles. */
async function viewsOf(base: string, articles: readonly string[]): Promise<number> {
  const { views } = await json(`${base}/views?ids=${articles.map(encodeURIComponent).join(',')}`);
  return articles.reduce((sum, article) => sum + (views[article] ?? 0), 0);
}

async function seedComments(base: string, article: string, n: number) {
  for (let i = 0; i < n; i++) {
    await json(`${base}/articles/${article}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forwardedFor(++visitor) },
      body: JSON.stringify({
        authorName: `Độc giả ${i}`,
        content: `Ý kiến số ${i}: mong Thành phố sớm công khai kế hoạch đầu tư công.`,
      }),
    });
  }
}

const ok = (result: AutocannonResult) =>
  Object.entries(result.statusCodeStats ?? {}).reduce(
    (sum, [code, stat]) => sum + (code.startsWith('2') ? Number(stat.count) : 0),
    0,
  );

interface Row {
  backend: string;
  workload: string;
  perSecond: number;
  p50: number;
  p99: number;
  ok: number;
  errors: number;
  exact: string;
  /** Server CPU time per 2xx answer, µs (all server processes together). */
  cpuPerRequest: number;
}

const rows: Row[] = [];

/** `seconds`: wall-clock time of the run (autocannon's own `duration` is whole seconds). */
function combine(results: AutocannonResult[], seconds: number) {
  const total = results.reduce((sum, r) => sum + ok(r), 0);
  return {
    ok: total,
    perSecond: total / seconds,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

/** CPU time (user + system) a process has used so far, in microseconds (Linux /proc). */
function cpuMicros(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = 100;

/** Runs a load and measures the servers' CPU per 2xx answer, a figure other load on the machine disturbs less than req/s. */
async function measured(servers: Server[], load: (server: Server) => Promise<AutocannonResult>) {
  const cpuBefore = servers.map((s) => cpuMicros(s.child.pid));
  const started = performance.now();
  const results = await Promise.all(servers.map(load));
  const seconds = (performance.now() - started) / 1000;
  const cpu = servers.reduce((sum, s, i) => sum + cpuMicros(s.child.pid) - cpuBefore[i]!, 0);
  const combined = combine(results, seconds);
  return { ...combined, cpuPerRequest: cpu / Math.max(1, combined.ok) };
}

async function runBackend(name: string, servers: Server[]) {
  const [first] = servers;
  if (!first) throw new Error('no server');
  // Warm-up (JIT, connections, first pages of the tables), time-bounded: it sets the size of the
  // measured run, which is amount-bounded so that its count can be checked exactly.
  const warm = await measured(servers, (server) => viewLoad(server.base, ['warm-up'], { seconds: 2 }));
  const amount = Math.max(2000, Math.round((warm.perSecond * SECONDS) / servers.length));

  let exact = true;
  const stamp = Date.now().toString(36);
  const workloads = [
    { label: 'POST /views: 1 hot article', articles: [`hot-${stamp}`] },
    { label: 'POST /views: 100 articles', articles: Array.from({ length: 100 }, (_, i) => `spread-${stamp}-${i}`) },
  ];
  for (const workload of workloads) {
    const before = await viewsOf(first.base, workload.articles);
    const views = await measured(servers, (server) => viewLoad(server.base, workload.articles, { amount }));
    const added = (await viewsOf(first.base, workload.articles)) - before;
    exact &&= added === views.ok;
    rows.push({
      backend: name,
      workload: `${workload.label}, distinct visitors`,
      ...views,
      exact: added === views.ok ? `yes (${added} added)` : `NO: ${added} added for ${views.ok} 2xx`,
    });
  }

  await seedComments(first.base, 'bench-comments', 50);
  const reads = await measured(servers, (server) =>
    readLoad(server.base, '/articles/bench-comments/comments?limit=20'),
  );
  rows.push({ backend: name, workload: 'GET …/comments?limit=20 (of 50)', ...reads, exact: '–' });
  return exact;
}

function printTable() {
  const header = [
    'backend',
    'workload',
    'req/s',
    'p50 ms',
    'p99 ms',
    'server CPU µs/req',
    '2xx',
    'errors',
    'exact count',
  ];
  const lines = rows.map((r) => [
    r.backend,
    r.workload,
    Math.round(r.perSecond).toLocaleString('en-US'),
    String(r.p50),
    String(r.p99),
    Number.isFinite(r.cpuPerRequest) ? r.cpuPerRequest.toFixed(0) : 'n/a',
    String(r.ok),
    String(r.errors),
    r.exact,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `\n${SECONDS} s per run, ${CONNECTIONS} connections per autocannon, rate limits ${LIMITS ? 'on' : 'off'}, loopback, ${process.platform} ${process.arch}, Node ${process.version}\n`,
  );
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'bantin-bench-'));
  let exact = true;
  try {
    if (ONLY !== 'postgres') {
      const server = await startServer(`sqlite:${join(tmp, 'bench.db')}`, ['--auto-approve']);
      try {
        exact = (await runBackend('SQLite', [server])) && exact;
      } finally {
        await server.stop();
      }
    }
    if (ONLY !== 'sqlite') {
      const pg = await startPostgres();
      try {
        const url = await pg.createDatabase();
        // No shared secret: both processes take the day's visitor salt from the database.
        const servers = await Promise.all([startServer(url, ['--auto-approve']), startServer(url, ['--auto-approve'])]);
        try {
          exact = (await runBackend('PostgreSQL ×2', servers)) && exact;
        } finally {
          await Promise.all(servers.map((s) => s.stop()));
        }
      } finally {
        await pg.stop();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  printTable();
  const sqliteViews = rows.find((r) => r.backend === 'SQLite' && r.workload.startsWith('POST /views: 1 hot'));
  if (sqliteViews) {
    const perCore = 1e6 / sqliteViews.cpuPerRequest;
    console.log(
      `\nSQLite view increments: ${Math.round(sqliteViews.perSecond).toLocaleString('en-US')}/s measured ` +
        `(target ≥ ${TARGET_VIEWS_PER_SECOND.toLocaleString('en-US')}/s); ` +
        `${Number.isFinite(perCore) ? Math.round(perCore).toLocaleString('en-US') : 'n/a'}/s per core of server CPU. ` +
        `Load average now: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')} on ${cpus().length} cores.`,
    );
  }
  for (const row of rows.filter((r) => r.backend.startsWith('PostgreSQL') && r.workload.startsWith('POST /views'))) {
    console.log(
      `PostgreSQL ×2, ${row.workload}: ${Math.round(row.perSecond).toLocaleString('en-US')}/s ` +
        `(target ≥ ${TARGET_POSTGRES_VIEWS_PER_SECOND.toLocaleString('en-US')}/s${row.perSecond >= TARGET_POSTGRES_VIEWS_PER_SECOND ? ', met' : ', NOT met'}), count exact: ${row.exact}`,
    );
  }
  if (!exact) {
    console.error('\nFAIL: a stored count differs from the number of acknowledged increments');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
