import { createDemoServer } from './server.js';

// `npm start` ends here: serve the demo on loopback and print where.
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const server = createDemoServer();

server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is in use. Start on another one with: PORT=8090 npm start`);
    process.exit(1);
  }
  throw error;
});
server.listen(port, host, () => {
  console.log(`\nbantin demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n(Ctrl+C to stop)`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
