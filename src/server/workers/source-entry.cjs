// The worker's entry when the server runs from its TypeScript sources (jest, tsx, the benches): a
// worker thread is a fresh Node.js instance – jest's transform and tsx's loader in the parent do
// not reach it – so tsx's CommonJS hook is registered here, then the TypeScript entry is required.
// The compiled server never loads this file: it finds dist/server/xlsx-worker.js (pool.ts).
require('tsx/cjs/api').register();
module.exports = require('./xlsx-worker.ts');
