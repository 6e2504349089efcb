// One audit line per logoff the proxy handled past authentication: who, which project, which desktops, what
// message, what the cloud said. Secrets never enter it: the caller is named by its key's id.
import type { FastifyBaseLogger } from 'fastify';

export interface AuditEntry {
  keyId: string;
  projectId: string;
  desktopIds: readonly string[];
  message: string | undefined;
  outcome: 'accepted' | 'rejected' | 'failed';
  status: number;
  upstreamRequestId: string | undefined;
  errorCode: string | undefined;
}

export function audit(log: FastifyBaseLogger, entry: AuditEntry): void {
  log.info({ audit: { ...entry, desktopCount: entry.desktopIds.length } }, 'audit: logoff');
}
