// Checks an answer of the proxy against the spec: the status must be declared, the body must match that
// status's schema (compiled from the spec document with ajv), and X-Request-Id must be a string when present.
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const spec = require('@wks-logoff/spec/openapi.json');
const operation = spec.paths['/v2/{project_id}/desktops/logoff'].post;
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
ajv.addSchema({
  $id: 'spec',
  ...JSON.parse(
    JSON.stringify({ components: spec.components }).replaceAll('"#/components/', '"spec#/components/'),
  ),
});

export const declaredStatuses: string[] = Object.keys(operation.responses);

export function specProblems(status: number, body: string, contentType: string | undefined): string[] {
  const response = operation.responses[String(status)];
  if (!response) {
    return [`status ${status} is not declared`];
  }
  const schema = response.content?.['application/json']?.schema;
  if (!schema) {
    return body.length === 0 ? [] : [`status ${status} must have no body`];
  }
  if (!contentType?.startsWith('application/json')) {
    return [`content-type ${contentType} is not JSON`];
  }
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/')),
  );
  return validate(JSON.parse(body))
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
