// --debug: where each setting came from, and one line per attempt (never a secret: names and origins of
// credentials, never their values; status, code, request ID, the retry decision).
import type { AttemptEvent } from '@wks-logoff/core';
import type { CredentialEnvironment } from '../../config/credential-env.js';
import { describeOrigin } from '../../config/origin.js';
import type { TargetSettings } from '../../config/target-settings.js';

const LABELS = {
  proxyUrl: 'proxy URL',
  endpoint: 'endpoint',
  region: 'region',
  iamEndpoint: 'IAM endpoint',
  projectId: 'project',
} as const;

/** Each target setting with its origin, what was ignored and why, and where the credentials came from. */
export function describeSettings(settings: TargetSettings, credentials: CredentialEnvironment): string[] {
  const lines: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof typeof LABELS, string][]) {
    const setting = settings[key];
    if (setting) {
      lines.push(`${label} ${setting.value} from ${describeOrigin(setting.origin)}`);
    }
  }
  // Values that lost are not shown: only what is used has been checked to hold no credential.
  for (const { setting, why } of settings.ignored) {
    lines.push(`ignored ${describeOrigin(setting.origin)}: ${why}`);
  }
  const origins = [...credentials.origins.values()];
  if (origins.length > 0) {
    lines.push(`credentials from ${origins.map(describeOrigin).join(', ')}`);
  }
  for (const { origin, why } of credentials.ignored) {
    lines.push(`ignored ${describeOrigin(origin)}: ${why}`);
  }
  return lines;
}

export function describeAttempt(e: AttemptEvent): string {
  // An attempt without an answer always has its error: the rest only satisfies the types.
  // Stryker disable next-line OptionalChaining,StringLiteral: never reached (see above)
  const what = `${e.status ?? e.error?.name ?? '?'}${e.errorCode ? ` ${e.errorCode}` : ''}`;
  const request = e.requestId ? ` request ${e.requestId}` : '';
  const next = e.willRetry ? `, retrying in ${e.delayMs} ms (${e.reason})` : e.reason ? ` (${e.reason})` : '';
  return `attempt ${e.attempt}: ${what}${request}${next}`;
}
