// The folder the docs tests follow a README in: its `npm install` must place packages as npm does, or an example
// that works here could fail for a reader (a peer dependency found only through the repository's own install).
import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScratchProject, scratchProject } from '../../src/readme-examples/scratch-project.js';

let project: ScratchProject;
beforeAll(async () => {
  project = await scratchProject();
}, 60_000);
afterAll(() => project.remove());

/** Runs `command` in the reader's folder, with the stand-ins on PATH; resolves with its exit code and output. */
async function inFolder(command: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', command], {
      cwd: project.dir,
      env: { PATH: project.path, HOME: project.home },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

describe('the npm stand-in', () => {
  it('installs our packages as npm does: a copy, its dependencies beside it, package.json without "type"', async () => {
    expect(await inFolder('npm install @wks-logoff/core')).toMatchObject({ code: 0 });
    expect((await lstat(join(project.dir, 'node_modules/@wks-logoff/core'))).isSymbolicLink()).toBe(false);
    expect(await lstat(join(project.dir, 'node_modules/openapi-fetch/package.json'))).toBeTruthy();
    const manifest = JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8'));
    expect(manifest).toEqual({ dependencies: { '@wks-logoff/core': expect.stringMatching(/^\^\d/) } });
  });

  it('puts the bins of a global install on PATH', async () => {
    expect(await inFolder('npm install -g @wks-logoff/cli && wks-logoff --help')).toMatchObject({
      code: 0,
      output: expect.stringContaining('Usage: wks-logoff'),
    });
  });

  it('refuses a package the tests do not have, and a version other than theirs', async () => {
    expect(await inFolder('npm install left-pad')).toEqual({
      code: 1,
      output: expect.stringContaining("left-pad is not one the docs tests can install; add it to testkit's"),
    });
    expect(await inFolder('npm install undici@6')).toEqual({
      code: 1,
      output: expect.stringMatching(/the README installs undici@6, but the tests have 7\./),
    });
  });

  it('passes other npm commands to npm itself', async () => {
    expect(await inFolder('npm pkg set type=module')).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8')).type).toBe('module');
  });
});
