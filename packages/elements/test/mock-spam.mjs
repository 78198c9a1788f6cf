// A comment server with the spam-defence contract of docs/api.md, served by the test runner's dev
// server for the comment form's tests, under /spam-api/<mode>:
// - `on`: asks for ALTCHA. Its challenges are real (altcha-lib's createChallenge, signed as
//   @bantin/server signs them), and each posted comment's `altcha` is checked with altcha-lib's
//   verifySolution, decoded as the server decodes it;
// - `off`: asks for no captcha (404 for the challenge), as a server without --altcha;
// - `broken`: the challenge route fails with 500;
// - `unsolvable`: a signed challenge in an algorithm the page's solver lacks (Argon2id).
// Every post is recorded; GET /spam-api/<mode>/received answers them, with the verdict.
// POST /spam-api/on/verify checks one payload ({ altcha }) without storing a comment.
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

const SECRET = 'bantin-test-altcha-secret';
/** Small work, so that tests stay quick; the server's defaults are cost 1,000, counter 1,000–4,000. */
const COST = 200;
const received = new Map();
const used = new Set();

function send(context, status, body) {
  context.status = status;
  context.type = 'application/json';
  context.body = JSON.stringify(body);
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return JSON.parse(text || '{}');
}

/** What @bantin/server's verifier does (packages/server/src/spam/altcha.ts): base64 UTF-8 JSON, once. */
async function verify(payload) {
  try {
    const { challenge, solution } = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    if (used.has(challenge.signature)) return false;
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: SECRET });
    if (result.verified) used.add(challenge.signature);
    return result.verified;
  } catch {
    return false;
  }
}

const challenge = (algorithm = 'PBKDF2/SHA-256') =>
  createChallenge({
    algorithm,
    cost: COST,
    deriveKey,
    hmacSignatureSecret: SECRET,
    expiresAt: Math.floor(Date.now() / 1000) + 600,
    // With a counter, the key prefix comes from a known solution, as on the server.
    ...(algorithm.startsWith('PBKDF2') ? { counter: randomInt(800, 200) } : {}),
  });

export async function mockSpam(context, next) {
  const match = /^\/spam-api\/(on|off|broken|unsolvable)(\/.*)$/.exec(
    new URL(context.url, 'http://localhost').pathname,
  );
  if (!match) return next();
  const [, mode, path] = match;
  if (context.method === 'GET' && path === '/altcha-challenge') {
    if (mode === 'on') return send(context, 200, await challenge());
    if (mode === 'unsolvable') return send(context, 200, await challenge('ARGON2ID'));
    if (mode === 'broken') return send(context, 500, { error: { code: 'internal', message: 'broken' } });
    return send(context, 200, { altcha: false });
  }
  if (context.method === 'GET' && path === '/received') return send(context, 200, received.get(mode) ?? []);
  if (context.method === 'POST' && path === '/verify') {
    const { altcha } = await readJson(context.req);
    return send(context, 200, { verified: await verify(altcha) });
  }
  const comments = /^\/articles\/([^/]+)\/comments$/.exec(path);
  if (comments && context.method === 'GET') return send(context, 200, { comments: [], nextCursor: null, total: 0 });
  if (comments && context.method === 'POST') {
    const body = await readJson(context.req);
    const verified = typeof body.altcha === 'string' ? await verify(body.altcha) : null;
    received.set(mode, [...(received.get(mode) ?? []), { body, verified }]);
    return send(context, 201, {
      comment: {
        id: `s${received.get(mode).length}`,
        articleId: decodeURIComponent(comments[1]),
        parentId: body.parentId ?? null,
        authorName: body.authorName,
        content: body.content,
        createdAt: new Date().toISOString(),
        status: 'pending',
        likes: 0,
      },
    });
  }
  return next();
}
