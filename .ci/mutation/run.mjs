// `pnpm test:mutation`: Stryker in each package that has a stryker.config.mjs, one after the other, then each run
// package's listed files checked against their floors, and docs/mutation.md written with the scores, the date
// and the commit. Incremental by default: each package's committed result file (reports/mutation/) lets a run
// re-test only the mutants whose code or covering tests changed. `--force` re-tests every mutant (a full run).
// Arguments: `--force`, and package folders to run (default: all three).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { INCREMENTAL_FILE, MUTATION_SCORE_FLOOR } from './config.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PACKAGES = ['packages/core', 'apps/proxy', 'apps/cli'];

const args = process.argv.slice(2);
const force = args.includes('--force');
const chosen = args.filter((arg) => arg !== '--force');
const unknown = chosen.filter((dir) => !PACKAGES.includes(dir));
if (unknown.length > 0) {
  console.error(
    `test:mutation: unknown package folder(s): ${unknown.join(', ')} (known: ${PACKAGES.join(', ')})`,
  );
  process.exit(2);
}
const packages = chosen.length > 0 ? chosen : PACKAGES;

/** Runs Stryker in one package, echoing its output; resolves with its exit code, time and reuse line. */
function stryker(dir) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('pnpm', ['exec', 'stryker', 'run', ...(force ? ['--force'] : [])], {
      cwd: join(root, dir),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let reused = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      // Stryker says, e.g., "930 of 937 mutant result(s) are reused."
      const line = /(\d+) of (\d+) mutant result\(s\) are reused/.exec(
        stripVTControlCharacters(String(chunk)),
      );
      reused = line ? `${line[1]} of ${line[2]} reused` : reused;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000, reused }));
  });
}

/** Per-file counts and score (killed and timed-out mutants over all valid ones, as Stryker counts). */
function fileScore(file) {
  const count = (status) => file.mutants.filter((mutant) => mutant.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  return {
    killed,
    timeout,
    survived,
    noCoverage,
    valid,
    score: valid === 0 ? 100 : (100 * (killed + timeout)) / valid,
  };
}

/** The package's listed files with their scores and floors, from its config and its last report. */
async function scores(dir) {
  const config = await import(pathToFileURL(join(root, dir, 'stryker.config.mjs')).href);
  const reportPath = join(root, dir, INCREMENTAL_FILE);
  const report = existsSync(reportPath) ? JSON.parse(await readFile(reportPath, 'utf8')) : { files: {} };
  return config.default.mutate.map((name) => {
    const floor = config.catchingUp?.[name] ?? MUTATION_SCORE_FLOOR;
    const file = report.files[name];
    return { name, floor, ...(file ? fileScore(file) : { missing: true, score: 0 }) };
  });
}

const runs = new Map();
for (const dir of packages) {
  console.log(`\n== mutation testing: ${dir}${force ? ' (every mutant)' : ' (incremental)'}`);
  runs.set(dir, await stryker(dir));
}

const problems = [];
const sections = [];
for (const dir of PACKAGES) {
  const files = await scores(dir);
  const run = runs.get(dir);
  if (run && run.code !== 0) {
    problems.push(`${dir}: Stryker exited ${run.code}`);
  }
  // A run answers for the packages it ran; the others are shown from their committed results.
  for (const file of run ? files : []) {
    if (file.missing) {
      problems.push(`${dir}/${file.name}: not in ${INCREMENTAL_FILE} (run Stryker in ${dir})`);
    } else if (file.score < file.floor) {
      problems.push(
        `${dir}/${file.name}: mutation score ${file.score.toFixed(1)}% is below its floor ${file.floor}%`,
      );
    }
  }
  const rows = files.map((file) =>
    file.missing
      ? `| ${file.name} | not run | | | | | | ${file.floor}% |`
      : `| ${file.name} | ${file.valid} | ${file.killed} | ${file.timeout} | ${file.survived} | ${file.noCoverage} | **${file.score.toFixed(1)}%** | ${file.floor}% |`,
  );
  const ran = run
    ? `ran ${force ? 'every mutant' : `incrementally (${run.reused || 'no earlier result'})`} in ${Math.round(run.seconds)} s`
    : 'not run this time: its committed result';
  sections.push(
    `## ${dir} (${ran})\n\n| file | mutants | killed | timed out | survived | no coverage | score | floor |\n|---|--:|--:|--:|--:|--:|--:|--:|\n${rows.join('\n')}`,
  );
}

const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8' }).trim();
const cpus = os.cpus();
const doc = `# Mutation testing

Written by \`pnpm test:mutation\` (\`.ci/mutation/run.mjs\`); do not edit by hand. StrykerJS changes one small thing
in the code at a time (a mutant: \`<\` for \`<=\`, a condition always true, a line removed) and runs the tests that
cover it; a mutant no test notices has *survived*. The score of a file is its killed and timed-out mutants over all
of them; each listed file must keep ${MUTATION_SCORE_FLOOR}% (its floor), or the run fails. Files still catching up
are held at a lower floor of their own until their tests are raised (see each package's \`stryker.config.mjs\`).
[CONTRIBUTING.md](../CONTRIBUTING.md#mutation-testing) says how to read a surviving mutant and what to do about it.

Ran on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''};
Node ${process.version}, ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}.

${sections.join('\n\n')}
`;
await writeFile(join(root, 'docs/mutation.md'), doc);
console.log('\nwrote docs/mutation.md');
if (problems.length > 0) {
  console.error(`\nmutation testing failed:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `mutation testing: every listed file at or above its floor (${MUTATION_SCORE_FLOOR}% unless catching up)`,
);
