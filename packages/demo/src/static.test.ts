import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { seedArticle } from '@bantin/model/fixtures';
import { createDemoServer } from './server.js';
import { IMMUTABLE, SHORT, negotiateEncoding } from './static.js';

const cdn = join(dirname(createRequire(import.meta.url).resolve('@bantin/elements/package.json')), 'dist/cdn');
const graph = JSON.parse(readFileSync(join(cdn, 'modules.json'), 'utf8')) as { tags: Record<string, string[]> };
const [counterModule, ...counterChunks] = graph.tags['tin-view-counter']!;

let port = 0;
const server = createDemoServer();
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET: no client-side decompression, so the bytes are what went over the wire. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

test('Accept-Encoding: brotli first, then gzip, honouring q-values', () => {
  assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(negotiateEncoding('gzip, deflate'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(negotiateEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(negotiateEncoding('*'), 'br');
  assert.equal(negotiateEncoding('*;q=0'), 'identity');
  assert.equal(negotiateEncoding('identity'), 'identity');
  assert.equal(negotiateEncoding(undefined), 'identity');
  assert.equal(negotiateEncoding(''), 'identity');
});

test('a content-hashed chunk: brotli or gzip as asked, cached for a year as immutable', async () => {
  // The counter's largest chunk (Lit and the shared layer): a small one may be under the size
  // worth compressing, and which chunk sorts first changes with every content hash.
  const [chunk] = [...counterChunks].sort((a, b) => statSync(join(cdn, b)).size - statSync(join(cdn, a)).size);
  const path = `/assets/cdn/${chunk}`;
  const original = readFileSync(join(cdn, chunk!));
  const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['cache-control'], IMMUTABLE);
  assert.equal(br.headers['vary'], 'Accept-Encoding');
  assert.match(String(br.headers['content-type']), /^text\/javascript/);
  assert.equal(Number(br.headers['content-length']), br.body.length);
  assert.deepEqual(brotliDecompressSync(br.body), original);
  assert.ok(br.body.length < original.length / 2, `brotli: ${br.body.length} of ${original.length} B`);

  const gzip = await get(path, { 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gzip.body), original);

  const plain = await get(path);
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.body, original);
});

test('the autoloader and element entries: short caching, revalidated with an ETag', async () => {
  for (const path of ['/assets/cdn/autoloader.js', `/assets/cdn/${counterModule}`, '/assets/themes/bantin.css']) {
    const first = await get(path, { 'accept-encoding': 'br' });
    assert.equal(first.status, 200, path);
    assert.equal(first.headers['cache-control'], SHORT, path);
    const etag = String(first.headers['etag']);
    assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0);
    const changed = await get(path, { 'if-none-match': '"something-else"' });
    assert.equal(changed.status, 200);
  }
});

test('the page itself is compressed, and never cached stale', async () => {
  const page = await get(seedArticle.url, { 'accept-encoding': 'gzip, br' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-encoding'], 'br');
  assert.equal(page.headers['cache-control'], 'no-cache');
  assert.match(brotliDecompressSync(page.body).toString(), /<h1>/);
});

test('nothing outside the served folders, and no unknown files', async () => {
  for (const path of [
    '/assets/cdn/%2e%2e/%2e%2e/package.json',
    '/assets/cdn/..%2f..%2fpackage.json',
    '/assets/cdn/chunks/nope-ABCDEFGH.js',
    '/assets/server.ts',
    '/assets/cdn/',
    '/assets/cdn/%E0%A4%A.js',
  ]) {
    assert.equal((await get(path)).status, 404, path);
  }
});
