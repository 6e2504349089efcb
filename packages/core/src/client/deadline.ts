// A signal that aborts after a time or when any given signal does, and whose timer is released as soon as the
// work is done. AbortSignal.timeout() keeps its timer (and the signal) alive for the whole timeout, so at a proxy's
// request rate every call of the last timeout's worth would stay in memory.
export interface Deadline {
  readonly signal: AbortSignal;
  clear(): void;
}

export function deadline(ms: number | undefined, signals: readonly AbortSignal[] = []): Deadline {
  const controller = new AbortController();
  const onAbort = (event: Event) => controller.abort((event.target as AbortSignal).reason);
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(() => controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), ms);
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      for (const signal of signals) {
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
