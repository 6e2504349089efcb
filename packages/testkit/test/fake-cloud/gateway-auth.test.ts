// The fake gateway refuses as the real one does: each reason with its code, and an AK locked out after five
// failures in a row (so clients that retry bad credentials are caught by tests).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeCloud, startFakeCloud } from '../../src/index.js';

let cloud: FakeCloud;
beforeEach(async () => {
  cloud = await startFakeCloud({
    keys: { KNOWNAK: 'secret' },
    projects: { 'cn-north-4': 'p1' },
    tokenTtlMs: 60_000,
  });
});
afterEach(async () => {
  await cloud.close();
});

const post = async (headers: Record<string, string>) => {
  const response = await fetch(`${cloud.url}/v2/p1/desktops/logoff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"desktop_ids":["d-1"]}',
  });
  const body = (await response.json()) as { error_code?: string; error_msg?: string };
  return { status: response.status, code: body.error_code, msg: body.error_msg };
};
const signedAs = (ak: string) => ({
  authorization: `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=content-type;host;x-sdk-date, Signature=${'0'.repeat(64)}`,
  'x-sdk-date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
});

describe('the fake gateway’s authentication', () => {
  it('refuses a request without credentials', async () => {
    expect(await post({})).toMatchObject({
      status: 401,
      code: 'APIGW.0301',
      msg: expect.stringMatching(/x-auth-token not found/),
    });
  });

  it('tells an expired token (APIGW.0307) from an unknown one (APIGW.0301)', async () => {
    const token = cloud.issueToken('p1');
    cloud.expireTokens();
    expect(await post({ 'x-auth-token': token })).toMatchObject({ status: 401, code: 'APIGW.0307' });
    expect(await post({ 'x-auth-token': 'forged' })).toMatchObject({ status: 401, code: 'APIGW.0301' });
  });

  it('names an unknown AK and a bad signature differently', async () => {
    expect((await post(signedAs('NOSUCHAK'))).msg).toMatch(/ak:NOSUCHAK,err:ak not exist/);
    expect((await post(signedAs('KNOWNAK'))).msg).toMatch(/verify aksk signature fail/);
  });

  it('locks an AK out after five failures in a row', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post(signedAs('KNOWNAK'))).msg).toMatch(/signature fail/);
    }
    expect((await post(signedAs('KNOWNAK'))).msg).toMatch(/AK access failed to reach the limit,forbidden/);
    expect(cloud.loggedOff.size).toBe(0);
  });
});
