// Reading desktop IDs: each is checked against the spec's DesktopId schema, by the streaming engine and by the
// plan that checks a finite list before anything is sent.
import { checkDesktopId } from '../spec/validate.js';

export interface InvalidId {
  id: string;
  /** 0-based position in the input. */
  index: number;
  reason: string;
}

/** Why an ID is not a valid desktop ID, or undefined when it is. */
export function invalidReason(id: unknown): string | undefined {
  return checkDesktopId(id)[0]?.message;
}
