// A TypeScript user of the installed @wks-logoff/core: compiled by the smoke test under moduleResolution
// nodenext and bundler, then run against the fake cloud. Reads WKS_ENDPOINT, AK, SK and PROJECT from the
// environment; exits 0 when every desktop was logged off and the report is valid. (`@wks-logoff/core/undici` runs
// in proxy-consumer.ts, through the proxy; attw checks that entry's types.)
import { akskAuth, checkReport, createLogoffClient, type LogoffReport, logoffMany } from '@wks-logoff/core';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
};

const client = createLogoffClient({
  endpoint: env('WKS_ENDPOINT'),
  projectId: env('PROJECT'),
  auth: akskAuth({ accessKey: env('AK'), secretKey: env('SK'), projectId: env('PROJECT') }),
});
const report: LogoffReport = await logoffMany(client, ['smoke-1', 'smoke-2', 'smoke-3'], {
  ratePerSecond: 100,
});
const problems = checkReport(JSON.parse(JSON.stringify(report)));
process.stdout.write(
  `${JSON.stringify({ totals: report.totals, failed: report.failed.slice(0, 1), problems })}\n`,
);
process.exit(report.totals.succeeded === 3 && problems.length === 0 ? 0 : 1);
