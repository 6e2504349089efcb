// One way for the CLI to fail: a CliError is a refusal before anything is sent (exit 2), in lines that each say
// what to do; every other error is given an exit code and one line here, so no stack trace reaches a user.
import { ConfigurationError, ValidationError, WksError } from '@wks-logoff/core';
import { EXIT } from './exit-codes.js';

export class CliError extends Error {
  override readonly name = 'CliError';
  /** One line each (most errors have one; invalid input names each bad ID on its own). */
  readonly lines: readonly string[];

  constructor(message: string | readonly string[]) {
    const lines = typeof message === 'string' ? [message] : message;
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/**
 * The lines shown for any error (the stack only with --debug, which never holds a secret either). Each may hold
 * outside text (a cloud's message, a file name): the caller prints each escaped for the terminal.
 */
export function describeError(error: unknown): { lines: readonly string[]; exitCode: number } {
  if (error instanceof CliError) {
    return { lines: error.lines, exitCode: EXIT.usage };
  }
  if (error instanceof ConfigurationError || error instanceof ValidationError) {
    return { lines: [error.message], exitCode: EXIT.usage };
  }
  if (error instanceof WksError) {
    const hint = (error as { hint?: string }).hint;
    return { lines: [hint ? `${error.message}. ${hint}` : error.message], exitCode: EXIT.partial };
  }
  return {
    lines: [`unexpected error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`],
    exitCode: EXIT.partial,
  };
}

/**
 * Why an operation failed, in as few words as a message needs: the file system's code (`ENOENT`, which never quotes
 * the path back), else the error's own message (ours already say why in words).
 */
export function errorReason(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message;
}
