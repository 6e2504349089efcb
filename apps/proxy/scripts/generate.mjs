// Generates what the proxy derives from its keys file's schema (schema/keys.v1.schema.json), into src/generated/
// (committed, never edited by hand):
//   keys-file.ts       the file's types (json-schema-to-typescript) and the schema as `as const` data
//   keys-validator.ts  an ajv standalone validator, bundled with the ajv helpers it needs (no compiler at run time)
// `--check` regenerates in memory and fails when a committed file differs (drift).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { compile } from 'json-schema-to-typescript';

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
  const ajv = new Ajv2020({
    code: { source: true, esm: true, optimize: true },
    allErrors: true,
    strict: true,
    verbose: true,
    keywords: ['x-message'],
  });
  ajv.addSchema(schema);
  // Each list's entries get a validator of their own (see keys-file.ts: checked one by one, in linear time).
  const source = standaloneCode(ajv, {
    validateKeysFile: schema.$id,
    validateCallerKey: `${schema.$id}#/$defs/CallerKey`,
    validateIssuer: `${schema.$id}#/$defs/Issuer`,
    validateTokenCaller: `${schema.$id}#/$defs/TokenCaller`,
  });
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return `${banner}// @ts-nocheck\n${result.outputFiles[0].text}`;
}

const files = { 'keys-file.ts': await typesFile(), 'keys-validator.ts': await validatorFile() };

if (process.argv.includes('--check')) {
  const drifted = [];
  for (const [name, contents] of Object.entries(files)) {
    if ((await readFile(join(outDir, name), 'utf8').catch(() => '')) !== contents) {
      drifted.push(`src/generated/${name}`);
    }
  }
  if (drifted.length > 0) {
    console.error(
      `Generated files drifted from the keys schema: ${drifted.join(', ')}.\nRun \`pnpm generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(
    `src/generated/ matches the keys schema (${drifted.length + Object.keys(files).length} files).`,
  );
} else {
  await mkdir(outDir, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(outDir, name), contents);
  }
  console.log(`wrote ${Object.keys(files).length} files to src/generated/`);
}
