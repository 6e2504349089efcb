// Generated from schema/keys.v1.schema.json by apps/proxy/scripts/generate.mjs. Do not edit.
// @ts-nocheck
/* eslint-disable */
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// package:ajv/dist/runtime/ucs2length
var require_ucs2length = __commonJS({
  "package:ajv/dist/runtime/ucs2length"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// <stdin>
var validateKeysFile = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wks-logoff.dev/schema/keys.v1.schema.json", "title": "wks-logoff-proxy keys file, version 1", "description": "The proxy's callers: their keys, stored as SHA-256 digests only; the identity providers whose tokens it accepts, and the callers those tokens map to; and the projects each caller may use. Re-read on SIGHUP. `x-message` says, in the operator's words, what a value must be.", "type": "object", "additionalProperties": false, "required": ["keys"], "x-message": 'must be an object: {"keys": [...], "issuers": [...], "callers": [...]}', "properties": { "keys": { "type": "array", "description": "One entry per caller key.", "items": { "$ref": "#/$defs/CallerKey" }, "x-message": "must be a list of caller keys" }, "issuers": { "type": "array", "description": "Identity providers whose signed tokens (JWTs) the proxy accepts as bearer credentials.", "items": { "$ref": "#/$defs/Issuer" }, "x-message": "must be a list of issuers" }, "callers": { "type": "array", "description": "Callers known by a token: the first entry whose issuer, and subject or claims, match the token names its caller.", "items": { "$ref": "#/$defs/TokenCaller" }, "x-message": "must be a list of token callers" } }, "$defs": { "CallerId": { "type": "string", "description": "A name for logs, metrics and audit lines (never the key).", "pattern": "^[A-Za-z0-9._-]{1,64}$", "x-message": "must be 1\u201364 letters, digits, '.', '_' or '-'" }, "Projects": { "type": "array", "description": 'The project IDs the caller may use, or ["*"] for every project.', "minItems": 1, "items": { "type": "string", "minLength": 1, "x-message": 'must be a project ID or "*"' }, "x-message": 'must be a non-empty list of project IDs, or ["*"]' }, "Rate": { "type": "number", "description": "Requests per second at most (over it: 429); below 1 allows one request every 1/rate seconds.", "exclusiveMinimum": 0, "x-message": "must be a positive number" }, "Weight": { "type": "number", "description": "The caller's share of the proxy's upstream budget against other callers' while requests wait for it (weighted fair queueing; default 1): a caller of weight 2 gets twice the slots of a caller of weight 1. A caller with nothing waiting leaves its share to the others.", "exclusiveMinimum": 0, "maximum": 1e3, "x-message": "must be a number above 0 and at most 1000" }, "CallerKey": { "type": "object", "additionalProperties": false, "required": ["id", "sha256", "projects"], "x-message": "must be an object", "properties": { "id": { "$ref": "#/$defs/CallerId" }, "sha256": { "type": "string", "description": "Lowercase hex SHA-256 of the key's UTF-8 bytes (`wks-logoff-proxy hash-key`).", "pattern": "^[0-9a-f]{64}$", "x-message": "must be 64 lowercase hex characters" }, "projects": { "$ref": "#/$defs/Projects" }, "rate": { "$ref": "#/$defs/Rate" }, "weight": { "$ref": "#/$defs/Weight" } } }, "JwsAlgorithm": { "enum": ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"], "description": "An asymmetric JWS algorithm. Never `none` or HMAC (HS*): a public key must never serve as an HMAC secret.", "x-message": "must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA (never none or HS*)" }, "Issuer": { "type": "object", "additionalProperties": false, "required": ["issuer", "audience"], "x-message": "must be an object", "properties": { "issuer": { "type": "string", "description": "The `iss` of its tokens, exactly; an https URL (http only on loopback, for tests). Without `jwksUri`, its keys are found through `<issuer>/.well-known/openid-configuration`, trusted only when that document's `issuer` is this value exactly and its `jwks_uri` is https (http only for a loopback issuer).", "minLength": 1, "x-message": "must be the issuer's URL" }, "audience": { "description": "The `aud` its tokens must carry (one of them, when a list): the name this proxy is known by to that provider.", "anyOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }], "x-message": "must be a non-empty string, or a non-empty list of them" }, "jwksUri": { "type": "string", "description": "Where its signing keys (JWKS) are; https (http only on loopback).", "minLength": 1, "x-message": "must be a URL" }, "algorithms": { "type": "array", "description": "Algorithms its tokens may be signed with (default RS256 and ES256).", "default": ["RS256", "ES256"], "minItems": 1, "items": { "$ref": "#/$defs/JwsAlgorithm" }, "x-message": "must be a non-empty list of algorithms" }, "clockToleranceSeconds": { "type": "integer", "description": "Clock skew allowed on exp, nbf and iat (default 30).", "default": 30, "minimum": 0, "maximum": 300, "x-message": "must be an integer from 0 to 300" }, "maxTokenAgeSeconds": { "type": "integer", "description": "Oldest `iat` accepted (default 86400, a day); tokens must carry `iat` and `exp`.", "default": 86400, "minimum": 60, "x-message": "must be an integer of at least 60" } } }, "TokenCaller": { "type": "object", "additionalProperties": false, "required": ["id", "issuer", "projects"], "x-message": "must be an object", "properties": { "id": { "$ref": "#/$defs/CallerId" }, "issuer": { "type": "string", "description": "The issuer (as in `issuers`) whose tokens this caller presents.", "minLength": 1, "x-message": "must be the issuer's URL" }, "subject": { "type": "string", "description": "The token's `sub`, exactly (e.g. system:serviceaccount:ops:logoff-bot).", "minLength": 1, "x-message": "must be a non-empty string" }, "claims": { "type": "object", "description": "Claims the token must carry: a string claim equal to the value, or an array claim containing it.", "minProperties": 1, "additionalProperties": { "type": "string", "minLength": 1, "x-message": "must be a non-empty string" }, "x-message": "must be an object of claim names and values" }, "projects": { "$ref": "#/$defs/Projects" }, "rate": { "$ref": "#/$defs/Rate" }, "weight": { "$ref": "#/$defs/Weight" } }, "description": "A caller known by a token: it matches when the token comes from its issuer and carries its subject, or its claims (at least one of the two is given; when both are, both must match)." } } };
var schema32 = { "type": "object", "additionalProperties": false, "required": ["id", "sha256", "projects"], "x-message": "must be an object", "properties": { "id": { "$ref": "#/$defs/CallerId" }, "sha256": { "type": "string", "description": "Lowercase hex SHA-256 of the key's UTF-8 bytes (`wks-logoff-proxy hash-key`).", "pattern": "^[0-9a-f]{64}$", "x-message": "must be 64 lowercase hex characters" }, "projects": { "$ref": "#/$defs/Projects" }, "rate": { "$ref": "#/$defs/Rate" }, "weight": { "$ref": "#/$defs/Weight" } } };
var schema33 = { "type": "string", "description": "A name for logs, metrics and audit lines (never the key).", "pattern": "^[A-Za-z0-9._-]{1,64}$", "x-message": "must be 1\u201364 letters, digits, '.', '_' or '-'" };
var schema34 = { "type": "array", "description": 'The project IDs the caller may use, or ["*"] for every project.', "minItems": 1, "items": { "type": "string", "minLength": 1, "x-message": 'must be a project ID or "*"' }, "x-message": 'must be a non-empty list of project IDs, or ["*"]' };
var schema35 = { "type": "number", "description": "Requests per second at most (over it: 429); below 1 allows one request every 1/rate seconds.", "exclusiveMinimum": 0, "x-message": "must be a positive number" };
var schema36 = { "type": "number", "description": "The caller's share of the proxy's upstream budget against other callers' while requests wait for it (weighted fair queueing; default 1): a caller of weight 2 gets twice the slots of a caller of weight 1. A caller with nothing waiting leaves its share to the others.", "exclusiveMinimum": 0, "maximum": 1e3, "x-message": "must be a number above 0 and at most 1000" };
var pattern4 = new RegExp("^[A-Za-z0-9._-]{1,64}$", "u");
var pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
var func1 = require_ucs2length().default;
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sha256 === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sha256" }, message: "must have required property 'sha256'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.projects === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "projects" }, message: "must have required property 'projects'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "sha256" || key0 === "projects" || key0 === "rate" || key0 === "weight")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema32, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err4 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._-]{1,64}$"', schema: "^[A-Za-z0-9._-]{1,64}$", parentSchema: schema33, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.sha256 !== void 0) {
      let data1 = data.sha256;
      if (typeof data1 === "string") {
        if (!pattern5.test(data1)) {
          const err6 = { instancePath: instancePath + "/sha256", schemaPath: "#/properties/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema32.properties.sha256, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/sha256", schemaPath: "#/properties/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.properties.sha256.type, parentSchema: schema32.properties.sha256, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.projects !== void 0) {
      let data2 = data.projects;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err8 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema34, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (func1(data3) < 1) {
              const err9 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.items.type, parentSchema: schema34.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.type, parentSchema: schema34, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.rate !== void 0) {
      let data4 = data.rate;
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 <= 0 || isNaN(data4)) {
          const err12 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema35, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema35.type, parentSchema: schema35, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data5 = data.weight;
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 1e3 || isNaN(data5)) {
          const err14 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema36, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data5 <= 0 || isNaN(data5)) {
          const err15 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema36, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema36.type, parentSchema: schema36, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema37 = { "type": "object", "additionalProperties": false, "required": ["issuer", "audience"], "x-message": "must be an object", "properties": { "issuer": { "type": "string", "description": "The `iss` of its tokens, exactly; an https URL (http only on loopback, for tests). Without `jwksUri`, its keys are found through `<issuer>/.well-known/openid-configuration`, trusted only when that document's `issuer` is this value exactly and its `jwks_uri` is https (http only for a loopback issuer).", "minLength": 1, "x-message": "must be the issuer's URL" }, "audience": { "description": "The `aud` its tokens must carry (one of them, when a list): the name this proxy is known by to that provider.", "anyOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 1, "items": { "type": "string", "minLength": 1 } }], "x-message": "must be a non-empty string, or a non-empty list of them" }, "jwksUri": { "type": "string", "description": "Where its signing keys (JWKS) are; https (http only on loopback).", "minLength": 1, "x-message": "must be a URL" }, "algorithms": { "type": "array", "description": "Algorithms its tokens may be signed with (default RS256 and ES256).", "default": ["RS256", "ES256"], "minItems": 1, "items": { "$ref": "#/$defs/JwsAlgorithm" }, "x-message": "must be a non-empty list of algorithms" }, "clockToleranceSeconds": { "type": "integer", "description": "Clock skew allowed on exp, nbf and iat (default 30).", "default": 30, "minimum": 0, "maximum": 300, "x-message": "must be an integer from 0 to 300" }, "maxTokenAgeSeconds": { "type": "integer", "description": "Oldest `iat` accepted (default 86400, a day); tokens must carry `iat` and `exp`.", "default": 86400, "minimum": 60, "x-message": "must be an integer of at least 60" } } };
var schema38 = { "enum": ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"], "description": "An asymmetric JWS algorithm. Never `none` or HMAC (HS*): a public key must never serve as an HMAC secret.", "x-message": "must be one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA (never none or HS*)" };
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.issuer === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "issuer" }, message: "must have required property 'issuer'", schema: schema37.required, parentSchema: schema37, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.audience === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "audience" }, message: "must have required property 'audience'", schema: schema37.required, parentSchema: schema37, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "issuer" || key0 === "audience" || key0 === "jwksUri" || key0 === "algorithms" || key0 === "clockToleranceSeconds" || key0 === "maxTokenAgeSeconds")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      let data0 = data.issuer;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err3 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.issuer, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.issuer.type, parentSchema: schema37.properties.issuer, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.audience !== void 0) {
      let data1 = data.audience;
      const _errs5 = errors;
      let valid1 = false;
      const _errs6 = errors;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err5 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.audience.anyOf[0], data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.audience.anyOf[0].type, parentSchema: schema37.properties.audience.anyOf[0], data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      var _valid0 = _errs6 === errors;
      valid1 = valid1 || _valid0;
      const _errs8 = errors;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err7 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema37.properties.audience.anyOf[1], data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func1(data2) < 1) {
              const err8 = { instancePath: instancePath + "/audience/" + i0, schemaPath: "#/properties/audience/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.audience.anyOf[1].items, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/audience/" + i0, schemaPath: "#/properties/audience/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.audience.anyOf[1].items.type, parentSchema: schema37.properties.audience.anyOf[1].items, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.audience.anyOf[1].type, parentSchema: schema37.properties.audience.anyOf[1], data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      var _valid0 = _errs8 === errors;
      valid1 = valid1 || _valid0;
      if (!valid1) {
        const err11 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema37.properties.audience.anyOf, parentSchema: schema37.properties.audience, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.jwksUri !== void 0) {
      let data3 = data.jwksUri;
      if (typeof data3 === "string") {
        if (func1(data3) < 1) {
          const err12 = { instancePath: instancePath + "/jwksUri", schemaPath: "#/properties/jwksUri/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.jwksUri, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/jwksUri", schemaPath: "#/properties/jwksUri/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.jwksUri.type, parentSchema: schema37.properties.jwksUri, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.algorithms !== void 0) {
      let data4 = data.algorithms;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err14 = { instancePath: instancePath + "/algorithms", schemaPath: "#/properties/algorithms/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema37.properties.algorithms, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (!(data5 === "RS256" || data5 === "RS384" || data5 === "RS512" || data5 === "PS256" || data5 === "PS384" || data5 === "PS512" || data5 === "ES256" || data5 === "ES384" || data5 === "ES512" || data5 === "EdDSA")) {
            const err15 = { instancePath: instancePath + "/algorithms/" + i1, schemaPath: "#/$defs/JwsAlgorithm/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values", schema: schema38.enum, parentSchema: schema38, data: data5 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/algorithms", schemaPath: "#/properties/algorithms/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.algorithms.type, parentSchema: schema37.properties.algorithms, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.clockToleranceSeconds !== void 0) {
      let data6 = data.clockToleranceSeconds;
      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
        const err17 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.clockToleranceSeconds.type, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (typeof data6 == "number" && isFinite(data6)) {
        if (data6 > 300 || isNaN(data6)) {
          const err18 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 300 }, message: "must be <= 300", schema: 300, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data6 < 0 || isNaN(data6)) {
          const err19 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
    if (data.maxTokenAgeSeconds !== void 0) {
      let data7 = data.maxTokenAgeSeconds;
      if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
        const err20 = { instancePath: instancePath + "/maxTokenAgeSeconds", schemaPath: "#/properties/maxTokenAgeSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.maxTokenAgeSeconds.type, parentSchema: schema37.properties.maxTokenAgeSeconds, data: data7 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 < 60 || isNaN(data7)) {
          const err21 = { instancePath: instancePath + "/maxTokenAgeSeconds", schemaPath: "#/properties/maxTokenAgeSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 60 }, message: "must be >= 60", schema: 60, parentSchema: schema37.properties.maxTokenAgeSeconds, data: data7 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.type, parentSchema: schema37, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema39 = { "type": "object", "additionalProperties": false, "required": ["id", "issuer", "projects"], "x-message": "must be an object", "properties": { "id": { "$ref": "#/$defs/CallerId" }, "issuer": { "type": "string", "description": "The issuer (as in `issuers`) whose tokens this caller presents.", "minLength": 1, "x-message": "must be the issuer's URL" }, "subject": { "type": "string", "description": "The token's `sub`, exactly (e.g. system:serviceaccount:ops:logoff-bot).", "minLength": 1, "x-message": "must be a non-empty string" }, "claims": { "type": "object", "description": "Claims the token must carry: a string claim equal to the value, or an array claim containing it.", "minProperties": 1, "additionalProperties": { "type": "string", "minLength": 1, "x-message": "must be a non-empty string" }, "x-message": "must be an object of claim names and values" }, "projects": { "$ref": "#/$defs/Projects" }, "rate": { "$ref": "#/$defs/Rate" }, "weight": { "$ref": "#/$defs/Weight" } }, "description": "A caller known by a token: it matches when the token comes from its issuer and carries its subject, or its claims (at least one of the two is given; when both are, both must match)." };
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.issuer === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "issuer" }, message: "must have required property 'issuer'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.projects === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "projects" }, message: "must have required property 'projects'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "issuer" || key0 === "subject" || key0 === "claims" || key0 === "projects" || key0 === "rate" || key0 === "weight")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema39, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err4 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._-]{1,64}$"', schema: "^[A-Za-z0-9._-]{1,64}$", parentSchema: schema33, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      let data1 = data.issuer;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err6 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.issuer, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.issuer.type, parentSchema: schema39.properties.issuer, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.subject !== void 0) {
      let data2 = data.subject;
      if (typeof data2 === "string") {
        if (func1(data2) < 1) {
          const err8 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.subject, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.subject.type, parentSchema: schema39.properties.subject, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.claims !== void 0) {
      let data3 = data.claims;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (Object.keys(data3).length < 1) {
          const err10 = { instancePath: instancePath + "/claims", schemaPath: "#/properties/claims/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema39.properties.claims, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        for (const key1 in data3) {
          let data4 = data3[key1];
          if (typeof data4 === "string") {
            if (func1(data4) < 1) {
              const err11 = { instancePath: instancePath + "/claims/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/claims/additionalProperties/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.claims.additionalProperties, data: data4 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/claims/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/claims/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.claims.additionalProperties.type, parentSchema: schema39.properties.claims.additionalProperties, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/claims", schemaPath: "#/properties/claims/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema39.properties.claims.type, parentSchema: schema39.properties.claims, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.projects !== void 0) {
      let data5 = data.projects;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err14 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema34, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (typeof data6 === "string") {
            if (func1(data6) < 1) {
              const err15 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.items, data: data6 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.items.type, parentSchema: schema34.items, data: data6 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.type, parentSchema: schema34, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.rate !== void 0) {
      let data7 = data.rate;
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 <= 0 || isNaN(data7)) {
          const err18 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema35, data: data7 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema35.type, parentSchema: schema35, data: data7 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data8 = data.weight;
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 > 1e3 || isNaN(data8)) {
          const err20 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema36, data: data8 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data8 <= 0 || isNaN(data8)) {
          const err21 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema36, data: data8 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema36.type, parentSchema: schema36, data: data8 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
  } else {
    const err23 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema39.type, parentSchema: schema39, data };
    if (vErrors === null) {
      vErrors = [err23];
    } else {
      vErrors.push(err23);
    }
    errors++;
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.keys === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "keys" }, message: "must have required property 'keys'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "keys" || key0 === "issuers" || key0 === "callers")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.keys !== void 0) {
      let data0 = data.keys;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate21(data0[i0], { instancePath: instancePath + "/keys/" + i0, parentData: data0, parentDataProperty: i0, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err2 = { instancePath: instancePath + "/keys", schemaPath: "#/properties/keys/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.keys.type, parentSchema: schema31.properties.keys, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.issuers !== void 0) {
      let data2 = data.issuers;
      if (Array.isArray(data2)) {
        const len1 = data2.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate23(data2[i1], { instancePath: instancePath + "/issuers/" + i1, parentData: data2, parentDataProperty: i1, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err3 = { instancePath: instancePath + "/issuers", schemaPath: "#/properties/issuers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.issuers.type, parentSchema: schema31.properties.issuers, data: data2 };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.callers !== void 0) {
      let data4 = data.callers;
      if (Array.isArray(data4)) {
        const len2 = data4.length;
        for (let i2 = 0; i2 < len2; i2++) {
          if (!validate25(data4[i2], { instancePath: instancePath + "/callers/" + i2, parentData: data4, parentDataProperty: i2, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err4 = { instancePath: instancePath + "/callers", schemaPath: "#/properties/callers/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.callers.type, parentSchema: schema31.properties.callers, data: data4 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
  } else {
    const err5 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var validateCallerKey = validate27;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.sha256 === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "sha256" }, message: "must have required property 'sha256'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.projects === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "projects" }, message: "must have required property 'projects'", schema: schema32.required, parentSchema: schema32, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "sha256" || key0 === "projects" || key0 === "rate" || key0 === "weight")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema32, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err4 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._-]{1,64}$"', schema: "^[A-Za-z0-9._-]{1,64}$", parentSchema: schema33, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.sha256 !== void 0) {
      let data1 = data.sha256;
      if (typeof data1 === "string") {
        if (!pattern5.test(data1)) {
          const err6 = { instancePath: instancePath + "/sha256", schemaPath: "#/properties/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema32.properties.sha256, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/sha256", schemaPath: "#/properties/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.properties.sha256.type, parentSchema: schema32.properties.sha256, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.projects !== void 0) {
      let data2 = data.projects;
      if (Array.isArray(data2)) {
        if (data2.length < 1) {
          const err8 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema34, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (typeof data3 === "string") {
            if (func1(data3) < 1) {
              const err9 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.items, data: data3 };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.items.type, parentSchema: schema34.items, data: data3 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.type, parentSchema: schema34, data: data2 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.rate !== void 0) {
      let data4 = data.rate;
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 <= 0 || isNaN(data4)) {
          const err12 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema35, data: data4 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema35.type, parentSchema: schema35, data: data4 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data5 = data.weight;
      if (typeof data5 == "number" && isFinite(data5)) {
        if (data5 > 1e3 || isNaN(data5)) {
          const err14 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema36, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data5 <= 0 || isNaN(data5)) {
          const err15 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema36, data: data5 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema36.type, parentSchema: schema36, data: data5 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var validateIssuer = validate28;
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.issuer === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "issuer" }, message: "must have required property 'issuer'", schema: schema37.required, parentSchema: schema37, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.audience === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "audience" }, message: "must have required property 'audience'", schema: schema37.required, parentSchema: schema37, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "issuer" || key0 === "audience" || key0 === "jwksUri" || key0 === "algorithms" || key0 === "clockToleranceSeconds" || key0 === "maxTokenAgeSeconds")) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema37, data };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      let data0 = data.issuer;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err3 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.issuer, data: data0 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.issuer.type, parentSchema: schema37.properties.issuer, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.audience !== void 0) {
      let data1 = data.audience;
      const _errs5 = errors;
      let valid1 = false;
      const _errs6 = errors;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err5 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.audience.anyOf[0], data: data1 };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.audience.anyOf[0].type, parentSchema: schema37.properties.audience.anyOf[0], data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      var _valid0 = _errs6 === errors;
      valid1 = valid1 || _valid0;
      const _errs8 = errors;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err7 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema37.properties.audience.anyOf[1], data: data1 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === "string") {
            if (func1(data2) < 1) {
              const err8 = { instancePath: instancePath + "/audience/" + i0, schemaPath: "#/properties/audience/anyOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.audience.anyOf[1].items, data: data2 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/audience/" + i0, schemaPath: "#/properties/audience/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.audience.anyOf[1].items.type, parentSchema: schema37.properties.audience.anyOf[1].items, data: data2 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.audience.anyOf[1].type, parentSchema: schema37.properties.audience.anyOf[1], data: data1 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
      var _valid0 = _errs8 === errors;
      valid1 = valid1 || _valid0;
      if (!valid1) {
        const err11 = { instancePath: instancePath + "/audience", schemaPath: "#/properties/audience/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema37.properties.audience.anyOf, parentSchema: schema37.properties.audience, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      } else {
        errors = _errs5;
        if (vErrors !== null) {
          if (_errs5) {
            vErrors.length = _errs5;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.jwksUri !== void 0) {
      let data3 = data.jwksUri;
      if (typeof data3 === "string") {
        if (func1(data3) < 1) {
          const err12 = { instancePath: instancePath + "/jwksUri", schemaPath: "#/properties/jwksUri/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema37.properties.jwksUri, data: data3 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/jwksUri", schemaPath: "#/properties/jwksUri/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema37.properties.jwksUri.type, parentSchema: schema37.properties.jwksUri, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.algorithms !== void 0) {
      let data4 = data.algorithms;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err14 = { instancePath: instancePath + "/algorithms", schemaPath: "#/properties/algorithms/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema37.properties.algorithms, data: data4 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len1 = data4.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data5 = data4[i1];
          if (!(data5 === "RS256" || data5 === "RS384" || data5 === "RS512" || data5 === "PS256" || data5 === "PS384" || data5 === "PS512" || data5 === "ES256" || data5 === "ES384" || data5 === "ES512" || data5 === "EdDSA")) {
            const err15 = { instancePath: instancePath + "/algorithms/" + i1, schemaPath: "#/$defs/JwsAlgorithm/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values", schema: schema38.enum, parentSchema: schema38, data: data5 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/algorithms", schemaPath: "#/properties/algorithms/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema37.properties.algorithms.type, parentSchema: schema37.properties.algorithms, data: data4 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.clockToleranceSeconds !== void 0) {
      let data6 = data.clockToleranceSeconds;
      if (!(typeof data6 == "number" && (!(data6 % 1) && !isNaN(data6)) && isFinite(data6))) {
        const err17 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.clockToleranceSeconds.type, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
      if (typeof data6 == "number" && isFinite(data6)) {
        if (data6 > 300 || isNaN(data6)) {
          const err18 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 300 }, message: "must be <= 300", schema: 300, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data6 < 0 || isNaN(data6)) {
          const err19 = { instancePath: instancePath + "/clockToleranceSeconds", schemaPath: "#/properties/clockToleranceSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema37.properties.clockToleranceSeconds, data: data6 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    }
    if (data.maxTokenAgeSeconds !== void 0) {
      let data7 = data.maxTokenAgeSeconds;
      if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
        const err20 = { instancePath: instancePath + "/maxTokenAgeSeconds", schemaPath: "#/properties/maxTokenAgeSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema37.properties.maxTokenAgeSeconds.type, parentSchema: schema37.properties.maxTokenAgeSeconds, data: data7 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 < 60 || isNaN(data7)) {
          const err21 = { instancePath: instancePath + "/maxTokenAgeSeconds", schemaPath: "#/properties/maxTokenAgeSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 60 }, message: "must be >= 60", schema: 60, parentSchema: schema37.properties.maxTokenAgeSeconds, data: data7 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      }
    }
  } else {
    const err22 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema37.type, parentSchema: schema37, data };
    if (vErrors === null) {
      vErrors = [err22];
    } else {
      vErrors.push(err22);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var validateTokenCaller = validate29;
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.id === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.issuer === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "issuer" }, message: "must have required property 'issuer'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.projects === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "projects" }, message: "must have required property 'projects'", schema: schema39.required, parentSchema: schema39, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "id" || key0 === "issuer" || key0 === "subject" || key0 === "claims" || key0 === "projects" || key0 === "rate" || key0 === "weight")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema39, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data0 = data.id;
      if (typeof data0 === "string") {
        if (!pattern4.test(data0)) {
          const err4 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9._-]{1,64}$" }, message: 'must match pattern "^[A-Za-z0-9._-]{1,64}$"', schema: "^[A-Za-z0-9._-]{1,64}$", parentSchema: schema33, data: data0 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/CallerId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.issuer !== void 0) {
      let data1 = data.issuer;
      if (typeof data1 === "string") {
        if (func1(data1) < 1) {
          const err6 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.issuer, data: data1 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/issuer", schemaPath: "#/properties/issuer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.issuer.type, parentSchema: schema39.properties.issuer, data: data1 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.subject !== void 0) {
      let data2 = data.subject;
      if (typeof data2 === "string") {
        if (func1(data2) < 1) {
          const err8 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.subject, data: data2 };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.subject.type, parentSchema: schema39.properties.subject, data: data2 };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.claims !== void 0) {
      let data3 = data.claims;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (Object.keys(data3).length < 1) {
          const err10 = { instancePath: instancePath + "/claims", schemaPath: "#/properties/claims/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema39.properties.claims, data: data3 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        for (const key1 in data3) {
          let data4 = data3[key1];
          if (typeof data4 === "string") {
            if (func1(data4) < 1) {
              const err11 = { instancePath: instancePath + "/claims/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/claims/additionalProperties/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema39.properties.claims.additionalProperties, data: data4 };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = { instancePath: instancePath + "/claims/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/claims/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema39.properties.claims.additionalProperties.type, parentSchema: schema39.properties.claims.additionalProperties, data: data4 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/claims", schemaPath: "#/properties/claims/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema39.properties.claims.type, parentSchema: schema39.properties.claims, data: data3 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.projects !== void 0) {
      let data5 = data.projects;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err14 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema34, data: data5 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        const len0 = data5.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data6 = data5[i0];
          if (typeof data6 === "string") {
            if (func1(data6) < 1) {
              const err15 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.items, data: data6 };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/projects/" + i0, schemaPath: "#/$defs/Projects/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.items.type, parentSchema: schema34.items, data: data6 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/projects", schemaPath: "#/$defs/Projects/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema34.type, parentSchema: schema34, data: data5 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.rate !== void 0) {
      let data7 = data.rate;
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 <= 0 || isNaN(data7)) {
          const err18 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema35, data: data7 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/rate", schemaPath: "#/$defs/Rate/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema35.type, parentSchema: schema35, data: data7 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data8 = data.weight;
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 > 1e3 || isNaN(data8)) {
          const err20 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/maximum", keyword: "maximum", params: { comparison: "<=", limit: 1e3 }, message: "must be <= 1000", schema: 1e3, parentSchema: schema36, data: data8 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
        if (data8 <= 0 || isNaN(data8)) {
          const err21 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/exclusiveMinimum", keyword: "exclusiveMinimum", params: { comparison: ">", limit: 0 }, message: "must be > 0", schema: 0, parentSchema: schema36, data: data8 };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = { instancePath: instancePath + "/weight", schemaPath: "#/$defs/Weight/type", keyword: "type", params: { type: "number" }, message: "must be number", schema: schema36.type, parentSchema: schema36, data: data8 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
  } else {
    const err23 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema39.type, parentSchema: schema39, data };
    if (vErrors === null) {
      vErrors = [err23];
    } else {
      vErrors.push(err23);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
export {
  validateCallerKey,
  validateIssuer,
  validateKeysFile,
  validateTokenCaller
};
