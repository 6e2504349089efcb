// The environment variables only the CLI reads, named once (core's are core's ENV, the proxy's its SETTINGS).
export const CLI_ENV = {
  /** The internal proxy's URL (as --proxy-url). */
  proxyUrl: 'WKS_PROXY_URL',
  /** The caller key for the internal proxy: never a flag. */
  proxyKey: 'WKS_PROXY_KEY',
  /** The profile to use (as --profile). */
  profile: 'WKS_PROFILE',
} as const;
