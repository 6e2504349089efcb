// Plays one fault on a logoff request: answers it badly, kills its connection, or only delays it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gatewayError, newRequestId, serviceError } from './answers.js';
import type { Fault } from './faults.js';

/** What the fault answered (status 0: no answer, the connection was destroyed). */
export interface FaultAnswer {
  status: number;
  requestId: string;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The fault's answer, or undefined when it only delayed the request (which then goes on normally). `elsewhere` is
 * the origin a redirect points to.
 */
export async function applyFault(
  fault: Fault,
  raw: IncomingMessage,
  response: ServerResponse,
  elsewhere: string,
): Promise<FaultAnswer | undefined> {
  switch (fault.type) {
    case 'throttle':
      return {
        status: 429,
        requestId: gatewayError(
          response,
          429,
          'APIGW.0308',
          'The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute',
          fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
        ),
      };
    case 'status': {
      const code = fault.errorCode ?? (fault.status >= 500 ? 'APIGW.0610' : 'WKS.0001');
      const msg = fault.errorMsg ?? `Injected HTTP ${fault.status}`;
      const requestId = code.startsWith('APIGW')
        ? gatewayError(response, fault.status, code, msg)
        : serviceError(response, fault.status, code, msg);
      return { status: fault.status, requestId };
    }
    case 'non-json': {
      const requestId = newRequestId();
      response.writeHead(fault.status, { 'content-type': 'text/html', 'x-request-id': requestId });
      response.end(fault.body ?? '<html><body><h1>Bad Gateway</h1></body></html>');
      return { status: fault.status, requestId };
    }
    case 'huge': {
      const requestId = newRequestId();
      await streamHuge(response, fault.status, fault.bytes, fault.declareLength === true, requestId);
      return { status: fault.status, requestId };
    }
    case 'reset':
      raw.socket.destroy();
      return { status: 0, requestId: '' };
    case 'reset-mid-answer': {
      const requestId = newRequestId();
      response.writeHead(fault.status, {
        'content-type': 'application/json',
        'content-length': '200',
        'x-request-id': requestId,
      });
      response.write('{"error_code": "WKS');
      await delay(10);
      raw.socket.destroy();
      return { status: fault.status, requestId };
    }
    case 'slow-body': {
      const requestId = newRequestId();
      const text = JSON.stringify({
        error_code: 'APIGW.0610',
        error_msg: 'No backend available.',
        request_id: requestId,
      });
      response.writeHead(fault.status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        'x-request-id': requestId,
      });
      response.flushHeaders();
      await delay(fault.delayMs);
      if (!response.destroyed) {
        response.end(text);
      }
      return { status: fault.status, requestId };
    }
    case 'slow':
      await delay(fault.delayMs);
      return undefined;
    case 'redirect': {
      const requestId = newRequestId();
      response.writeHead(fault.status, {
        location: `${elsewhere}${raw.url ?? '/'}`,
        'x-request-id': requestId,
        'content-length': '0',
      });
      response.end();
      return { status: fault.status, requestId };
    }
    case 'other-success': {
      const requestId = newRequestId();
      response.writeHead(fault.status, { 'x-request-id': requestId, 'content-length': '0' });
      response.end();
      return { status: fault.status, requestId };
    }
  }
}

/** Writes `bytes` bytes of HTML, honouring back-pressure, until done or the client goes away. */
async function streamHuge(
  response: ServerResponse,
  status: number,
  bytes: number,
  declareLength: boolean,
  requestId: string,
): Promise<void> {
  response.writeHead(status, {
    'content-type': 'text/html',
    'x-request-id': requestId,
    ...(declareLength ? { 'content-length': String(bytes) } : {}),
  });
  const piece = Buffer.alloc(64 * 1024, 'x');
  for (let sent = 0; sent < bytes && !response.destroyed; sent += piece.length) {
    if (!response.write(piece.subarray(0, Math.min(piece.length, bytes - sent)))) {
      await drainedOrClosed(response);
    }
  }
  if (!response.destroyed) {
    response.end();
  }
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      response.off('drain', go);
      response.off('close', go);
      resolve();
    };
    response.on('drain', go);
    response.on('close', go);
  });
}
