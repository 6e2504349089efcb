// The fake IAM's routes: token requests (password or assume-role) and project look-up by name (authenticated
// like any API call).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson, sendJson } from './answers.js';
import type { GatewayAuth } from './gateway-auth.js';
import type { FakeIam } from './iam.js';

/** Answers the request when it is one of IAM's; false when it is not. */
export function handleIam(
  raw: IncomingMessage,
  body: Buffer,
  response: ServerResponse,
  iam: FakeIam,
  auth: GatewayAuth,
): boolean {
  const url = raw.url ?? '/';
  if (url.startsWith('/v3/auth/tokens') && raw.method === 'POST') {
    const answer = iam.createToken(parseJson(body), raw.headers['x-auth-token'] as string | undefined);
    sendJson(response, answer.status, answer.body, answer.headers ?? {});
    return true;
  }
  if (url.startsWith('/v3/projects') && raw.method === 'GET') {
    if (!auth.check(raw, body, response)) {
      return true;
    }
    const project = iam.projectByName(new URL(url, 'http://x').searchParams.get('name') ?? '');
    sendJson(response, 200, { projects: project ? [project] : [] });
    return true;
  }
  return false;
}
