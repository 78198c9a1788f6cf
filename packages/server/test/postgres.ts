// A real, throwaway PostgreSQL for tests, from Debian's packages: a fresh data directory in a
// temp folder, trust authentication, listening only on 127.0.0.1 (and a socket in that folder)
// on a free port, fsync on. Nothing is assumed about the machine: when the server binaries are
// missing and we are root (CI: a fresh clone, as root, no services), Debian's `postgresql`
// package is installed first; without root the error names the command to run.
//
//   const pg = await startPostgres();      // ~1.5–3 s (initdb + start), plus the install once
//   const url = await pg.createDatabase(); // a fresh empty database per test, if wanted
//   await pg.stop();                       // pg_ctl stop -m fast, folder removed
//
// initdb refuses to run as root, so as root every server command runs as the `postgres` OS user
// that the Debian package creates (runuser -u postgres --).

import { spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  appendFileSync,
  readFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningPostgres {
  /** postgres://postgres@127.0.0.1:PORT/bantin */
  url: string;
  port: number;
  /** The temp folder: data directory, socket, log. */
  dir: string;
  /** Milliseconds the start took (install excluded). */
  startMs: number;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Name of the database `url` points at. Default 'bantin'. */
  database?: string;
  /** Extra postgresql.conf lines, e.g. { max_connections: '300' }. */
  settings?: Record<string, string>;
}

const INSTALL_COMMAND = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql';
const INSTALL_LOCK = '/tmp/bantin-postgresql-install.lock';

export async function startPostgres(options: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const bin = await ensurePostgresInstalled();
  const root = process.getuid?.() === 0;
  const owner = root ? postgresUser() : null;

  const started = Date.now();
  const dir = mkdtempSync(join(root ? '/tmp' : tmpdir(), 'bantin-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(data, owner.uid, owner.gid);
  }
  const run = (program: string, args: string[]) => runAs(root, join(bin, program), args, dir);

  let stopped = false;
  const cleanupOnExit = () => {
    if (stopped) return;
    // Synchronous: 'exit' handlers cannot wait. Immediate mode: the process is going away.
    spawnSync(
      root ? 'runuser' : join(bin, 'pg_ctl'),
      [...(root ? ['-u', 'postgres', '--', join(bin, 'pg_ctl')] : []), 'stop', '-D', data, '-m', 'immediate'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    // --no-sync only skips flushing initdb's own files: the throwaway cluster need not survive a
    // power cut. The server itself runs with fsync on.
    await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-locale', '--no-sync']);

    let port = 0;
    let lastError: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      port = await freePort();
      const conf: Record<string, string> = {
        listen_addresses: `'127.0.0.1'`,
        port: String(port),
        unix_socket_directories: `'${dir}'`,
        fsync: 'on',
        max_connections: '200',
        ...options.settings,
      };
      // Later lines win, so a retry on another port simply appends again.
      appendFileSync(
        join(data, 'postgresql.conf'),
        `\n# bantin test server\n${Object.entries(conf)
          .map(([k, v]) => `${k} = ${v}`)
          .join('\n')}\n`,
      );
      try {
        await run('pg_ctl', ['start', '-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60']);
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error;
        const log = readLog(dir);
        if (!/could not bind|address already in use/i.test(log)) break;
      }
    }
    if (lastError)
      throw new Error(
        `PostgreSQL did not start: ${(lastError as Error).message}\n--- postgres.log ---\n${readLog(dir)}`,
      );
    process.once('exit', cleanupOnExit);

    const database = options.database ?? 'bantin';
    const base = `postgres://postgres@127.0.0.1:${port}`;
    let counter = 0;
    const createDatabase = async (
      name = `t${process.pid}_${++counter}_${Date.now().toString(36)}`,
    ): Promise<string> => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be [a-z_][a-z0-9_]*`);
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    };
    await createDatabase(database);

    return {
      url: `${base}/${database}`,
      port,
      dir,
      startMs: Date.now() - started,
      createDatabase,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', cleanupOnExit);
        try {
          await run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    cleanupOnExit();
    stopped = true;
    throw error;
  }
}

// ---- finding or installing the server ------------------------------------------------------

/** The newest /usr/lib/postgresql/N/bin that has initdb and pg_ctl, or null. */
export function findPostgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = readdirSync(base);
  } catch {
    return null;
  }
  for (const version of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'postgres')))
      return bin;
  }
  return null;
}

async function ensurePostgresInstalled(): Promise<string> {
  const found = findPostgresBin();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb). The tests need them; install with:\n  sudo sh -c '${INSTALL_COMMAND}'`,
    );
  }
  // Test files run in parallel processes: one installs, the others wait for it.
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(INSTALL_LOCK);
      break;
    } catch {
      if (findPostgresBin()) return findPostgresBin()!;
      try {
        if (Date.now() - statSync(INSTALL_LOCK).mtimeMs > 15 * 60_000) rmdirSync(INSTALL_LOCK); // stale
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for another process to install PostgreSQL (${INSTALL_LOCK})`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    if (!findPostgresBin()) {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      await exec('apt-get', ['update'], { env });
      await exec('apt-get', ['install', '-y', '-o', 'DPkg::Lock::Timeout=600', 'postgresql'], { env });
    }
  } catch (error) {
    throw new Error(`installing PostgreSQL failed (${INSTALL_COMMAND}): ${(error as Error).message}`);
  } finally {
    rmdirSync(INSTALL_LOCK);
  }
  const bin = findPostgresBin();
  if (!bin) throw new Error(`'${INSTALL_COMMAND}' finished but /usr/lib/postgresql/*/bin/initdb is still missing`);
  return bin;
}

function postgresUser(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `running as root, but there is no 'postgres' OS user to run PostgreSQL as (initdb refuses root); reinstall with: ${INSTALL_COMMAND}`,
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

// ---- processes -----------------------------------------------------------------------------

function runAs(root: boolean, program: string, args: string[], cwd: string): Promise<string> {
  // The working directory must be one the postgres user can enter.
  return root ? exec('runuser', ['-u', 'postgres', '--', program, ...args], { cwd }) : exec(program, args, { cwd });
}

function exec(
  program: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    // stdout is not piped: pg_ctl start leaves the server holding it, and we would wait forever.
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', (error) => reject(new Error(`${program}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stderr);
      else
        reject(
          new Error(
            `${[program, ...args].join(' ')} exited with ${code ?? signal}${stderr ? `:\n${stderr.trim()}` : ''}`,
          ),
        );
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'postgres.log'), 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}
