// `wks-logoff-proxy hash-key`: the SHA-256 of a key read from stdin, for a keys file's entry of an existing key.
import { readFileSync } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { hashKey } from '../callers.js';
import { fail } from '../fail.js';

export function hashKeyCommand(program: Command) {
  return program
    .command('hash-key')
    .description('print the SHA-256 of a key read from stdin (for an entry of the keys file)');
}

export function printKeyHash() {
  const key = readFileSync(0, 'utf8').trim();
  if (!key) {
    fail(['hash-key reads the key from stdin: echo -n "$KEY" | wks-logoff-proxy hash-key'], 2);
  }
  process.stdout.write(`${hashKey(key)}\n`);
}
