// The one reader of token files (core's WKS_AUTH_TOKEN_FILE, the CLI's WKS_PROXY_TOKEN_FILE): a trailing newline
// trimmed, at most 64 KiB read, regular files only, the credential rule applied, the file and its variable named
// in every refusal, the token never.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, readTokenFile } from '../../src/index.js';
import { visible } from '../support/fake-cloud.js';
import { rejectionOf } from '../support/helpers.js';

const TOKEN = 'test-file-token-do-not-leak';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wks-token-file-'));
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('readTokenFile', () => {
  it('reads the token, its trailing newline (LF or CRLF) trimmed', async () => {
    expect(await readTokenFile(await file('lf', `${TOKEN}\n`), 'WKS_AUTH_TOKEN_FILE')).toBe(TOKEN);
    expect(await readTokenFile(await file('crlf', `${TOKEN}\r\n`), 'WKS_AUTH_TOKEN_FILE')).toBe(TOKEN);
  });

  it('reads a token of exactly 64 KiB', async () => {
    const long = 'x'.repeat(64 * 1024);
    expect(await readTokenFile(await file('max', long), 'WKS_AUTH_TOKEN_FILE')).toBe(long);
  });

  it.each([
    ['missing', async () => join(dir, 'nope'), /^Cannot read the token file .*nope \(ENOENT\) named by V\.$/],
    ['empty', () => file('empty', '\n'), /^The token file .*empty named by V is empty\.$/],
    ['a directory', async () => dir, /^The token file .* named by V is not a regular file\.$/],
    ['a device', async () => '/dev/zero', /^The token file \/dev\/zero named by V is not a regular file\.$/],
    [
      'larger than 64 KiB',
      () => file('huge', Buffer.alloc(64 * 1024 + 1, 'x')),
      /^The token file .*huge named by V is larger than 64 KiB\.$/,
    ],
    [
      'two lines',
      () => file('two-lines', `${TOKEN}\nsecond-${TOKEN}\n`),
      /^The token file .*two-lines named by V contains a line break \(CR or LF\) at character 28/,
    ],
    [
      'an inner CRLF',
      () => file('inner-crlf', `${TOKEN}\r\nx`),
      /^The token file .*inner-crlf named by V contains a line break \(CR or LF\) at character 28/,
    ],
    [
      'a NUL byte',
      () => file('nul', `${TOKEN}\u0000x`),
      /^The token file .*nul named by V contains a NUL character at character 28/,
    ],
  ])('refuses a file that is %s, naming the file and its variable', async (_label, path, message) => {
    const error = await rejectionOf(readTokenFile(await path(), 'V'));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(message);
    expect(visible(error)).not.toContain(TOKEN);
  });

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readTokenFile(fifo, 'V')).rejects.toThrow(/is not a regular file/);
  });

  it('follows a symbolic link to a regular file (a Kubernetes projected token)', async () => {
    const { symlink } = await import('node:fs/promises');
    await mkdir(join(dir, '..data'), { recursive: true });
    await writeFile(join(dir, '..data', 'token'), TOKEN);
    await symlink(join(dir, '..data', 'token'), join(dir, 'projected'));
    expect(await readTokenFile(join(dir, 'projected'), 'V')).toBe(TOKEN);
  });
});
