// Every code block of a README, run or checked as its reader would use it, in the README's order, in one empty
// folder (scratch-project.ts). What is done with a block follows from its info string:
//   sh, bash         run by bash (`set -euo pipefail`); `npm install` links the packages as built here
//   ts               compiled strictly (compile.ts), then run by node
//   js               run by node
//   json FILE.json   written as that file before the first block runs (a tsconfig.json the README shows)
//   json NAME        parsed and given to the test's validator NAME (a keys file, a report)
// A block is exempt only with its reason in the README, on the line above it: `<!-- not run: REASON -->`. Any
// other block fails the test, so a new block cannot go unchecked. Runnable blocks must exit 0, unless the test
// checks them otherwise (`checks`: what their reader would notice).
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReadmeBlock, readmeBlocks } from '../readme-blocks.js';
import { type BlockProcess, type BlockRun, startBlock } from './block-process.js';
import { type Compiled, compile, OUT_DIR, writeBlockFile } from './compile.js';
import { repoRoot } from './installable.js';
import { type ScratchProject, scratchProject } from './scratch-project.js';

export interface BlockCheck {
  /** The block: the one runnable block whose code contains this text. */
  block: string;
  /** What its reader would notice, while or after it runs (it is stopped afterwards). */
  check(run: BlockRun): Promise<void>;
}

export interface ReadmeExamplesOptions {
  /** Environment of every block: where the examples send (a fake cloud), named as the README tells readers to. */
  env?: () => Record<string, string>;
  /**
   * Text replaced in sh blocks before they run, e.g. a port that must be a free one, or a placeholder (`…`) the
   * reader fills with a secret. Every one must be found.
   */
  substitute?: () => Record<string, string>;
  /** Files the reader has before starting (the desktop IDs an example reads), relative to their folder. */
  files?: Record<string, string>;
  /** Validators of ```json NAME``` blocks, by NAME. */
  json?: Record<string, (value: unknown) => void | Promise<void>>;
  checks?: BlockCheck[];
}

type Plan =
  | { kind: 'sh' | 'ts' | 'js' }
  | { kind: 'json-file'; file: string }
  | { kind: 'json'; validator: string }
  | { kind: 'not-run'; reason: string }
  | { kind: 'unclassified'; problem: string };

const LANGS: Record<string, 'sh' | 'ts' | 'js' | 'json'> = {
  sh: 'sh',
  bash: 'sh',
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  json: 'json',
};

function planOf(block: ReadmeBlock, options: ReadmeExamplesOptions): Plan {
  if (block.notRun !== undefined) {
    return block.notRun
      ? { kind: 'not-run', reason: block.notRun }
      : { kind: 'unclassified', problem: 'its "not run" comment gives no reason' };
  }
  const kind = LANGS[block.lang];
  if (!kind) {
    return {
      kind: 'unclassified',
      problem: `nothing runs a \`${block.lang || 'no language'}\` block: give a language that runs, or <!-- not run: REASON --> above it`,
    };
  }
  if (kind !== 'json') {
    return { kind };
  }
  const [name] = block.meta;
  if (name?.endsWith('.json')) {
    return { kind: 'json-file', file: name };
  }
  if (name && options.json?.[name]) {
    return { kind: 'json', validator: name };
  }
  return {
    kind: 'unclassified',
    problem: name
      ? `no validator "${name}" for this json block`
      : 'say what this json is (```json FILE.json``` or ```json NAME``` of a validator), or why it is not run',
  };
}

/** Problems with how a README's blocks are classified, and with the checks and substitutions of its test. */
function classificationProblems(
  blocks: readonly ReadmeBlock[],
  options: ReadmeExamplesOptions,
  substitute: Record<string, string>,
): string[] {
  const problems: string[] = [];
  for (const block of blocks) {
    const plan = planOf(block, options);
    if (plan.kind === 'unclassified') {
      problems.push(`line ${block.line}: ${plan.problem}`);
    }
  }
  const runnable = blocks.filter((block) => ['sh', 'ts', 'js'].includes(planOf(block, options).kind));
  for (const { block } of options.checks ?? []) {
    const found = runnable.filter((candidate) => candidate.code.includes(block)).length;
    if (found !== 1) {
      problems.push(`the check of the block containing ${JSON.stringify(block)} matches ${found} blocks`);
    }
  }
  const shell = blocks.filter((block) => planOf(block, options).kind === 'sh');
  for (const text of Object.keys(substitute)) {
    if (!shell.some((block) => block.code.includes(text))) {
      problems.push(`no sh block contains ${JSON.stringify(text)}, which the test replaces`);
    }
  }
  return problems;
}

/** How many blocks are run, compiled, checked and not run, e.g. `9 blocks: 3 sh run, 5 ts compiled and run, …`. */
function tally(blocks: readonly ReadmeBlock[], options: ReadmeExamplesOptions): string {
  const words: Record<Plan['kind'], string> = {
    sh: 'sh run',
    ts: 'ts compiled and run',
    js: 'js run',
    'json-file': 'json written as a file',
    json: 'json validated',
    'not-run': 'not run',
    unclassified: 'unclassified',
  };
  const counts = new Map<string, number>();
  for (const block of blocks) {
    const word = words[planOf(block, options).kind];
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return `${blocks.length} blocks: ${[...counts].map(([word, count]) => `${count} ${word}`).join(', ')}`;
}

// A bound on a hung block (a server that never exits), not a measure: no block comes near it.
const TIMEOUT_MS = 180_000;

export function describeReadmeExamples(readme: URL, options: ReadmeExamplesOptions = {}): void {
  const path = fileURLToPath(readme);
  const blocks = readmeBlocks(readFileSync(path, 'utf8'));
  const name = relative(repoRoot, path);
  const isShell = (block: ReadmeBlock) => planOf(block, options).kind === 'sh';
  const group = (block: ReadmeBlock) => blocks.filter((b) => b.line < block.line && isShell(b)).length;

  describe(`${name}: its code blocks, as a reader follows them`, () => {
    let project: ScratchProject;
    let env: Record<string, string>;
    // TypeScript blocks compile together, once the sh blocks before them (their installs) have run.
    const compiled = new Map<number, Promise<Compiled>>();

    beforeAll(async () => {
      project = await scratchProject();
      env = { PATH: project.path, HOME: project.home, ...options.env?.() };
      for (const [file, text] of Object.entries(options.files ?? {})) {
        await mkdir(dirname(join(project.dir, file)), { recursive: true });
        await writeFile(join(project.dir, file), text);
      }
      for (const block of blocks) {
        const plan = planOf(block, options);
        if (plan.kind === 'json-file') {
          await writeFile(join(project.dir, plan.file), block.code);
        }
      }
    }, TIMEOUT_MS);
    afterAll(() => project?.remove());

    it(`says of every block how it is checked, or why it is not run (${tally(blocks, options)})`, () => {
      expect(classificationProblems(blocks, options, options.substitute?.() ?? {})).toEqual([]);
    });

    const ts = blocks.filter((block) => planOf(block, options).kind === 'ts');
    const compileGroup = (block: ReadmeBlock): Promise<Compiled> => {
      const key = group(block);
      let result = compiled.get(key);
      if (!result) {
        const members = ts.filter((member) => group(member) === key);
        result = Promise.all(
          members.map((member) => writeBlockFile(project.dir, member.line, 'ts', member.code)),
        ).then((files) => compile(project.dir, files, `readme-${key}`));
        compiled.set(key, result);
      }
      return result;
    };

    const run = async (block: ReadmeBlock, start: () => BlockProcess) => {
      const check = options.checks?.find((candidate) => block.code.includes(candidate.block));
      const running = start();
      try {
        if (check) {
          await check.check(running);
        } else {
          expect(await running.exited, running.output()).toBe(0);
        }
      } finally {
        running.stop();
      }
    };

    for (const block of blocks) {
      const plan = planOf(block, options);
      const title = `line ${block.line}: \`\`\`${[block.lang, ...block.meta].join(' ')}\`\`\``;
      if (plan.kind === 'sh') {
        it(
          `${title} runs`,
          async () => {
            let code = block.code;
            for (const [text, replacement] of Object.entries(options.substitute?.() ?? {})) {
              code = code.replaceAll(text, replacement);
            }
            await run(block, () =>
              startBlock('bash', ['-c', `set -euo pipefail\n${code}`], { dir: project.dir, env }),
            );
          },
          TIMEOUT_MS,
        );
      } else if (plan.kind === 'ts') {
        it(
          `${title} compiles strictly and runs`,
          async () => {
            const file = `readme-${block.line}.ts`;
            expect((await compileGroup(block)).errorsOf(file)).toEqual([]);
            const output = join(OUT_DIR, file.replace(/\.ts$/, '.js'));
            await run(block, () => startBlock(process.execPath, [output], { dir: project.dir, env }));
          },
          TIMEOUT_MS,
        );
      } else if (plan.kind === 'js') {
        it(
          `${title} runs`,
          async () => {
            const file = await writeBlockFile(project.dir, block.line, 'js', block.code);
            await run(block, () => startBlock(process.execPath, [file], { dir: project.dir, env }));
          },
          TIMEOUT_MS,
        );
      } else if (plan.kind === 'json-file') {
        it(`${title} is JSON, written as ${plan.file}`, () => {
          expect(() => JSON.parse(block.code)).not.toThrow();
        });
      } else if (plan.kind === 'json') {
        it(`${title} is a valid ${plan.validator}`, async () => {
          await options.json?.[plan.validator]?.(JSON.parse(block.code));
        });
      }
    }
  });
}
