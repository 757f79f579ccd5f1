// Types for scripts/node-flags.js (CommonJS, shared by the .mjs scripts, the benches and the tests).
export declare const NODE_FLAGS: readonly string[];
