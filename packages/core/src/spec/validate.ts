// Runtime validation derived from the spec: the validators are ajv standalone code compiled from the spec's
// own schemas at generate time (generated/validators.ts), so no schema is written twice and no schema
// compiler ships with the package.
import { ValidationError, type ValidationIssue } from '../errors/classes.js';
import {
  validateDesktopId,
  validateLogoffRequest,
  validateMessage,
  validateProjectId,
} from './generated/validators.js';
import { type SchemaError, type SchemaWords, schemaProblems } from './schema-problems.js';
import type { LogoffRequestBody } from './types.js';

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

// The spec words a pattern for users (`x-pattern-hint`): a regular expression says nothing to most of them.
const PATTERN_HINT: SchemaWords = { annotation: 'x-pattern-hint', keyword: 'pattern' };

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

function toIssues(errors: SchemaError[] | null | undefined, data: unknown, root: string): ValidationIssue[] {
  return schemaProblems(errors, PATTERN_HINT).map(({ pointer, property, message }) => {
    const path = pointer.replace(/^\//, '');
    const field = [root, path, property?.name].filter(Boolean).join('/') || root || '(body)';
    if (!property) {
      return { field, value: valueAt(data, pointer), message };
    }
    return property.missing
      ? { field, value: undefined, message }
      : { field, value: valueAt(data, `${pointer}/${property.name}`), message: 'is not a known property' };
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
