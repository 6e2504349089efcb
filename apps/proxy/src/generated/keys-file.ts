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
 * The proxy's callers: their keys, stored as SHA-256 digests only, and the projects each may use. Re-read on SIGHUP. `x-message` says, in the operator's words, what a value must be.
 */
export interface KeysFile {
  /**
   * One entry per caller key.
   */
  keys: CallerKey[];
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
}

/** The schema itself, as data (e.g. for the caller ID's pattern). */
export const keysFileSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://wks-logoff.dev/schema/keys.v1.schema.json",
  "title": "wks-logoff-proxy keys file, version 1",
  "description": "The proxy's callers: their keys, stored as SHA-256 digests only, and the projects each may use. Re-read on SIGHUP. `x-message` says, in the operator's words, what a value must be.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "keys"
  ],
  "x-message": "must be an object: {\"keys\": [...]}",
  "properties": {
    "keys": {
      "type": "array",
      "description": "One entry per caller key.",
      "items": {
        "$ref": "#/$defs/CallerKey"
      },
      "x-message": "must be a list of caller keys"
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
        }
      }
    }
  }
} as const;
