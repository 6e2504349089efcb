// The --report file is checked before anything is sent (and in a dry run): a report that cannot be written after
// the logoff would leave the user without the list of what failed. Nothing is created or truncated here.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError, errorReason } from '../errors.js';

function refuse(path: string, why: string): never {
  throw new CliError(`cannot write the report to ${path} (${why}); nothing was sent`);
}

export async function checkReportPath(path: string): Promise<void> {
  let exists = true;
  try {
    if ((await stat(path)).isDirectory()) {
      refuse(path, 'a directory');
    }
  } catch (error) {
    if (error instanceof CliError) {
      throw error;
    }
    if (errorReason(error) !== 'ENOENT') {
      refuse(path, errorReason(error));
    }
    exists = false;
  }
  try {
    await access(exists ? path : dirname(path), constants.W_OK);
  } catch (error) {
    refuse(path, errorReason(error));
  }
}
