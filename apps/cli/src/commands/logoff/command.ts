// The logoff command's arguments and options, declared once: commander parses them, completion scripts offer them,
// their values' types are LogoffFlags, and errors name a flag by its attribute (flagName).

import { type Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { BATCH_DEFAULTS, CLIENT_DEFAULTS, ENV, MAX_DESKTOP_IDS_PER_REQUEST } from '@wks-logoff/core';
import { CLI_ENV } from '../../config/env.js';
import { EXIT_CODES_HELP } from '../../exit-codes.js';

/** Confirmation is asked above one request's worth of desktops unless --confirm-above says otherwise. */
const DEFAULT_CONFIRM_ABOVE = MAX_DESKTOP_IDS_PER_REQUEST;

const EXPECTED = { integer: 'an integer', number: 'a number', count: 'a whole number, 0 or more' } as const;

/** A numeric flag's parser: an empty value, or one of another kind, is a usage error naming what was expected. */
function number(kind: keyof typeof EXPECTED) {
  return (value: string) => {
    const parsed = Number(value);
    if (
      value.trim() === '' ||
      !Number.isFinite(parsed) ||
      (kind !== 'number' && !Number.isInteger(parsed)) ||
      (kind === 'count' && parsed < 0)
    ) {
      throw new InvalidArgumentError(`expected ${EXPECTED[kind]}, got "${value}"`);
    }
    return parsed;
  };
}

const EXAMPLES = `
Examples:
  $ wks-logoff logoff --region cn-north-4 --message "Maintenance in 10 minutes" 2a010270-a011-415e-b1cd-3c484c8a8001
  $ wks-logoff logoff --ids-file desktops.txt --report report.json --yes
  $ cat desktops.txt | wks-logoff logoff --dry-run
  $ wks-logoff logoff --resume report.json --yes
  $ ${CLI_ENV.proxyKey}=… wks-logoff logoff --proxy-url http://wks-proxy.internal --project-id 2b31… --ids-file ids.txt

Credentials come from the environment, never from flags: ${ENV.accessKey} and ${ENV.secretKey}
(+ ${ENV.securityToken}), ${ENV.token} or ${ENV.tokenFile}, or ${ENV.iamDomain},
${ENV.iamUser} and ${ENV.iamPassword}; or from a profile in $XDG_CONFIG_HOME/wks-logoff/config.json
(--profile). Precedence: flags > env > profile.

${EXIT_CODES_HELP}`;

/** `wks-logoff logoff`, declared on the program (its action is the program's to attach). */
export function logoffCommand(program: Command) {
  return program
    .command('logoff')
    .description('log off desktops: IDs as arguments, from --ids-file, or on stdin')
    .argument('[DESKTOP_ID...]', 'desktop IDs')
    .option('--project-id <id>', `project ID (or ${ENV.projectId}; looked up from the region when absent)`)
    .option('--region <name>', `region, e.g. cn-north-4 (or ${ENV.region}); see \`wks-logoff regions\``)
    .option('--endpoint <url>', `explicit Workspace endpoint (or ${ENV.endpoint})`)
    .option('--profile <name>', `profile in $XDG_CONFIG_HOME/wks-logoff/config.json (or ${CLI_ENV.profile})`)
    .option(
      '--proxy-url <url>',
      `talk to the internal wks-logoff proxy (or ${CLI_ENV.proxyUrl}), signed in with a token from ${CLI_ENV.proxyToken} or the file ${CLI_ENV.proxyTokenFile}, else the caller key in ${CLI_ENV.proxyKey}`,
    )
    .option(
      '-m, --message <text>',
      'message shown to each user (at most 255 UTF-16 code units: an emoji counts 2)',
    )
    .option(
      '-f, --ids-file <path>',
      'file with one ID per line (blank lines and # comments allowed); - for stdin',
    )
    .option('--skip-invalid', 'report invalid IDs as skipped instead of refusing to start')
    .option('--dry-run', 'validate, de-duplicate and chunk, print the plan; send nothing')
    .option('--json', 'print the JSON report (or plan) on stdout and nothing else there')
    .option('--report <file>', 'write the JSON report to a file')
    .option('--resume <file>', 're-run the failed and skipped IDs of an earlier report')
    .option(
      '-y, --yes',
      'do not ask for confirmation (required above the threshold when there is no terminal)',
    )
    .addOption(
      new Option('--confirm-above <n>', 'ask for confirmation above this many desktops (0 or more)')
        .argParser(number('count'))
        .default(DEFAULT_CONFIRM_ABOVE),
    )
    .addOption(
      new Option(
        '--chunk-size <n>',
        `IDs per request (1-${MAX_DESKTOP_IDS_PER_REQUEST}, default ${BATCH_DEFAULTS.chunkSize})`,
      ).argParser(number('integer')),
    )
    .addOption(
      new Option('--concurrency <n>', `requests in flight (default ${BATCH_DEFAULTS.concurrency})`).argParser(
        number('integer'),
      ),
    )
    .addOption(
      new Option(
        '--rate <n>',
        `requests per second at most (default ${BATCH_DEFAULTS.ratePerSecond}; through --proxy-url, the proxy's pace)`,
      ).argParser(number('number')),
    )
    .addOption(
      new Option(
        '--max-attempts <n>',
        `attempts per request, retries included (default ${CLIENT_DEFAULTS.retry.maxAttempts})`,
      ).argParser(number('integer')),
    )
    .addOption(
      new Option(
        '--timeout <seconds>',
        `timeout of each request attempt, in seconds (default ${CLIENT_DEFAULTS.timeoutMs / 1000})`,
      ).argParser(number('number')),
    )
    .option('-q, --quiet', 'no progress bar; the summary only when something failed or was skipped')
    .option('--debug', 'log every attempt to stderr and show stack traces (never secrets)')
    .addHelpText('after', EXAMPLES);
}

/** The logoff command's option values, as commander hands them to its action. */
export type LogoffFlags = ReturnType<ReturnType<typeof logoffCommand>['opts']>;
