// The seed every fast-check property runs on. `npm test` always uses a fixed one, so a run can
// be repeated exactly; `pnpm test:explore` picks a random one and passes it the same way.
// Replay any run with BANTIN_SEED=<seed>.
export const DEFAULT_SEED = 20261130;

/** BANTIN_SEED when it is a 32-bit integer, else the fixed default. Never random. */
export function propertySeed(env = process.env) {
  const raw = env.BANTIN_SEED?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 32) {
    throw new Error(`BANTIN_SEED must be a 32-bit integer, got "${raw}"`);
  }
  return seed;
}

export function describeSeed(seed) {
  return `fast-check seed ${seed} (replay with BANTIN_SEED=${seed})`;
}
