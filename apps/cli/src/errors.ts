// One way for the CLI to fail: a CliError carries its exit code and a one-line message that says what to do.
import { ConfigurationError, ValidationError, WksError } from '@wks-logoff/core';
import { EXIT } from './exit-codes.js';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/** The one line shown for any error (the stack only with --debug, which never holds a secret either). */
export function describeError(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CliError) return { line: error.message, exitCode: error.exitCode };
  if (error instanceof ConfigurationError || error instanceof ValidationError)
    return { line: error.message, exitCode: EXIT.usage };
  if (error instanceof WksError) {
    const hint = (error as { hint?: string }).hint;
    return { line: hint ? `${error.message}. ${hint}` : error.message, exitCode: EXIT.partial };
  }
  return {
    line: `unexpected error: ${(error as Error)?.message ?? String(error)} (run with --debug for details)`,
    exitCode: 1,
  };
}
