// `wks-logoff-proxy hash-key`: the SHA-256 of a key read from stdin, for a keys file's entry of an existing key.
import { readFileSync } from 'node:fs';
import { fail } from '../fail.js';
import { hashKey } from '../keys.js';

export function hashKeyCommand() {
  const key = readFileSync(0, 'utf8').trim();
  if (!key) {
    fail(['hash-key reads the key from stdin: echo -n "$KEY" | wks-logoff-proxy hash-key'], 2);
  }
  process.stdout.write(`${hashKey(key)}\n`);
}
