// The logoff API behind the gateway: records every request, lets the gateway authenticate and throttle it, plays
// the next fault, checks the body against the spec, fails the whole request for the first kind of bad desktop (as
// the real API does), and otherwise logs the desktops off.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newRequestId, parseJson, serviceError } from './answers.js';
import { applyFault } from './apply-fault.js';
import { bodyProblem, type LogoffBody } from './body-validator.js';
import { type Fault, timingOf } from './faults.js';
import type { GatewayAuth } from './gateway-auth.js';
import type { ThrottleWindow } from './throttle-window.js';

export interface LogoffRecord {
  n: number;
  status: number;
  requestId: string;
  ids: readonly string[];
  processed: boolean;
  fault: Fault['type'] | undefined;
}

export type DesktopKind = 'unknown' | 'busy' | 'forbidden';

/** Chooses a fault for the n-th authenticated logoff request (1-based), after queued faults. */
export type FaultPlan = (n: number, ids: readonly string[]) => Fault | undefined;

const REJECTIONS = [
  {
    kind: 'unknown',
    status: 404,
    code: 'WKS.0003',
    message: 'The desktop does not exist.',
    detail: 'desktops not found',
  },
  {
    kind: 'forbidden',
    status: 403,
    code: 'WKS.0006',
    message: 'No operation permissions.',
    detail: 'not allowed on desktops',
  },
  { kind: 'busy', status: 409, code: 'WKS.0407', message: 'The desktop is busy.', detail: 'desktops busy' },
] as const;

export class LogoffService {
  /** Desktop ID → how many times it was logged off. */
  readonly loggedOff = new Map<string, number>();
  /** Every logoff request, in order of arrival (authentication failures included). */
  readonly log: LogoffRecord[] = [];
  /** Messages delivered with processed logoffs. */
  readonly messages: (string | undefined)[] = [];
  readonly desktops: Record<DesktopKind, Set<string>>;
  plan: FaultPlan | undefined;
  readonly #queued: Fault[] = [];
  readonly #waiters: { count: number; resolve: () => void }[] = [];
  /** Authenticated requests so far (what a fault plan counts). */
  #authenticated = 0;

  constructor(
    private readonly auth: GatewayAuth,
    private readonly throttle: ThrottleWindow,
    private readonly latencyMs: number | undefined,
    desktops: Record<DesktopKind, Iterable<string> | undefined>,
    plan: FaultPlan | undefined,
    private readonly nameDesktops: boolean,
    /** The origin the redirect fault points to. */
    private readonly elsewhere: string,
  ) {
    this.desktops = {
      unknown: new Set(desktops.unknown ?? []),
      busy: new Set(desktops.busy ?? []),
      forbidden: new Set(desktops.forbidden ?? []),
    };
    this.plan = plan;
  }

  received(count: number): Promise<void> {
    if (this.log.length >= count) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  inject(fault: Fault, times: number): void {
    for (let i = 0; i < times; i++) {
      this.#queued.push(fault);
    }
  }

  async handle(raw: IncomingMessage, body: Buffer, response: ServerResponse): Promise<void> {
    const parsed = parseJson(body);
    const record = this.#record(parsed);
    if (!this.auth.check(raw, body, response)) {
      record.status = 401;
      return;
    }
    this.#authenticated += 1;
    if (this.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    }
    const fault = this.throttle.over()
      ? ({ type: 'throttle' } as const)
      : (this.#queued.shift() ?? this.plan?.(this.#authenticated, record.ids));
    if (fault && timingOf(fault) === 'before' && (await this.#play(fault, raw, response, record))) {
      return;
    }

    const problem = parsed === undefined ? 'body is not JSON' : bodyProblem(parsed);
    if (problem) {
      record.status = 400;
      record.requestId = serviceError(response, 400, 'WKS.0002', 'Invalid parameter.', problem);
      return;
    }
    for (const rejection of REJECTIONS) {
      const hit = record.ids.filter((id) => this.desktops[rejection.kind].has(id));
      if (hit.length > 0) {
        record.status = rejection.status;
        const detail = this.nameDesktops ? `${rejection.detail}: ${hit.join(',')}` : undefined;
        record.requestId = serviceError(
          response,
          rejection.status,
          rejection.code,
          rejection.message,
          detail,
        );
        return;
      }
    }
    for (const id of record.ids) {
      this.loggedOff.set(id, (this.loggedOff.get(id) ?? 0) + 1);
    }
    this.messages.push((parsed as LogoffBody).message);
    record.processed = true;
    if (fault && timingOf(fault) === 'after' && (await this.#play(fault, raw, response, record))) {
      return;
    }
    record.status = 200;
    record.requestId = newRequestId();
    response.writeHead(200, { 'x-request-id': record.requestId, 'content-length': '0' });
    response.end();
  }

  /** Logs the request's arrival and wakes whoever waits for it. */
  #record(parsed: unknown): LogoffRecord {
    const ids = (parsed as LogoffBody | undefined)?.desktop_ids;
    const record: LogoffRecord = {
      n: this.log.length + 1,
      status: 0,
      requestId: '',
      ids: Array.isArray(ids) ? ids.map(String) : [],
      processed: false,
      fault: undefined,
    };
    this.log.push(record);
    for (const waiter of this.#waiters.filter((w) => this.log.length >= w.count)) {
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return record;
  }

  /** True when the fault answered (or killed) the request. */
  async #play(
    fault: Fault,
    raw: IncomingMessage,
    response: ServerResponse,
    record: LogoffRecord,
  ): Promise<boolean> {
    record.fault = fault.type;
    const answer = await applyFault(fault, raw, response, this.elsewhere);
    if (!answer) {
      return false;
    }
    record.status = answer.status;
    record.requestId = answer.requestId;
    return true;
  }
}
