export { type TokenSource, tokenAuth } from './auth/token.js';
export type { Auth } from './auth/types.js';
export {
  createLogoffClient,
  type LogoffCallOptions,
  type LogoffClient,
  type LogoffClientOptions,
  type LogoffResult,
  type Transport,
} from './client.js';
export {
  ConfigurationError,
  type ErrorSource,
  type NetworkErrorKind,
  ValidationError,
  type ValidationIssue,
  WksError,
  WorkspaceApiError,
  WorkspaceNetworkError,
} from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export { MAX_DESKTOP_ID_LENGTH, MAX_DESKTOP_IDS_PER_REQUEST, MAX_MESSAGE_LENGTH } from './limits.js';
export type { DocumentedStatus, GatewayErrorBody, LogoffRequestBody, ServiceErrorBody } from './types.js';
export { checkDesktopId, checkLogoffRequest, checkMessage, checkProjectId } from './validate.js';
