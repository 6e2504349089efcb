// The fake cloud enforces the spec's request schema, compiled from the spec document itself.
import { createRequire } from 'node:module';
import { specKeywords } from '@wks-logoff/spec/ajv-keywords.js';
import Ajv2020 from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const spec = require('@wks-logoff/spec/openapi.json') as { components: { schemas: Record<string, unknown> } };

const defs = JSON.parse(
  JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"#/$defs/'),
);
const ajv = new Ajv2020.default({ allErrors: false, strict: false, keywords: specKeywords });
ajv.addSchema({ $id: 'spec', $defs: defs });

const validate = ajv.getSchema('spec#/$defs/LogoffDesktopsReq');
if (!validate) {
  throw new Error('LogoffDesktopsReq is missing from the spec');
}

export interface LogoffBody {
  desktop_ids: string[];
  message?: string;
}

/** The first problem with a body, in ajv's words, or undefined when it is valid. */
export function bodyProblem(body: unknown): string | undefined {
  if (validate?.(body)) {
    return undefined;
  }
  const error = validate?.errors?.[0];
  return error ? `${error.instancePath || 'body'} ${error.message}` : 'invalid body';
}
