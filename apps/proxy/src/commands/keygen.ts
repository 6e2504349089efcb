// `wks-logoff-proxy keygen`: makes a caller key and prints it with its keys-file entry.
import { fail } from '../fail.js';
import { generateKey, hashKey } from '../keys.js';
import { keysFileProblems } from '../keys-file.js';

/** The keygen flag that sets each field of a keys-file entry. */
const FLAG_OF: Record<string, string> = { id: '--id', projects: '--projects', rate: '--rate' };

export interface KeygenFlags {
  id?: string;
  projects?: string;
  rate?: string;
}

export const KEYGEN_HELP = `
Examples:
  $ wks-logoff-proxy keygen --id team-a --projects 2b31ed520a1b4d3cb2c3d4e5f6a7b8c9 --rate 5
  $ wks-logoff-proxy keygen --id ops --projects '*'

The key is printed once (stdout, "key:"); only its SHA-256 goes in the keys file ("entry:").`;

export function keygen(values: KeygenFlags) {
  // A key for every project is a decision, never a default.
  const projects = (values.projects ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (projects.length === 0) {
    fail(['keygen needs --projects: a comma-separated list of project IDs, or "*" for every project'], 2);
  }
  const key = generateKey();
  const entry = {
    id: values.id,
    sha256: hashKey(key),
    projects,
    ...(values.rate !== undefined ? { rate: Number(values.rate) } : {}),
  };
  // The entry is checked by the keys file's own schema, each problem named by the flag that set it.
  const problems = keysFileProblems({ keys: [entry] }).map((problem) =>
    problem.replace(/^keys\[0\]\.(\w+)\S*/, (_, field: string) => FLAG_OF[field] ?? field),
  );
  if (problems.length > 0) {
    fail(problems, 2);
  }
  process.stderr.write('Give the key to the caller (it is shown once); add the entry to the keys file.\n');
  process.stdout.write(`key:   ${key}\nentry: ${JSON.stringify(entry)}\n`);
}
