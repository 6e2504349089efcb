// The batch report: one entry per distinct input ID, JSON-serialisable, versioned by schema/report.v1.schema.json
// (exported as `@wks-logoff/core/report.schema.json`), whose types are generated from it. Building it is the only
// place the invariant is kept.
import { type WksError, WorkspaceApiError } from '../errors/classes.js';
import type {
  CallRecord,
  FailedEntry,
  LogoffReport,
  ReportTarget,
  RequestCounts,
  SkippedEntry,
  StopInfo,
  SucceededEntry,
} from '../spec/generated/report.js';
import { validateReport as generatedReportValidator } from '../spec/generated/report-validator.js';
import { type SchemaError, schemaProblems } from '../spec/schema-problems.js';

export type {
  CallRecord,
  FailedEntry,
  LogoffReport,
  ReportTarget,
  RequestCounts,
  SkippedEntry,
  StopInfo,
  SucceededEntry,
  Totals,
} from '../spec/generated/report.js';

/** Why an ID was not sent. */
export type SkipReason = SkippedEntry['reason'];

/** Collects outcomes, each ID settled once; every part of it is written through its methods. */
export class ReportBuilder {
  readonly #succeeded: SucceededEntry[] = [];
  readonly #failed: FailedEntry[] = [];
  readonly #skipped: SkippedEntry[] = [];
  readonly #calls: CallRecord[] = [];
  readonly #requests: RequestCounts = { total: 0, retries: 0, isolation: 0, requeued: 0 };
  #input = 0;
  #duplicates = 0;
  #stopped: StopInfo | undefined;
  readonly #started = Date.now();

  constructor(
    private readonly projectId: string,
    private readonly message: string | undefined,
    private readonly target?: ReportTarget | undefined,
  ) {}

  get succeeded(): readonly SucceededEntry[] {
    return this.#succeeded;
  }

  get failed(): readonly FailedEntry[] {
    return this.#failed;
  }

  get skipped(): readonly SkippedEntry[] {
    return this.#skipped;
  }

  get calls(): readonly CallRecord[] {
    return this.#calls;
  }

  get requests(): Readonly<RequestCounts> {
    return this.#requests;
  }

  /** IDs read, repeats included. */
  get input(): number {
    return this.#input;
  }

  get duplicates(): number {
    return this.#duplicates;
  }

  get settled(): number {
    return this.#succeeded.length + this.#failed.length + this.#skipped.length;
  }

  /** One ID read; `repeat`: it was read before. */
  countInput(repeat: boolean): void {
    this.#input++;
    if (repeat) {
      this.#duplicates++;
    }
  }

  /** One HTTP attempt (`attempt`: its number within its call; after the first, a retry). */
  countAttempt(attempt: number): void {
    this.#requests.total++;
    if (attempt > 1) {
      this.#requests.retries++;
    }
  }

  countIsolationCall(): void {
    this.#requests.isolation++;
  }

  countRequeue(): void {
    this.#requests.requeued++;
  }

  recordCall(call: CallRecord): void {
    this.#calls.push(call);
  }

  succeed(ids: readonly string[], requestId: string | undefined, uncertain: boolean): void {
    for (const id of ids) {
      this.#succeeded.push({
        id,
        ...(requestId ? { requestId } : {}),
        ...(uncertain ? { uncertain: true as const } : {}),
      });
    }
  }

  /** `isolated`: shown to fail by isolation; `unisolated`: its group failed and the budget ran out first. */
  fail(ids: readonly string[], error: WksError, isolated = false, unisolated = false): void {
    const detail = describeFailure(error);
    const marks = {
      ...(isolated ? { isolated: true } : {}),
      ...(unisolated ? { unisolated: true as const } : {}),
    };
    for (const id of ids) {
      this.#failed.push({ id, ...detail, ...marks });
    }
  }

  skip(ids: Iterable<string>, reason: SkipReason, detail: string): void {
    for (const id of ids) {
      this.#skipped.push({ id, reason, detail });
    }
  }

  /** The batch ended early, and why: what was not sent is skipped (cancelled, or stopped after the reason). */
  stop(stop: StopInfo, notSent: Iterable<string>): void {
    if (stop.reason === 'cancelled') {
      this.skip(notSent, 'cancelled', 'not sent: the batch was cancelled');
    } else {
      this.skip(notSent, 'stopped', `not sent: the batch stopped after ${stop.message ?? stop.reason}`);
    }
    this.#stopped = stop;
  }

  build(): LogoffReport {
    const finished = Date.now();
    return {
      schemaVersion: 1,
      projectId: this.projectId,
      ...(this.target ? { target: this.target } : {}),
      ...(this.message !== undefined ? { message: this.message } : {}),
      startedAt: new Date(this.#started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - this.#started,
      totals: {
        input: this.#input,
        distinct: this.settled,
        succeeded: this.#succeeded.length,
        failed: this.#failed.length,
        skipped: this.#skipped.length,
        duplicates: this.#duplicates,
        uncertain: this.#succeeded.filter((entry) => entry.uncertain).length,
      },
      requests: { ...this.#requests },
      ...(this.#stopped ? { stopped: this.#stopped } : {}),
      succeeded: this.#succeeded,
      failed: this.#failed,
      skipped: this.#skipped,
      calls: this.#calls,
    };
  }
}

function describeFailure(error: WksError): Omit<FailedEntry, 'id'> {
  if (error instanceof WorkspaceApiError) {
    return {
      reason: error.message,
      status: error.status,
      ...(error.errorCode ? { errorCode: error.errorCode } : {}),
      ...(error.errorMsg ? { errorMsg: error.errorMsg } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
      ...(error.uncertain ? { uncertain: true as const } : {}),
    };
  }
  return { reason: error.message, ...(error.uncertain ? { uncertain: true as const } : {}) };
}

/** Pieces of about this many characters: large enough for few writes, small enough to never matter. */
const PIECE = 16 * 1024;

/**
 * The report as JSON text, exactly `JSON.stringify(report, null, 2)`, in pieces of about 16 KiB: the report of a
 * million desktops is written without ever becoming one string. Entries are formatted one at a time.
 */
export function* reportJson(report: LogoffReport): Generator<string> {
  let piece = '{';
  const fields = Object.entries(report).filter(([, value]) => value !== undefined);
  for (const [index, [key, value]] of fields.entries()) {
    piece += `${index > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      piece += JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
      continue;
    }
    piece += '[';
    for (let at = 0; at < value.length; at++) {
      piece += `${at > 0 ? ',' : ''}\n    ${JSON.stringify(value[at], null, 2).replaceAll('\n', '\n    ')}`;
      if (piece.length >= PIECE) {
        yield piece;
        piece = '';
      }
    }
    piece += '\n  ]';
  }
  yield `${piece}\n}`;
}

// In a module of its own (generated/report-validator.ts): a bundle that never calls checkReport leaves it out.
const validateReport = generatedReportValidator as unknown as ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null;
};

/** Problems with a report read back from disk (empty when it is a valid version-1 report). */
export function checkReport(data: unknown): string[] {
  if (validateReport(data)) {
    return [];
  }
  return schemaProblems(validateReport.errors).map(
    ({ pointer, message }) => `${pointer || '(report)'} ${message}`,
  );
}

/** The IDs a resumed run should try again: failed and skipped ones, except those skipped as invalid. */
export function resumableIds(report: LogoffReport): string[] {
  return [
    ...report.failed.map((entry) => entry.id),
    ...report.skipped.filter((entry) => entry.reason !== 'invalid').map((entry) => entry.id),
  ];
}
