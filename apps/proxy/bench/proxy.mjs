// Throughput, p99 latency and CPU per request of: the upstream alone; a bare node:http pass-through (undici's
// pooled request) in front of it; two floors under the proxy (fastify forwarding with undici; the same route calling
// core's client with AK/SK; that route with an audit line and metrics); the proxy (auth + validation + AK/SK
// signing + logs + metrics) in front of it.
// Each server runs in its own process so its CPU can be read from /proc; autocannon drives loopback only,
// bounded in time. Then RSS of the proxy before and after 100,000 requests.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startIdentityProvider } from '@wks-logoff/testkit';
import autocannon from 'autocannon';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 3);
// Every server gets the same warm-up time before it is measured, so the larger bundle's JIT is as settled as the
// small floors' (a fixed number of requests warmed the fast floors far longer than the proxy).
const WARM_UP_S = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CONNECTIONS = 16;
const TICKS_PER_SECOND = 100;
const KEY = 'wksp_bench-key';
const here = fileURLToPath(new URL('.', import.meta.url));

const UPSTREAM = `
const http = require('node:http');
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => {
  res.writeHead(200, { 'x-request-id': 'fd6530a01c09807640189e65e837b8ad', 'content-length': '0' }); res.end(); }); });
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));`;

const PASS_THROUGH = `
const http = require('node:http');
const { request, Agent } = require(${JSON.stringify(join(here, '..', 'node_modules', 'undici'))});
const agent = new Agent({ connections: 64 });
const upstream = process.env.UPSTREAM;
const server = http.createServer(async (req, res) => {
  const chunks = []; for await (const c of req) chunks.push(c);
  const answer = await request(upstream + req.url, { method: req.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks), dispatcher: agent });
  await answer.body.arrayBuffer();
  res.writeHead(answer.statusCode, { 'x-request-id': answer.headers['x-request-id'] ?? '', 'content-length': '0' }); res.end();
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));`;

// The floors under the proxy, measured in the same run: fastify forwarding with undici and nothing else; then
// the same route calling core's client with AK/SK signing. What the proxy adds on top is its own layer.
const moduleUrl = (...parts) =>
  JSON.stringify(pathToFileURL(join(here, '..', 'node_modules', ...parts)).href);
const FASTIFY_FLOOR = `
import Fastify from ${moduleUrl('fastify', 'fastify.js')};
import { request, Agent } from ${moduleUrl('undici', 'index.js')};
const agent = new Agent({ connections: 64 });
const app = Fastify({ logger: false });
app.post('/v2/:project_id/desktops/logoff', async (req, reply) => {
  const answer = await request(process.env.UPSTREAM + req.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req.body), dispatcher: agent });
  await answer.body.arrayBuffer();
  return reply.header('x-request-id', answer.headers['x-request-id']).code(answer.statusCode).send();
});
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('listening ' + new URL(address).port));`;

const FASTIFY_CORE = `
import Fastify from ${moduleUrl('fastify', 'fastify.js')};
import { akskAuth, createLogoffClient } from ${moduleUrl('@wks-logoff', 'core', 'dist', 'index.js')};
import { undiciTransport } from ${moduleUrl('@wks-logoff', 'core', 'dist', 'transport', 'undici.js')};
const transport = undiciTransport();
const clients = new Map();
const clientFor = (projectId) => clients.get(projectId) ?? clients.set(projectId, createLogoffClient({ endpoint: process.env.UPSTREAM, projectId, transport, retry: { maxAttempts: 1 }, auth: akskAuth({ accessKey: 'BENCHAK', secretKey: 'bench-sk', projectId }) })).get(projectId);
const app = Fastify({ logger: false });
app.post('/v2/:project_id/desktops/logoff', async (req, reply) => {
  const result = await clientFor(req.params.project_id).logoff(req.body);
  return reply.header('x-request-id', result.requestId).code(200).send();
});
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('listening ' + new URL(address).port));`;

// What the proxy must do on top of that whatever its code: one audit line per logoff, written synchronously to
// stdout (pino, the proxy's settings), and its request metrics (prom-client). Its own layer is what is left.
const FASTIFY_AUDIT = `
import Fastify from ${moduleUrl('fastify', 'fastify.js')};
import pino from ${moduleUrl('pino', 'pino.js')};
import { Counter, Histogram, Registry } from ${moduleUrl('prom-client', 'index.js')};
import { akskAuth, createLogoffClient } from ${moduleUrl('@wks-logoff', 'core', 'dist', 'index.js')};
import { undiciTransport } from ${moduleUrl('@wks-logoff', 'core', 'dist', 'transport', 'undici.js')};
const transport = undiciTransport();
const clients = new Map();
const clientFor = (projectId) => clients.get(projectId) ?? clients.set(projectId, createLogoffClient({ endpoint: process.env.UPSTREAM, projectId, transport, retry: { maxAttempts: 1 }, auth: akskAuth({ accessKey: 'BENCHAK', secretKey: 'bench-sk', projectId }) })).get(projectId);
const logger = pino({ redact: { paths: ['req.headers.authorization', 'authorization', 'key', 'token'], censor: '[redacted]' }, base: { service: 'floor' } }, pino.destination(1));
const registry = new Registry();
const requests = new Counter({ name: 'requests_total', help: 'requests', labelNames: ['route', 'status'], registers: [registry] });
const seconds = new Histogram({ name: 'request_seconds', help: 'time', labelNames: ['route', 'status'], registers: [registry] });
const app = Fastify({ loggerInstance: logger, disableRequestLogging: true });
app.post('/v2/:project_id/desktops/logoff', async (req, reply) => {
  const started = performance.now();
  const result = await clientFor(req.params.project_id).logoff(req.body);
  req.log.info({ audit: { callerId: 'bench', keyId: 'bench', projectId: req.params.project_id, desktopIds: req.body.desktop_ids, message: req.body.message, outcome: 'accepted', status: 200, upstreamRequestId: result.requestId, desktopCount: req.body.desktop_ids.length } }, 'audit: logoff');
  requests.inc({ route: 'logoff', status: '200' });
  seconds.observe({ route: 'logoff', status: '200' }, (performance.now() - started) / 1000);
  return reply.header('x-request-id', result.requestId).code(200).send();
});
app.listen({ port: 0, host: '127.0.0.1' }).then((address) => console.log('listening ' + new URL(address).port));`;

// Each server's stdout goes through a pipe to a `cat` of its own, as a log collector reads a container's, and on to
// a file. Not a pipe this process reads: while autocannon keeps this process busy, that pipe fills and a server's
// synchronous log writes stall on it, which charged the servers that log (the audited floor, the proxy) for this
// process's load. Nor a file written by the server: that charged them the file system's cost of each line.
const logDir = await mkdtemp(join(tmpdir(), 'wks-bench-logs-'));
let launched = 0;

async function launch(
  args,
  env = {},
  pattern = /listening (\d+)|Server listening at http:\/\/127\.0\.0\.1:(\d+)/,
) {
  const logFile = join(logDir, `server-${launched++}.log`);
  const file = openSync(logFile, 'w');
  const collector = spawn('cat', [], { stdio: ['pipe', file, 'inherit'] });
  closeSync(file);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', collector.stdin, 'inherit'],
  });
  collector.stdin.destroy();
  let exited;
  child.on('exit', (code) => {
    exited = code;
  });
  for (;;) {
    const written = readFileSync(logFile, 'utf8');
    const match = pattern.exec(written);
    if (match) {
      return { child, url: `http://127.0.0.1:${match[1] ?? match[2]}` };
    }
    if (exited !== undefined) {
      throw new Error(`server exited (${exited}): ${written}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

const body = JSON.stringify({
  desktop_ids: Array.from({ length: 10 }, (_, i) => `2a010270-a011-415e-b1cd-3c484c8a80${i}0`),
  message: 'bench',
});
const path = '/v2/2b31ed520a1b4d3cb2c3d4e5f6a7b8c9/desktops/logoff';

async function load(target, options = {}) {
  const before = cpuTicks(target.child.pid);
  const result = await autocannon({
    url: target.url + path,
    method: 'POST',
    headers: { authorization: `Bearer ${options.credential ?? KEY}`, 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? DURATION_S }),
  });
  const cpuSeconds = (cpuTicks(target.child.pid) - before) / TICKS_PER_SECOND;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) {
    throw new Error(`${bad} failed requests against ${target.url}`);
  }
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUs: (cpuSeconds / result.requests.total) * 1e6,
    total: result.requests.total,
  };
}

const upstream = await launch(['-e', UPSTREAM]);
const passThrough = await launch(['-e', PASS_THROUGH], { UPSTREAM: upstream.url });
const fastifyFloor = await launch(['--input-type=module', '-e', FASTIFY_FLOOR], { UPSTREAM: upstream.url });
const fastifyCore = await launch(['--input-type=module', '-e', FASTIFY_CORE], { UPSTREAM: upstream.url });
const fastifyAudit = await launch(['--input-type=module', '-e', FASTIFY_AUDIT], { UPSTREAM: upstream.url });
const keysDir = await mkdtemp(join(tmpdir(), 'wks-bench-'));
const keysFile = join(keysDir, 'keys.json');
const { createHash } = await import('node:crypto');
// A caller known by a token of an identity provider (the test kit's), beside the key caller.
const idp = await startIdentityProvider();
const jwt = await idp.sign({ sub: 'bench-bot', aud: 'wks-logoff-proxy' }, { expiresIn: 3600 });
await writeFile(
  keysFile,
  JSON.stringify({
    keys: [{ id: 'bench', sha256: createHash('sha256').update(KEY).digest('hex'), projects: ['*'] }],
    issuers: [{ issuer: idp.issuer, audience: 'wks-logoff-proxy', jwksUri: idp.jwksUri }],
    callers: [{ id: 'bench-bot', issuer: idp.issuer, subject: 'bench-bot', projects: ['*'] }],
  }),
);
const proxy = await launch([fileURLToPath(new URL('../dist/proxy.mjs', import.meta.url))], {
  WKS_PROXY_PORT: '0',
  WKS_PROXY_KEYS_FILE: keysFile,
  WKS_ENDPOINT: upstream.url,
  HUAWEICLOUD_SDK_AK: 'BENCHAK',
  HUAWEICLOUD_SDK_SK: 'bench-sk',
  WKS_PROXY_LOG_LEVEL: process.env.WKS_PROXY_LOG_LEVEL ?? 'info',
  // The upstream budget runs (in memory) on every request, but far above the load: its CPU is measured, not its pace.
  WKS_PROXY_UPSTREAM_RATE: '10000',
  WKS_PROXY_UPSTREAM_BURST: '1000',
});

try {
  const floors = [fastifyFloor, fastifyCore, fastifyAudit];
  for (const target of [upstream, passThrough, ...floors, proxy]) {
    await load(target, { duration: WARM_UP_S });
  }
  // Rounds interleave the servers, and each figure is the median of its rounds; each ratio is the median of the
  // rounds' own ratios (servers measured seconds apart), so the machine's slow drifts (±15% between rounds here)
  // cancel out instead of moving the ratio.
  const targets = [
    ['upstream directly', upstream],
    ['bare pass-through', passThrough],
    ['fastify + undici', fastifyFloor],
    ['+ core, AK/SK', fastifyCore],
    ['+ audit line, metrics', fastifyAudit],
    ['wks-logoff-proxy', proxy],
  ];
  const rounds = Object.fromEntries(targets.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, target] of targets) {
      rounds[name].push(await load(target));
    }
  }
  const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
  const results = Object.fromEntries(
    Object.entries(rounds).map(([name, runs]) => [
      name,
      {
        rps: median(runs.map((run) => run.rps)),
        p99: median(runs.map((run) => run.p99)),
        cpuUs: median(runs.map((run) => run.cpuUs)),
      },
    ]),
  );
  const base = results['bare pass-through'];
  console.log(
    `\nProxy benchmark: ${CONNECTIONS} connections, ${DURATION_S} s each, median of ${ROUNDS} interleaved rounds, 10-desktop bodies, loopback, log level ${process.env.WKS_PROXY_LOG_LEVEL ?? 'info'}`,
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(22)} ${r.rps.toFixed(0).padStart(6)} req/s  p99 ${String(r.p99).padStart(4)} ms  ${r.cpuUs.toFixed(0).padStart(5)} µs CPU/req` +
        (name === 'bare pass-through'
          ? '  (baseline)'
          : `  throughput ${(r.rps / base.rps).toFixed(2)}×, p99 ${(r.p99 / Math.max(1, base.p99)).toFixed(2)}× of the pass-through`),
    );
  }
  const floor = results['fastify + undici'];
  const proxied = results['wks-logoff-proxy'];
  console.log(
    `  CPU per request above the pass-through: fastify ${(floor.cpuUs - base.cpuUs).toFixed(0)} µs, core with AK/SK ${(results['+ core, AK/SK'].cpuUs - floor.cpuUs).toFixed(0)} µs, audit line and metrics ${(results['+ audit line, metrics'].cpuUs - results['+ core, AK/SK'].cpuUs).toFixed(0)} µs, the proxy's own layer ${(proxied.cpuUs - results['+ audit line, metrics'].cpuUs).toFixed(0)} µs`,
  );
  const core = results['+ core, AK/SK'];
  const perRound = (over, under) => rounds[over].map((run, round) => run.cpuUs / rounds[under][round].cpuUs);
  const spread = (ratios) => `rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
  const coreRatios = perRound('wks-logoff-proxy', '+ core, AK/SK');
  const cpuRatio = median(coreRatios);
  // The goal is met or not against "+ core"; the audited floor says how much of its allowance the audit line and
  // metrics, which the proxy cannot drop, take by themselves.
  const auditFloor = median(perRound('+ audit line, metrics', '+ core, AK/SK'));
  console.log(
    `  the proxy's CPU per request: ${cpuRatio.toFixed(2)}× the "+ core, AK/SK" floor (${spread(coreRatios)}; goal ≤ 1.5×${cpuRatio > 1.5 ? `; the floor measured here is ${core.cpuUs.toFixed(0)} µs` : ''});` +
      ` ${median(perRound('wks-logoff-proxy', '+ audit line, metrics')).toFixed(2)}× the "+ audit line, metrics" floor, itself ${auditFloor.toFixed(2)}× "+ core"` +
      `${auditFloor > 1.5 ? ' (the goal is below this floor)' : ''}`,
  );
  const goal = (r) =>
    `throughput ${(r.rps / base.rps).toFixed(2)}×, p99 ${(r.p99 / Math.max(1, base.p99)).toFixed(2)}×`;
  console.log(
    `  goal: ≥ 0.85× the pass-through's throughput, p99 within 1.5×. The proxy: ${goal(proxied)}; its floor, fastify` +
      ` forwarding with nothing else: ${goal(floor)}${floor.rps / base.rps < 0.85 ? ' (the goal is below this floor)' : ''}`,
  );
  await load(proxy, { amount: 2000, credential: jwt }); // warm up: the key set fetched, the token verified once
  const byToken = await load(proxy, { credential: jwt });
  const byKey = results['wks-logoff-proxy'];
  console.log(
    `  JWT caller (a warm RS256 token)  ${byToken.rps.toFixed(0).padStart(6)} req/s  p99 ${String(byToken.p99).padStart(4)} ms  ${byToken.cpuUs.toFixed(0).padStart(5)} µs CPU/req:` +
      ` ${(byToken.cpuUs / byKey.cpuUs).toFixed(2)}× the CPU per request of the key caller (goal ≤ 1.5×)`,
  );
  const rssBefore = rssMiB(proxy.child.pid);
  const soak = await load(proxy, { amount: 100_000 });
  console.log(
    `  RSS of the proxy: ${rssBefore.toFixed(0)} MiB before, ${rssMiB(proxy.child.pid).toFixed(0)} MiB after ${soak.total} more requests`,
  );
} finally {
  for (const target of [proxy, fastifyAudit, fastifyCore, fastifyFloor, passThrough, upstream]) {
    target.child.kill();
  }
  await idp.close();
  await rm(logDir, { recursive: true, force: true });
  await rm(keysDir, { recursive: true, force: true });
}
