// The environment variables only the CLI reads, named once (core's are core's ENV, the proxy's its SETTINGS).
export const CLI_ENV = {
  /** The internal proxy's URL (as --proxy-url). */
  proxyUrl: 'WKS_PROXY_URL',
  /** The caller key for the internal proxy: never a flag. */
  proxyKey: 'WKS_PROXY_KEY',
  /** A token of an identity provider the proxy trusts, instead of a key (OIDC / workload identity). */
  proxyToken: 'WKS_PROXY_TOKEN',
  /** A file holding that token (e.g. a Kubernetes projected token): read on every request, as it rotates. */
  proxyTokenFile: 'WKS_PROXY_TOKEN_FILE',
  /** The profile to use (as --profile). */
  profile: 'WKS_PROFILE',
} as const;
