import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';

// scripts/fast-check-setup.mjs, loaded into every test process, puts every property on one seed
// (BANTIN_SEED, fixed in `npm test`), so that a run can be repeated exactly.
test('every property test runs on the one printed seed', () => {
  const seed = Number(process.env.BANTIN_SEED);
  assert.ok(Number.isInteger(seed), 'the test runner passes the seed it printed');
  assert.equal(fc.readConfigureGlobal().seed, seed);
  const drawn = fc.sample(fc.integer(), 20);
  assert.deepEqual(drawn, fc.sample(fc.integer(), { seed, numRuns: 20 }), 'a run without a seed draws from it');
});
