// The fuzz test's oracle: whether a request is one the proxy must forward, decided from the spec (its path, its
// request body's content type and schema, compiled here independently of core's validators) and the keys file.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import { specKeywords } from '@wks-logoff/spec/ajv-keywords.js';
import Ajv2020 from 'ajv/dist/2020.js';
import type { FuzzRequest } from './requests.js';

const require = createRequire(import.meta.url);
const spec = require('@wks-logoff/spec/openapi.json');
const operationPath = Object.keys(spec.paths)[0] as string;
const operation = spec.paths[operationPath].post;
const ajv = new Ajv2020.default({ strict: false, keywords: specKeywords });
ajv.addSchema({
  $id: 'spec',
  ...JSON.parse(
    JSON.stringify({ components: spec.components }).replaceAll('"#/components/', '"spec#/components/'),
  ),
});
const validBody = ajv.compile({ $ref: 'spec#/components/schemas/LogoffDesktopsReq' });
const validProject = ajv.compile({ $ref: 'spec#/components/parameters/ProjectId/schema' });
const mediaTypes = Object.keys(operation.requestBody.content);

export interface OracleContext {
  /** Caller keys: the key → the projects it may use (`*` for all). */
  keys: Map<string, string[]>;
  bodyLimit: number;
  /** Tokens of a configured issuer that cannot be reached: the proxy may answer them 503. */
  unavailable: Set<string>;
}

/**
 * The project of a path shaped like the operation's, as sent; undefined for any other path. A path is never
 * decoded: the proxy's README refuses encoded characters, and the spec's pattern allows no `%`.
 */
function projectOf(path: string): string | undefined {
  const [pathname = ''] = path.split('?');
  const pattern = new RegExp(`^${operationPath.replace('{project_id}', '([^/]*)')}$`);
  return pattern.exec(pathname)?.[1];
}

function bearerKey(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

function isJson(contentType: string | undefined): boolean {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  return media !== undefined && mediaTypes.includes(media);
}

/** JSON in UTF-8 (RFC 8259 §8.1), parsed; not ok for anything else. */
function parsedBody(body: string | Buffer): { ok: true; value: unknown } | { ok: false } {
  if (typeof body !== 'string' && !isUtf8(body)) {
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(body.toString()) };
  } catch {
    return { ok: false };
  }
}

const header = (request: FuzzRequest, name: string) =>
  request.headers.find(([key]) => key.toLowerCase() === name)?.[1];

/** True when the request carries a token whose issuer cannot be reached: a 503 is then a right answer. */
export function mayBeUnavailable(request: FuzzRequest, context: OracleContext): boolean {
  return context.unavailable.has(bearerKey(header(request, 'authorization')) ?? '');
}

/** True when the proxy must forward the request; anything else must get a 4xx and never reach the cloud. */
export function mustForward(request: FuzzRequest, context: OracleContext): boolean {
  if (request.framing !== 'content-length' && request.framing !== 'chunked') {
    return false;
  }
  if (!request.headers.some(([name]) => name.toLowerCase() === 'host')) {
    return false;
  }
  if (request.method !== 'POST') {
    return false;
  }
  const project = projectOf(request.path);
  if (project === undefined || !validProject(project)) {
    return false;
  }
  const allowed = context.keys.get(bearerKey(header(request, 'authorization')) ?? '');
  if (!allowed || !(allowed.includes('*') || allowed.includes(project))) {
    return false;
  }
  if (!isJson(header(request, 'content-type'))) {
    return false;
  }
  if (Buffer.byteLength(request.body) > context.bodyLimit) {
    return false;
  }
  const parsed = parsedBody(request.body);
  return parsed.ok && validBody(parsed.value);
}
