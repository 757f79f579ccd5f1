/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (isolatedModules):
 * type errors are caught once by `npm run typecheck`, which keeps the suite fast on two cores.
 */
// Passwords are hashed at scrypt's lowest accepted cost in tests (hundreds of hashes on two
// cores); production uses OWASP's 2^17 (src/server/auth/passwords.ts). Servers the tests start inherit it.
process.env.PASSWORD_SCRYPT_N ??= '16384';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+/node_modules/(?:cookie|jose|kysely)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', isolatedModules: true } }],
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          jsx: 'react-jsx',
          isolatedModules: true,
          esModuleInterop: true,
          resolveJsonModule: true,
        },
      },
    ],
  },
  // ESM-only packages reached through CommonJS (cookie 2 via fastify's inject, jose, kysely 0.29) are transpiled too.
  transformIgnorePatterns: ['/node_modules/(?!(?:.*/node_modules/)?(?:cookie|jose|kysely)/)'],
  testTimeout: 30000,
  // A suite that leaves a handle open (a child server's socket, a pool's timer) must not keep CI
  // waiting after the last test has reported: the run ends when the tests do.
  forceExit: true,
};
