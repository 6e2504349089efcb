// The upstream quota shared by callers and replicas, as users run it: K callers (half of weight 2, half of weight 1),
// each running the built CLI (`wks-logoff logoff --proxy-url …` with its own key, `--yes`, `--report`), through M
// proxy processes (the built bin) sharing one Redis (the test kit's redis-server), against the test kit's fake
// cloud allowing Q requests/s, with WKS_PROXY_UPSTREAM_RATE = Q. Twice: Redis up throughout, then Redis killed a
// third of the way in. Throughput per caller is what the fake cloud accepted from it (its IDs name the caller).
// `pnpm --filter @wks-logoff/proxy bench:quota`. Settings (environment): QUOTA_CALLERS (8), QUOTA_REPLICAS (3),
// QUOTA_RATE (20 requests/s), QUOTA_SECONDS (30: the ideal time of each run, which sizes the callers' ID lists),
// QUOTA_CHUNK_SIZE (10 IDs per call), QUOTA_CALLER_RATE (the callers' --rate; unset: the CLI's default),
// QUOTA_PROXY_BIN (another build of the proxy's bin, to compare; default: this package's dist/proxy.mjs).
// Loopback only. It reports; it does not gate (the targets are printed beside each figure).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeCloud, startRedis } from '@wks-logoff/testkit';
import { quotaFigures } from './quota-figures.mjs';

/** A setting from the environment: a positive number (a whole one when `whole`), or a one-line refusal. */
function setting(name, fallback, { whole = false, max = Number.POSITIVE_INFINITY } = {}) {
  const text = process.env[name] ?? String(fallback);
  const value = Number(text);
  if (!(value > 0 && value <= max) || (whole && !Number.isInteger(value))) {
    console.error(
      `bench:quota: ${name} must be a ${whole ? 'whole ' : ''}number above 0${max < Infinity ? ` and at most ${max}` : ''} (got "${text}")`,
    );
    process.exit(2);
  }
  return value;
}
const CALLERS = setting('QUOTA_CALLERS', 8, { whole: true, max: 99 });
const REPLICAS = setting('QUOTA_REPLICAS', 3, { whole: true });
const RATE = setting('QUOTA_RATE', 20);
const SECONDS = setting('QUOTA_SECONDS', 30);
const CHUNK_SIZE = setting('QUOTA_CHUNK_SIZE', 10, { whole: true, max: 100 });
const CALLER_RATE = process.env.QUOTA_CALLER_RATE;
const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const AK = 'QUOTABENCHAK';
const SK = 'quota-bench-sk';
const proxyBin = process.env.QUOTA_PROXY_BIN ?? fileURLToPath(new URL('../dist/proxy.mjs', import.meta.url));
const cliBin = fileURLToPath(new URL('../../cli/dist/cli.mjs', import.meta.url));

// Half the callers have weight 2, alternating, so that every replica serves both weights.
const callers = Array.from({ length: CALLERS }, (_, i) => ({
  id: `caller-${String(i + 1).padStart(2, '0')}`,
  key: `wksp_quota-bench-caller-${i + 1}`,
  weight: i % 2 === 0 ? 2 : 1,
}));
const totalWeight = callers.reduce((sum, caller) => sum + caller.weight, 0);
// Sized so that, served in proportion to their weights, every caller finishes together after SECONDS.
const callsPerWeight = Math.max(1, Math.round((RATE * SECONDS) / totalWeight));
for (const caller of callers) {
  caller.ids = Array.from(
    { length: callsPerWeight * caller.weight * CHUNK_SIZE },
    (_, n) => `${caller.id}-${String(n).padStart(7, '0')}`,
  );
}
/** The caller a desktop ID belongs to (its IDs start with its id). */
const callerOf = (desktopId) => desktopId.slice(0, desktopId.lastIndexOf('-'));

/** What to stop if the bench ends early (an error, Ctrl-C), so no proxy, caller or redis-server outlives it. */
const cleanups = new Set();
const children = new Set();
process.on('exit', () => {
  for (const child of children) {
    child.kill('SIGKILL');
  }
});
async function stopEverything(code) {
  for (const cleanup of cleanups) {
    await cleanup().catch(() => {});
  }
  process.exit(code);
}
process.once('SIGINT', () => stopEverything(130));
process.once('SIGTERM', () => stopEverything(143));

/** Spawns a process that the bench stops if it ends early. */
function spawnTracked(command, args, options) {
  const child = spawn(command, args, options);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Starts a process and resolves once a line of its stdout matches `pattern`; stdout is drained after. */
function launch(command, args, env, pattern) {
  const child = spawnTracked(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk) => {
    err = (err + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ child, match });
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${out}${err}`)));
  });
}

const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));

/** One run: every process started afresh; Redis killed `loseRedisAt` (a fraction of the ideal time) in, if given. */
async function run(loseRedisAt) {
  const dir = await mkdtemp(join(tmpdir(), 'wks-quota-bench-'));
  const requests = [];
  const accepted = [];
  const redis = await startRedis();
  const stopRedis = () => redis.stop();
  cleanups.add(stopRedis);
  const cloud = await startFakeCloud({
    keys: { [AK]: SK },
    ratePerSecond: RATE,
    // Asked of every request the gateway let through (not of throttled ones): which caller's call it accepted, when.
    faultPlan: (_n, ids) => {
      accepted.push({ at: performance.now(), caller: callerOf(ids[0] ?? '') });
      return undefined;
    },
  });
  const closeCloud = () => cloud.close();
  cleanups.add(closeCloud);
  let watching = true;
  // Every request the cloud received, stamped as it arrives (its log says which were throttled).
  (async () => {
    for (let n = 1; watching; n++) {
      await cloud.received(n);
      requests.push({ at: performance.now(), n });
    }
  })();

  const keysFile = join(dir, 'keys.json');
  await writeFile(
    keysFile,
    JSON.stringify({
      keys: callers.map((caller) => ({
        id: caller.id,
        sha256: createHash('sha256').update(caller.key).digest('hex'),
        projects: [PROJECT],
        weight: caller.weight,
      })),
    }),
  );
  const proxies = await Promise.all(
    Array.from({ length: REPLICAS }, () =>
      launch(
        process.execPath,
        [proxyBin],
        {
          PATH: process.env.PATH,
          WKS_PROXY_PORT: '0',
          WKS_PROXY_KEYS_FILE: keysFile,
          WKS_ENDPOINT: cloud.url,
          HUAWEICLOUD_SDK_AK: AK,
          HUAWEICLOUD_SDK_SK: SK,
          WKS_PROXY_UPSTREAM_RATE: String(RATE),
          WKS_PROXY_REDIS_URL: redis.url,
        },
        /Server listening at (http:\/\/127\.0\.0\.1:\d+)/,
      ),
    ),
  );

  const started = performance.now();
  const running = await Promise.all(
    callers.map(async (caller, i) => {
      const idsFile = join(dir, `${caller.id}.txt`);
      const report = join(dir, `${caller.id}.report.json`);
      await writeFile(idsFile, `${caller.ids.join('\n')}\n`);
      const args = [
        cliBin,
        'logoff',
        '--proxy-url',
        proxies[i % REPLICAS].match[1],
        '--project-id',
        PROJECT,
        '--ids-file',
        idsFile,
        '--chunk-size',
        String(CHUNK_SIZE),
        '--yes',
        '--quiet',
        '--report',
        report,
        ...(CALLER_RATE ? ['--rate', CALLER_RATE] : []),
      ];
      const child = spawnTracked(process.execPath, args, {
        env: { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: dir, WKS_PROXY_KEY: caller.key },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      return { caller, child, report, stderr: () => stderr };
    }),
  );

  let redisKilledAt;
  let killer;
  if (loseRedisAt !== undefined) {
    await cloud.received(1);
    killer = setTimeout(
      () => {
        redisKilledAt = performance.now();
        redis.kill();
      },
      (callsPerWeight * totalWeight * loseRedisAt * 1000) / RATE,
    );
  }
  const codes = await Promise.all(running.map(({ child }) => exited(child)));
  const wallMs = performance.now() - started;
  clearTimeout(killer);
  watching = false;

  const reports = await Promise.all(
    running.map(async ({ report }) => JSON.parse(await readFile(report, 'utf8').catch(() => 'null'))),
  );
  const throttledRequests = new Set(
    cloud.log.filter((record) => record.fault === 'throttle').map((record) => record.n),
  );
  const all = callers.flatMap((caller) => caller.ids);
  const outcome = {
    wallMs,
    redisKilledAt: redisKilledAt === undefined ? undefined : redisKilledAt - (requests[0]?.at ?? 0),
    figures: quotaFigures({
      callers,
      accepted,
      requests: requests.map((request) => ({
        at: request.at,
        throttled: throttledRequests.has(request.n),
      })),
      rate: RATE,
    }),
    ids: all.length,
    loggedOff: all.filter((id) => cloud.loggedOff.has(id)).length,
    succeeded: reports.reduce((sum, report) => sum + (report?.totals.succeeded ?? 0), 0),
    failed: reports.reduce((sum, report) => sum + (report?.totals.failed ?? 0), 0),
    skipped: reports.reduce((sum, report) => sum + (report?.totals.skipped ?? 0), 0),
    retries: reports.reduce((sum, report) => sum + (report?.requests.retries ?? 0), 0),
    exitCodes: codes,
    // Why a caller did not log off everything: its report's first failure, else the last line it printed.
    errors: running
      .map(({ caller, stderr }, i) => {
        const failure = reports[i]?.failed[0];
        const why = failure
          ? `${reports[i].failed.length} IDs failed, the first: ${failure.status ?? ''} ${failure.errorCode ?? ''} ${failure.reason}`
          : stderr().trim().split('\n').at(-1);
        return codes[i] === 0 ? undefined : `${caller.id} (exit ${codes[i]}): ${why}`;
      })
      .filter(Boolean),
  };

  for (const { child } of proxies) {
    child.kill('SIGTERM');
  }
  await Promise.all(proxies.map(({ child }) => exited(child)));
  cleanups.delete(closeCloud);
  await cloud.close();
  cleanups.delete(stopRedis);
  await redis.stop(); // at once when it was killed
  await rm(dir, { recursive: true, force: true });
  return outcome;
}

const pct = (share) => `${(share * 100).toFixed(1)}%`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok) => (ok ? 'met' : 'MISSED');
const row = (name, figure, target, ok) =>
  `    ${name.padEnd(26)} ${figure.padEnd(44)} ${target.padEnd(16)} ${ok === undefined ? '' : verdict(ok)}`.trimEnd();

function everyIdRow(outcome) {
  const every = outcome.succeeded === outcome.ids && outcome.loggedOff === outcome.ids;
  return row(
    'every ID accepted',
    every
      ? `yes (${outcome.ids} of ${outcome.ids})`
      : `no: ${outcome.failed} failed, ${outcome.skipped} skipped (${outcome.loggedOff} of ${outcome.ids} logged off)`,
    'every ID',
    every,
  );
}

function print(title, outcome, targets) {
  const f = outcome.figures;
  console.log(`  ${title}`);
  if (targets.redisLost) {
    console.log(everyIdRow(outcome));
  }
  console.log(
    row(
      'upstream calls throttled',
      `${pct(f.throttledShare)} (${f.throttled} of ${f.requests})`,
      `≤ ${pct(targets.throttled)}`,
      f.throttledShare <= targets.throttled,
    ),
  );
  console.log(
    row(
      'time vs ideal',
      `${f.timeRatio.toFixed(2)}× (${seconds(f.spanMs)} vs ${f.calls} calls ÷ ${RATE}/s = ${seconds(f.idealMs)})`,
      targets.redisLost ? '' : '≤ 1.10×',
      targets.redisLost ? undefined : f.timeRatio <= 1.1,
    ),
  );
  const window = f.window
    ? `${seconds(f.window.end - f.window.start)} with all ${CALLERS} active`
    : 'never all active';
  console.log(
    row(
      "Jain's index (per weight)",
      Number.isNaN(f.jain) ? `— (${window})` : `${f.jain.toFixed(3)} (${window})`,
      targets.redisLost ? '' : '≥ 0.98',
      targets.redisLost ? undefined : f.jain >= 0.98,
    ),
  );
  const ratio = f.weightRatio;
  console.log(
    row(
      'weight ratio',
      ratio
        ? `${ratio.achieved.toFixed(2)}:1 (weight ${ratio.heavy} vs ${ratio.light}; ${((ratio.achieved / ratio.target - 1) * 100).toFixed(1)}% off)`
        : '—',
      targets.redisLost || !ratio ? '' : `${ratio.target}:1 ± 10%`,
      targets.redisLost || !ratio ? undefined : Math.abs(ratio.achieved / ratio.target - 1) <= 0.1,
    ),
  );
  if (!targets.redisLost) {
    console.log(everyIdRow(outcome));
  }
  console.log(
    `    callers: ${seconds(outcome.wallMs)} from the first start to the last exit; ${outcome.retries} retries; exit codes ${[...new Set(outcome.exitCodes)].join(', ')}` +
      (outcome.redisKilledAt === undefined ? '' : `; Redis killed ${seconds(outcome.redisKilledAt)} in`),
  );
  for (const error of outcome.errors.slice(0, 3)) {
    console.log(`    ${error}`);
  }
}

const heavy = callers.filter((caller) => caller.weight === 2).length;
console.log(
  `Quota benchmark: ${CALLERS} callers (${heavy} of weight 2, ${CALLERS - heavy} of weight 1) × ${REPLICAS} proxy replicas, one Redis;` +
    ` the fake cloud allows ${RATE} requests/s, WKS_PROXY_UPSTREAM_RATE=${RATE}`,
);
console.log(
  `  each caller: wks-logoff logoff --proxy-url (${CALLER_RATE ? `--rate ${CALLER_RATE}` : "the CLI's default rate"}),` +
    ` ${CHUNK_SIZE} IDs per call, ${callsPerWeight} calls per unit of weight (${callsPerWeight * totalWeight} calls: ${SECONDS} s ideal)`,
);
console.log(
  '  throughput per caller: the calls the fake cloud accepted from it (its IDs name it) while all callers were active;' +
    ' time: from the first upstream request to the last accepted one, plus one interval',
);
if (process.env.QUOTA_PROXY_BIN) {
  console.log(`  the proxy: ${proxyBin}`);
}
if (CALLERS !== 8 || REPLICAS !== 3) {
  console.log('  (the targets are set for 8 callers × 3 replicas)');
}
try {
  print('Redis up throughout', await run(undefined), { throttled: 0.01 });
  print('Redis killed a third of the way in (not restarted)', await run(1 / 3), {
    throttled: 0.2,
    redisLost: true,
  });
} catch (error) {
  console.error(error);
  await stopEverything(1);
}
