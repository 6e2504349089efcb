// Generates what the proxy derives from its keys file's schema (schema/keys.v1.schema.json), into src/generated/
// (committed, never edited by hand):
//   keys-file.ts       the file's types (json-schema-to-typescript) and the schema as `as const` data
//   keys-validator.ts  an ajv standalone validator, bundled with the ajv helpers it needs (no compiler at run time)
// `--check` regenerates in memory and fails when a committed file differs (drift). The validator's bundling and
// the check are shared with core's generator (spec/scripts/codegen.mjs).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import { standaloneAjv, standaloneModule, writeOrCheck } from '../../../spec/scripts/codegen.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'generated');
const schema = JSON.parse(await readFile(join(here, '..', 'schema', 'keys.v1.schema.json'), 'utf8'));
const banner = `// Generated from schema/keys.v1.schema.json by apps/proxy/scripts/generate.mjs. Do not edit.\n`;

async function typesFile() {
  const { $id, title, ...rest } = schema;
  const types = await compile(rest, 'KeysFile', {
    bannerComment: '',
    additionalProperties: false,
    // Plain arrays rather than tuples for minItems: the validator enforces the minimum.
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 110 },
  });
  return `${banner}\n${types}\n/** The schema itself, as data (e.g. for the caller ID's pattern). */\nexport const keysFileSchema = ${JSON.stringify(schema, null, 2)} as const;\n`;
}

async function validatorFile() {
  // `parentSchema` in errors, so problems can be told in the schema's own words (x-message).
  const ajv = standaloneAjv({ verbose: true, keywords: ['x-message'] });
  ajv.addSchema(schema);
  // Each list's entries get a validator of their own (see keys-file.ts: checked one by one, in linear time).
  return standaloneModule(
    ajv,
    {
      validateKeysFile: schema.$id,
      validateCallerKey: `${schema.$id}#/$defs/CallerKey`,
      validateIssuer: `${schema.$id}#/$defs/Issuer`,
      validateTokenCaller: `${schema.$id}#/$defs/TokenCaller`,
    },
    banner,
  );
}

const files = { 'keys-file.ts': await typesFile(), 'keys-validator.ts': await validatorFile() };

await writeOrCheck(outDir, files, 'the keys schema');
