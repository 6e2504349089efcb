// The arithmetic of `bench:quota`, apart from the processes it runs so that test/bench/quota-figures.test.ts can
// check it: from what the fake cloud saw (every upstream request, and which caller's calls it accepted when),
// the throttled share, the time against the ideal, Jain's fairness index and the achieved weight ratio.

/**
 * Jain's fairness index of `values`: (Σx)² / (n·Σx²). 1 when all are equal; 1/n when one has everything.
 * @param {readonly number[]} values
 */
export function jainIndex(values) {
  const sum = values.reduce((a, b) => a + b, 0);
  const squares = values.reduce((a, b) => a + b * b, 0);
  return squares === 0 ? 1 : (sum * sum) / (values.length * squares);
}

/**
 * The span in which every caller was active: from the latest first accepted call to the earliest last one. Null
 * when a caller had no call accepted or the spans do not overlap.
 * @param {readonly { at: number, caller: string }[]} accepted
 * @param {readonly string[]} callers
 */
export function allActiveWindow(accepted, callers) {
  const first = new Map();
  const last = new Map();
  for (const call of accepted) {
    if (!first.has(call.caller)) {
      first.set(call.caller, call.at);
    }
    last.set(call.caller, call.at);
  }
  if (callers.some((caller) => !first.has(caller))) {
    return null;
  }
  const start = Math.max(...callers.map((caller) => first.get(caller)));
  const end = Math.min(...callers.map((caller) => last.get(caller)));
  return end > start ? { start, end } : null;
}

/**
 * Every figure of one run.
 * @param {{
 *   callers: readonly { id: string, weight: number }[],
 *   requests: readonly { at: number, throttled: boolean }[],
 *   accepted: readonly { at: number, caller: string }[],
 *   rate: number,
 * }} run
 */
export function quotaFigures({ callers, requests, accepted, rate }) {
  const throttled = requests.filter((request) => request.throttled).length;
  const ideal = (accepted.length / rate) * 1000;
  // Spaced perfectly, n calls span (n - 1) intervals: one more interval makes the span comparable to n ÷ rate.
  const span =
    requests.length === 0 || accepted.length === 0
      ? 0
      : Math.max(...accepted.map((call) => call.at)) -
        Math.min(...requests.map((request) => request.at)) +
        1000 / rate;
  const window = allActiveWindow(
    accepted,
    callers.map((caller) => caller.id),
  );
  const inWindow = new Map(callers.map((caller) => [caller.id, 0]));
  for (const call of accepted) {
    if (window && call.at >= window.start && call.at <= window.end) {
      inWindow.set(call.caller, (inWindow.get(call.caller) ?? 0) + 1);
    }
  }
  // Each caller's throughput divided by its weight: fair is equal per unit of weight.
  const perWeight = callers.map((caller) => (inWindow.get(caller.id) ?? 0) / caller.weight);
  const weights = [...new Set(callers.map((caller) => caller.weight))].sort((a, b) => b - a);
  const meanOf = (weight) => {
    const group = callers.filter((caller) => caller.weight === weight);
    return group.reduce((sum, caller) => sum + (inWindow.get(caller.id) ?? 0), 0) / group.length;
  };
  const heavy = weights[0];
  const light = weights.at(-1);
  return {
    requests: requests.length,
    throttled,
    throttledShare: requests.length === 0 ? 0 : throttled / requests.length,
    calls: accepted.length,
    idealMs: ideal,
    spanMs: span,
    timeRatio: ideal === 0 ? Number.NaN : span / ideal,
    window,
    jain: window ? jainIndex(perWeight) : Number.NaN,
    weightRatio:
      window && weights.length === 2 && meanOf(light) > 0
        ? { heavy, light, target: heavy / light, achieved: meanOf(heavy) / meanOf(light) }
        : null,
  };
}
