// BANTIN_CORS_ORIGINS: a theme on another origin can call the demo's API, and only that origin.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { startDemo } from './demo.js';

const dir = mkdtempSync(join(tmpdir(), 'bantin-demo-cors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('corsOrigins lets exactly the listed origins call the API', async () => {
  const demo = await startDemo({ db: 'sqlite::memory:', port: 0, corsOrigins: ['http://localhost:5173'] });
  try {
    const preflight = await fetch(`${demo.url}/api/views/hoi-nghi`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const views = await fetch(`${demo.url}/api/views?ids=hoi-nghi`, { headers: { origin: 'http://localhost:5173' } });
    assert.equal(views.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    const other = await fetch(`${demo.url}/api/views?ids=hoi-nghi`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  } finally {
    await demo.close();
  }
});

test('npm start reads BANTIN_CORS_ORIGINS', async () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      PORT: '0',
      BANTIN_DB: `sqlite:${join(dir, 'cors.db')}`,
      BANTIN_CORS_ORIGINS: 'http://localhost:5173, https://staging.example.vn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        out += chunk;
        const api = /API:\s+(\S+)\/api/.exec(out);
        if (api && /Ctrl\+C/.test(out)) resolve(api[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(out, /http:\/\/localhost:5173, https:\/\/staging\.example\.vn/);
    const answer = await fetch(`${url}/api/views?ids=a`, { headers: { origin: 'https://staging.example.vn' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'https://staging.example.vn');
  } finally {
    child.kill('SIGTERM');
  }
});
