// Signing cost: our SDK-HMAC-SHA256 signer vs the official Huawei SDK's AKSKSigner, on the same request.
import { createRequire } from 'node:module';
import { signRequest } from '../dist/auth/signer.js';
import { compare, table } from './measure.mjs';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js');

const data = {
  desktop_ids: Array.from(
    { length: 100 },
    (_, i) => `2a010270-a011-415e-b1cd-3c484c8a${String(i).padStart(4, '0')}`,
  ),
  message: 'Maintenance in 10 minutes',
};
const body = JSON.stringify(data);
const url =
  'https://workspace.cn-north-4.myhuaweicloud.com/v2/2b31ed520a1b4d3cb2c3d4e5f6a7b8c9/desktops/logoff';
const headers = {
  'content-type': 'application/json',
  'x-project-id': '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9',
  'X-Sdk-Date': '20261129T200000Z',
};
const key = { accessKey: 'AK123', secretKey: 'SK456' };
const credential = { getAk: () => key.accessKey, getSk: () => key.secretKey };

export async function benchSigner() {
  const ours = signRequest({ method: 'POST', url, headers, body }, key, {
    signedHeaders: 'all',
  }).authorization;
  const official = AKSKSigner.sign(
    { method: 'POST', endpoint: url, headers: { ...headers }, data },
    credential,
  ).Authorization;
  if (ours !== official) {
    throw new Error(`signers disagree:\n${ours}\n${official}`);
  }
  const results = await compare(
    [
      {
        name: 'wks-logoff signRequest',
        run: () => signRequest({ method: 'POST', url, headers, body }, key, { signedHeaders: 'all' }),
      },
      {
        name: 'official AKSKSigner.sign',
        run: () =>
          AKSKSigner.sign({ method: 'POST', endpoint: url, headers: { ...headers }, data }, credential),
      },
    ],
    { iterations: 5000, warmup: 2000 },
  );
  table('Signing a 100-desktop logoff (same Authorization from both)', results, 'official AKSKSigner.sign');
  const ratio = results.get('wks-logoff signRequest') / results.get('official AKSKSigner.sign');
  console.log(`  → our signer signs ${ratio.toFixed(2)}× as many requests per second as the official one`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchSigner();
}
