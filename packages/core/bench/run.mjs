// `pnpm bench` in packages/core: every core benchmark, one after the other, ratios printed side by side.
import { benchBatch } from './batch.mjs';
import { benchClient } from './client.mjs';
import { benchFirstRequest } from './first-request.mjs';
import { benchSigner } from './signer.mjs';

await benchSigner();
await benchClient();
await benchFirstRequest();
await benchBatch();
