import type { Transport } from '../../src/index.js';

export const DESKTOP = '2a010270-a011-415e-b1cd-3c484c8a8001';

/** A transport that counts requests and can add headers (e.g. Prism's `Prefer`) before sending. */
export function countingTransport(extraHeaders: Record<string, string> = {}) {
  const sent: Request[] = [];
  const transport: Transport = async (request) => {
    for (const [name, value] of Object.entries(extraHeaders)) {
      request.headers.set(name, value);
    }
    sent.push(request.clone());
    return fetch(request);
  };
  return { transport, sent };
}

/** Awaits a promise that must reject and returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
