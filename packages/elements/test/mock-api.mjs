// The JSON contract of docs/api.md, served by the test runner's dev server under /mock-api,
// with the seed fixtures: what the no-build page test talks to. In memory, per test run.
import { PassThrough } from 'node:stream';
import { mostViewedItems, seedArticle } from '@bantin/model/fixtures';

// The seed article under its fixture id and under the short id that getting-started's page uses.
const views = new Map([
  [seedArticle.id, seedArticle.viewCount],
  ['hoi-nghi-lan-thu-2', seedArticle.viewCount],
]);

// Approved comments per article, for GET /comment-counts.
const commentCounts = new Map([
  [seedArticle.id, seedArticle.commentCount],
  ['hoi-nghi-lan-thu-2', seedArticle.commentCount],
]);

function send(context, status, body) {
  context.status = status;
  context.type = 'application/json';
  context.body = JSON.stringify(body);
}

export async function mockApi(context, next) {
  const url = new URL(context.url, 'http://localhost');
  if (!url.pathname.startsWith('/mock-api/')) return next();
  const path = url.pathname.slice('/mock-api'.length);
  if (context.method === 'GET' && path === '/views') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    return send(context, 200, { views: Object.fromEntries(ids.map((id) => [id, views.get(id) ?? 0])) });
  }
  const view = /^\/views\/([^/]+)$/.exec(path);
  if (context.method === 'POST' && view) {
    const id = decodeURIComponent(view[1]);
    views.set(id, (views.get(id) ?? 0) + 1);
    return send(context, 200, { articleId: id, views: views.get(id) });
  }
  if (context.method === 'GET' && /^\/articles\/[^/]+\/comments$/.test(path)) {
    return send(context, 200, { comments: [], nextCursor: null, total: 0 });
  }
  if (context.method === 'GET' && path === '/comment-counts') {
    const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
    if (ids.length < 1 || ids.length > 100)
      return send(context, 400, { error: { code: 'invalid_ids', message: 'ids: 1 to 100 ids', field: 'ids' } });
    return send(context, 200, { counts: Object.fromEntries(ids.map((id) => [id, commentCounts.get(id) ?? 0])) });
  }
  // Misbehaving servers, for the data layer's tests.
  if (path.startsWith('/test/stalled-body')) {
    // Headers and the start of a body, then nothing: only a timeout over the whole response ends it.
    const body = new PassThrough();
    body.write('{"views":');
    context.status = 200;
    context.type = 'application/json';
    context.body = body;
    return;
  }
  if (path.startsWith('/test/large-body')) {
    // A valid JSON body of about `bytes` bytes, streamed without a content-length.
    const bytes = Number(url.searchParams.get('bytes') ?? 0);
    const body = new PassThrough();
    context.status = 200;
    context.type = 'application/json';
    context.body = body;
    body.write('{"items":[');
    for (let sent = 0; sent < bytes; sent += 65_536) body.write(' '.repeat(Math.min(65_536, bytes - sent)));
    body.end(']}');
    return;
  }
  if (context.method === 'GET' && path === '/most-viewed') {
    return send(context, 200, { items: mostViewedItems });
  }
  return send(context, 404, { error: { code: 'not_found', message: `no route ${context.method} ${path}` } });
}
