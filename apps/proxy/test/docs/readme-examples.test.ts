// The proxy's README as an operator follows it: installed in an empty folder, every sh block run by bash with the
// bundled bin, the TypeScript example compiled strictly against the installed package and run, the keys files
// loaded as the proxy loads them. The cloud is the test kit's fake one (WKS_ENDPOINT, as the README says), or
// Prism where the README runs Prism; its ports are free ones instead of the README's 8080 and 4010.
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadmeExamples, type FakeCloud, freePort, startFakeCloud } from '@wks-logoff/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import { generateKey, hashKey, KeyStore } from '../../src/index.js';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const DESKTOP = '2a010270-a011-415e-b1cd-3c484c8a8001';
const AK = 'READMEAK000000000001';
const SK = 'readme-secret-do-not-leak';
// The caller of the library example, in a keys file of the reader's.
const LIBRARY_KEY = generateKey();

let cloud: FakeCloud;
let proxyPort: number;
let mockPort: number;
beforeAll(async () => {
  cloud = await startFakeCloud({ keys: { [AK]: SK } });
  [proxyPort, mockPort] = [await freePort(), await freePort()];
});
afterAll(() => cloud.close());

describeReadmeExamples(new URL('../../README.md', import.meta.url), {
  env: () => ({
    WKS_ENDPOINT: cloud.url,
    WKS_PROXY_PORT: String(proxyPort),
    WKS_PROXY_KEYS_FILE: 'library-keys.json',
    HUAWEICLOUD_SDK_AK: AK,
    HUAWEICLOUD_SDK_SK: SK,
  }),
  substitute: () => ({
    '127.0.0.1:8080': `127.0.0.1:${proxyPort}`,
    '127.0.0.1:4010': `127.0.0.1:${mockPort}`,
    '-p 4010': `-p ${mockPort}`,
    'HUAWEICLOUD_SDK_AK=… HUAWEICLOUD_SDK_SK=…': `HUAWEICLOUD_SDK_AK=${AK} HUAWEICLOUD_SDK_SK=${SK}`,
  }),
  files: {
    'library-keys.json': JSON.stringify({
      keys: [{ id: 'library', sha256: hashKey(LIBRARY_KEY), projects: ['*'] }],
    }),
  },
  json: {
    // What the proxy accepts: the schema, and what the schema cannot say (callers of configured issuers, …).
    'keys-file': async (value) => {
      const path = join(tmpdir(), `wks-readme-keys-${process.pid}.json`);
      await writeFile(path, JSON.stringify(value));
      await expect(new KeyStore(path).load()).resolves.toBeUndefined();
    },
  },
  checks: [
    {
      block: 'wks-logoff-proxy keygen --id team-a',
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        expect(cloud.loggedOff.get(DESKTOP)).toBe(1);
      },
    },
    {
      block: 'npx prism mock',
      async check(run) {
        expect(await run.exited, run.output()).toBe(0);
        expect(run.output()).toMatch(/^HTTP\/1\.1 200 OK/m);
        expect(run.output()).toMatch(/^x-request-id: \S+/im);
        const audit = await readFile(join(run.dir, 'proxy.log'), 'utf8');
        expect(audit).toContain('"callerId":"me"');
        expect(audit).toContain('"outcome":"accepted"');
      },
    },
    {
      block: 'buildServer({ config, keys',
      async check(run) {
        const [, address] = await run.waitFor(/^listening on (http:\S+)$/m);
        const response = await fetch(`${address}/v2/${PROJECT}/desktops/logoff`, {
          method: 'POST',
          headers: { authorization: `Bearer ${LIBRARY_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({ desktop_ids: ['library-desktop'] }),
        });
        expect(response.status).toBe(200);
        expect(cloud.loggedOff.get('library-desktop')).toBe(1);
        run.signal('SIGTERM');
        expect(await run.exited, run.output()).toBe(0);
      },
    },
  ],
});
