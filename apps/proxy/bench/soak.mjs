// Soak: the bundled proxy, in IAM password mode, under minutes of mixed traffic: valid logoffs, invalid bodies,
// unknown keys, a key outside its projects, a rate-limited key, a burst of random project IDs from a `*` key (each
// a would-be IAM login), clients that stall mid-body, and an upstream that fails now and then. It prints the
// proxy's RSS over time and checks that /metrics counted exactly the answers the clients received.
// `pnpm --filter @wks-logoff/proxy soak` (SOAK_SECONDS, default 180; SOAK_RSS_BOUND_MIB, default 48). Not in CI.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeCloud } from '@wks-logoff/testkit';
import { Pool } from 'undici';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const RSS_BOUND_MIB = Number(process.env.SOAK_RSS_BOUND_MIB ?? 48);
const WARM_UP_SECONDS = Math.min(30, SECONDS / 4);
const CONNECTIONS = 16;
const MAX_STALLED = 40;
const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const OTHER = '0123456789abcdef0123456789abcdef';
const PASSWORD = 'soak-iam-password';
const KEYS = { all: 'wksp_soak-all', one: 'wksp_soak-one', slow: 'wksp_soak-slow' };
const bin = fileURLToPath(new URL('../dist/proxy.mjs', import.meta.url));
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// The upstream: the fake cloud, failing about one logoff in twenty, in every way it knows.
const random = seeded(20_261_130);
const faults = [
  { type: 'throttle', retryAfter: '1' },
  { type: 'status', status: 503, errorCode: 'APIGW.0613' },
  { type: 'reset' },
  { type: 'slow', delayMs: 200 },
  { type: 'non-json', status: 500 },
  { type: 'huge', status: 200, bytes: 1024 * 1024 },
];
const cloud = await startFakeCloud({
  users: [{ domain: 'acme', user: 'ops', password: PASSWORD }],
  projects: { 'cn-north-4': PROJECT, other: OTHER },
  faultPlan: () => (random() < 0.05 ? faults[Math.floor(random() * faults.length)] : undefined),
});

const dir = await mkdtemp(join(tmpdir(), 'wks-soak-'));
const keysFile = join(dir, 'keys.json');
await writeFile(
  keysFile,
  JSON.stringify({
    keys: [
      { id: 'all', sha256: sha256(KEYS.all), projects: ['*'] },
      { id: 'one', sha256: sha256(KEYS.one), projects: [PROJECT] },
      { id: 'slow', sha256: sha256(KEYS.slow), projects: ['*'], rate: 2 },
    ],
  }),
);
const proxy = spawn(process.execPath, [bin], {
  env: {
    PATH: process.env.PATH,
    WKS_PROXY_PORT: '0',
    WKS_PROXY_KEYS_FILE: keysFile,
    WKS_PROXY_HEADERS_TIMEOUT_MS: '2000',
    WKS_PROXY_BODY_TIMEOUT_MS: '3000',
    WKS_PROXY_UPSTREAM_TIMEOUT_MS: '2000',
    // Far above the soak's load: the budget runs, but does not pace it.
    WKS_PROXY_UPSTREAM_RATE: '10000',
    WKS_PROXY_UPSTREAM_BURST: '1000',
    WKS_ENDPOINT: cloud.url,
    HUAWEICLOUD_IAM_ENDPOINT: cloud.url,
    HUAWEICLOUD_IAM_DOMAIN: 'acme',
    HUAWEICLOUD_IAM_USER: 'ops',
    HUAWEICLOUD_IAM_PASSWORD: PASSWORD,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  const onData = (chunk) => {
    out += chunk;
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (match) {
      proxy.stdout.off('data', onData);
      proxy.stdout.resume(); // the audit log is drained, not kept
      resolve(match[1]);
    }
  };
  proxy.stdout.on('data', onData);
  proxy.once('exit', (code) => reject(new Error(`the proxy exited (${code}) before listening`)));
});

const rssMiB = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${proxy.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Answers the clients received, by status. */
const received = new Map();
const count = (status) => received.set(status, (received.get(status) ?? 0) + 1);
const sent = () => [...received.values()].reduce((a, b) => a + b, 0);

const pool = new Pool(url, { connections: CONNECTIONS });
const ids = (n) => Array.from({ length: n }, () => crypto.randomUUID());
const kinds = [
  [
    50,
    () => ({ key: KEYS.all, project: PROJECT, body: { desktop_ids: ids(1 + Math.floor(random() * 100)) } }),
  ],
  [10, () => ({ key: KEYS.all, project: PROJECT, body: { desktop_ids: [] } })],
  [8, () => ({ key: 'wksp_unknown', project: PROJECT, body: { desktop_ids: ids(1) } })],
  [6, () => ({ key: KEYS.one, project: OTHER, body: { desktop_ids: ids(1) } })],
  [6, () => ({ key: KEYS.slow, project: PROJECT, body: { desktop_ids: ids(1) } })],
  // The IAM burst: random project IDs from a `*` key, each one a login the proxy must bound.
  [
    20,
    () => ({
      key: KEYS.all,
      project: crypto.randomUUID().replaceAll('-', ''),
      body: { desktop_ids: ids(1) },
    }),
  ],
];
const totalWeight = kinds.reduce((sum, [weight]) => sum + weight, 0);
function pick() {
  let roll = random() * totalWeight;
  for (const [weight, make] of kinds) {
    roll -= weight;
    if (roll < 0) {
      return make();
    }
  }
  return kinds[0][1]();
}

async function client(until) {
  while (Date.now() < until) {
    const { key, project, body } = pick();
    try {
      const answer = await pool.request({
        method: 'POST',
        path: `/v2/${project}/desktops/logoff`,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await answer.body.arrayBuffer();
      count(answer.statusCode);
    } catch {
      count('client error');
    }
  }
}

/** A client that sends its headers and half a body, then waits to be answered (408) and cut off. */
function stall() {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      count(Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0) || 'no answer');
      resolve();
    });
    socket.write(
      `POST /v2/${PROJECT}/desktops/logoff HTTP/1.1\r\nHost: p\r\nAuthorization: Bearer ${KEYS.all}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"desktop_ids": [',
    );
  });
}

async function stalling(until) {
  const held = new Set();
  while (Date.now() < until) {
    while (held.size < MAX_STALLED) {
      const one = stall().then(() => held.delete(one));
      held.add(one);
    }
    await Promise.race(held);
  }
  await Promise.all(held);
}

const started = Date.now();
const until = started + SECONDS * 1000;
const samples = [];
console.log(
  `Soak: ${SECONDS} s of mixed traffic against wks-logoff-proxy (pid ${proxy.pid}), IAM password mode`,
);
console.log('      s   RSS MiB   answers   IAM logins');
const sampler = setInterval(() => {
  const sample = {
    s: Math.round((Date.now() - started) / 1000),
    rss: rssMiB(),
    answers: sent(),
    logins: cloud.iam.requests,
  };
  samples.push(sample);
  console.log(
    `  ${String(sample.s).padStart(5)}   ${sample.rss.toFixed(0).padStart(7)}   ${String(sample.answers).padStart(7)}   ${String(sample.logins).padStart(10)}`,
  );
}, 10_000);
await Promise.all([...Array.from({ length: CONNECTIONS }, () => client(until)), stalling(until)]);
clearInterval(sampler);

// /metrics counted every answer the clients received, by status.
const metrics = await (await pool.request({ method: 'GET', path: '/metrics' })).body.text();
const counted = new Map();
for (const [, status, value] of metrics.matchAll(
  /^wks_proxy_requests_total\{[^}]*status="(\d+)"\} (\d+)$/gm,
)) {
  counted.set(Number(status), (counted.get(Number(status)) ?? 0) + Number(value));
}
const statuses = [...new Set([...received.keys(), ...counted.keys()])].sort();
const mismatches = statuses.filter((status) => (received.get(status) ?? 0) !== (counted.get(status) ?? 0));
console.log('\n  status   clients received   /metrics counted');
for (const status of statuses) {
  console.log(
    `  ${String(status).padEnd(8)} ${String(received.get(status) ?? 0).padStart(16)}   ${String(counted.get(status) ?? 0).padStart(16)}`,
  );
}

const afterWarmUp = samples.filter((sample) => sample.s >= WARM_UP_SECONDS);
const base = afterWarmUp[0]?.rss ?? samples[0]?.rss ?? 0;
const peak = Math.max(...afterWarmUp.map((sample) => sample.rss));
const growth = peak - base;
const minutes = (Date.now() - started) / 60_000;
console.log(
  `\n  ${sent()} answers in ${minutes.toFixed(1)} min; IAM logins: ${cloud.iam.requests} (bound 30 per minute, ${Math.ceil(minutes) * 30} allowed)`,
);
console.log(
  `  RSS after ${WARM_UP_SECONDS} s of warm-up: ${base.toFixed(0)} MiB, peak after it ${peak.toFixed(0)} MiB: +${growth.toFixed(0)} MiB (bound +${RSS_BOUND_MIB} MiB)`,
);
const ok =
  mismatches.length === 0 &&
  growth <= RSS_BOUND_MIB &&
  cloud.iam.requests <= Math.ceil(minutes) * 30 &&
  !received.has('no answer');
console.log(
  ok ? '  PASS' : `  FAIL${mismatches.length ? `: /metrics disagrees on ${mismatches.join(', ')}` : ''}`,
);

await pool.close();
proxy.kill('SIGTERM');
await new Promise((resolve) => proxy.once('exit', resolve));
await cloud.close();
process.exit(ok ? 0 : 1);

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}
