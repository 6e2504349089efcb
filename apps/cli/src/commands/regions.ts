import { ENV, iamEndpoint, REGIONS, workspaceEndpoint } from '@wks-logoff/core';

export function formatRegions(json: boolean): string {
  const rows = REGIONS.map((region) => ({
    region,
    endpoint: workspaceEndpoint(region),
    iamEndpoint: iamEndpoint(region),
  }));
  if (json) {
    return JSON.stringify(rows, null, 2);
  }
  const width = Math.max(...REGIONS.map((r) => r.length));
  return [
    ...rows.map((row) => `${row.region.padEnd(width)}  ${row.endpoint}`),
    '',
    `Any other endpoint: --endpoint URL (or ${ENV.endpoint}).`,
  ].join('\n');
}
