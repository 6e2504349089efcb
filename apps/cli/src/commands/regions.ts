import type { Command } from '@commander-js/extra-typings';
// `wks-logoff regions`: the regions core knows and their endpoints, to choose --region from without the docs (and
// the flag to use for any other endpoint).
import { ENV, iamEndpoint, REGIONS, workspaceEndpoint } from '@wks-logoff/core';
import type { Io } from '../io.js';

function formatRegions(json: boolean): string {
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

export function regionsCommand(program: Command, io: Io): void {
  program
    .command('regions')
    .description('list the known regions and their endpoints')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      "\nExamples:\n  $ wks-logoff regions\n  $ wks-logoff regions --json | jq -r '.[].region'",
    )
    .action((flags: { json?: boolean }) => {
      io.stdout.write(`${formatRegions(Boolean(flags.json))}\n`);
    });
}
