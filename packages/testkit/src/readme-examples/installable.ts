// The packages the READMEs tell their readers to install, and where the docs tests install each one from; nothing
// is fetched. Ours are packed (`pnpm pack`: only their `files`, versions resolved, as npm users get them); the
// others are the repository's own copies. A README that names any other package fails until it is added here.
import { execFile } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository's root (this file is in packages/testkit/{src,dist}/readme-examples/). */
export const repoRoot: string = fileURLToPath(new URL('../../../../', import.meta.url));

const OURS: Record<string, string> = {
  '@wks-logoff/spec': 'spec',
  '@wks-logoff/core': 'packages/core',
  '@wks-logoff/cli': 'apps/cli',
  '@wks-logoff/proxy': 'apps/proxy',
};

// Not ours, named by a README: core's optional peer, the spec's, what TypeScript users add, the mock for the proxy.
const THEIRS: Record<string, string> = {
  undici: 'packages/core/node_modules/undici',
  ajv: 'spec/node_modules/ajv',
  typescript: 'node_modules/typescript',
  '@types/node': 'packages/core/node_modules/@types/node',
  '@stoplight/prism-cli': 'packages/testkit/node_modules/@stoplight/prism-cli',
};

/** The folder the repository has one of the other packages in. */
export function theirs(name: string): string {
  return realpathSync(join(repoRoot, THEIRS[name] as string));
}

export interface Installable {
  /** Ours, packed and unpacked under the work folder, with the workspace folder whose dependencies they use. */
  ours: Record<string, { dir: string; workspace: string }>;
  /** The others, by name: the repository's copy. */
  theirs: Record<string, string>;
}

/** What a README may install; ours are packed (as published) and unpacked under `workdir`. */
export async function installablePackages(workdir: string): Promise<Installable> {
  const run = promisify(execFile);
  const ours: Installable['ours'] = {};
  for (const [name, folder] of Object.entries(OURS)) {
    const into = join(workdir, name.replace('/', '+'));
    await mkdir(into, { recursive: true });
    const workspace = join(repoRoot, folder);
    await run('pnpm', ['pack', '--pack-destination', into], { cwd: workspace });
    const [tarball] = readdirSync(into);
    await run('tar', ['xzf', tarball as string, '-C', into], { cwd: into });
    ours[name] = { dir: join(into, 'package'), workspace };
  }
  return { ours, theirs: Object.fromEntries(Object.keys(THEIRS).map((name) => [name, theirs(name)])) };
}
