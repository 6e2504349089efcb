// Watching a budget from outside: the lines it logs, and a wait for its next change of state (an event, not a
// sleep).
import type { BudgetLogger, BudgetState, UpstreamBudget } from '../../../src/budget/upstream-budget.js';

interface LoggedLine {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps its lines; `states()` lists the state each line reports. */
export function capturedLogs() {
  const lines: LoggedLine[] = [];
  const logger: BudgetLogger = {
    info: (fields, message) => lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => lines.push({ level: 'warn', fields, message }),
  };
  const states = () => lines.map((line) => line.fields.budgetState);
  return { lines, logger, states };
}

/** Resolves once the budget is in `state` (at once if it is). */
export const becomes = (replica: UpstreamBudget, state: BudgetState) =>
  replica.state === state
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        const listener = (change: { state: BudgetState }) => {
          if (change.state === state) {
            replica.off('state', listener);
            resolve();
          }
        };
        replica.on('state', listener);
      });
