// The keys file, read and checked against its schema (schema/keys.v1.schema.json, compiled at generate time): each
// problem on its own line, named by where it is (`keys[2].sha256`) and said in the schema's words (`x-message`).
// It names the callers: by key, and by the tokens of the identity providers (issuers) it lists.
import { type SchemaError, type SchemaProblem, schemaProblems } from '@wks-logoff/core';
import { didYouMean } from './did-you-mean.js';
import type { KeysFile } from './generated/keys-file.js';
import * as generated from './generated/keys-validator.js';
import { parseJsonFile } from './json-file.js';

export type {
  CallerId,
  CallerKey,
  Issuer,
  JwsAlgorithm,
  KeysFile,
  Projects,
  Rate,
  TokenCaller,
  Weight,
} from './generated/keys-file.js';

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
const validators = generated as unknown as Record<
  'validateKeysFile' | 'validateCallerKey' | 'validateIssuer' | 'validateTokenCaller',
  Validator
>;

/**
 * The file's lists, each with the validator of its entries. Entries are checked one by one: ajv's code for a
 * list of $ref'd entries gathers their errors with concat, quadratic in their number, so a large file of bad
 * entries would hold the proxy's start (or a reload) for minutes.
 */
const LISTS: Record<string, Validator> = {
  keys: validators.validateCallerKey,
  issuers: validators.validateIssuer,
  callers: validators.validateTokenCaller,
};

export class KeysFileError extends Error {
  override readonly name = 'KeysFileError';
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`Keys file ${path} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** `/keys/0/sha256` → `keys[0].sha256` */
function where(pointer: string, property?: string): string {
  const parts = [...pointer.split('/').slice(1), ...(property ? [property] : [])];
  return parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function problemOf({ pointer, property, message }: SchemaProblem): string {
  if (property?.missing) {
    return `${where(pointer, property.name)} is required`;
  }
  if (property) {
    const meant = didYouMean(property.name, property.known);
    return `${where(pointer, property.name)} is not a known property${meant ? ` (did you mean "${meant}"?)` : ''}`;
  }
  return pointer ? `${where(pointer)} ${message}` : message;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  // Stryker disable next-line ConditionalExpression,StringLiteral: validated whole, a file has the same problems (only slower).
  typeof value === 'object' && value !== null && !Array.isArray(value);

function problemsOf(validate: Validator, data: unknown, at: string): string[] {
  // Stryker disable next-line BlockStatement: a valid entry leaves no errors to map.
  if (validate(data)) {
    return [];
  }
  // The schema says what each value must be in the operator's words (x-message).
  return schemaProblems(validate.errors, { annotation: 'x-message' }).map((problem) =>
    problemOf({ ...problem, pointer: at + problem.pointer }),
  );
}

/** Problems with a keys file's content (empty when it is valid), one per place. */
export function keysFileProblems(value: unknown): string[] {
  // The file with its lists emptied, then each list's entries on their own.
  const shell = isObject(value)
    ? Object.fromEntries(
        // Stryker disable next-line ConditionalExpression: lists left in give the same problems, deduplicated (only slower).
        Object.entries(value).map(([name, v]) => [name, name in LISTS && Array.isArray(v) ? [] : v]),
      )
    : value;
  const problems = problemsOf(validators.validateKeysFile, shell, '');
  if (isObject(value)) {
    for (const [name, validate] of Object.entries(LISTS)) {
      const list = value[name];
      if (!Array.isArray(list)) {
        continue;
      }
      for (const [index, entry] of list.entries()) {
        problems.push(...problemsOf(validate, entry, `/${name}/${index}`));
      }
    }
  }
  if (problems.length > 0) {
    return [...new Map(problems.map((problem) => [problem.split(' ')[0], problem])).values()];
  }
  return crossProblems(value as KeysFile);
}

/** What the schema cannot say: one ID per caller, known issuers, https, something to match on. */
function crossProblems(file: KeysFile): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const named = (id: string, at: string) => {
    const first = ids.get(id);
    if (first) {
      problems.push(`${at}.id "${id}" is already the id of ${first}`);
    }
    ids.set(id, first ?? at);
  };
  for (const [index, key] of file.keys.entries()) {
    named(key.id, `keys[${index}]`);
  }
  const issuers = new Set<string>();
  // Stryker disable next-line ArrayDeclaration: an entry that is not an issuer names no URL and matches no caller.
  for (const [index, issuer] of (file.issuers ?? []).entries()) {
    if (issuers.has(issuer.issuer)) {
      problems.push(`issuers[${index}].issuer "${issuer.issuer}" is listed twice`);
    }
    issuers.add(issuer.issuer);
    for (const field of ['issuer', 'jwksUri'] as const) {
      const url = issuer[field];
      if (url !== undefined && !isSecureUrl(url)) {
        problems.push(`issuers[${index}].${field} must be an https URL (http only on loopback)`);
      }
    }
  }
  for (const [index, caller] of (file.callers ?? []).entries()) {
    named(caller.id, `callers[${index}]`);
    if (!issuers.has(caller.issuer)) {
      problems.push(`callers[${index}].issuer "${caller.issuer}" is not one of the issuers`);
    }
    if (caller.subject === undefined && caller.claims === undefined) {
      problems.push(`callers[${index}] must name a subject or claims to match`);
    }
  }
  return problems;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to this machine (tests): a key set fetched in the clear could be swapped on the way. */
export function isSecureUrl(text: string): boolean {
  // Stryker disable BlockStatement: an empty catch gives undefined, which every caller reads as false.
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}
// Stryker restore BlockStatement

/** The keys file's content; a KeysFileError naming every problem otherwise. */
export function parseKeysFile(bytes: Uint8Array, path: string): KeysFile {
  const parsed = parseJsonFile(bytes);
  if (!parsed.ok) {
    throw new KeysFileError(path, [parsed.problem]);
  }
  const problems = keysFileProblems(parsed.value);
  if (problems.length > 0) {
    throw new KeysFileError(path, problems);
  }
  return parsed.value as KeysFile;
}
