// The `wks-logoff-proxy` command: `serve` (the default) starts the service; `keygen` makes a caller key;
// `hash-key` prints the SHA-256 of a key read from stdin. As in the wks-logoff CLI, commander parses them, each
// command declared once in its file under commands/ (with its --help), and an action runs it. Usage errors exit
// 2; configuration problems are listed one per line and exit 1; no stack trace reaches the operator.
import './early-signals.js';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { hashKeyCommand, printKeyHash } from './commands/hash-key.js';
import { keygen, keygenCommand } from './commands/keygen.js';
import { serve, serveCommand } from './commands/serve.js';
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

serveCommand(program).action(() => serve());
keygenCommand(program).action((flags, command) => keygen(flags, command));
hashKeyCommand(program).action(() => printKeyHash());

async function main(argv: string[]) {
  try {
    // No arguments at all means serve. Not commander's isDefault: it would hand a mistyped command to serve as an
    // argument, where the operator needs "unknown command" and its suggestion.
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
