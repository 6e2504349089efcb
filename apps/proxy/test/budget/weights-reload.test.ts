// A caller's weight comes from the keys file, through the key store, to the shared budget: a reload that
// changes it changes the caller's share of the slots for the requests that follow, on every replica.
import { type RunningRedis, startRedis } from '@wks-logoff/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Callers } from '../../src/index.js';
import { KEY_ALL, KEY_ONE, KEYS, writeKeysFile } from '../support/harness.js';
import { cluster } from './support/cluster.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

it('a reload that changes a weight changes the share of the slots, on every replica', async () => {
  const [x, y] = KEYS as [(typeof KEYS)[0], (typeof KEYS)[1]];
  const path = await writeKeysFile([x, y]);
  const stores = [new Callers(path), new Callers(path)];
  await Promise.all(stores.map((store) => store.load()));
  const two = await cluster(redis.url, 2);
  try {
    const share = async (slots: number) => {
      const callerX = stores[0]?.authenticate(KEY_ALL);
      const callerY = stores[1]?.authenticate(KEY_ONE);
      if (!callerX || !callerY) {
        throw new Error('keys not found');
      }
      const before = two.admissions.admitted().length;
      await two.ask(0, callerX, slots);
      await two.ask(1, callerY, slots);
      await two.steps(slots);
      const admitted = two.admissions.admitted().slice(before);
      // What is left waiting goes before the next round is measured.
      await two.steps(slots);
      return [x.id, y.id].map((id) => admitted.filter((caller) => caller === id).length);
    };
    await two.ask(0, { id: 'first' }, 1);
    expect(await share(12)).toEqual([6, 6]);

    await writeKeysFile([{ ...x, weight: 3 }, y], path);
    await Promise.all(stores.map((store) => store.load()));
    expect(await share(20)).toEqual([15, 5]);
  } finally {
    await two.close();
  }
});
