// The no-build output served as a CDN would send it, for the autoloader and transfer-budget tests:
// /cdn/<file> is dist/cdn/<file>, gzip-encoded, so that the Performance API's encodedBodySize
// in the page is the gzip size a reader downloads. The test runner's own file server does not
// compress, and rewrites modules; this answers before it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const cdn = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const TYPES = { js: 'text/javascript; charset=utf-8', json: 'application/json', map: 'application/json' };

export async function cdnServer(context, next) {
  const path = context.path;
  if (!path.startsWith('/cdn/')) return next();
  const file = path.slice('/cdn/'.length);
  // Only plain file names under dist/cdn: nothing that climbs out of it.
  if (!/^(?:[a-z0-9-]+\/)?[A-Za-z0-9_.-]+\.(js|json|map)$/.test(file) || file.includes('..')) {
    context.status = 404;
    return;
  }
  let body;
  try {
    body = await readFile(cdn + file);
  } catch {
    context.status = 404;
    return;
  }
  context.set('content-type', TYPES[file.split('.').pop()]);
  context.set('content-encoding', 'gzip');
  context.set('cache-control', 'no-store');
  context.body = gzipSync(body, { level: 9 });
}
