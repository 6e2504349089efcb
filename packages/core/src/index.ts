// Public surface of @wks-logoff/core: re-exports only.
export { type AkskAuthOptions, type AkskCredentials, akskAuth } from './auth/aksk.js';
export { bearerAuth } from './auth/bearer.js';
export {
  type IamAgency,
  type IamPasswordIdentity,
  type IamToken,
  type IamTokenAuth,
  type IamTokenOptions,
  iamTokenAuth,
  lookupProjectId,
} from './auth/iam.js';
export {
  DEFAULT_SIGNED_HEADERS,
  formatSdkDate,
  type SignableRequest,
  type Signature,
  type SigningKey,
  type SignOptions,
  signRequest,
} from './auth/signer.js';
export { type TokenSource, tokenAuth } from './auth/token.js';
export type { Auth, AuthRequest } from './auth/types.js';
export type { InvalidId } from './batch/input.js';
export { BATCH_DEFAULTS, type BatchOptions, type BatchProgress, checkBatchOptions } from './batch/options.js';
export { Pacer, type PacerOptions } from './batch/pace.js';
export { type BatchPlan, planBatch } from './batch/plan.js';
export {
  type CallRecord,
  checkReport,
  type FailedEntry,
  type LogoffReport,
  reportJson,
  resumableIds,
  type SkippedEntry,
  type SkipReason,
  type StopInfo,
  type SucceededEntry,
} from './batch/report.js';
export { logoffMany } from './batch/run.js';
export {
  type AttemptEvent,
  createLogoffClient,
  type LogoffCallOptions,
  type LogoffClient,
  type LogoffClientOptions,
  type LogoffResult,
} from './client/create-client.js';
export { CLIENT_DEFAULTS, type ClientOptionsToCheck, checkClientOptions } from './client/options.js';
export { ENV } from './config/env.js';
export {
  iamEndpoint,
  isRegion,
  REGIONS,
  type Region,
  resolveEndpoint,
  workspaceEndpoint,
} from './config/regions.js';
export {
  type CredentialSettings,
  type ResolvedConfig,
  type ResolvedCredentials,
  type ResolveOptions,
  resolveClientOptions,
  resolveConfig,
  resolveCredentials,
} from './config/resolve.js';
export {
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
export { type ErrorBodyFields, toErrorBody } from './errors/to-body.js';
export { DEFAULT_RETRY_POLICY, decideRetry, type RetryDecision, type RetryPolicy } from './retry/policy.js';
export type { components, operations, paths } from './spec/generated/openapi.js';
export {
  DOCUMENTED_STATUSES,
  MAX_DESKTOP_ID_LENGTH,
  MAX_DESKTOP_IDS_PER_REQUEST,
  MAX_MESSAGE_LENGTH,
} from './spec/limits.js';
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
export { type ProxySettings, proxySettingsFromEnv } from './transport/proxy-settings.js';
export type { Transport, TransportResponse } from './transport/types.js';
