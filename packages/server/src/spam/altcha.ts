// A self-hosted ALTCHA proof-of-work captcha (altcha-lib): the server hands out signed
// challenges and checks solutions itself; nothing calls a third-party host. Optional: turned on
// by an HMAC secret (buildApp `altcha`, `bantin-server --altcha` with BANTIN_ALTCHA_SECRET).
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

export interface AltchaOptions {
  /** HMAC secret that signs challenges (shared by all processes of one site). */
  secret: string;
  /** PBKDF2 iterations per attempt. Default 1,000. */
  cost?: number;
  /** The solution's counter is drawn from [min, max): the work a browser does. Default 1,000–4,000. */
  counter?: { min: number; max: number };
  /** How long a challenge stays valid. Default 10 minutes. */
  ttlSeconds?: number;
}

export interface AltchaCaptcha {
  challenge(): Promise<Challenge>;
  /** True for a valid, unexpired solution not used before (by any process, see `useOnce`). */
  verify(payload: string): Promise<boolean>;
}

/**
 * `useOnce(signature, expiresAtMs)` records a verified solution's challenge signature until the
 * challenge expires and answers whether it was new: buildApp passes `Storage.useOnce`, so that
 * every process on one database refuses a solution used once anywhere.
 */
export function altchaCaptcha(
  options: AltchaOptions,
  useOnce: (signature: string, expiresAtMs: number) => Promise<boolean>,
): AltchaCaptcha {
  if (!options.secret) throw new TypeError('altcha: the secret must not be empty');
  const cost = options.cost ?? 1_000;
  const { min, max } = options.counter ?? { min: 1_000, max: 4_000 };
  const ttl = options.ttlSeconds ?? 600;

  return {
    challenge: () =>
      createChallenge({
        algorithm: 'PBKDF2/SHA-256',
        cost,
        counter: randomInt(max, min),
        deriveKey,
        hmacSignatureSecret: options.secret,
        expiresAt: Math.floor(Date.now() / 1000) + ttl,
      }),

    async verify(payload) {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
      } catch {
        return false;
      }
      const { challenge, solution } = (decoded ?? {}) as { challenge?: Challenge; solution?: unknown };
      if (
        !challenge?.parameters ||
        typeof challenge.signature !== 'string' ||
        !solution ||
        typeof solution !== 'object'
      )
        return false;
      try {
        const result = await verifySolution({
          challenge,
          solution: solution as { counter: number; derivedKey: string },
          deriveKey,
          hmacSignatureSecret: options.secret,
        });
        if (!result.verified) return false;
      } catch {
        return false;
      }
      // Only now, with a valid signature, is anything stored: forged payloads fill no table.
      const expiresAt = challenge.parameters.expiresAt ?? Math.floor(Date.now() / 1000) + ttl;
      return useOnce(challenge.signature, expiresAt * 1000);
    },
  };
}
