// Generated from schema/keys.v1.schema.json by apps/proxy/scripts/generate.mjs. Do not edit.

/**
 * A name for logs, metrics and audit lines (never the key).
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "CallerId".
 */
export type CallerId = string;
/**
 * The project IDs the caller may use, or ["*"] for every project.
 *
 * @minItems 1
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "Projects".
 */
export type Projects = string[];
/**
 * Requests per second at most (over it: 429); below 1 allows one request every 1/rate seconds.
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "Rate".
 */
export type Rate = number;
/**
 * The caller's share of the proxy's upstream budget against other callers' while requests wait for it (weighted fair queueing; default 1): a caller of weight 2 gets twice the slots of a caller of weight 1. A caller with nothing waiting leaves its share to the others.
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "Weight".
 */
export type Weight = number;
/**
 * An asymmetric JWS algorithm. Never `none` or HMAC (HS*): a public key must never serve as an HMAC secret.
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "JwsAlgorithm".
 */
export type JwsAlgorithm =
  'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA';

/**
 * The proxy's callers: their keys, stored as SHA-256 digests only; the identity providers whose tokens it accepts, and the callers those tokens map to; and the projects each caller may use. Re-read on SIGHUP. `x-message` says, in the operator's words, what a value must be.
 */
export interface KeysFile {
  /**
   * One entry per caller key.
   */
  keys: CallerKey[];
  /**
   * Identity providers whose signed tokens (JWTs) the proxy accepts as bearer credentials.
   */
  issuers?: Issuer[];
  /**
   * Callers known by a token: the first entry whose issuer, and subject or claims, match the token names its caller.
   */
  callers?: TokenCaller[];
}
/**
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "CallerKey".
 */
export interface CallerKey {
  id: CallerId;
  /**
   * Lowercase hex SHA-256 of the key's UTF-8 bytes (`wks-logoff-proxy hash-key`).
   */
  sha256: string;
  projects: Projects;
  rate?: Rate;
  weight?: Weight;
}
/**
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "Issuer".
 */
export interface Issuer {
  /**
   * The `iss` of its tokens, exactly; an https URL (http only on loopback, for tests). Without `jwksUri`, its keys are found through `<issuer>/.well-known/openid-configuration`, trusted only when that document's `issuer` is this value exactly and its `jwks_uri` is https (http only for a loopback issuer).
   */
  issuer: string;
  /**
   * The `aud` its tokens must carry (one of them, when a list): the name this proxy is known by to that provider.
   */
  audience: string | string[];
  /**
   * Where its signing keys (JWKS) are; https (http only on loopback).
   */
  jwksUri?: string;
  /**
   * Algorithms its tokens may be signed with (default RS256 and ES256).
   *
   * @minItems 1
   */
  algorithms?: JwsAlgorithm[];
  /**
   * Clock skew allowed on exp, nbf and iat (default 30).
   */
  clockToleranceSeconds?: number;
  /**
   * Oldest `iat` accepted (default 86400, a day); tokens must carry `iat` and `exp`.
   */
  maxTokenAgeSeconds?: number;
}
/**
 * A caller known by a token: it matches when the token comes from its issuer and carries its subject, or its claims (at least one of the two is given; when both are, both must match).
 *
 * This interface was referenced by `KeysFile`'s JSON-Schema
 * via the `definition` "TokenCaller".
 */
export interface TokenCaller {
  id: CallerId;
  /**
   * The issuer (as in `issuers`) whose tokens this caller presents.
   */
  issuer: string;
  /**
   * The token's `sub`, exactly (e.g. system:serviceaccount:ops:logoff-bot).
   */
  subject?: string;
  /**
   * Claims the token must carry: a string claim equal to the value, or an array claim containing it.
   */
  claims?: {
    [k: string]: string;
  };
  projects: Projects;
  rate?: Rate;
  weight?: Weight;
}

/** The schema itself, as data (e.g. for the caller ID's pattern). */
export const keysFileSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://wks-logoff.dev/schema/keys.v1.schema.json",
  "title": "wks-logoff-proxy keys file, version 1",
  "description": "The proxy's callers: their keys, stored as SHA-256 digests only; the identity providers whose tokens it accepts, and the callers those tokens map to; and the projects each caller may use. Re-read on SIGHUP. `x-message` says, in the operator's words, what a value must be.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "keys"
  ],
  "x-message": "must be an object: {\"keys\": [...], \"issuers\": [...], \"callers\": [...]}",
  "properties": {
    "keys": {
      "type": "array",
      "description": "One entry per caller key.",
      "items": {
        "$ref": "#/$defs/CallerKey"
      },
      "x-message": "must be a list of caller keys"
    },
    "issuers": {
      "type": "array",
      "description": "Identity providers whose signed tokens (JWTs) the proxy accepts as bearer credentials.",
      "items": {
        "$ref": "#/$defs/Issuer"
      },
      "x-message": "must be a list of issuers"
    },
    "callers": {
      "type": "array",
      "description": "Callers known by a token: the first entry whose issuer, and subject or claims, match the token names its caller.",
      "items": {
        "$ref": "#/$defs/TokenCaller"
      },
      "x-message": "must be a list of token callers"
    }
  },
  "$defs": {
    "CallerId": {
      "type": "string",
      "description": "A name for logs, metrics and audit lines (never the key).",
      "pattern": "^[A-Za-z0-9._-]{1,64}$",
      "x-message": "must be 1–64 letters, digits, '.', '_' or '-'"
    },
    "Projects": {
      "type": "array",
      "description": "The project IDs the caller may use, or [\"*\"] for every project.",
      "minItems": 1,
      "items": {
        "type": "string",
        "minLength": 1,
        "x-message": "must be a project ID or \"*\""
      },
      "x-message": "must be a non-empty list of project IDs, or [\"*\"]"
    },
    "Rate": {
      "type": "number",
      "description": "Requests per second at most (over it: 429); below 1 allows one request every 1/rate seconds.",
      "exclusiveMinimum": 0,
      "x-message": "must be a positive number"
    },
    "Weight": {
      "type": "number",
      "description": "The caller's share of the proxy's upstream budget against other callers' while requests wait for it (weighted fair queueing; default 1): a caller of weight 2 gets twice the slots of a caller of weight 1. A caller with nothing waiting leaves its share to the others.",
      "exclusiveMinimum": 0,
      "maximum": 1000,
      "x-message": "must be a number above 0 and at most 1000"
    },
    "CallerKey": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "sha256",
        "projects"
      ],
      "x-message": "must be an object",
      "properties": {
        "id": {
          "$ref": "#/$defs/CallerId"
        },
        "sha256": {
          "type": "string",
          "description": "Lowercase hex SHA-256 of the key's UTF-8 bytes (`wks-logoff-proxy hash-key`).",
          "pattern": "^[0-9a-f]{64}$",
          "x-message": "must be 64 lowercase hex characters"
        },
        "projects": {
          "$ref": "#/$defs/Projects"
        },
        "rate": {
          "$ref": "#/$defs/Rate"
        },
        "weight": {
          "$ref": "#/$defs/Weight"
        }
      }
    },
    "JwsAlgorithm": {
      "enum": [
        "RS256",
        "RS384",
        "RS512",
        "PS256",
        "PS384",
        "PS512",
        "ES256",
        "ES384",
        "ES512",
        "EdDSA"
      ],
      "description": "An asymmetric JWS algorithm. Never `none` or HMAC (HS*): a public key must never serve as an HMAC secret.",
      "x-message": "must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA (never none or HS*)"
    },
    "Issuer": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "issuer",
        "audience"
      ],
      "x-message": "must be an object",
      "properties": {
        "issuer": {
          "type": "string",
          "description": "The `iss` of its tokens, exactly; an https URL (http only on loopback, for tests). Without `jwksUri`, its keys are found through `<issuer>/.well-known/openid-configuration`, trusted only when that document's `issuer` is this value exactly and its `jwks_uri` is https (http only for a loopback issuer).",
          "minLength": 1,
          "x-message": "must be the issuer's URL"
        },
        "audience": {
          "description": "The `aud` its tokens must carry (one of them, when a list): the name this proxy is known by to that provider.",
          "anyOf": [
            {
              "type": "string",
              "minLength": 1
            },
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "string",
                "minLength": 1
              }
            }
          ],
          "x-message": "must be a non-empty string, or a non-empty list of them"
        },
        "jwksUri": {
          "type": "string",
          "description": "Where its signing keys (JWKS) are; https (http only on loopback).",
          "minLength": 1,
          "x-message": "must be a URL"
        },
        "algorithms": {
          "type": "array",
          "description": "Algorithms its tokens may be signed with (default RS256 and ES256).",
          "default": [
            "RS256",
            "ES256"
          ],
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/JwsAlgorithm"
          },
          "x-message": "must be a non-empty list of algorithms"
        },
        "clockToleranceSeconds": {
          "type": "integer",
          "description": "Clock skew allowed on exp, nbf and iat (default 30).",
          "default": 30,
          "minimum": 0,
          "maximum": 300,
          "x-message": "must be an integer from 0 to 300"
        },
        "maxTokenAgeSeconds": {
          "type": "integer",
          "description": "Oldest `iat` accepted (default 86400, a day); tokens must carry `iat` and `exp`.",
          "default": 86400,
          "minimum": 60,
          "x-message": "must be an integer of at least 60"
        }
      }
    },
    "TokenCaller": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "issuer",
        "projects"
      ],
      "x-message": "must be an object",
      "properties": {
        "id": {
          "$ref": "#/$defs/CallerId"
        },
        "issuer": {
          "type": "string",
          "description": "The issuer (as in `issuers`) whose tokens this caller presents.",
          "minLength": 1,
          "x-message": "must be the issuer's URL"
        },
        "subject": {
          "type": "string",
          "description": "The token's `sub`, exactly (e.g. system:serviceaccount:ops:logoff-bot).",
          "minLength": 1,
          "x-message": "must be a non-empty string"
        },
        "claims": {
          "type": "object",
          "description": "Claims the token must carry: a string claim equal to the value, or an array claim containing it.",
          "minProperties": 1,
          "additionalProperties": {
            "type": "string",
            "minLength": 1,
            "x-message": "must be a non-empty string"
          },
          "x-message": "must be an object of claim names and values"
        },
        "projects": {
          "$ref": "#/$defs/Projects"
        },
        "rate": {
          "$ref": "#/$defs/Rate"
        },
        "weight": {
          "$ref": "#/$defs/Weight"
        }
      },
      "description": "A caller known by a token: it matches when the token comes from its issuer and carries its subject, or its claims (at least one of the two is given; when both are, both must match)."
    }
  }
} as const;
