// Client overhead: one logoff through our client (AK/SK, token) vs a raw fetch of the same request, all
// against the same fast local server on 127.0.0.1. Goal: within 1.2× of raw fetch.
import { createServer } from 'node:http';
import { formatSdkDate, signRequest } from '../dist/auth/signer.js';
import { akskAuth, createLogoffClient, nodeHttpTransport, tokenAuth } from '../dist/index.js';
import { undiciTransport } from '../dist/transport/undici.js';
import { compare, table } from './measure.mjs';

const PROJECT = '2b31ed520a1b4d3cb2c3d4e5f6a7b8c9';
const body = {
  desktop_ids: Array.from({ length: 100 }, (_, i) => `desktop-${i}`),
  message: 'Maintenance in 10 minutes',
};

export async function benchClient() {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'x-request-id': 'fd6530a01c09807640189e65e837b8ad', 'content-length': '0' });
      response.end();
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${server.address().port}`;
  const url = `${endpoint}/v2/${PROJECT}/desktops/logoff`;
  const payload = JSON.stringify(body);

  const token = createLogoffClient({ endpoint, projectId: PROJECT, auth: tokenAuth('bench-token') });
  const aksk = createLogoffClient({
    endpoint,
    projectId: PROJECT,
    auth: akskAuth({ accessKey: 'AK', secretKey: 'SK', projectId: PROJECT }),
  });
  const pooled = createLogoffClient({
    endpoint,
    projectId: PROJECT,
    auth: tokenAuth('bench-token'),
    transport: undiciTransport(),
  });
  const nodeHttp = createLogoffClient({
    endpoint,
    projectId: PROJECT,
    auth: tokenAuth('bench-token'),
    transport: nodeHttpTransport(),
  });
  const raw = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': 'bench-token' },
      body: payload,
    });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    return response.headers.get('x-request-id');
  };

  // What fetchTransport avoids: handing fetch a Request, whose body Node then streams.
  const rawRequest = async () => {
    const response = await fetch(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-auth-token': 'bench-token' },
        body: payload,
      }),
    );
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
  };

  // The same request signed by hand: the baseline that separates signing from client overhead.
  const rawSigned = async () => {
    const headers = {
      'content-type': 'application/json',
      'x-project-id': PROJECT,
      'x-sdk-date': formatSdkDate(new Date()),
    };
    headers.authorization = signRequest(
      { method: 'POST', url, headers, body: payload },
      { accessKey: 'AK', secretKey: 'SK' },
    ).authorization;
    const response = await fetch(url, { method: 'POST', headers, body: payload });
    await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
  };

  const results = await compare(
    [
      { name: 'raw fetch', run: raw },
      { name: 'raw fetch of a Request object', run: rawRequest },
      { name: 'raw fetch, signed by hand', run: rawSigned },
      { name: 'client, IAM token', run: () => token.logoff(body) },
      { name: 'client, AK/SK signed', run: () => aksk.logoff(body) },
      { name: 'client, token, undici transport', run: () => pooled.logoff(body) },
      { name: 'client, token, node:http transport', run: () => nodeHttp.logoff(body) },
    ],
    { iterations: 300, warmup: 200 },
  );
  table('One 100-desktop logoff against a local fast server', results, 'raw fetch');
  const ratio = (name) => (results.get('raw fetch') / results.get(name)).toFixed(2);
  console.log(
    `  goal: the client within 1.2× of raw fetch: IAM token ${ratio('client, IAM token')}×, AK/SK ${ratio('client, AK/SK signed')}×` +
      `; floor for AK/SK, a fetch signed by hand: ${ratio('raw fetch, signed by hand')}×`,
  );
  server.close();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchClient();
}
