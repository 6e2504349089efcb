// Limits of the API, read from the spec's schemas so they are stated in one place.
import {
  DesktopIdSchema,
  documentedStatuses,
  LogoffDesktopsReqSchema,
  LogoffMessageSchema,
} from './generated/schemas.js';

/** Most desktop IDs one request may carry (the spec's `maxItems`). */
export const MAX_DESKTOP_IDS_PER_REQUEST: number = LogoffDesktopsReqSchema.properties.desktop_ids.maxItems;
/** Longest desktop ID, in characters. */
export const MAX_DESKTOP_ID_LENGTH: number = DesktopIdSchema.maxLength;
/** Longest message, in UTF-16 code units (the spec's `x-max-utf16-units`: an emoji counts 2). */
export const MAX_MESSAGE_LENGTH: number = LogoffMessageSchema['x-max-utf16-units'];

/** Every HTTP status the spec declares for the operation. */
export const DOCUMENTED_STATUSES: readonly number[] = documentedStatuses;

/** The success statuses the spec declares for the operation (200): any other answer is a failure. */
export const SUCCESS_STATUSES: readonly number[] = documentedStatuses.filter(
  (status) => status >= 200 && status < 300,
);
