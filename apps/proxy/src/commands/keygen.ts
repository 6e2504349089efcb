// `wks-logoff-proxy keygen`: makes a caller key and prints it once with its keys-file entry, or adds the entry to
// the keys file itself (--keys-file). The key is never stored: the entry holds its SHA-256. Its options are
// declared once, in keygenCommand: their values' type and the flag named in a problem both come from there.
import type { Command } from '@commander-js/extra-typings';
import { generateKey, hashKey } from '../callers.js';
import { fail } from '../fail.js';
import { type CallerKey, KeysFileError, keysFileProblems } from '../keys-file.js';
import { readKeysFileForUpdate, writeKeysFileAtomically } from '../keys-file-write.js';

const KEYGEN_HELP = `
Examples:
  $ wks-logoff-proxy keygen --id team-a --projects 2b31ed520a1b4d3cb2c3d4e5f6a7b8c9 --rate 5
  $ wks-logoff-proxy keygen --id ops --projects '*' --weight 2 --keys-file keys.json

The key is printed once (stdout, "key:"); only its SHA-256 goes in the keys file ("entry:"). With --keys-file
the entry is added to the file (created if missing, mode 0600; the other entries are kept as they are); the
proxy reads it on start and on SIGHUP.`;

const RELOAD_HINT =
  'The proxy reads the file on start and on SIGHUP: kill -HUP <its pid>. In Kubernetes, put the file in its ' +
  'Secret, then: kubectl rollout restart deployment/wks-logoff-proxy';

export function keygenCommand(program: Command) {
  return program
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
    .addHelpText('after', KEYGEN_HELP);
}

type KeygenCommand = ReturnType<typeof keygenCommand>;
type KeygenFlags = ReturnType<KeygenCommand['opts']>;

/**
 * Problems of the entry at `keys[index]`, each named by the flag that set the field (an entry's fields are named
 * as keygen's options are). A token caller that already has the id is named as the problem's place, the new entry
 * as the one it collides with.
 */
function byFlag(problems: string[], index: number, command: KeygenCommand): string[] {
  const flagOf = (field: string) => command.options.find((option) => option.attributeName() === field)?.long;
  const at = `keys[${index}]`;
  return problems.map((problem) => {
    if (problem.startsWith(`${at}.`)) {
      return problem.replace(/^keys\[\d+\]\.(\w+)\S*/, (_, field: string) => flagOf(field) ?? field);
    }
    const taken = new RegExp(`^(\\S+)\\.id (".*") is already the id of keys\\[${index}\\]$`).exec(problem);
    return taken ? `--id ${taken[2]} is already the id of ${taken[1]}` : problem;
  });
}

function fileProblems(error: unknown): never {
  if (error instanceof KeysFileError) {
    fail(error.problems.map((problem) => `keys file ${error.path}: ${problem}`));
  }
  throw error;
}

export async function keygen(values: KeygenFlags, command: KeygenCommand) {
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
    ...(values.weight !== undefined ? { weight: Number(values.weight) } : {}),
  };
  // The entry is checked by the keys file's own schema, each problem named by the flag that set it.
  const problems = byFlag(keysFileProblems({ keys: [entry] }), 0, command);
  if (problems.length > 0) {
    fail(problems, 2);
  }
  const added = entry as CallerKey;
  if (values.keysFile === undefined) {
    process.stderr.write('Give the key to the caller (it is shown once); add the entry to the keys file.\n');
    process.stdout.write(`key:   ${key}\nentry: ${JSON.stringify(added)}\n`);
    return;
  }
  const { file, target } = await readKeysFileForUpdate(values.keysFile).catch(fileProblems);
  const updated = { ...file, keys: [...file.keys, added] };
  // The file was valid: what is wrong now is the new entry beside the others (an id already in use).
  const conflicts = byFlag(keysFileProblems(updated), file.keys.length, command);
  if (conflicts.length > 0) {
    fail(
      conflicts.map((problem) => `${problem} in ${values.keysFile}`),
      2,
    );
  }
  await writeKeysFileAtomically(target, updated).catch(fileProblems);
  const callers = updated.keys.length + (updated.callers?.length ?? 0);
  process.stderr.write(
    `Added "${added.id}" to ${values.keysFile} (${callers} caller${callers === 1 ? '' : 's'}). ` +
      `Give the key to the caller: it is shown once.\n${RELOAD_HINT}\n`,
  );
  process.stdout.write(`key:   ${key}\nentry: ${JSON.stringify(added)}\n`);
}
