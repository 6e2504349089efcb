// Generated from @wks-logoff/spec by packages/core/scripts/generate.mjs. Do not edit.

export const DesktopIdSchema = {
  "type": "string",
  "minLength": 1,
  "maxLength": 255,
  "pattern": "^[\\x21-\\x7E]+$",
  "x-pattern-hint": "must be printable ASCII characters without spaces"
} as const;

export const LogoffMessageSchema = {
  "type": "string",
  "maxLength": 255,
  "x-max-utf16-units": 255
} as const;

export const LogoffDesktopsReqSchema = {
  "type": "object",
  "required": [
    "desktop_ids"
  ],
  "additionalProperties": false,
  "properties": {
    "desktop_ids": {
      "type": "array",
      "minItems": 1,
      "maxItems": 100,
      "items": {
        "$ref": "#/$defs/DesktopId"
      }
    },
    "message": {
      "$ref": "#/$defs/LogoffMessage"
    }
  }
} as const;

export const ServiceErrorSchema = {
  "type": "object",
  "required": [
    "error_code",
    "error_msg"
  ],
  "properties": {
    "error_code": {
      "type": "string",
      "maxLength": 12
    },
    "error_msg": {
      "type": "string",
      "maxLength": 1000
    },
    "error_detail": {
      "type": "string",
      "maxLength": 1000
    },
    "encoded_authorization_message": {
      "type": "string",
      "readOnly": true
    }
  }
} as const;

export const GatewayErrorSchema = {
  "type": "object",
  "required": [
    "error_code",
    "error_msg"
  ],
  "properties": {
    "error_code": {
      "type": "string",
      "maxLength": 12
    },
    "error_msg": {
      "type": "string"
    },
    "request_id": {
      "type": "string"
    }
  }
} as const;

export const AnyErrorSchema = {
  "anyOf": [
    {
      "$ref": "#/$defs/ServiceError"
    },
    {
      "$ref": "#/$defs/GatewayError"
    }
  ]
} as const;

export const ProjectIdSchema = {
  "type": "string",
  "minLength": 1,
  "maxLength": 255,
  "pattern": "^[A-Za-z0-9_-]+$",
  "x-pattern-hint": "must contain only letters, digits, '_' and '-'"
} as const;

/** Every HTTP status the spec declares for BatchLogoffDesktops. */
export const documentedStatuses = [200,400,401,403,404,405,408,409,413,415,429,431,500,502,503,504] as const;

/** Regions named by the spec's server variable. */
export const specRegions = ["af-north-1","af-south-1","ap-southeast-1","ap-southeast-2","ap-southeast-3","cn-east-3","cn-east-5","cn-north-4","cn-north-9","cn-north-11","cn-south-1","cn-southwest-2","eu-west-101","la-north-2","la-south-2","me-east-1","na-mexico-1","sa-brazil-1","tr-west-1"] as const;

/** The endpoint pattern of the spec's server, with `{region}` to fill in. */
export const endpointTemplate = "https://workspace.{region}.myhuaweicloud.com";
