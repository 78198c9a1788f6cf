// The real `bantin-server` command as a child process: flags, readiness line, graceful shutdown,
// --seed, and crash safety (kill -9 in the middle of a stream of writes loses no acknowledged one).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedArticle } from '@bantin/model/fixtures';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(packageDir, 'src', 'cli.ts');
const tmp = mkdtempSync(join(tmpdir(), 'bantin-cli-test-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  base: string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Starts the server (port 0) and waits for its "listening on" line. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const proc = run(['--port', '0', ...args], env);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = /bantin-server listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(proc.stdout());
    if (match) return { ...proc, base: `${match[1]}/api` };
    if (proc.child.exitCode !== null) throw new Error(`server exited early (${proc.child.exitCode}): ${proc.stderr()}`);
    if (Date.now() > deadline) {
      proc.child.kill('SIGKILL');
      throw new Error(`server not ready in 20 s: ${proc.stdout()} ${proc.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(server: Running) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

describe('bantin-server CLI', () => {
  it('--help prints the usage and exits 0', async () => {
    const proc = run(['--help']);
    assert.deepEqual(await proc.exited, { code: 0, signal: null });
    assert.match(proc.stdout(), /^Usage: bantin-server/);
    for (const flag of [
      '--db',
      '--port',
      '--host',
      '--admin-token',
      '--cors-origin',
      '--auto-approve',
      '--seed',
      '--no-rate-limit',
      '--log',
    ]) {
      assert.ok(proc.stdout().includes(flag), flag);
    }
  });

  it('an unknown flag, a stray argument, a bad port or a bad --db print the usage on stderr and exit 2', async () => {
    const cases = [
      ['--bogus'],
      ['extra'],
      ['--port', 'http'],
      ['--port', '70000'],
      ['--db', 'mysql://x'],
      ['--cors-origin', 'portal.example.vn'],
    ];
    await Promise.all(
      cases.map(async (args) => {
        const proc = run(args);
        assert.deepEqual(await proc.exited, { code: 2, signal: null }, args.join(' '));
        assert.match(proc.stderr(), /Usage: bantin-server/, args.join(' '));
        assert.equal(proc.stdout(), '');
      }),
    );
  });

  it('serves, takes its options, and shuts down gracefully on SIGTERM and SIGINT', async () => {
    const db = `sqlite:${join(tmp, 'graceful.db')}`;
    const server = await start(['--db', db, '--auto-approve', '--cors-origin', 'https://portal.example.vn'], {
      BANTIN_ADMIN_TOKEN: 'env-token',
    });
    const created = await fetch(`${server.base}/articles/a/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://portal.example.vn' },
      body: JSON.stringify({ authorName: 'A', content: 'x' }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('access-control-allow-origin'), 'https://portal.example.vn');
    assert.equal(((await created.json()) as any).comment.status, 'approved');
    const admin = await fetch(`${server.base}/admin/comments?status=approved`, {
      headers: { authorization: 'Bearer env-token' },
    });
    assert.equal(admin.status, 200);
    assert.deepEqual(await stop(server), { code: 0, signal: null });

    const again = await start(['--db', db, '--admin-token', 'flag-token']);
    assert.equal(
      (await fetch(`${again.base}/admin/comments`, { headers: { authorization: 'Bearer flag-token' } })).status,
      200,
    );
    again.child.kill('SIGINT');
    assert.deepEqual(await again.exited, { code: 0, signal: null });

    const noAdmin = await start(['--db', db, '--log']);
    assert.equal(
      (await fetch(`${noAdmin.base}/admin/comments`, { headers: { authorization: 'Bearer flag-token' } })).status,
      404,
    );
    assert.deepEqual(await stop(noAdmin), { code: 0, signal: null });
    // --log: one JSON line per request; without it, nothing but the readiness line.
    assert.match(noAdmin.stdout(), /"url":"\/api\/admin\/comments"/);
    // With an admin token, the readiness line is followed by the moderation page's address.
    assert.match(
      server.stdout(),
      /^bantin-server listening on http:\/\/127\.0\.0\.1:\d+\nmoderation page: http:\/\/127\.0\.0\.1:\d+\/admin\n$/,
    );
    assert.equal(noAdmin.stdout().includes('moderation page:'), false);
  });

  it('--seed loads the fixtures and the seed article’s 414 views once', async () => {
    const db = `sqlite:${join(tmp, 'seed.db')}`;
    for (let round = 0; round < 2; round++) {
      const server = await start(['--db', db, '--seed']);
      assert.match(server.stdout(), round === 0 ? /seeded 2 articles and 414 views/ : /seeded 2 articles\n/);
      const answer = (await (await fetch(`${server.base}/views?ids=${seedArticle.id}`)).json()) as any;
      assert.equal(answer.views[seedArticle.id], 414);
      assert.deepEqual(await stop(server), { code: 0, signal: null });
    }
  });

  it('--no-rate-limit lifts the per-address limits', async () => {
    const db = `sqlite:${join(tmp, 'limits.db')}`;
    const comment = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ authorName: 'A', content: 'x' }),
    };
    const limited = await start(['--db', db]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${limited.base}/articles/a/comments`, comment)).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    await stop(limited);
    const open = await start(['--db', db, '--no-rate-limit']);
    for (let i = 0; i < 7; i++) assert.equal((await fetch(`${open.base}/articles/a/comments`, comment)).status, 201);
    await stop(open);
  });

  it('kill -9 in the middle of a stream of writes loses no acknowledged write', async (t) => {
    const db = `sqlite:${join(tmp, 'crash.db')}`;
    const token = 'crash-token';
    const server = await start(['--db', db, '--no-rate-limit', '--auto-approve', '--admin-token', token]);

    const articles = ['crash-a', 'crash-b', 'crash-c'];
    const ackedViews = new Map<string, number>(articles.map((a) => [a, 0]));
    const sentViews = new Map<string, number>(articles.map((a) => [a, 0]));
    const ackedComments = new Map<string, { id: string; content: string }>(); // idempotency key → comment
    const sentComments = new Set<string>();
    let killedAt = 0;
    let sequence = 0;

    const started = Date.now();
    // The kill comes once a real stream has been acknowledged (not after a fixed time, which a
    // loaded machine may spend on a handful of writes), and within 20 s in any case.
    const stopAfterMs = 20_000;
    const ackedViewCount = () => [...ackedViews.values()].reduce((a, b) => a + b, 0);
    const worker = async (w: number) => {
      // Bounded: stops at the deadline or once the server is gone.
      while (Date.now() - started < stopAfterMs && !killedAt) {
        const n = sequence++;
        try {
          if (n % 4 === 3) {
            const key = `draft-${w}-${n}`;
            sentComments.add(key);
            const response = await fetch(`${server.base}/articles/crash-comments/comments`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': key },
              body: JSON.stringify({ authorName: `Độc giả ${w}`, content: `Ý kiến số ${n}` }),
            });
            if (response.status === 201)
              ackedComments.set(key, { id: ((await response.json()) as any).comment.id, content: `Ý kiến số ${n}` });
          } else {
            const article = articles[n % articles.length]!;
            sentViews.set(article, sentViews.get(article)! + 1);
            const response = await fetch(`${server.base}/views/${article}`, {
              method: 'POST',
              headers: { 'user-agent': `crash-visitor-${n}` },
            });
            if (response.status === 200) {
              await response.json();
              ackedViews.set(article, ackedViews.get(article)! + 1);
            }
          }
        } catch {
          // In flight when the process died: neither acknowledged nor required.
        }
      }
    };
    const killer = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if ((ackedViewCount() < 60 || ackedComments.size < 12) && Date.now() - started < stopAfterMs - 1000) return;
        clearInterval(poll);
        killedAt = Date.now();
        server.child.kill('SIGKILL');
        resolve();
      }, 5);
    });
    await Promise.all([killer, ...Array.from({ length: 16 }, (_, w) => worker(w))]);
    const exit = await server.exited;
    assert.equal(exit.signal, 'SIGKILL', 'the server was killed, not shut down');
    const totalAcked = ackedViewCount();
    assert.ok(totalAcked >= 50, `a real stream of writes was acknowledged before the kill (${totalAcked} views)`);
    assert.ok(ackedComments.size >= 10, `comments acknowledged before the kill: ${ackedComments.size}`);

    t.diagnostic(`acknowledged before kill -9: ${totalAcked} views, ${ackedComments.size} comments`);

    const restarted = await start(['--db', db, '--admin-token', token]);
    try {
      const counts = ((await (await fetch(`${restarted.base}/views?ids=${articles.join(',')}`)).json()) as any).views;
      for (const article of articles) {
        assert.ok(
          counts[article] >= ackedViews.get(article)!,
          `${article}: ${counts[article]} stored < ${ackedViews.get(article)} acknowledged`,
        );
        assert.ok(
          counts[article] <= sentViews.get(article)!,
          `${article}: ${counts[article]} stored > ${sentViews.get(article)} sent`,
        );
      }
      const stored = new Map<string, string>();
      let cursor: string | null = null;
      for (let page = 0; page < 1000; page++) {
        const url: string = `${restarted.base}/articles/crash-comments/comments?sort=oldest&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const body = (await (await fetch(url)).json()) as any;
        for (const comment of body.comments) stored.set(comment.id, comment.content);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      for (const [key, comment] of ackedComments)
        assert.equal(stored.get(comment.id), comment.content, `acknowledged comment ${key} (${comment.id}) is missing`);
      assert.ok(stored.size <= sentComments.size);
      // A retried draft after the restart is still recognised (the idempotency record survived).
      const [someKey, some] = [...ackedComments][0]!;
      const retry = await fetch(`${restarted.base}/articles/crash-comments/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': someKey },
        body: JSON.stringify({ authorName: 'x', content: some.content }),
      });
      assert.equal(retry.status, 200);
      assert.equal(((await retry.json()) as any).comment.id, some.id);
    } finally {
      assert.deepEqual(await stop(restarted), { code: 0, signal: null });
    }
  });
});
