// The logoff command's flags, turned into core's options and checked by core's rules, each problem named by its
// flag.
import {
  type BatchOptions,
  type ClientOptionsToCheck,
  checkBatchOptions,
  checkClientOptions,
  MAX_DESKTOP_IDS_PER_REQUEST,
} from '@wks-logoff/core';
import { CliError } from '../../errors.js';

export interface LogoffFlags {
  projectId?: string;
  region?: string;
  endpoint?: string;
  profile?: string;
  proxyUrl?: string;
  message?: string;
  idsFile?: string;
  chunkSize?: number;
  concurrency?: number;
  rate?: number;
  maxAttempts?: number;
  timeout?: number;
  skipInvalid?: boolean;
  dryRun?: boolean;
  json?: boolean;
  report?: string;
  resume?: string;
  yes?: boolean;
  quiet?: boolean;
  debug?: boolean;
  confirmAbove?: number;
}

/** The flag that sets each of core's options, to name it in errors. */
const FLAG_OF: Record<string, string> = {
  chunkSize: '--chunk-size',
  concurrency: '--concurrency',
  ratePerSecond: '--rate',
  timeoutMs: '--timeout',
  'retry/maxAttempts': '--max-attempts',
};

/** Confirmation is asked above one request's worth of desktops unless --confirm-above says otherwise. */
export const DEFAULT_CONFIRM_ABOVE = MAX_DESKTOP_IDS_PER_REQUEST;

export function batchOptionsOf(flags: LogoffFlags, message: string | undefined): BatchOptions {
  return { message, chunkSize: flags.chunkSize, concurrency: flags.concurrency, ratePerSecond: flags.rate };
}

export function clientOptionsOf(
  flags: LogoffFlags,
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
    const named: Record<string, string> = { ...FLAG_OF, message: messageFrom };
    throw new CliError(issues.map((issue) => `${named[issue.field] ?? issue.field} ${issue.message}`));
  }
}
