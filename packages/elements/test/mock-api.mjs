// The JSON contract of docs/api.md, served by the test runner's dev server under /mock-api,
// with the seed fixtures: what the no-build page test talks to. In memory, per test run.
import { mostViewedItems, seedArticle } from '@bantin/model/fixtures';

// The seed article under its fixture id and under the short id that getting-started's page uses.
const views = new Map([
  [seedArticle.id, seedArticle.viewCount],
  ['hoi-nghi-lan-thu-2', seedArticle.viewCount],
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
  if (context.method === 'GET' && path === '/most-viewed') {
    return send(context, 200, { items: mostViewedItems });
  }
  return send(context, 404, { error: { code: 'not_found', message: `no route ${context.method} ${path}` } });
}
