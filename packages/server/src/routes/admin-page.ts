import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/**
 * The moderation page: `GET /admin` (HTML) and `GET /admin/moderation.js` (the `<tin-moderation>`
 * element, built from admin-ui/ into dist/admin/ by the package build). It holds no data and no
 * secret: everything it shows comes from the moderation API, behind the admin token the
 * moderator types in.
 */
export async function adminPageRoutes(app: FastifyInstance, options: { apiPrefix: string }): Promise<void> {
  const script = readScript();
  // No inline script, no third-party host: the page can run under the strictest policy.
  const headers = {
    'content-security-policy':
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };

  app.get('/admin', async (request, reply) => {
    const url = request.raw.url ?? '';
    const lang = /[?&]lang=en(?:&|$)/i.test(url) ? 'en' : 'vi';
    return reply
      .headers({ ...headers, 'cache-control': 'no-store' })
      .type('text/html; charset=utf-8')
      .send(page(lang, options.apiPrefix));
  });

  app.get('/admin/moderation.js', async (_request, reply) => {
    if (!script)
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('moderation.js was not built: run the package build');
    // Not content-hashed: revalidate, so a server upgrade is picked up at once.
    return reply
      .headers({ ...headers, 'cache-control': 'no-cache' })
      .type('text/javascript; charset=utf-8')
      .send(script);
  });
}

/** dist/admin/moderation.js, seen from the built server (dist/) or from its sources (src/routes/, in tests). */
function readScript(): string | null {
  for (const relative of ['./admin/moderation.js', '../../dist/admin/moderation.js']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  return null;
}

function page(lang: 'vi' | 'en', apiPrefix: string): string {
  const title = lang === 'en' ? 'Comment moderation' : 'Kiểm duyệt bình luận';
  const endpoint = apiPrefix.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/admin/moderation.js"></script>
    <style>
      body { margin: 0; background: #f6f7f9; }
      tin-moderation:not(:defined) { display: block; min-height: 100vh; }
    </style>
  </head>
  <body>
    <main><tin-moderation endpoint="${endpoint}"></tin-moderation></main>
  </body>
</html>
`;
}
