// Types of quota-figures.mjs, for its test.
export interface AcceptedCall {
  at: number;
  caller: string;
}
export interface UpstreamRequest {
  at: number;
  throttled: boolean;
}
export interface QuotaFigures {
  requests: number;
  throttled: number;
  throttledShare: number;
  calls: number;
  idealMs: number;
  spanMs: number;
  timeRatio: number;
  window: { start: number; end: number } | null;
  jain: number;
  weightRatio: { heavy: number; light: number; target: number; achieved: number } | null;
}
export function jainIndex(values: readonly number[]): number;
export function allActiveWindow(
  accepted: readonly AcceptedCall[],
  callers: readonly string[],
): { start: number; end: number } | null;
export function quotaFigures(run: {
  callers: readonly { id: string; weight: number }[];
  requests: readonly UpstreamRequest[];
  accepted: readonly AcceptedCall[];
  rate: number;
}): QuotaFigures;
