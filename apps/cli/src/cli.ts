// The wks-logoff bin: the process around the program (program.ts): its streams and environment, what a reader
// that goes away and Ctrl-C mean, the terminal to ask on, and the exit code.
import { errorReason } from './errors.js';
import { EXIT } from './exit-codes.js';
import { runProgram } from './program.js';
import { confirmOnTerminal } from './prompt.js';

let sigints = 0;
let onFirstInterrupt: (() => void) | undefined;
// A reader that goes away (`wks-logoff regions | head -1`) is not a failure of the command: the rest of the
// output is dropped, the work and its exit code stand.
process.stdout.on('error', (error) => {
  const why = errorReason(error);
  if (why === 'EPIPE') {
    return;
  }
  process.stderr.write(`wks-logoff: cannot write to standard output (${why})\n`);
  process.exit(EXIT.partial);
});
process.on('SIGINT', () => {
  sigints++;
  if (sigints === 1 && onFirstInterrupt) {
    onFirstInterrupt();
  } else {
    process.exit(EXIT.interrupted);
  }
});

runProgram(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt: (first) => {
    onFirstInterrupt = first;
  },
  ask: (question) => confirmOnTerminal(question, process.stderr),
}).then((code) => {
  process.exitCode = code;
});
