// The flags node runs the server with, wherever it runs it: `npm start`, `npm run start:production`,
// the Dockerfile, the systemd unit, check-production and the benchmark (tests/operations/deploy-files
// checks that every place says the same). A larger young generation: a submission allocates ~100 kB
// that die young, and with V8's default 16 MB semi-spaces the scavenger took ~7 % of the server's
// time under load; 32 MB cut CPU per submission by ~8 % (docs/performance.md). It costs up to ~64 MB
// more memory, reserved only as the load needs it.
// CommonJS so that jest, tsx and the .mjs scripts can all load it.
'use strict';

const NODE_FLAGS = ['--max-semi-space-size=32'];

module.exports = { NODE_FLAGS };
