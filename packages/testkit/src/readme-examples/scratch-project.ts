// The empty folder a README is followed in, as a new user would, with `npm` and `npx` stand-ins first on PATH:
// `npm install` installs the packages from here (installable.ts, npm-install.ts), any other npm command is npm's
// own (offline), and `npx NAME` runs a bin installed in the folder or globally, never one fetched.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installablePackages } from './installable.js';

export interface ScratchProject {
  /** The reader's folder, empty at first: where every block runs. */
  readonly dir: string;
  /** HOME of the blocks: empty, so nothing of the machine's own configuration is read. */
  readonly home: string;
  /** PATH of the blocks: the stand-ins, the bins of `npm install -g`, then the machine's. */
  readonly path: string;
  remove(): Promise<void>;
}

// Run from dist, also when a test imports this module from src.
const npmInstall = fileURLToPath(new URL('../../dist/readme-examples/npm-install.js', import.meta.url));

export async function scratchProject(): Promise<ScratchProject> {
  const base = await mkdtemp(join(tmpdir(), 'wks-readme-'));
  const [dir, home, standIns, globalBin, globalModules, packed] = [
    'project',
    'home',
    'stand-ins',
    'global/bin',
    'global/lib/node_modules',
    'packed',
  ].map((name) => join(base, name)) as [string, string, string, string, string, string];
  for (const folder of [dir, home, standIns, globalBin, globalModules, packed]) {
    await mkdir(folder, { recursive: true });
  }
  const config = join(standIns, 'config.json');
  const packages = await installablePackages(packed);
  await writeFile(config, JSON.stringify({ packages, globalModules, globalBin, node: process.execPath }));
  const realNpm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
  const scripts = {
    npm: `#!/bin/sh
case "$1" in
  install|i|add) shift; exec '${process.execPath}' '${npmInstall}' '${config}' "$@" ;;
  *) npm_config_offline=true exec '${realNpm}' "$@" ;;
esac
`,
    npx: `#!/bin/sh
while [ "$1" = --yes ] || [ "$1" = -y ]; do shift; done
for folder in node_modules/.bin '${globalBin}'; do
  if [ -x "$folder/$1" ]; then bin="$folder/$1"; shift; exec "$bin" "$@"; fi
done
echo "npx stand-in: $1 is not installed here (the docs tests never fetch a package)" >&2
exit 1
`,
  };
  for (const [name, script] of Object.entries(scripts)) {
    await writeFile(join(standIns, name), script);
    await chmod(join(standIns, name), 0o755);
  }
  return {
    dir,
    home,
    path: [standIns, globalBin, process.env.PATH ?? ''].join(':'),
    remove: () => rm(base, { recursive: true, force: true }),
  };
}
