// `wks-logoff-proxy keygen`: makes a caller key and prints it with its keys-file entry.
import { parseArgs } from 'node:util';
import { fail } from '../fail.js';
import { generateKey, hashKey } from '../keys.js';
import { keysFileProblems } from '../keys-file.js';

/** The keygen flag that sets each field of a keys-file entry. */
const FLAG_OF: Record<string, string> = { id: '--id', projects: '--projects', rate: '--rate' };

export function keygen(args: string[], usage: string) {
  let values: { id?: string; projects?: string; rate?: string };
  try {
    values = parseArgs({
      args,
      options: { id: { type: 'string' }, projects: { type: 'string' }, rate: { type: 'string' } },
    }).values;
  } catch (error) {
    // An unknown flag or a missing value is a usage error, in parseArgs' own words.
    fail([(error as Error).message.split('\n')[0] ?? 'bad arguments', usage], 2);
  }
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
