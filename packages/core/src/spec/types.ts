// Names for the generated types that users of the client see, so no one reaches into the generated paths (whose
// shape is openapi-typescript's, not ours).
import type { components, operations } from './generated/openapi.js';

/** The request body of BatchLogoffDesktops, exactly as the spec defines it. */
export type LogoffRequestBody = components['schemas']['LogoffDesktopsReq'];
/** The service's own error body. */
export type ServiceErrorBody = components['schemas']['ServiceError'];
/** The API gateway's error body. */
export type GatewayErrorBody = components['schemas']['GatewayError'];
/** Every status the spec declares for the operation. */
export type DocumentedStatus = keyof operations['BatchLogoffDesktops']['responses'];
