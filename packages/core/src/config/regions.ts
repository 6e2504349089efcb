// Regions and endpoints. The list is the spec's server variable (the official SDK's 18 plus na-mexico-1);
// an explicit endpoint always wins, for regions or gateways not listed.
import { ConfigurationError } from '../errors/classes.js';
import { endpointTemplate, specRegions } from '../spec/generated/schemas.js';
import { ENV } from './env.js';

/** The regions the spec names. */
export const REGIONS = specRegions;

export type Region = (typeof REGIONS)[number];

export function isRegion(name: string): name is Region {
  return (REGIONS as readonly string[]).includes(name);
}

function assertRegion(region: string): asserts region is Region {
  if (!isRegion(region)) {
    throw new ConfigurationError(
      `Unknown region "${region}". Valid regions: ${REGIONS.join(', ')}. For another endpoint, set it explicitly (${ENV.endpoint}).`,
    );
  }
}

/** `https://workspace.{region}.myhuaweicloud.com` */
export function workspaceEndpoint(region: string): string {
  assertRegion(region);
  return endpointTemplate.replace('{region}', region);
}

/** `https://iam.{region}.myhuaweicloud.com` */
export function iamEndpoint(region: string): string {
  assertRegion(region);
  return `https://iam.${region}.myhuaweicloud.com`;
}

/** The endpoint to call: the explicit one if given, else the region's. */
export function resolveEndpoint(options: {
  endpoint?: string | undefined;
  region?: string | undefined;
}): string {
  if (options.endpoint) {
    try {
      return new URL(options.endpoint).toString().replace(/\/$/, '');
    } catch {
      throw new ConfigurationError(`Invalid endpoint URL "${options.endpoint}".`);
    }
  }
  if (options.region) {
    return workspaceEndpoint(options.region);
  }
  throw new ConfigurationError(`No endpoint: set a region (${ENV.region}) or an endpoint (${ENV.endpoint}).`);
}
