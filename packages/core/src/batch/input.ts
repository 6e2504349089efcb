// Reading desktop IDs: validation against the spec's DesktopId schema and de-duplication, shared by the
// streaming engine and the pre-pass that checks a finite list before anything is sent.
import { checkDesktopId } from '../spec/validate.js';

export interface InvalidId {
  id: string;
  /** 0-based position in the input. */
  index: number;
  reason: string;
}

export interface PreparedIds {
  /** Valid, distinct IDs in input order. */
  ids: string[];
  invalid: InvalidId[];
  /** Repeated occurrences (of valid or invalid IDs), collapsed. */
  duplicates: number;
  /** IDs read, repeated occurrences included. */
  total: number;
}

/** Why an ID is not a valid desktop ID, or undefined when it is. */
export function invalidReason(id: unknown): string | undefined {
  return checkDesktopId(id)[0]?.message;
}

/** Validates a finite list completely (nothing is sent): the pre-pass the CLI runs by default. */
export function prepareIds(ids: Iterable<string>): PreparedIds {
  const seen = new Set<string>();
  const prepared: PreparedIds = { ids: [], invalid: [], duplicates: 0, total: 0 };
  for (const id of ids) {
    const index = prepared.total++;
    if (seen.has(id)) {
      prepared.duplicates++;
      continue;
    }
    seen.add(id);
    const reason = invalidReason(id);
    if (reason) prepared.invalid.push({ id, index, reason });
    else prepared.ids.push(id);
  }
  return prepared;
}
