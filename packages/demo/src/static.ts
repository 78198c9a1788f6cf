import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Static files served the way a CDN serves the element modules: compressed (brotli or gzip, as
 * the browser's Accept-Encoding allows), content-hashed names cached for a year as `immutable`,
 * and every other name (the autoloader, element entries, stylesheets) cached briefly and
 * revalidated with an ETag, so a new release reaches readers within minutes.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Below this, compressing costs more than it saves (headers, CPU). */
const MIN_COMPRESS = 256;

/** `chunk-AB12CD34.js`: esbuild's content hash, 8 characters of base32, before the extension. */
const HASHED = /-[A-Z0-9]{8}\.[a-z]+$/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Five minutes fresh, then revalidated (a 304 when unchanged). */
export const SHORT = 'public, max-age=300, must-revalidate';

/**
 * The encoding to send, from an Accept-Encoding header: brotli, else gzip, else none. Honours
 * q-values, including `q=0` refusals and `*`.
 */
export function negotiateEncoding(header: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (quality('br') > 0 && quality('br') >= quality('gzip')) return 'br';
  if (quality('gzip') > 0) return 'gzip';
  return 'identity';
}

interface Entry {
  mtimeMs: number;
  body: Buffer;
  etag: string;
  encoded: Map<Encoding, Buffer>;
}

export interface StaticFiles {
  /** Answers GET/HEAD for a file under the mount; returns false when the path is not one. */
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): boolean;
}

/**
 * Serves the files under `dir` at `mount` (e.g. `/assets/cdn/`). Compressed bodies are made on
 * first request with node:zlib and kept in memory until the file changes (a rebuild).
 */
export function staticFiles(mount: string, dir: string, headers: Record<string, string> = {}): StaticFiles {
  const cache = new Map<string, Entry>();
  const root = normalize(dir + sep);

  function load(file: string): Entry | undefined {
    let mtimeMs: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return undefined;
      mtimeMs = stat.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const body = readFileSync(file);
    const entry = {
      mtimeMs,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      encoded: new Map(),
    };
    cache.set(file, entry);
    return entry;
  }

  function encode(entry: Entry, encoding: Encoding): Buffer {
    if (encoding === 'identity') return entry.body;
    let body = entry.encoded.get(encoding);
    if (!body) {
      body =
        encoding === 'br'
          ? brotliCompressSync(entry.body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
              },
            })
          : gzipSync(entry.body, { level: 9 });
      entry.encoded.set(encoding, body);
    }
    return body;
  }

  return {
    serve(request, response, pathname) {
      if (!pathname.startsWith(mount)) return false;
      let relative: string;
      try {
        relative = decodeURIComponent(pathname.slice(mount.length));
      } catch {
        return false; // a malformed escape: not one of our files (a 404, not a 500)
      }
      const file = normalize(join(root, relative));
      const type = TYPES[extname(file)];
      // Nothing outside the folder, no dot-files, no types we do not know.
      if (!file.startsWith(root) || relative.split('/').some((part) => part.startsWith('.')) || !type) return false;
      const entry = load(file);
      if (!entry) return false;

      const encoding =
        entry.body.length >= MIN_COMPRESS ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
      const common: Record<string, string> = {
        ...headers,
        'content-type': type,
        'cache-control': HASHED.test(file) ? IMMUTABLE : SHORT,
        etag: entry.etag,
        vary: 'Accept-Encoding',
      };
      const known = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
      if (known.includes(entry.etag)) {
        response.writeHead(304, common);
        response.end();
        return true;
      }
      const body = encode(entry, encoding);
      response.writeHead(200, {
        ...common,
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        'content-length': String(body.length),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}

/**
 * Sends a generated body (a page), compressed for the browser when it is worth it. Dynamic
 * bodies get a fast setting (brotli 5, gzip 6): they are compressed on every request.
 */
export function sendCompressed(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const encoding = bytes.length >= MIN_COMPRESS ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
  const encoded =
    encoding === 'br'
      ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(bytes, { level: 6 })
        : bytes;
  response.writeHead(status, {
    ...headers,
    vary: 'Accept-Encoding',
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
    'content-length': String(encoded.length),
  });
  response.end(request.method === 'HEAD' ? undefined : encoded);
}
