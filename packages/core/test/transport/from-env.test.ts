// Choosing the transport from the environment: direct unless a corporate proxy is named, then undici, loaded on
// demand (by core, or by the importer a bundling app gives), never silently bypassed.
import { describe, expect, it } from 'vitest';
import { ConfigurationError, nodeHttpTransport, transportFromEnv } from '../../src/index.js';

const PROXY = { HTTPS_PROXY: 'http://proxy.internal:3128', NO_PROXY: 'localhost' };

describe('transportFromEnv', () => {
  it('without HTTP(S)_PROXY: the direct transport given (or none, meaning the default)', async () => {
    const direct = nodeHttpTransport();
    expect(await transportFromEnv({}, { direct })).toBe(direct);
    expect(await transportFromEnv({})).toBeUndefined();
  });

  it('with HTTP(S)_PROXY: core’s undici transport, through the importer given, with the proxy settings', async () => {
    const seen: unknown[] = [];
    const made = nodeHttpTransport();
    const transport = await transportFromEnv(PROXY, {
      direct: nodeHttpTransport(),
      importUndici: async () => ({
        undiciTransport: (options) => {
          seen.push(options);
          return made;
        },
      }),
    });
    expect(transport).toBe(made);
    expect(seen).toEqual([{ proxy: { httpsProxy: 'http://proxy.internal:3128', noProxy: 'localhost' } }]);
  });

  it('with HTTP(S)_PROXY and no undici: a configuration error saying what to install, never a bypass', async () => {
    const failing = transportFromEnv(PROXY, {
      importUndici: () => Promise.reject(new Error("Cannot find package 'undici'")),
    });
    await expect(failing).rejects.toBeInstanceOf(ConfigurationError);
    await expect(failing).rejects.toThrow(/install undici@7/);
  });

  it('by default imports core’s own undici entry', async () => {
    const transport = await transportFromEnv(PROXY);
    expect(typeof transport).toBe('function');
  });
});
