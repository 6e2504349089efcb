// Bundle-only stand-in for `node:crypto` (see build.mjs): the same functions, loaded on first use, so starting
// the CLI does not pay for loading node:crypto. Core imports only these.
let crypto;
const load = () => {
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto;
};
export const createHmac = (...args) => load().createHmac(...args);
export const hash = (...args) => load().hash(...args);
