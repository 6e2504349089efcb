// One audit line per logoff the proxy handled past authentication: who, which project, which desktops, what
// message, what the cloud said. Secrets never enter it: the caller is named by its id (and a token caller by its
// token's `sub` and `iss`), never by its key or token.
import type { FastifyBaseLogger } from 'fastify';
import type { AuthenticatedCaller } from './auth.js';

export interface AuditEntry {
  caller: AuthenticatedCaller;
  projectId: string;
  desktopIds: readonly string[];
  message: string | undefined;
  outcome: 'accepted' | 'rejected' | 'failed';
  status: number;
  upstreamRequestId: string | undefined;
  errorCode: string | undefined;
}

/** The caller's fields of log and audit lines: `callerId`, and `keyId` for a key or `sub` and `iss` for a token. */
export function callerFields(caller: AuthenticatedCaller | undefined): Record<string, string | undefined> {
  if (!caller) {
    return {};
  }
  return caller.kind === 'key'
    ? { callerId: caller.id, keyId: caller.id }
    : { callerId: caller.id, sub: caller.subject, iss: caller.issuer };
}

export function audit(log: FastifyBaseLogger, entry: AuditEntry): void {
  const { caller, ...rest } = entry;
  log.info(
    { audit: { ...callerFields(caller), ...rest, desktopCount: entry.desktopIds.length } },
    'audit: logoff',
  );
}
