import { describe, expect, it } from 'vitest';
import { isRegion } from '../../src/config/regions.js';
import { iamEndpoint, REGIONS, workspaceEndpoint } from '../../src/index.js';

describe('regions', () => {
  it('are the SDK’s 18 plus na-mexico-1, from the spec', () => {
    expect(REGIONS).toHaveLength(19);
    expect(REGIONS).toContain('na-mexico-1');
    expect(REGIONS).toContain('eu-west-101');
  });

  it('map to the Workspace and IAM endpoints', () => {
    expect(workspaceEndpoint('cn-north-4')).toBe('https://workspace.cn-north-4.myhuaweicloud.com');
    expect(iamEndpoint('la-south-2')).toBe('https://iam.la-south-2.myhuaweicloud.com');
  });

  it('reject unknown names', () => {
    expect(isRegion('cn-north-1')).toBe(false);
    expect(() => workspaceEndpoint('cn-north-1')).toThrow(/Unknown region "cn-north-1"/);
  });
});
