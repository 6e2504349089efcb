// Bundle-only stand-in for `node:crypto` (see build.mjs): the same functions, loaded on first use, so starting
// the CLI (e.g. for --help) does not pay for loading node:crypto. Core imports only these.
import { createRequire } from 'node:module';

let crypto;
const load = () => {
  crypto ??= createRequire(import.meta.url)('node:crypto');
  return crypto;
};
export const createHmac = (...args) => load().createHmac(...args);
export const hash = (...args) => load().hash(...args);
