// The bin's commands as operators discover them: --help of the bin and of each command, and usage errors.
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/index.js';
import { start } from './support/run-bin.js';

async function run(args: string[]) {
  const running = start({}, args);
  const code = await running.exit;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}

describe('wks-logoff-proxy --help', () => {
  it('lists the commands, serve as the default', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: wks-logoff-proxy [options] [command]');
    expect(stdout).toMatch(/^ {2}serve +start the service \(the default command\)/m);
    expect(stdout).toMatch(/^ {2}keygen \[options\] +make a caller key/m);
    expect(stdout).toMatch(/^ {2}hash-key +print the SHA-256 of a key read from stdin/m);
  });

  it('serve --help names every setting with its default, the credentials and the signals', async () => {
    const { code, stdout } = await run(['serve', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: wks-logoff-proxy serve [options]');
    for (const setting of Object.values(SETTINGS)) {
      const line = stdout.split('\n').find((l) => l.trimStart().startsWith(`${setting.name} `));
      expect(line, setting.name).toBeDefined();
      if (setting.default !== undefined) {
        expect(line).toContain(`(default ${setting.default})`);
      }
    }
    for (const text of ['WKS_PROXY_CONFIG_FILE', 'HUAWEICLOUD_SDK_AK', 'WKS_ENDPOINT', 'SIGHUP', 'SIGTERM']) {
      expect(stdout).toContain(text);
    }
  });

  it('keygen --help shows its options and examples', async () => {
    const { code, stdout, stderr } = await run(['keygen', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: wks-logoff-proxy keygen [options]');
    for (const option of [
      '--id <id>',
      '--projects <list>',
      '--rate <n>',
      '--weight <n>',
      '--keys-file <file>',
    ]) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('wks-logoff-proxy keygen --id team-a --projects');
  });

  it('an unknown command or option is a usage error (exit 2) with a suggestion', async () => {
    const command = await run(['kegen']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("wks-logoff-proxy: unknown command 'kegen'");
    expect(command.stderr).toContain('(Did you mean keygen?)');
    const option = await run(['keygen', '--projets', '*']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("wks-logoff-proxy: unknown option '--projets'");
    expect(option.stdout).toBe('');
  });
});
