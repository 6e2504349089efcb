// How the CLI imports core's undici entry: in the bundle it is embedded gzipped (see scripts/build.mjs) and imported
// from a data: URL; in tests it is imported directly. When to use it is core's decision (transportFromEnv).
import type { UndiciModule } from '@wks-logoff/core';

export async function importEmbeddedUndici(): Promise<UndiciModule> {
  try {
    const { gzipped } = (await import('virtual:undici-transport' as string)) as { gzipped: string };
    const { gunzipSync } = await import('node:zlib');
    const source = gunzipSync(Buffer.from(gzipped, 'base64')).toString('base64');
    return (await import(`data:text/javascript;base64,${source}`)) as UndiciModule;
  } catch {
    // Not bundled (tests, or running from source): a variable keeps the bundler from inlining it twice.
    const specifier = '@wks-logoff/core/undici';
    return (await import(specifier)) as UndiciModule;
  }
}
