// Public surface of @wks-logoff/proxy (for embedding and tests); the service itself is the `wks-logoff-proxy` bin.
export {
  CONFIG_FILE_VARIABLE,
  ConfigProblems,
  loadConfig,
  type ProxyConfig,
  SETTINGS,
  settingsEnvironment,
} from './config.js';
export { proxyCode, sendProxyError } from './errors.js';
export { generateKey, hashKey, KeyStore } from './keys.js';
export { type CallerKey, type KeysFile, KeysFileError, keysFileProblems, parseKeys } from './keys-file.js';
export { buildServer, type ProxyServer, REDACTED_PATHS, type ServerOptions } from './server.js';
