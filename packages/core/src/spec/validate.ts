// Runtime validation derived from the spec: the validators are ajv standalone code compiled from the spec's
// own schemas at generate time (generated/validators.ts), so no schema is written twice and no schema
// compiler ships with the package.
import type { ErrorObject } from 'ajv';
import { ValidationError, type ValidationIssue } from '../errors/classes.js';
import {
  validateDesktopId,
  validateLogoffRequest,
  validateMessage,
  validateProjectId,
} from './generated/validators.js';
import type { LogoffRequestBody } from './types.js';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

// Named imports, not a namespace object, so a bundler keeps only what is used.
const validators = {
  validateLogoffRequest,
  validateDesktopId,
  validateMessage,
  validateProjectId,
} as unknown as Record<
  'validateLogoffRequest' | 'validateDesktopId' | 'validateMessage' | 'validateProjectId',
  CompiledValidator
>;

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return current;
}

function toIssues(errors: ErrorObject[] | null | undefined, data: unknown, root: string): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined;
    const extra =
      error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const path = error.instancePath.replace(/^\//, '');
    const field = [root, path, missing ?? extra].filter(Boolean).join('/') || root || '(body)';
    const value = missing
      ? undefined
      : extra
        ? valueAt(data, `${error.instancePath}/${extra}`)
        : valueAt(data, error.instancePath);
    const hint = error.keyword === 'pattern' ? error.parentSchema?.['x-pattern-hint'] : undefined;
    const message = extra ? 'is not a known property' : (hint ?? error.message ?? 'is invalid');
    return { field, value, message };
  });
}

function check(validator: CompiledValidator, data: unknown, root: string): ValidationIssue[] {
  if (validator(data)) {
    return [];
  }
  // One issue per field: an empty ID breaks both minLength and pattern, but one reason is enough.
  const seen = new Set<string>();
  return toIssues(validator.errors, data, root).filter(
    (issue) => !seen.has(issue.field) && seen.add(issue.field),
  );
}

/** Problems with a request body (empty when valid). */
export function checkLogoffRequest(body: unknown): ValidationIssue[] {
  return check(validators.validateLogoffRequest, body, '');
}

/** Problems with one desktop ID (empty when valid), named as `field`. */
export function checkDesktopId(id: unknown, field = 'desktop_id'): ValidationIssue[] {
  return check(validators.validateDesktopId, id, field);
}

/** Problems with a message shown to users (empty when valid). */
export function checkMessage(message: unknown): ValidationIssue[] {
  return check(validators.validateMessage, message, 'message');
}

/** Problems with a project ID (empty when valid). */
export function checkProjectId(projectId: unknown): ValidationIssue[] {
  return check(validators.validateProjectId, projectId, 'project_id');
}

/** Throws a ValidationError naming every problem unless the request body is valid. */
export function assertLogoffRequest(body: unknown): asserts body is LogoffRequestBody {
  const issues = checkLogoffRequest(body);
  if (issues.length > 0) {
    throw new ValidationError(issues);
  }
}

/** Throws a ValidationError unless the project ID is valid. */
export function assertProjectId(projectId: unknown): asserts projectId is string {
  const issues = checkProjectId(projectId);
  if (issues.length > 0) {
    throw new ValidationError(issues);
  }
}
