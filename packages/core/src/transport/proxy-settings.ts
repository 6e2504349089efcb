// The corporate proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case): read by the undici
// transport and by the choice of transport (from-env.ts), so it sits apart from both.
const first = (env: Record<string, string | undefined>, ...names: string[]) =>
  names.map((name) => env[name]).find((value) => value !== undefined && value !== '');

/** Proxy settings for core's undici transport. */
export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/** The proxy the environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, either case), or undefined. */
export function proxySettingsFromEnv(env: Record<string, string | undefined>): ProxySettings | undefined {
  const httpsProxy = first(env, 'HTTPS_PROXY', 'https_proxy');
  const httpProxy = first(env, 'HTTP_PROXY', 'http_proxy');
  if (!httpsProxy && !httpProxy) {
    return undefined;
  }
  return {
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(httpProxy ? { httpProxy } : {}),
    noProxy: first(env, 'NO_PROXY', 'no_proxy') ?? '',
  };
}
