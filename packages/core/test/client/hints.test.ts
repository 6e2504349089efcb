// What the user is told to do about an error: by status, source and the kind of credentials.
import { describe, expect, it } from 'vitest';
import { hintFor } from '../../src/client/hints.js';
import { WorkspaceApiError } from '../../src/index.js';

const api = (status: number, errorCode: string | undefined, source: 'service' | 'gateway' = 'gateway') =>
  new WorkspaceApiError({ status, source, errorCode });

describe('hintFor', () => {
  it.each([
    ['aksk', 401, 'APIGW.0301', /HUAWEICLOUD_SDK_AK.*clock is within 15 minutes.*lock the key/],
    ['iam-token', 401, 'APIGW.0307', /expired or belongs to another region/],
    ['iam-token', 401, 'APIGW.0301', /check WKS_AUTH_TOKEN/],
    ['bearer', 401, 'WKSP.0401', /^The proxy rejected the caller's credential\.$/],
    [
      'bearer',
      401,
      'APIGW.0301',
      /^The cloud rejected the proxy's own credentials \(APIGW\.0301\): tell the proxy's operators\.$/,
    ],
    ['aksk', 403, 'APIGW.0302', /IAM policy \(workspace:desktops:logoff\)/],
    ['aksk', 404, 'APIGW.0101', /check the endpoint or region/],
  ] as const)('%s, HTTP %i %s', (scheme, status, code, hint) => {
    expect(hintFor(api(status, code), { scheme })).toMatch(hint);
  });

  it('has nothing to add to a desktop’s own failure', () => {
    expect(hintFor(api(409, 'WKS.0407', 'service'), { scheme: 'aksk' })).toBeUndefined();
    expect(hintFor(api(403, 'WKS.0006', 'service'), { scheme: 'aksk' })).toBeUndefined();
  });
});
