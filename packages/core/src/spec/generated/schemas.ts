// Generated from @wks-logoff/spec by packages/core/scripts/generate.mjs. Do not edit.

export const DesktopIdSchema = {
  "type": "string",
  "description": "A desktop (computer) ID, a UUID in practice. The cloud accepts 0–255 characters of anything; we require\n1–255 printable ASCII characters without spaces, so an empty line, whitespace or binary garbage is\ncaught before it is sent.\n",
  "minLength": 1,
  "maxLength": 255,
  "pattern": "^[\\x21-\\x7E]+$",
  "x-pattern-hint": "must be printable ASCII characters without spaces",
  "examples": [
    "2a010270-a011-415e-b1cd-3c484c8a8001"
  ]
} as const;

export const LogoffMessageSchema = {
  "type": "string",
  "description": "Message shown to each user when the logoff task is delivered: at most 255 characters, **counted in UTF-16\ncode units** (`x-max-utf16-units`), as Java and JavaScript count string length. JSON Schema's `maxLength`\ncounts code points, so an emoji outside the Basic Multilingual Plane counts 1 there and 2 here; the cloud\n(a Java service) may count either way, so we enforce the stricter measure. `x-max-utf16-units` is this\ndocument's own keyword: `ajv-keywords.js` in this package defines it for ajv; tools that do not know it\n(Prism, for one) check `maxLength` only.\n",
  "maxLength": 255,
  "x-max-utf16-units": 255,
  "examples": [
    "Maintenance starts in 10 minutes. Please save your work."
  ]
} as const;

export const LogoffDesktopsReqSchema = {
  "type": "object",
  "description": "The request body. Stricter than the cloud: `desktop_ids` is required with 1–100 IDs (the cloud accepts\n`{}` and an empty list), and unknown properties are rejected (a misspelt field would otherwise be\nignored silently).\n",
  "required": [
    "desktop_ids"
  ],
  "additionalProperties": false,
  "properties": {
    "desktop_ids": {
      "type": "array",
      "description": "IDs of the desktops to log off; at most 100 per request.",
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
  "description": "Error body of the Workspace service itself.",
  "required": [
    "error_code",
    "error_msg"
  ],
  "properties": {
    "error_code": {
      "type": "string",
      "maxLength": 12,
      "description": "Error code, e.g. `WKS.0001`."
    },
    "error_msg": {
      "type": "string",
      "maxLength": 1000,
      "description": "Error description."
    },
    "error_detail": {
      "type": "string",
      "maxLength": 1000,
      "description": "Error details."
    },
    "encoded_authorization_message": {
      "type": "string",
      "readOnly": true,
      "description": "Encrypted reason for a permission denial; decode it with STS decode-authorization-message."
    }
  }
} as const;

export const GatewayErrorSchema = {
  "type": "object",
  "description": "Error body of the API gateway in front of the service (codes `APIGW.*`, older `APIG.*`).",
  "required": [
    "error_code",
    "error_msg"
  ],
  "properties": {
    "error_code": {
      "type": "string",
      "maxLength": 12,
      "description": "Gateway error code, e.g. `APIGW.0308`."
    },
    "error_msg": {
      "type": "string",
      "description": "Error description."
    },
    "request_id": {
      "type": "string",
      "description": "The gateway's request ID (32 lowercase hex characters)."
    }
  }
} as const;

export const AnyErrorSchema = {
  "description": "Either error shape; statuses 401, 403, 404 and 500 can come from the service or the gateway.",
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
