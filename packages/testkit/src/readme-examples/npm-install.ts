// `npm install` as the docs tests run it: a program, run by the `npm` stand-in in place of npm's own install. It
// places each package a README names the way npm does: ours copied into node_modules (from their packed
// tarballs, installable.ts) with their dependencies beside them, so a peer dependency the reader installed (undici,
// ajv) is found as npm users find it; the others linked from the repository's copies. It writes the bins as npm
// does (node_modules/.bin, or the global bin folder with -g) and records the package in package.json, which it
// creates as npm would: without "type", so a README that needs ES modules must say so.
//   node npm-install.js CONFIG.json [-g|-D|…] NAME[@VERSION]…
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import type { Installable } from './installable.js';

interface StandInConfig {
  packages: Installable;
  /** Where `npm install -g` puts packages, and their bins (on the blocks' PATH). */
  globalModules: string;
  globalBin: string;
  /** The node that runs bins. */
  node: string;
}

interface Manifest {
  version: string;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
}

const [configPath = '', ...args] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8')) as StandInConfig;
const { ours, theirs } = config.packages;
const global = args.includes('-g') || args.includes('--global');
const dev = args.includes('-D') || args.includes('--save-dev');
const specs = args.filter((arg) => !arg.startsWith('-'));
const modules = global ? config.globalModules : 'node_modules';

function fail(message: string): never {
  process.stderr.write(`npm stand-in: ${message}\n`);
  process.exit(1);
}

const manifestOf = (folder: string) =>
  JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;

/** `NAME@VERSION` → [NAME, VERSION]; a scope's `@` is not a version's. */
function parse(spec: string): [string, string | undefined] {
  const at = spec.lastIndexOf('@');
  return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
}

/** Puts `name` into node_modules (once) with its dependencies beside it; returns the folder it is in. */
function place(name: string, source: string): string {
  const target = join(modules, name);
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    const own = ours[name];
    if (!own) {
      symlinkSync(source, target, 'dir');
      return target;
    }
    cpSync(own.dir, target, { recursive: true });
    for (const dependency of Object.keys(manifestOf(own.dir).dependencies ?? {})) {
      place(
        dependency,
        ours[dependency]?.dir ?? realpathSync(join(own.workspace, 'node_modules', dependency)),
      );
    }
  }
  return target;
}

function writeBin(folder: string, name: string, file: string): void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  // exec: the bin replaces the shell, so `kill %1` of a block's `npx … &` stops the bin itself.
  writeFileSync(path, `#!/bin/sh\nexec '${config.node}' '${realpathSync(file)}' "$@"\n`);
  chmodSync(path, 0o755);
}

if (specs.length === 0) {
  fail('give the packages to install (there is no package.json to install from here)');
}
const manifest = existsSync('package.json')
  ? (JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>)
  : {};
for (const spec of specs) {
  const [name, wanted] = parse(spec);
  const source = ours[name]?.dir ?? theirs[name];
  if (!source) {
    fail(`${name} is not one the docs tests can install; add it to testkit's readme-examples/installable.ts`);
  }
  const { version, bin } = manifestOf(source);
  // A version the README pins must be the one the tests run (a major alone, like undici@7, matches its releases).
  if (wanted && wanted !== 'latest' && version !== wanted && !version.startsWith(`${wanted}.`)) {
    fail(`the README installs ${name}@${wanted}, but the tests have ${version}`);
  }
  const folder = place(name, source);
  const bins = typeof bin === 'string' ? { [name.replace(/^@[^/]+\//, '')]: bin } : (bin ?? {});
  for (const [command, file] of Object.entries(bins)) {
    writeBin(global ? config.globalBin : join('node_modules', '.bin'), command, join(folder, file));
  }
  if (!global) {
    const field = dev ? 'devDependencies' : 'dependencies';
    manifest[field] = { ...manifest[field], [name]: `^${version}` };
  }
}
if (!global) {
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
}
process.stdout.write(
  `added ${specs.length} package${specs.length === 1 ? '' : 's'} (from the docs tests' copies)\n`,
);
