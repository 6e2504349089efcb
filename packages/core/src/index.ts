// Public surface of @wks-logoff/core: re-exports only, of what a user needs (api/core.api.md records it; a change
// of surface shows there in review).
export { type AkskAuthOptions, type AkskCredentials, akskAuth } from './auth/aksk.js';
export { bearerAuth } from './auth/bearer.js';
export {
  type IamAgency,
  type IamPasswordIdentity,
  type IamToken,
  type IamTokenAuth,
  type IamTokenOptions,
  iamTokenAuth,
} from './auth/iam.js';
export {
  CREDENTIAL_DEFAULTS,
  type CredentialSettings,
  type ResolvedCredentials,
  type ResolveOptions,
  resolveCredentials,
} from './auth/resolve.js';
export { type TokenSource, tokenAuth } from './auth/token.js';
export { readTokenFile } from './auth/token-file.js';
export type { Auth, AuthRequest } from './auth/types.js';
export { type BatchPlan, type InvalidId, planBatch } from './batch/intake.js';
export { BATCH_DEFAULTS, type BatchOptions, type BatchProgress, checkBatchOptions } from './batch/options.js';
export {
  type CallRecord,
  checkReport,
  type FailedEntry,
  type LogoffReport,
  type ReportTarget,
  type RequestCounts,
  reportJson,
  resumableIds,
  type SkippedEntry,
  type SkipReason,
  type StopInfo,
  type SucceededEntry,
  type Totals,
} from './batch/report.js';
export { logoffMany } from './batch/run.js';
export type { AttemptEvent, LogoffResult } from './client/attempts.js';
export {
  createLogoffClient,
  type LogoffCallOptions,
  type LogoffClient,
  type LogoffClientOptions,
} from './client/create-client.js';
export { CLIENT_DEFAULTS, type ClientOptionsToCheck, checkClientOptions } from './client/options.js';
export { resolveClientOptions } from './client/resolve-options.js';
export { ENV } from './config/env.js';
export { iamEndpoint, REGIONS, type Region, workspaceEndpoint } from './config/regions.js';

export {
  type ApiErrorInit,
  ConfigurationError,
  type ErrorSource,
  LocalLimitError,
  type NetworkErrorKind,
  ValidationError,
  type ValidationIssue,
  WksError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from './errors/classes.js';
export type { RetryOptions, RetryPolicy } from './retry/policy.js';
export { type ErrorBodyFields, toErrorBody } from './spec/error-body.js';
export type { components, operations, paths } from './spec/generated/openapi.js';
export {
  DOCUMENTED_STATUSES,
  MAX_DESKTOP_ID_LENGTH,
  MAX_DESKTOP_IDS_PER_REQUEST,
  MAX_MESSAGE_LENGTH,
} from './spec/limits.js';
export {
  type SchemaError,
  type SchemaProblem,
  type SchemaWords,
  schemaProblems,
} from './spec/schema-problems.js';
export type {
  DocumentedStatus,
  GatewayErrorBody,
  LogoffRequestBody,
  ServiceErrorBody,
} from './spec/types.js';
export { checkDesktopId, checkLogoffRequest, checkMessage, checkProjectId } from './spec/validate.js';
export { fetchTransport } from './transport/fetch.js';
export {
  type TransportFromEnvOptions,
  transportFromEnv,
  type UndiciModule,
} from './transport/from-env.js';
export { type NodeHttpTransportOptions, nodeHttpTransport } from './transport/node-http.js';
export type { ProxySettings } from './transport/proxy-settings.js';
export type { Transport, TransportResponse } from './transport/types.js';
