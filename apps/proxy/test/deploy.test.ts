// The deployment files cannot be run here (no container engine), so they are checked against the code they
// deploy: every setting they pass exists and validates, the probes hit routes that answer, the drain deadline fits
// the grace period, and the image runs the bin that package.json publishes, as a non-root user.
import { readFileSync } from 'node:fs';
import { ENV } from '@wks-logoff/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig, SETTINGS } from '../src/index.js';
import { type Harness, harness } from './helpers.js';

const read = (path: string) => readFileSync(new URL(`../deploy/${path}`, import.meta.url), 'utf8');
const load = (path: string) => parseAllDocuments(read(path)).map((doc) => doc.toJS());
const [deployment] = load('k8s/deployment.yaml');
const [service] = load('k8s/service.yaml');
const [hpa] = load('k8s/hpa.yaml');
const [secret] = load('k8s/secret.yaml');
const container = deployment.spec.template.spec.containers[0];
const env: Record<string, string> = Object.fromEntries(
  container.env
    .filter((e: { value?: string }) => e.value !== undefined)
    .map((e: { name: string; value: string }) => [e.name, e.value]),
);
const known = new Set<string>([...Object.values(SETTINGS).map((s) => s.name), ...Object.values(ENV)]);

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

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const bin = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).bin[
    'wks-logoff-proxy'
  ];

  it('runs the published bin as a non-root user, with a health check on /healthz', () => {
    expect(dockerfile).toContain(`COPY --from=build /repo/apps/proxy/${bin} /app/proxy.mjs`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/healthz/m);
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
  });
});
