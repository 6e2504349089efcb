// Bundles the CLI into one ESM file that runs with nothing beside it: dist/cli.mjs, the `wks-logoff` bin.
// Core is bundled once: its undici entry (needed only when HTTPS_PROXY is set) is in the bundle, evaluated on
// demand, so its errors are the same classes as everyone else's. undici itself, larger than the rest of the CLI, is
// embedded gzipped and compiled on first use (scripts/shims/lazy-undici.mjs), so `wks-logoff --help` does not pay for
// it.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// undici alone, as CommonJS: the shim compiles it synchronously, when core's undici transport first makes an agent.
const undici = await build({ ...common, entryPoints: ['undici'], format: 'cjs', write: false });

await build({
  ...common,
  format: 'esm',
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.mjs',
  define: {
    __VERSION__: JSON.stringify(version),
    // Gzipped and base64-encoded: a short string is cheaper to scan at every start than the code itself.
    __UNDICI_GZIPPED__: JSON.stringify(
      gzipSync(undici.outputFiles[0].contents, { level: 9 }).toString('base64'),
    ),
  },
  banner: {
    js: `#!/usr/bin/env node\nimport { createRequire as __wksRequire } from 'node:module'; const require = __wksRequire(import.meta.url);`,
  },
  // Loaded on first use rather than at every start: node:crypto is only needed to sign requests, and
  // node:child_process (which commander requires for executable subcommands we do not have) pulls in net,
  // dgram and the stream stack.
  alias: {
    'node:crypto': './scripts/shims/lazy-crypto.mjs',
    'node:child_process': './scripts/shims/lazy-child-process.mjs',
    undici: './scripts/shims/lazy-undici.mjs',
  },
});
