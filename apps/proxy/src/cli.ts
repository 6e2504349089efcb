// The `wks-logoff-proxy` command: `serve` (the default) starts the service; `keygen` makes a caller key;
// `hash-key` prints the SHA-256 of a key read from stdin. Commands are declared once here (commander): each has
// its --help. Usage errors exit 2; configuration problems are listed one per line and exit 1; no stack trace
// reaches the operator.
import './early-signals.js';
import { Command, CommanderError } from 'commander';
import { hashKeyCommand } from './commands/hash-key.js';
import { KEYGEN_HELP, type KeygenFlags, keygen } from './commands/keygen.js';
import { SERVE_HELP, serve } from './commands/serve.js';
import { fail } from './fail.js';

declare const __VERSION__: string;

const program = new Command('wks-logoff-proxy')
  .description("The internal service in front of Huawei Cloud Workspace's BatchLogoffDesktops.")
  .version(__VERSION__, '-V, --version')
  .configureOutput({
    outputError: (text, write) => write(`wks-logoff-proxy: ${text.replace(/^error: /, '')}`),
  })
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

program
  .command('serve')
  .description('start the service (the default command), configured by the environment')
  .addHelpText('after', SERVE_HELP)
  .action(() => serve());

program
  .command('keygen')
  .description("make a caller key: print it once, with its keys file's entry (or add it to --keys-file)")
  .option('--id <id>', 'the caller (named in logs, metrics and audit lines)')
  .option('--projects <list>', 'comma-separated project IDs, or "*" for every project (never a default)')
  .option('--rate <n>', 'requests per second at most (below 1: one request every 1/rate seconds)')
  .option(
    '--weight <n>',
    "the caller's share of the upstream budget while requests wait (default 1; 2: twice the share)",
  )
  .option('--keys-file <file>', 'add the entry to this keys file (created if missing, mode 0600)')
  .addHelpText('after', KEYGEN_HELP)
  .action((flags: KeygenFlags) => keygen(flags));

program
  .command('hash-key')
  .description('print the SHA-256 of a key read from stdin (for an entry of the keys file)')
  .action(() => hashKeyCommand());

async function main(argv: string[]) {
  try {
    await program.parseAsync(argv.length === 0 ? ['serve'] : argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) {
      throw error;
    }
    // Commander has printed its message (or the help) already.
    process.exit(
      ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? 0 : 2,
    );
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  fail([`unexpected error: ${(error as Error)?.message ?? String(error)}`]);
});
