// A URL setting as the CLI calls and compares it: parsed, without a trailing slash, so that a resumed report's
// endpoint and the same one typed again are one target.
export function normalizedUrl(value: string): string | undefined {
  try {
    return new URL(value).href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}
