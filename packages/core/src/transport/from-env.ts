// Egress through a corporate proxy. Node 20's fetch ignores HTTP(S)_PROXY; when the environment names one,
// core switches to its undici transport (undici is an optional peer dependency), configured from that same
// environment, so the proxy is never silently bypassed.
import { ConfigurationError } from '../errors/classes.js';
import { proxySettingsFromEnv } from './proxy-settings.js';
import type { Transport } from './types.js';

export async function transportFromEnv(
  env: Record<string, string | undefined>,
): Promise<Transport | undefined> {
  const proxy = proxySettingsFromEnv(env);
  if (!proxy) return undefined;
  // A computed specifier: bundlers of apps that never need it (the CLI brings its own) do not inline undici.
  const specifier = './undici.js';
  let module: typeof import('./undici.js');
  try {
    module = (await import(specifier)) as typeof import('./undici.js');
  } catch {
    throw new ConfigurationError(
      'HTTPS_PROXY/HTTP_PROXY is set but Node’s fetch ignores it: install undici@7 beside @wks-logoff/core, or pass a transport (fetch).',
    );
  }
  return module.undiciTransport({ proxy });
}
