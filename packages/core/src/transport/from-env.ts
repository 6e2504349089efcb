// Which transport to use, from the environment. Node 20's fetch ignores HTTP(S)_PROXY; when the environment names
// a proxy, core's undici transport (undici is an optional peer dependency) is loaded on demand and configured from
// that same environment, so the proxy is never silently bypassed. This is the one place that decides it: an app
// that bundles core passes an importer of the undici entry its bundler can see, and what to use without a proxy.
import { ConfigurationError } from '../errors/classes.js';
import { type ProxySettings, proxySettingsFromEnv } from './proxy-settings.js';
import type { Transport } from './types.js';

/** What `@wks-logoff/core/undici` provides. */
export interface UndiciModule {
  undiciTransport(options: { proxy: ProxySettings }): Transport;
}

export interface TransportFromEnvOptions {
  /** The transport when no proxy is named (default: none, meaning the client's default). */
  direct?: Transport | undefined;
  /** Imports the undici entry (default: core's own `./undici.js`, next to this module). */
  importUndici?: (() => Promise<UndiciModule>) | undefined;
}

// A computed specifier: bundlers of apps that never need undici do not inline it (the CLI passes its own importer).
const ownUndici = (): Promise<UndiciModule> => {
  const specifier = './undici.js';
  return import(specifier);
};

/** The transport for `env`: undici through the proxy it names, else `direct`. */
export async function transportFromEnv(
  env: Record<string, string | undefined>,
  options: TransportFromEnvOptions = {},
): Promise<Transport | undefined> {
  const proxy = proxySettingsFromEnv(env);
  if (!proxy) {
    return options.direct;
  }
  let module: UndiciModule;
  try {
    module = await (options.importUndici ?? ownUndici)();
  } catch {
    throw new ConfigurationError(
      'HTTPS_PROXY/HTTP_PROXY is set but Node’s fetch ignores it: install undici@7 beside @wks-logoff/core, or pass a transport.',
    );
  }
  return module.undiciTransport({ proxy });
}
