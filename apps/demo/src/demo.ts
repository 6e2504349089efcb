// The quick-start demo: the whole chain on the embedded default, no cloud credentials needed.
//   Prism mock of the spec  ←  wks-logoff-proxy (dummy IAM token)  ←  wks-logoff CLI (a few hundred desktops),
// the CLI signed in to the proxy with a token of the test kit's identity provider, as a workload would with its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, startIdentityProvider, startPrism } from '@wks-logoff/testkit';

const require = createRequire(import.meta.url);
const cliBin = join(dirname(require.resolve('@wks-logoff/cli/package.json')), 'dist', 'cli.mjs');
const proxyBin = join(dirname(require.resolve('@wks-logoff/proxy/package.json')), 'dist', 'proxy.mjs');
const PROJECT_ID = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const DESKTOPS = 300;
const desktops = Array.from(
  { length: DESKTOPS },
  (_, i) => `2a010270-a011-415e-b1cd-${String(i).padStart(12, '0')}`,
);

function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${seen}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk;
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}):\n${seen}`)));
  });
}

const prism = await startPrism({ mode: 'mock' });
let proxy: ChildProcess | undefined;
const stops: (() => Promise<void>)[] = [];
try {
  const idp = await startIdentityProvider();
  stops.push(() => idp.close());
  const work = await mkdtemp(join(tmpdir(), 'wks-demo-'));
  const keysFile = join(work, 'keys.json');
  await writeFile(
    keysFile,
    JSON.stringify({
      keys: [],
      issuers: [{ issuer: idp.issuer, audience: 'wks-logoff-proxy', jwksUri: idp.jwksUri }],
      callers: [
        {
          id: 'demo-bot',
          issuer: idp.issuer,
          subject: 'system:serviceaccount:ops:demo-bot',
          projects: [PROJECT_ID],
        },
      ],
    }),
  );
  const tokenFile = join(work, 'token');
  await writeFile(
    tokenFile,
    await idp.sign({ sub: 'system:serviceaccount:ops:demo-bot', aud: 'wks-logoff-proxy' }),
  );
  const port = await freePort();
  proxy = spawn(process.execPath, [proxyBin], {
    env: {
      PATH: process.env.PATH ?? '',
      WKS_PROXY_PORT: String(port),
      WKS_PROXY_KEYS_FILE: keysFile,
      WKS_ENDPOINT: prism.url,
      WKS_AUTH_TOKEN: 'demo-dummy-token',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const auditLines: string[] = [];
  await waitForOutput(proxy, /wks-logoff-proxy ready/, 'the proxy');
  proxy.stdout?.on('data', (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) {
      if (line.includes('"audit"')) {
        auditLines.push(line);
      }
    }
  });
  const proxyUrl = `http://127.0.0.1:${port}`;
  console.log(`wks-logoff demo (no cloud, no credentials):`);
  console.log(`  Prism mock of spec/openapi.yaml   ${prism.url}`);
  console.log(`  wks-logoff-proxy                  ${proxyUrl}  →  the mock, with a dummy IAM token`);
  console.log(`  identity provider (test kit)      ${idp.issuer}  (the CLI signs in with its token, no key)`);
  console.log(
    `  wks-logoff logoff --proxy-url ${proxyUrl} --project-id ${PROJECT_ID} --ids-file - --yes  (${DESKTOPS} desktops on stdin)\n`,
  );

  const cli = spawn(
    process.execPath,
    [
      cliBin,
      'logoff',
      '--proxy-url',
      proxyUrl,
      '--project-id',
      PROJECT_ID,
      '--ids-file',
      '-',
      '--yes',
      '--rate',
      '10',
      '--message',
      'Maintenance starts in 10 minutes. Please save your work.',
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        WKS_PROXY_TOKEN_FILE: tokenFile,
        NO_COLOR: process.env.NO_COLOR ?? '',
      },
      stdio: ['pipe', 'inherit', 'inherit'],
    },
  );
  cli.stdin?.end(`# sample desktops\n${desktops.join('\n')}\n${desktops[0]}\n`);
  const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  console.log(`\nCLI exit code ${code}; the proxy wrote ${auditLines.length} audit lines, e.g.:`);
  if (auditLines[0]) {
    const { audit } = JSON.parse(auditLines[0]) as { audit: Record<string, unknown> };
    console.log(`  ${JSON.stringify({ ...audit, desktopIds: `[${audit.desktopCount} IDs]` })}`);
  }
  process.exitCode = code ?? 1;
} finally {
  proxy?.kill('SIGTERM');
  await prism.stop();
  for (const stop of stops) {
    await stop();
  }
}
