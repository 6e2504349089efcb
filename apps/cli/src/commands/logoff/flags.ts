// The logoff command's flags as core's options. Core's own rules check them (each rule lives in core alone); the CLI
// only names each problem by the flag the user typed.
import {
  type BatchOptions,
  type ClientOptionsToCheck,
  checkBatchOptions,
  checkClientOptions,
} from '@wks-logoff/core';
import { CliError } from '../../errors.js';
import { flagName } from '../../flag-name.js';
import type { LogoffFlags } from './command.js';

/** The flag that sets each of core's options (by its attribute), to name it in core's complaints. */
const SET_BY = {
  chunkSize: 'chunkSize',
  concurrency: 'concurrency',
  ratePerSecond: 'rate',
  timeoutMs: 'timeout',
  'retry/maxAttempts': 'maxAttempts',
} as const satisfies Record<string, keyof LogoffFlags>;

/** The flags that set core's options. */
type CoreOptionFlags = Pick<LogoffFlags, (typeof SET_BY)[keyof typeof SET_BY]>;

export function batchOptionsOf(flags: CoreOptionFlags, message: string | undefined): BatchOptions {
  return { message, chunkSize: flags.chunkSize, concurrency: flags.concurrency, ratePerSecond: flags.rate };
}

export function clientOptionsOf(
  flags: CoreOptionFlags,
): ClientOptionsToCheck & { retry: { maxAttempts: number | undefined } } {
  return {
    timeoutMs: flags.timeout === undefined ? undefined : flags.timeout * 1000,
    retry: { maxAttempts: flags.maxAttempts },
  };
}

/**
 * Core's own checks of the options, each problem named by its flag (the message by where it came from): exit 2,
 * before anything is read or sent.
 */
export function checkOptions(
  batch: BatchOptions,
  client: ClientOptionsToCheck,
  messageFrom = '--message',
): void {
  const issues = [...checkBatchOptions(batch), ...checkClientOptions(client)];
  if (issues.length > 0) {
    const named = (field: string) =>
      field === 'message' ? messageFrom : flagName(SET_BY[field as keyof typeof SET_BY] ?? field);
    throw new CliError(issues.map((issue) => `${named(issue.field)} ${issue.message}`));
  }
}
