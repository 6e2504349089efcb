// Size budgets of what a user's bundle gets from core (minified, gzipped, openapi-fetch included; Node's built-in
// modules excluded). Checked by `pnpm test`; raise a limit only on purpose, in review (23 kB: the group-testing
// batch engine and its breaker took everything from 20.6 to 22.3 kB; a token-only client does not carry them.
// 24 kB and 10.5 kB: every client carries the credential rule, the reading of header failures and of redirects,
// which keep secrets out of errors and on the configured origin).
const forNode = (config) => ({ ...config, platform: 'node' });

export default [
  {
    name: 'everything (import *)',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '24 kB',
    modifyEsbuildConfig: forNode,
  },
  {
    name: 'a token-only client',
    path: 'dist/index.js',
    import: '{ createLogoffClient, tokenAuth }',
    gzip: true,
    limit: '10.5 kB',
    modifyEsbuildConfig: forNode,
  },
];
