// The upstream budget as a fastify plugin: every attempt a logoff makes upstream is admitted by the budget
// (budget/upstream-budget.ts) first, and the cloud's answers shrink or regrow it. The first attempt carries the
// caller's own rate (the one place it is applied); a retry is the proxy's, not the caller's, so it waits for a
// slot of the budget only. A request the budget refuses is never sent.

import type { ServerResponse } from 'node:http';
import { WksError, WorkspaceApiError } from '@wks-logoff/core';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Admission, BudgetCaller, Cancellation, RefusalReason } from '../budget/admission.js';
import { type BudgetOptions, UpstreamBudget } from '../budget/upstream-budget.js';
import { registerBudgetMetrics } from './budget-metrics.js';

/** The budget refused the request (it was not sent): answered 429 with `Retry-After`. */
export class BudgetRefusal extends Error {
  // Stryker disable next-line StringLiteral: never shown; the logoff route answers a refusal with its own text.
  override readonly name = 'BudgetRefusal';
  constructor(
    readonly reason: RefusalReason,
    readonly retryAfterMs: number,
  ) {
    // Stryker disable next-line StringLiteral: never shown either (the log line names `reason`).
    super(`refused by the upstream budget (${reason})`);
  }
}

interface UpstreamGate {
  readonly budget: UpstreamBudget;
  /**
   * Sends through the budget: each attempt waits for its slot (leaving the queue when the client goes away
   * before its answer), up to `attempts` when the failure is one worth another. Rejects with a BudgetRefusal
   * when the first attempt is refused, or with the last attempt's error.
   */
  send<T>(caller: BudgetCaller, response: ServerResponse, attempt: () => Promise<T>): Promise<T>;
  /** Why the replica serves on its own share of the budget (Redis cannot be used), or undefined. */
  degraded(): string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    upstreamGate: UpstreamGate;
  }
}

interface BudgetPluginOptions {
  budget: BudgetOptions;
  /** Attempts per request upstream, each admitted by the budget (WKS_PROXY_UPSTREAM_ATTEMPTS). */
  attempts: number;
}

/**
 * Aborts when the client goes away before its answer. (fastify's `request.signal` follows the request stream,
 * which closes once the body is read, so it would cancel every wait.) Made only when a request has to wait.
 */
function clientGone(response: ServerResponse): () => AbortSignal {
  let signal: AbortSignal | undefined;
  return () => {
    if (!signal) {
      const controller = new AbortController();
      signal = controller.signal;
      const abort = () => {
        if (!response.writableFinished) {
          controller.abort(new Error('the client went away'));
        }
      };
      if (response.destroyed) {
        abort();
      } else {
        response.once('close', abort);
      }
    }
    return signal;
  };
}

/** A cloud 429 (APIGW.0308, or any 429 the gateway sends): the budget is above what the cloud allows now. */
const isCloudThrottle = (error: unknown) => error instanceof WorkspaceApiError && error.status === 429;

async function gateUpstream(app: FastifyInstance, options: BudgetPluginOptions) {
  const budget = new UpstreamBudget({ ...options.budget, logger: app.log });
  const metrics = registerBudgetMetrics(app.metrics.registry, budget);

  const admit = async (caller: BudgetCaller, cancellation: Cancellation): Promise<Admission> => {
    try {
      const admission = await budget.admit(caller, cancellation);
      metrics.answered(caller.id, admission);
      return admission;
    } catch (reason) {
      metrics.cancelled(caller.id);
      throw reason;
    }
  };

  const gate: UpstreamGate = {
    budget,
    async send(caller, response, attempt) {
      const cancellation = clientGone(response);
      let failure: unknown;
      for (let sent = 0; sent < options.attempts; sent++) {
        const admission = await admit(
          sent === 0 ? caller : { id: caller.id, weight: caller.weight },
          cancellation,
        );
        if (!admission.ok) {
          if (sent === 0) {
            throw new BudgetRefusal(admission.reason, admission.retryAfterMs);
          }
          // No slot for a retry in time: the caller gets the cloud's last answer, and retries when it says.
          break;
        }
        try {
          const result = await attempt();
          budget.onCloudAccepted();
          return result;
        } catch (error) {
          failure = error;
          if (isCloudThrottle(error)) {
            budget.onCloudThrottled();
            metrics.cloudThrottled();
          }
          if (!(error instanceof WksError && error.retryable)) {
            break;
          }
        }
      }
      throw failure;
    },
    degraded: () =>
      budget.state === 'degraded'
        ? `Redis cannot be used: this replica sends at most its share of the upstream rate (1/${budget.replicasAlive})`
        : undefined,
  };
  app.decorate('upstreamGate', gate);
  // Resolves whether or not Redis answers: a replica without it starts degraded and keeps trying.
  await budget.start();
  app.addHook('onClose', () => budget.close());
}

export const budgetPlugin = fp(gateUpstream, { name: 'budget', fastify: '5.x', dependencies: ['metrics'] });
