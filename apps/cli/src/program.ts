// wks-logoff: parse, ask core to do the work, present the result. Every error ends here as one line on stderr
// saying what to do, and an exit code from the one table (exit-codes.ts). The process comes in through `io`, so
// tests run the program in process.

import { Command, CommanderError } from '@commander-js/extra-typings';
import { completionCommand } from './commands/completion.js';
import { logoffCommand } from './commands/logoff/command.js';
import { runLogoff } from './commands/logoff/index.js';
import { regionsCommand } from './commands/regions.js';
import { describeError } from './errors.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import type { Io } from './io.js';
import { terminalSafe } from './output/terminal-text.js';

declare const __VERSION__: string;

/** The program's root: its version, its one-line parser errors on stderr, and the exit codes after its help. */
function rootCommand(io: Io) {
  return new Command('wks-logoff')
    .description('Log off (deregister) Huawei Cloud Workspace desktops in batches.')
    .version(__VERSION__, '-V, --version')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, like every error of ours (commander puts its "Did you mean …?" on a line of its own), with the
      // arguments it quotes escaped for the terminal.
      outputError: (text, write) =>
        write(
          `wks-logoff: ${terminalSafe(
            text
              .replace(/^error: /, '')
              .trim()
              .split('\n')
              .join(' '),
          )} (run with --help for usage)\n`,
        ),
    })
    .exitOverride()
    .addHelpText('after', `\n${EXIT_CODES_HELP}`);
}

/** An error that ended the program, told on stderr (the stack only with --debug): its exit code. */
function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander printed its own line (or the help, or the version) already.
    const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
    return shown ? EXIT.ok : EXIT.usage;
  }
  const { lines, exitCode } = describeError(error);
  for (const line of lines) {
    io.stderr.write(`wks-logoff: ${terminalSafe(line)}\n`);
  }
  if (debug && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack.replace(/[^\n]+/g, terminalSafe)}\n`);
  }
  return exitCode;
}

export async function runProgram(argv: string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  let debug = argv.includes('--debug');
  const program = rootCommand(io);
  logoffCommand(program).action(async (ids, flags) => {
    debug = Boolean(flags.debug);
    exitCode = await runLogoff(ids, flags, io);
  });
  regionsCommand(program, io);
  completionCommand(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}
