// Loaded with `--import` into every test process that scripts/node-test.mjs starts, so every
// fc.assert in the repo runs on one seed without each test passing it. The runner prints the
// seed once; a process started without it (a single file run by hand) prints it here.
import fc from 'fast-check';
import { describeSeed, propertySeed } from './property-seed.mjs';

const seed = propertySeed();
fc.configureGlobal({ seed });
if (!process.env.NODE_TEST_CONTEXT) console.log(describeSeed(seed));
