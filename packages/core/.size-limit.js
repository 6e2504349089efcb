// Size budgets of what a user's bundle gets from core (minified, gzipped, openapi-fetch included; Node's built-in
// modules excluded). Checked by `pnpm test`; raise a limit only on purpose, in review (23 kB: the group-testing
// batch engine and its breaker took everything from 20.6 to 22.3 kB; a token-only client does not carry them).
const forNode = (config) => ({ ...config, platform: 'node' });

export default [
  {
    name: 'everything (import *)',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '23 kB',
    modifyEsbuildConfig: forNode,
  },
  {
    name: 'a token-only client',
    path: 'dist/index.js',
    import: '{ createLogoffClient, tokenAuth }',
    gzip: true,
    limit: '10 kB',
    modifyEsbuildConfig: forNode,
  },
];
