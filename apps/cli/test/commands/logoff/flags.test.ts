// Flags become core's options, and core's own checks name each problem by the flag the user typed.
import { describe, expect, it } from 'vitest';
import { batchOptionsOf, checkOptions, clientOptionsOf } from '../../../src/commands/logoff/flags.js';
import { CliError } from '../../../src/errors.js';

const problems = (flags: Parameters<typeof batchOptionsOf>[0], message?: string): readonly string[] => {
  try {
    checkOptions(batchOptionsOf(flags, message), clientOptionsOf(flags));
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as CliError).lines;
  }
};

describe('logoff flags', () => {
  it('turns --timeout seconds into milliseconds and --max-attempts into the retry policy', () => {
    expect(clientOptionsOf({ timeout: 2.5, maxAttempts: 4 })).toEqual({
      timeoutMs: 2500,
      retry: { maxAttempts: 4 },
    });
    expect(clientOptionsOf({})).toEqual({ retry: {} });
  });

  it('passes only the batch options that were given, so core defaults apply to the rest', () => {
    expect(batchOptionsOf({ chunkSize: 50, rate: 2 }, undefined)).toEqual({
      chunkSize: 50,
      ratePerSecond: 2,
    });
  });

  it('accepts what core accepts', () => {
    expect(
      problems({ chunkSize: 100, concurrency: 2, rate: 0.5, timeout: 10, maxAttempts: 1 }, 'bye'),
    ).toEqual([]);
  });

  it('names every bad option by its flag, all at once', () => {
    const lines = problems({ chunkSize: 101, concurrency: 0, rate: -1, timeout: 0, maxAttempts: 0 });
    expect(lines.map((line) => line.split(' ')[0])).toEqual([
      '--chunk-size',
      '--concurrency',
      '--rate',
      '--timeout',
      '--max-attempts',
    ]);
  });

  it('names a message that is too long by --message', () => {
    expect(problems({}, 'x'.repeat(1000))[0]).toMatch(/^--message /);
  });
});
