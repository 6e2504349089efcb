// What core's and the proxy's generators share (packages/core/scripts/generate.mjs from this spec and the batch
// report's schema, apps/proxy/scripts/generate.mjs from its keys file's schema): ajv's standalone validators,
// bundled with the few ajv runtime helpers they require so no schema compiler ships, and the write-or-check step
// behind the `drift` task. Beside the spec, since both generate from schemas; not published.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/**
 * An ajv that compiles to standalone ES modules: every error collected, strict about the schema. `verbose` puts
 * `parentSchema` in errors, for messages in the schema's own words; `keywords` are the schema's own.
 */
export function standaloneAjv({ verbose, keywords = [], validateFormats = true }) {
  return new Ajv2020({
    code: { source: true, esm: true, optimize: true },
    allErrors: true,
    strict: true,
    verbose,
    keywords,
    validateFormats,
  });
}

// The runtime helpers are loaded under their package names, so the bundle names `ajv/dist/runtime/…`, not the
// installed copy's path (with pnpm, one that holds ajv's version: an ajv update would show as drift).
const packageNames = {
  name: 'package-names',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, namespace: 'package' }));
    build.onResolve({ filter: /^\./, namespace: 'package' }, (args) => ({
      path: join(args.importer, '..', args.path).replaceAll('\\', '/'),
      namespace: 'package',
    }));
    build.onLoad({ filter: /.*/, namespace: 'package' }, async (args) => ({
      contents: await readFile(require.resolve(args.path), 'utf8'),
      loader: 'js',
    }));
  },
};

/**
 * The module of ajv's standalone validators for `exports` (export name → schema ref), with ajv's runtime helpers
 * (e.g. ucs2length for maxLength) bundled in, headed by `banner`.
 */
export async function standaloneModule(ajv, exports, banner) {
  const result = await build({
    stdin: { contents: standaloneCode(ajv, exports), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    plugins: [packageNames],
  });
  return `${banner}// @ts-nocheck\n/* eslint-disable */\n${result.outputFiles[0].text}`;
}

/**
 * Writes `files` (name → contents) into `outDir`; with `--check`, writes nothing and exits 1 naming each committed
 * file that differs from what the generator gives now (the `drift` task). `from` names the source for the message.
 */
export async function writeOrCheck(outDir, files, from) {
  const shown = (name) => relative(process.cwd(), join(outDir, name));
  const names = Object.keys(files);
  if (!process.argv.includes('--check')) {
    await mkdir(outDir, { recursive: true });
    for (const name of names) {
      await writeFile(join(outDir, name), files[name]);
    }
    console.log(`wrote ${names.length} files to ${shown('')}/`);
    return;
  }
  const drifted = [];
  for (const name of names) {
    if ((await readFile(join(outDir, name), 'utf8').catch(() => '')) !== files[name]) {
      drifted.push(shown(name));
    }
  }
  if (drifted.length > 0) {
    console.error(
      `Generated files drifted from ${from}: ${drifted.join(', ')}.\nRun \`pnpm generate\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${shown('')}/ matches ${from} (${names.length} files).`);
}
