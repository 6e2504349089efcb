// Loads core's undici transport on demand. In the bundle it is embedded as source text (see scripts/build.mjs)
// and imported from a data: URL; in tests it is imported directly.
import type { ProxySettings, Transport } from '@wks-logoff/core';

type UndiciModule = { undiciTransport: (options: { proxy: ProxySettings }) => Transport };

export async function loadUndiciTransport(proxy: ProxySettings): Promise<Transport> {
  let module: UndiciModule;
  try {
    const { gzipped } = (await import('virtual:undici-transport' as string)) as { gzipped: string };
    const { gunzipSync } = await import('node:zlib');
    const source = gunzipSync(Buffer.from(gzipped, 'base64')).toString('base64');
    module = (await import(`data:text/javascript;base64,${source}`)) as UndiciModule;
  } catch {
    // Not bundled (tests, or running from source): a variable keeps the bundler from inlining it twice.
    const specifier = '@wks-logoff/core/undici';
    module = (await import(specifier)) as UndiciModule;
  }
  return module.undiciTransport({ proxy });
}
