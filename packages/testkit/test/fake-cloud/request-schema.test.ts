// The fake cloud enforces the spec's request schema, its own keywords included.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/index.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud({ projects: { 'cn-north-4': 'p1' } });
});
afterEach(async () => {
  await cloud.close();
});

const post = (body: unknown) =>
  fetch(`${cloud.url}/v2/p1/desktops/logoff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': cloud.issueToken('p1') },
    body: JSON.stringify(body),
  });

describe('the fake cloud’s request schema', () => {
  it('counts the message in UTF-16 code units: 127 emoji and a letter pass, 128 emoji do not', async () => {
    expect((await post({ desktop_ids: ['d-1'], message: `${'🙂'.repeat(127)}x` })).status).toBe(200);
    const refused = await post({ desktop_ids: ['d-2'], message: '🙂'.repeat(128) });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error_detail).toBe(
      '/message must NOT have more than 255 UTF-16 code units (an emoji counts 2)',
    );
    expect([...cloud.loggedOff.keys()]).toEqual(['d-1']);
  });
});
