// A home directory whose config file holds the given profiles (mode 600 unless said otherwise), for the bundled
// CLI to read as users' machines do.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshHome } from './run-cli.js';

export async function homeWithProfiles(
  profiles: Record<string, Record<string, string>> | string,
  mode = 0o600,
): Promise<{ home: string; config: string }> {
  const home = freshHome();
  const dir = join(home, '.config', 'wks-logoff');
  await mkdir(dir, { recursive: true });
  const config = join(dir, 'config.json');
  await writeFile(config, typeof profiles === 'string' ? profiles : JSON.stringify({ profiles }, null, 2));
  await chmod(config, mode);
  return { home, config };
}
