// Generated from schema/report.v1.schema.json (wks-logoff batch logoff report, version 1) by packages/core/scripts/generate.mjs. Do not edit.

/**
 * Every distinct desktop ID given to a batch logoff appears exactly once, in succeeded, failed or skipped. totals.distinct = succeeded + failed + skipped; totals.input = distinct + duplicates.
 */
export interface LogoffReport {
  schemaVersion: 1;
  projectId: string;
  target?: ReportTarget;
  message?: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  totals: Totals;
  requests: RequestCounts;
  stopped?: StopInfo;
  succeeded: SucceededEntry[];
  failed: FailedEntry[];
  skipped: SkippedEntry[];
  /**
   * One entry per logoff call (chunk or isolation half), with the cloud's request ID.
   */
  calls: CallRecord[];
}
/**
 * Where the calls went and how they were authenticated, as the caller resolved it; never a secret. Absent from reports written before it was added, and when the caller did not say (logoffMany's `target` option).
 *
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "ReportTarget".
 */
export interface ReportTarget {
  /**
   * The base URL the logoff calls were sent to: the Workspace endpoint, or the URL of a wks-logoff proxy.
   */
  endpoint: string;
  /**
   * The region the endpoint belongs to, when one was named.
   */
  region?: string;
  /**
   * How the calls were authenticated: to the cloud, `aksk`, `iam-token` or `iam-password`; to a wks-logoff proxy, the caller's `proxy-token` or `proxy-key`.
   */
  auth: string;
  /**
   * True when the calls went through a wks-logoff proxy, which holds the cloud credentials.
   */
  proxy: boolean;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "Totals".
 */
export interface Totals {
  /**
   * IDs read, repeated occurrences included.
   */
  input: number;
  distinct: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /**
   * Repeated occurrences, collapsed and not sent again.
   */
  duplicates: number;
  /**
   * Succeeded entries whose request may have been delivered more than once.
   */
  uncertain: number;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "RequestCounts".
 */
export interface RequestCounts {
  /**
   * HTTP attempts sent, retries included.
   */
  total: number;
  retries: number;
  /**
   * Calls made to isolate failing desktops (group testing), beyond the first call of each chunk.
   */
  isolation: number;
  /**
   * Chunks put back in the queue after throttling.
   */
  requeued: number;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "StopInfo".
 */
export interface StopInfo {
  /**
   * Why the batch stopped: wrong credentials (`auth`), no permission (`forbidden`), cancelled, the cloud failing every call alike (`unreachable`: several calls in a row, or every call of a batch too small for several, failed to connect, timed out, were redirected or got 5xx after their retries; absent from reports written before it was added), or the configuration failing every call before anything was sent (`configuration`: e.g. a token file that vanished or holds a malformed credential; absent from reports written before it was added).
   */
  reason: 'auth' | 'forbidden' | 'cancelled' | 'unreachable' | 'configuration';
  status?: number;
  errorCode?: string;
  message?: string;
  /**
   * What the user can do about it, when known (e.g. which credentials or clock to check). Absent from reports written before it was added.
   */
  hint?: string;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "SucceededEntry".
 */
export interface SucceededEntry {
  id: string;
  requestId?: string;
  /**
   * The request may have been delivered more than once.
   */
  uncertain?: true;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "FailedEntry".
 */
export interface FailedEntry {
  id: string;
  /**
   * One line: what the cloud said, or why we gave up.
   */
  reason: string;
  status?: number;
  errorCode?: string;
  errorMsg?: string;
  requestId?: string;
  /**
   * True when isolation showed this desktop fails: alone, or in a group whose other desktops all passed (the error is then the group's, which only this desktop can have caused).
   */
  isolated?: boolean;
  /**
   * True when the isolation budget ran out before this desktop was told apart from the others of its group: the group failed because of one of them, not necessarily this one. Resumable.
   */
  unisolated?: true;
  uncertain?: true;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "SkippedEntry".
 */
export interface SkippedEntry {
  id: string;
  reason: 'invalid' | 'cancelled' | 'stopped';
  detail: string;
}
/**
 * This interface was referenced by `LogoffReport`'s JSON-Schema
 * via the `definition` "CallRecord".
 */
export interface CallRecord {
  size: number;
  outcome: 'succeeded' | 'failed';
  status?: number;
  errorCode?: string;
  requestId?: string;
  attempts: number;
  isolation: boolean;
}
