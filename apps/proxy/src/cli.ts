// The `wks-logoff-proxy` command: `serve` (default) starts the service; `keygen` makes a caller key and prints
// its keys-file entry; `hash-key` prints the SHA-256 of a key read from stdin. Configuration problems are
// listed one per line and the process exits 1; no stack trace reaches the operator.
import './early-signals.js';
import { readFileSync } from 'node:fs';
import { keygen } from './commands/keygen.js';
import { serve } from './commands/serve.js';
import { fail } from './fail.js';
import { hashKey } from './keys.js';

const USAGE = `Usage: wks-logoff-proxy [serve]               start the service (configured by environment, see README)
       wks-logoff-proxy keygen --id ID --projects P1,P2|* [--rate N]
                                              print a new caller key and its keys-file entry
       wks-logoff-proxy hash-key              print the SHA-256 of a key read from stdin
       wks-logoff-proxy --help | --version`;

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    return void process.stdout.write(`${USAGE}\n`);
  }
  if (command === '--version' || command === '-V') {
    return void process.stdout.write(`${__VERSION__}\n`);
  }
  if (command === 'keygen') {
    return keygen(rest, USAGE);
  }
  if (command === 'hash-key') {
    const key = readFileSync(0, 'utf8').trim();
    if (!key) {
      fail(['hash-key reads the key from stdin: echo -n "$KEY" | wks-logoff-proxy hash-key'], 2);
    }
    return void process.stdout.write(`${hashKey(key)}\n`);
  }
  if (command === 'serve') {
    return serve();
  }
  fail([`unknown command "${command}"`, USAGE], 2);
}

declare const __VERSION__: string;

main(process.argv.slice(2)).catch((error: unknown) => {
  fail([`unexpected error: ${(error as Error)?.message ?? String(error)}`]);
});
