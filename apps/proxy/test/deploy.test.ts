// The deployment files cannot be run here (no container engine), so they are checked against the code they
// deploy: every setting they pass exists and validates, the probes hit routes that answer, the drain deadline fits
// the grace period, every namespace, ConfigMap and Secret they name exists, the shared budget's Redis URL points at
// the example Redis's Service, the images and the CLI they run are pinned to this release, and the image builds
// from the package and runs its bin, as a non-root user.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENV } from '@wks-logoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { type KeysFile, keysFileProblems, loadConfig, SETTINGS } from '../src/index.js';
import { type Harness, harness } from './support/harness.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(new URL(`../deploy/${path}`, import.meta.url), 'utf8');
const load = (path: string) => parseAllDocuments(read(path)).map((doc) => doc.toJS());
/** Every object of every manifest. */
const manifests = readdirSync(new URL('../deploy/k8s/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => load(`k8s/${file}`));
const the = (kind: string, name?: string) => {
  const found = manifests.filter(
    (object) => object.kind === kind && (name === undefined || object.metadata.name === name),
  );
  expect(found, `${kind} ${name ?? ''}`).toHaveLength(1);
  return found[0];
};
const namespaceOf = (object: { metadata: { namespace?: string } }) => object.metadata.namespace ?? 'default';
const deployment = the('Deployment', 'wks-logoff-proxy');
const service = the('Service', 'wks-logoff-proxy');
const redisDeployment = the('Deployment', 'wks-logoff-redis');
const redisService = the('Service', 'wks-logoff-redis');
const hpa = the('HorizontalPodAutoscaler');
const secret = the('Secret');
const callerAccount = the('ServiceAccount');
const cronJob = the('CronJob');
const discovery = the('ClusterRoleBinding');
const container = deployment.spec.template.spec.containers[0];
/** The pods the manifests run, each in its namespace. */
const pods = [
  { namespace: namespaceOf(deployment), spec: deployment.spec.template.spec },
  { namespace: namespaceOf(cronJob), spec: cronJob.spec.jobTemplate.spec.template.spec },
  { namespace: namespaceOf(redisDeployment), spec: redisDeployment.spec.template.spec },
];
const versionOf = (dir: string): string =>
  JSON.parse(readFileSync(new URL(`../../../${dir}/package.json`, import.meta.url), 'utf8')).version;
const env: Record<string, string> = Object.fromEntries(
  container.env
    .filter((e: { value?: string }) => e.value !== undefined)
    .map((e: { name: string; value: string }) => [e.name, e.value]),
);
// Node's own: the API server's CA, to fetch the cluster's token keys over https.
const NODE_VARIABLES = ['NODE_EXTRA_CA_CERTS'];
const known = new Set<string>([
  ...Object.values(SETTINGS).map((s) => s.name),
  ...Object.values(ENV),
  ...NODE_VARIABLES,
]);

describe('Kubernetes manifests', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('set only settings the proxy reads, and those settings validate', () => {
    for (const entry of container.env) {
      expect(known).toContain(entry.name);
    }
    expect(() => loadConfig(env)).not.toThrow();
    expect(Number(container.ports[0].containerPort)).toBe(loadConfig(env).port);
  });

  it('probe routes that answer', async () => {
    for (const probe of [container.livenessProbe, container.readinessProbe]) {
      expect(probe.httpGet.port).toBe(container.ports[0].name);
      expect((await h.app.inject({ method: 'GET', url: probe.httpGet.path })).statusCode).toBe(200);
    }
    expect([container.livenessProbe.httpGet.path, container.readinessProbe.httpGet.path]).toEqual([
      '/healthz',
      '/readyz',
    ]);
  });

  it('give in-flight requests their drain deadline within the grace period', () => {
    const graceMs = deployment.spec.template.spec.terminationGracePeriodSeconds * 1000;
    expect(loadConfig(env).shutdownTimeoutMs).toBeLessThan(graceMs);
  });

  it('wire the Secret, the Service and the autoscaler to the Deployment', () => {
    for (const entry of container.env.filter((e: { valueFrom?: unknown }) => e.valueFrom)) {
      expect(entry.valueFrom.secretKeyRef.name).toBe(secret.metadata.name);
      expect(Object.keys(secret.stringData)).toContain(entry.valueFrom.secretKeyRef.key);
    }
    const keysVolume = deployment.spec.template.spec.volumes.find((v: { secret?: unknown }) => v.secret);
    expect(keysVolume.secret.secretName).toBe(secret.metadata.name);
    expect(env.WKS_PROXY_KEYS_FILE).toBe(
      `${container.volumeMounts[0].mountPath}/${keysVolume.secret.items[0].path}`,
    );
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(service.spec.ports[0].targetPort).toBe(container.ports[0].name);
    expect(hpa.spec.scaleTargetRef.name).toBe(deployment.metadata.name);
    expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
    expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });
});

describe('Kubernetes: the upstream budget, shared through the example Redis', () => {
  const redis = redisDeployment.spec.template.spec.containers[0];
  const budgetSettings = [
    SETTINGS.upstreamRate,
    SETTINGS.upstreamBurst,
    SETTINGS.queueWaitMs,
    SETTINGS.redisUrl,
    SETTINGS.redisPrefix,
    SETTINGS.redisTimeoutMs,
  ];

  it('the Deployment sets every setting of the budget, and the proxy reads them as given', () => {
    for (const setting of budgetSettings) {
      expect(env, setting.name).toHaveProperty(setting.name);
    }
    const config = loadConfig(env);
    expect(config.upstreamRate).toBe(Number(env[SETTINGS.upstreamRate.name]));
    expect(config.redisUrl).toBe(env[SETTINGS.redisUrl.name]);
    expect(config.redisPrefix).toBe(env[SETTINGS.redisPrefix.name]);
  });

  it('the Redis URL points at the Redis Service, whose pods are the Redis Deployment', () => {
    const url = new URL(env[SETTINGS.redisUrl.name] as string);
    const [host, namespace] = url.hostname.split('.');
    expect(host).toBe(redisService.metadata.name);
    expect(namespace ?? namespaceOf(deployment)).toBe(namespaceOf(redisService));
    expect(namespaceOf(redisService)).toBe(namespaceOf(deployment));
    expect(Number(url.port)).toBe(redisService.spec.ports[0].port);
    expect(redisService.spec.selector).toEqual(redisDeployment.spec.selector.matchLabels);
    expect(redisDeployment.spec.template.metadata.labels).toMatchObject(redisService.spec.selector);
    expect(redisService.spec.ports[0].targetPort).toBe(redis.ports[0].name);
    expect(redis.ports[0].containerPort).toBe(6379);
  });

  it('the example Redis keeps nothing on disk (no snapshots, no append-only file) and runs as non-root', () => {
    const args: string[] = redis.args;
    expect(args[args.indexOf('--save') + 1]).toBe('');
    expect(args[args.indexOf('--appendonly') + 1]).toBe('no');
    expect(args).toContain('--save');
    expect(redisDeployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    expect(redis.securityContext.allowPrivilegeEscalation).toBe(false);
  });
});

describe('Kubernetes: a caller signed in by its service-account token', () => {
  const keysFile = JSON.parse(secret.stringData['keys.json']) as KeysFile;
  const job = cronJob.spec.jobTemplate.spec.template.spec;
  const caller = job.containers[0];
  const callerEnv: Record<string, string> = Object.fromEntries(
    caller.env.map((e: { name: string; value: string }) => [e.name, e.value]),
  );
  const projected = job.volumes.find((v: { projected?: unknown }) => v.projected);
  const token = projected.projected.sources[0].serviceAccountToken;

  it('the keys file in the Secret is valid, with the cluster as an https issuer', () => {
    expect(keysFileProblems(keysFile)).toEqual([]);
    const [issuer] = keysFile.issuers ?? [];
    expect(issuer?.issuer).toMatch(/^https:\/\//);
    expect(issuer?.jwksUri).toMatch(/^https:\/\/kubernetes\.default\.svc\//);
    expect(env.NODE_EXTRA_CA_CERTS).toBe('/var/run/secrets/kubernetes.io/serviceaccount/ca.crt');
  });

  it('the projected token is for the issuer’s audience, and its subject is a caller of the keys file', () => {
    const [issuer] = keysFile.issuers ?? [];
    expect(token.audience).toBe(issuer?.audience);
    const subject = `system:serviceaccount:${cronJob.metadata.namespace}:${job.serviceAccountName}`;
    expect(callerAccount.metadata).toEqual({
      name: job.serviceAccountName,
      namespace: cronJob.metadata.namespace,
    });
    expect(keysFile.callers?.find((c) => c.subject === subject)?.issuer).toBe(issuer?.issuer);
  });

  it('the job reads the token where it is projected, and calls the proxy’s Service', () => {
    const mount = caller.volumeMounts.find((m: { name: string }) => m.name === projected.name);
    expect(callerEnv.WKS_PROXY_TOKEN_FILE).toBe(`${mount.mountPath}/${token.path}`);
    expect(new URL(callerEnv.WKS_PROXY_URL as string).hostname.split('.')[0]).toBe(service.metadata.name);
    expect(caller.command).toContain(`@wks-logoff/cli@${versionOf('apps/cli')}`);
  });

  it('the proxy may read the cluster’s token keys', () => {
    expect(discovery.roleRef.name).toBe('system:service-account-issuer-discovery');
  });
});

describe('Kubernetes: what the manifests name exists, and what they run is pinned', () => {
  it('every namespace an object is in is created by the manifests (or is default)', () => {
    const created = new Set([
      'default',
      ...manifests.filter((object) => object.kind === 'Namespace').map((object) => object.metadata.name),
    ]);
    for (const object of manifests) {
      expect(created, `${object.kind} ${object.metadata.name}`).toContain(namespaceOf(object));
    }
  });

  it('every ConfigMap and Secret a pod mounts is in its namespace, with the files the pod reads from it', () => {
    for (const { namespace, spec } of pods) {
      for (const volume of spec.volumes ?? []) {
        const [kind, name] = volume.configMap
          ? ['ConfigMap', volume.configMap.name]
          : volume.secret
            ? ['Secret', volume.secret.secretName]
            : [];
        if (!kind) {
          continue;
        }
        const object = manifests.find(
          (o) => o.kind === kind && o.metadata.name === name && namespaceOf(o) === namespace,
        );
        expect(object, `${kind} ${name} in namespace ${namespace}`).toBeDefined();
        const keys = Object.keys({ ...object?.data, ...object?.stringData });
        const items: { key: string; path: string }[] | undefined = (volume.configMap ?? volume.secret).items;
        for (const item of items ?? []) {
          expect(keys).toContain(item.key);
        }
        const files = items?.map((item) => item.path) ?? keys;
        for (const podContainer of spec.containers) {
          const mount = podContainer.volumeMounts?.find((m: { name: string }) => m.name === volume.name);
          const read: string[] = [
            ...(podContainer.command ?? []),
            ...(podContainer.args ?? []),
            ...(podContainer.env ?? []).map((e: { value?: string }) => e.value ?? ''),
          ].filter((arg) => mount && arg.startsWith(`${mount.mountPath}/`));
          for (const path of read) {
            expect(files, `${path} (${kind} ${name})`).toContain(path.slice(mount.mountPath.length + 1));
          }
        }
      }
    }
  });

  it('pins every image and the CLI the job runs: the proxy and the CLI of this release', () => {
    for (const { spec } of pods) {
      for (const podContainer of spec.containers) {
        expect(podContainer.image).toMatch(/:\d+\.\d+\.\d+(-[a-z0-9.]+)?$|@sha256:[0-9a-f]{64}$/);
      }
    }
    expect(container.image).toMatch(
      new RegExp(`^ghcr\\.io/[^/]+/wks-logoff-proxy:${versionOf('apps/proxy')}$`),
    );
    const caller = cronJob.spec.jobTemplate.spec.template.spec.containers[0];
    expect(caller.command[0]).toBe('npx');
    expect(caller.command.filter((arg: string) => arg.startsWith('@'))).toEqual([
      `@wks-logoff/cli@${versionOf('apps/cli')}`,
    ]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const bin = packageJson.bin['wks-logoff-proxy'];
  // Instructions, each on one line (continuations joined), comments dropped.
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  /** What npm ships of the package (pnpm pack: what publishing packs). */
  const shipped = (): string[] =>
    (
      JSON.parse(
        execFileSync('pnpm', ['pack', '--dry-run', '--json'], { cwd: packageDir, encoding: 'utf8' }),
      ) as {
        files: { path: string }[];
      }
    ).files.map((file) => file.path);

  it('builds from the package as npm ships it: every COPY source is a file the package ships', () => {
    const files = shipped();
    expect(files).toContain('deploy/Dockerfile');
    const sources = instructions
      .filter((line) => /^(COPY|ADD) /.test(line))
      .flatMap((line) =>
        line
          .split(/\s+/)
          .slice(1, -1)
          .filter((arg) => !arg.startsWith('--')),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(files, `COPY ${source}`).toContain(source);
    }
  });

  it('runs the published bin as a non-root user on a pinned Node the package supports, with a health check', () => {
    expect(instructions).toContain(`COPY ${bin} /app/proxy.mjs`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    const from = instructions.filter((line) => line.startsWith('FROM '));
    expect(from).toHaveLength(1);
    const [, major, minor] = /^FROM node:(\d+)\.(\d+)\.\d+-slim$/.exec(from[0] ?? '') ?? [];
    const [, minMajor, minMinor] = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node) ?? [];
    expect(Number(major), from[0]).toBe(Number(minMajor));
    expect(Number(minor)).toBeGreaterThanOrEqual(Number(minMinor));
  });

  it('is built by the image workflow from the packed package', () => {
    const workflow = parseAllDocuments(
      readFileSync(new URL('../../../.github/workflows/image.yml', import.meta.url), 'utf8'),
    )[0]?.toJS();
    const steps: { run?: string; uses?: string; with?: Record<string, string> }[] = workflow.jobs.image.steps;
    const build = steps.find((step) => step.uses?.startsWith('docker/build-push-action'));
    expect(build?.with?.file).toBe(`${build?.with?.context}/deploy/Dockerfile`);
    const pack = steps.find((step) => step.run?.includes('pack'));
    expect(pack?.run).toContain('--filter @wks-logoff/proxy');
    expect(steps.indexOf(pack as never)).toBeLessThan(steps.indexOf(build as never));
  });
});
