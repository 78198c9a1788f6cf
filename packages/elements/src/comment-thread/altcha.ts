// The ALTCHA solver, loaded by <tin-comment-thread> with import() only when its server asks for
// a captcha, so that pages whose server does not pay nothing for it (its own chunk in dist/cdn).
// altcha-lib is the library the server verifies with; its web key derivations use Web Crypto, so
// the work runs in the browser's crypto threads and nothing is fetched from anywhere. It imports
// nothing from @bantin/model: in the one-file bundle a dynamically imported module's imports
// are kept whole, and the model's index would bring all of zod's schemas along.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/web/pbkdf2';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';
import type { AltchaChallenge } from '../data/types.js';

/** Longer than this and the comment goes without a solution (held for moderation, not lost). */
const SOLVE_TIMEOUT_MS = 30_000;

/**
 * Solves a challenge into the form's `altcha` field: `base64(JSON.stringify({ challenge,
 * solution }))`, what the server's verifier decodes (UTF-8 JSON), and when it expires (ms since
 * the epoch). Throws on a challenge that does not fit the contract or that the page cannot solve
 * (an algorithm without a web solver), and when no solution comes within 30 s.
 */
export async function solveAltcha(challenge: AltchaChallenge): Promise<{ payload: string; expires: number }> {
  const { parameters } = challenge;
  const solution = await solveChallenge({
    // The solver checks what it reads (algorithm, hex nonce, salt and prefix) and throws on
    // anything else; keyLength defaults to 32. The rest goes back to the server untouched.
    challenge: challenge as unknown as Challenge,
    deriveKey: String(parameters.algorithm).startsWith('PBKDF2/') ? pbkdf2 : sha,
    timeout: SOLVE_TIMEOUT_MS,
  });
  if (!solution) throw new Error(`no solution within ${SOLVE_TIMEOUT_MS} ms`);
  const json = JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } });
  return {
    payload: btoa(String.fromCharCode(...new TextEncoder().encode(json))),
    expires: typeof parameters.expiresAt === 'number' ? parameters.expiresAt * 1000 : Infinity,
  };
}
