// How the upstream budget follows the cloud's own limit, as core's pacer does (packages/core/src/batch/pace.ts):
// each cloud 429 halves the share of the configured rate in use (multiplicative decrease, down to a sixteenth);
// each accepted call raises it by a twentieth (additive increase), back to the whole rate. The shared budget's
// Lua script receives these numbers from here.
export const AIMD = { decrease: 0.5, increase: 1 / 20, floor: 1 / 16 } as const;

/** The share after a cloud 429. */
export function shrunk(factor: number): number {
  return Math.max(AIMD.floor, factor * AIMD.decrease);
}

/** The share after an accepted call. */
export function regrown(factor: number): number {
  return Math.min(1, factor + AIMD.increase);
}
