import { startDemo } from './demo.js';

// `npm start` ends here: the seed article site with its API on one loopback port.
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

try {
  const demo = await startDemo({
    port,
    host,
    ...(process.env.BANTIN_DB ? { db: process.env.BANTIN_DB } : {}),
    ...(process.env.BANTIN_ADMIN_TOKEN ? { adminToken: process.env.BANTIN_ADMIN_TOKEN } : {}),
  });
  console.log(`
bantin demo: ${demo.articleUrl}
  API:        ${demo.url}/api   (docs/api.md)
  moderation: ${demo.url}/admin   (admin token: ${demo.adminToken})
  database:   ${process.env.BANTIN_DB ?? 'sqlite:./.data/demo.db'}
(Ctrl+C to stop)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void demo.close().then(() => process.exit(0)));
  }
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE' ? `Port ${port} is in use. Start on another one with: PORT=8090 npm start` : error,
  );
  process.exit(1);
}
