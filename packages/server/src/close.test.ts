// Closing the app waits for handlers still running, even when their client has gone (and taken
// its connection, which is all the HTTP server's own close waits for), so that the storage the
// embedder closes next is never closed under a handler.
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { test } from 'node:test';
import { buildApp } from './app.js';
import type { Storage } from './storage/types.js';
import { testBackends } from '../test/backends.js';

// PostgreSQL is where the load test saw it: "Cannot use a pool after calling end on the pool".
const backends = testBackends('close');

/** The storage, with a listThreads that takes `ms` and says when it starts and whether it ended. */
function slowThreads(storage: Storage, ms: number) {
  let started!: () => void;
  const state = {
    started: new Promise<void>((resolve) => (started = resolve)),
    running: 0,
    failures: [] as unknown[],
  };
  const slow = new Proxy(storage, {
    get(target, key, receiver) {
      if (key !== 'listThreads') return Reflect.get(target, key, receiver);
      return async (...args: Parameters<Storage['listThreads']>) => {
        state.running++;
        started();
        try {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return await target.listThreads(...args);
        } catch (error) {
          state.failures.push(error);
          throw error;
        } finally {
          state.running--;
        }
      };
    },
  });
  return { slow, state };
}

for (const [name, open] of Object.entries(backends))
  test(`close() waits for a handler whose client went away, then the storage closes cleanly (${name})`, async () => {
    const storage = await open();
    await storage.migrate();
    const { slow, state } = slowThreads(storage, 400);
    const app = await buildApp({ storage: slow, rateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };

    // A reader asks for the comments and leaves before the answer.
    const client = request({ host: '127.0.0.1', port, path: '/api/articles/bai-viet/comments?limit=20' });
    client.on('error', () => {});
    client.end();
    await state.started;
    client.destroy();

    await app.close();
    assert.equal(state.running, 0, 'close() returned while a handler was still running');
    await storage.close();
    assert.deepEqual(state.failures, []);
  });

test('close() does not wait for a keep-alive client: the answer in flight says Connection: close', async () => {
  const storage = await backends.SQLite();
  await storage.migrate();
  const { slow, state } = slowThreads(storage, 300);
  const app = await buildApp({ storage: slow, rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
  try {
    const answer = new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, agent, path: '/api/articles/bai-viet/comments?limit=20' }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection }));
      })
        .on('error', reject)
        .end();
    });
    await state.started;
    const start = Date.now();
    await app.close();
    const took = Date.now() - start;
    assert.deepEqual(await answer, { status: 200, connection: 'close' });
    // Without the header the connection, and close() with it, would wait out the keep-alive timeout (72 s).
    assert.ok(took < 5_000, `close() took ${took} ms`);
  } finally {
    agent.destroy();
    await storage.close();
  }
});
