// The target as a person reads it, the same in the confirmation, the dry run and the summary.
import type { ReportTarget } from '@wks-logoff/core';
import { terminalSafe } from './terminal-text.js';

const AUTH: Record<string, string> = {
  aksk: 'AK/SK',
  'iam-token': 'IAM token',
  'iam-password': 'IAM password login',
  'proxy-token': 'identity token',
  'proxy-key': 'caller key',
};

/** `https://workspace.cn-north-4.myhuaweicloud.com (region cn-north-4, AK/SK)`, or `the wks-logoff proxy at … (caller key)`. */
export function describeTarget(target: ReportTarget): string {
  const auth = AUTH[target.auth] ?? terminalSafe(target.auth);
  const endpoint = terminalSafe(target.endpoint);
  if (target.proxy) {
    return `the wks-logoff proxy at ${endpoint} (${auth})`;
  }
  const region = target.region ? `region ${terminalSafe(target.region)}, ` : '';
  return `${endpoint} (${region}${auth})`;
}
