// Bundles the service into one ESM file (dist/proxy.mjs, the bin: the container needs nothing beside it) and the
// library entry (dist/index.mjs). The library imports its dependencies, core and undici, instead of bundling them:
// an embedder's credentials and transports come from core too, and one copy of core means one set of error classes
// (an IAM token provider refreshes only on its own copy's errors); core's undici transport and the proxy's calls to
// identity providers share the one undici the package declares.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies (fastify, pino, prom-client) call require().
  banner: {
    js: "import { createRequire as __wksRequire } from 'node:module'; const require = __wksRequire(import.meta.url);",
  },
  logLevel: 'warning',
  // jsonc-parser's main entry is a UMD build whose require() calls esbuild cannot follow; bundle its ESM build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/proxy.mjs',
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.mjs',
  external: ['@wks-logoff/core', 'undici'],
});
