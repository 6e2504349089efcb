// Bundles the CLI into one ESM file that runs with nothing beside it: dist/cli.mjs, the `wks-logoff` bin.
// The proxy-aware undici transport (half a megabyte, needed only when HTTPS_PROXY is set) is embedded gzipped
// and imported from a data: URL on demand, so `wks-logoff --help` does not pay to compile it.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const requireBanner = (base) =>
  `import { createRequire as __wksRequire } from 'node:module'; const require = __wksRequire(${base});`;

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

const transport = await build({
  ...common,
  entryPoints: ['@wks-logoff/core/undici'],
  write: false,
  // A data: URL module has no file URL of its own; Node's built-ins resolve from any base.
  banner: { js: requireBanner("'file:///'") },
});

const embedTransport = {
  name: 'embed-undici-transport',
  setup(b) {
    b.onResolve({ filter: /^virtual:undici-transport$/ }, () => ({
      path: 'undici-transport',
      namespace: 'embed',
    }));
    b.onLoad({ filter: /.*/, namespace: 'embed' }, () => ({
      // Gzipped and base64-encoded: a short string is cheaper to scan at every start than the code itself.
      contents: `export const gzipped = ${JSON.stringify(gzipSync(transport.outputFiles[0].contents, { level: 9 }).toString('base64'))};`,
      loader: 'js',
    }));
  },
};

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.mjs',
  define: { __VERSION__: JSON.stringify(version) },
  banner: { js: `#!/usr/bin/env node\n${requireBanner('import.meta.url')}` },
  plugins: [embedTransport],
  // Loaded on first use rather than at every start: node:crypto is only needed to sign requests, and
  // node:child_process (which commander requires for executable subcommands we do not have) pulls in net,
  // dgram and the stream stack.
  alias: {
    'node:crypto': './scripts/shims/lazy-crypto.mjs',
    'node:child_process': './scripts/shims/lazy-child-process.mjs',
  },
});
