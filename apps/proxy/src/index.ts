// Public surface of @wks-logoff/proxy, for embedding the service and checking its files (api/proxy.api.md records
// it); the service itself is the `wks-logoff-proxy` bin. Its published types name only core (a dependency) and
// Node: fastify, pino, jose and prom-client are bundled, so the declarations are rolled up into one file
// (api-extractor.rollup.json) and describe the app in the package's own terms (ProxyApp).

export { type Caller, Callers, generateKey, hashKey, KeyStore } from './callers.js';
export { ConfigProblems, loadConfig, type ProxyConfig, SETTINGS } from './config.js';
export type { LogStream } from './fastify-options.js';
export {
  type CallerId,
  type CallerKey,
  type Issuer,
  type JwsAlgorithm,
  type KeysFile,
  KeysFileError,
  keysFileProblems,
  type Projects,
  type Rate,
  type TokenCaller,
  type Weight,
} from './keys-file.js';
export type { Readiness } from './routes/ops.js';
export {
  buildServer,
  type ProxyApp,
  type ProxyServer,
  type ServerOptions,
} from './server.js';
export type { KeySetOptions } from './tokens/issuer-keys.js';
export type { TokenFailure, TokenRefusal } from './tokens/refusals.js';
export type { TokenCallers, TokenIdentity } from './tokens/token-callers.js';
