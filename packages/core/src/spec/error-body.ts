// The reverse of reading an error answer (transport/api-error.ts): an error body in the spec's shapes, typed by the
// spec's generated body types and held to the spec's lengths, so what the proxy answers is what the spec declares. The service's shape for the service's own errors,
// the gateway's (with its request_id) for everything else. The proxy answers with these, its own errors included.
import type { ErrorSource } from '../errors/rules.js';
import { ServiceErrorSchema } from './generated/schemas.js';
import type { GatewayErrorBody, ServiceErrorBody } from './types.js';

export interface ErrorBodyFields {
  /** `service` gives the service's shape; anything else the gateway's. */
  source: ErrorSource;
  errorCode: string;
  errorMsg?: string | undefined;
  /** Service shape only. */
  errorDetail?: string | undefined;
  /** Service shape only. */
  encodedAuthorizationMessage?: string | undefined;
  /** Gateway shape only. */
  requestId?: string | undefined;
}

const MSG_MAX = ServiceErrorSchema.properties.error_msg.maxLength;
const DETAIL_MAX = ServiceErrorSchema.properties.error_detail.maxLength;

export function toErrorBody(fields: ErrorBodyFields): ServiceErrorBody | GatewayErrorBody {
  const errorMsg = (fields.errorMsg ?? '').slice(0, MSG_MAX);
  if (fields.source === 'service') {
    return {
      error_code: fields.errorCode,
      error_msg: errorMsg,
      ...(fields.errorDetail ? { error_detail: fields.errorDetail.slice(0, DETAIL_MAX) } : {}),
      ...(fields.encodedAuthorizationMessage
        ? { encoded_authorization_message: fields.encodedAuthorizationMessage }
        : {}),
    } satisfies ServiceErrorBody;
  }
  const body: GatewayErrorBody = { error_code: fields.errorCode, error_msg: errorMsg };
  if (fields.requestId) {
    body.request_id = fields.requestId;
  }
  return body;
}
