// Generates everything core derives from the spec, into src/spec/generated/ (committed, never edited by hand):
//   openapi.ts     types of the operation (openapi-typescript)
//   schemas.ts     the spec's component schemas (without prose) and server regions as `as const` data (limits
//                  come from here)
//   validators.ts  ajv standalone validators of the request's schemas, bundled with the few ajv runtime helpers
//                  they `require`, so the published package ships no schema compiler.
//   report-validator.ts  the same for schema/report.v1.schema.json, in a module of its own so that a bundle
//                  which never checks a report leaves it out.
//   report.ts      the batch report's types, from schema/report.v1.schema.json (json-schema-to-typescript).
// `--check` regenerates in memory and fails when a committed file differs (drift). The validators' bundling and
// the check are shared with the proxy's generator (spec/scripts/codegen.mjs).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specKeywords } from '@wks-logoff/spec/ajv-keywords.js';
import { compile } from 'json-schema-to-typescript';
import openapiTS, { astToString } from 'openapi-typescript';
import { standaloneAjv, standaloneModule, writeOrCheck } from '../../../spec/scripts/codegen.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'spec', 'generated');
const specYaml = require.resolve('@wks-logoff/spec/openapi.yaml');
const spec = JSON.parse(await readFile(require.resolve('@wks-logoff/spec/openapi.json'), 'utf8'));
// The batch report's JSON Schema (published as @wks-logoff/core/report.schema.json).
const reportSchema = JSON.parse(await readFile(join(here, '..', 'schema', 'report.v1.schema.json'), 'utf8'));
const banner = '// Generated from @wks-logoff/spec by packages/core/scripts/generate.mjs. Do not edit.\n';
const reportBanner = `// Generated from schema/report.v1.schema.json (${reportSchema.title}) by packages/core/scripts/generate.mjs. Do not edit.\n`;

/** The spec's component schemas with `#/components/...` refs rewritten to `#/$defs/...`. */
function specDefs() {
  const defs = { ...spec.components.schemas, ProjectId: spec.components.parameters.ProjectId.schema };
  const json = JSON.stringify(defs).replaceAll('"#/components/schemas/', '"#/$defs/');
  return JSON.parse(json);
}

async function typesFile() {
  const ast = await openapiTS(new URL(`file://${specYaml}`), { alphabetize: false });
  return `${banner}${astToString(ast)}`;
}

function schemasFile() {
  // The schemas as data, for their numbers (limits): the prose stays in the spec.
  const defs = withoutAnnotations(specDefs());
  const regions = spec.servers[0].variables.region.enum;
  const lines = [banner];
  for (const [name, schema] of Object.entries(defs)) {
    lines.push(`export const ${name}Schema = ${JSON.stringify(schema, null, 2)} as const;\n`);
  }
  const operation = spec.paths['/v2/{project_id}/desktops/logoff'].post;
  const statuses = Object.keys(operation.responses)
    .map(Number)
    .sort((a, b) => a - b);
  lines.push(`/** Every HTTP status the spec declares for BatchLogoffDesktops. */`);
  lines.push(`export const documentedStatuses = ${JSON.stringify(statuses)} as const;\n`);
  lines.push(`/** Regions named by the spec's server variable. */`);
  lines.push(`export const specRegions = ${JSON.stringify(regions)} as const;\n`);
  lines.push(`/** The endpoint pattern of the spec's server, with \`{region}\` to fill in. */`);
  lines.push(`export const endpointTemplate = ${JSON.stringify(spec.servers[0].url)};\n`);
  return lines.join('\n');
}

/** A copy of `schema` without annotations: compiled validators embed their schemas (errors carry them). */
function withoutAnnotations(schema) {
  // Only the annotations' shapes: a property *named* `description` has a schema (an object) as its value.
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    (key === 'description' && typeof value === 'string') || (key === 'examples' && Array.isArray(value))
      ? undefined
      : value,
  );
}

/**
 * `verbose` puts `parentSchema` in errors, so messages can use the spec's `x-pattern-hint`. The spec's own keywords
 * (x-max-utf16-units, annotations) are defined once, by the spec package; `format: date-time` in the report schema
 * is documentation (timestamps are ours, not user input).
 */
const newAjv = ({ verbose }) => standaloneAjv({ verbose, keywords: specKeywords, validateFormats: false });

function validatorsFile() {
  const ajv = newAjv({ verbose: true });
  ajv.addSchema({ $id: 'wks', $defs: withoutAnnotations(specDefs()) });
  return standaloneModule(
    ajv,
    {
      validateLogoffRequest: 'wks#/$defs/LogoffDesktopsReq',
      validateDesktopId: 'wks#/$defs/DesktopId',
      validateMessage: 'wks#/$defs/LogoffMessage',
      validateProjectId: 'wks#/$defs/ProjectId',
    },
    banner,
  );
}

function reportValidatorFile() {
  // Report problems are named by path and message only: no schema in the errors, a third of the code.
  const ajv = newAjv({ verbose: false });
  ajv.addSchema(withoutAnnotations(reportSchema));
  return standaloneModule(ajv, { validateReport: reportSchema.$id }, reportBanner);
}

/** The report's types, named after the schema's $defs; the root is LogoffReport. */
async function reportTypesFile() {
  const { $id, title, ...schema } = reportSchema;
  const types = await compile(schema, 'LogoffReport', {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return `${reportBanner}\n${types}`;
}

const files = {
  'openapi.ts': await typesFile(),
  'schemas.ts': schemasFile(),
  'validators.ts': await validatorsFile(),
  'report-validator.ts': await reportValidatorFile(),
  'report.ts': await reportTypesFile(),
};

await writeOrCheck(outDir, files, 'the spec');
