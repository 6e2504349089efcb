// Generated from schema/report.v1.schema.json (wks-logoff batch logoff report, version 1) by packages/core/scripts/generate.mjs. Do not edit.
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
var validateReport = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wks-logoff.dev/schema/report.v1.schema.json", "title": "wks-logoff batch logoff report, version 1", "type": "object", "additionalProperties": false, "required": ["schemaVersion", "projectId", "startedAt", "finishedAt", "durationMs", "totals", "requests", "succeeded", "failed", "skipped", "calls"], "properties": { "schemaVersion": { "const": 1 }, "projectId": { "type": "string", "minLength": 1 }, "target": { "$ref": "#/$defs/ReportTarget" }, "message": { "type": "string" }, "startedAt": { "type": "string", "format": "date-time" }, "finishedAt": { "type": "string", "format": "date-time" }, "durationMs": { "type": "number", "minimum": 0 }, "totals": { "$ref": "#/$defs/Totals" }, "requests": { "$ref": "#/$defs/RequestCounts" }, "stopped": { "$ref": "#/$defs/StopInfo" }, "succeeded": { "type": "array", "items": { "$ref": "#/$defs/SucceededEntry" } }, "failed": { "type": "array", "items": { "$ref": "#/$defs/FailedEntry" } }, "skipped": { "type": "array", "items": { "$ref": "#/$defs/SkippedEntry" } }, "calls": { "type": "array", "items": { "$ref": "#/$defs/CallRecord" } } }, "$defs": { "ReportTarget": { "type": "object", "additionalProperties": false, "required": ["endpoint", "auth", "proxy"], "properties": { "endpoint": { "type": "string", "minLength": 1 }, "region": { "type": "string", "minLength": 1 }, "auth": { "type": "string", "minLength": 1 }, "proxy": { "type": "boolean" } } }, "Totals": { "type": "object", "additionalProperties": false, "required": ["input", "distinct", "succeeded", "failed", "skipped", "duplicates", "uncertain"], "properties": { "input": { "type": "integer", "minimum": 0 }, "distinct": { "type": "integer", "minimum": 0 }, "succeeded": { "type": "integer", "minimum": 0 }, "failed": { "type": "integer", "minimum": 0 }, "skipped": { "type": "integer", "minimum": 0 }, "duplicates": { "type": "integer", "minimum": 0 }, "uncertain": { "type": "integer", "minimum": 0 } } }, "RequestCounts": { "type": "object", "additionalProperties": false, "required": ["total", "retries", "isolation", "requeued"], "properties": { "total": { "type": "integer", "minimum": 0 }, "retries": { "type": "integer", "minimum": 0 }, "isolation": { "type": "integer", "minimum": 0 }, "requeued": { "type": "integer", "minimum": 0 } } }, "StopInfo": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "enum": ["auth", "forbidden", "cancelled", "unreachable", "configuration"] }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "message": { "type": "string" }, "hint": { "type": "string" } } }, "SucceededEntry": { "type": "object", "additionalProperties": false, "required": ["id"], "properties": { "id": { "type": "string" }, "requestId": { "type": "string" }, "uncertain": { "const": true } } }, "FailedEntry": { "type": "object", "additionalProperties": false, "required": ["id", "reason"], "properties": { "id": { "type": "string" }, "reason": { "type": "string" }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "errorMsg": { "type": "string" }, "requestId": { "type": "string" }, "isolated": { "type": "boolean" }, "unisolated": { "const": true }, "uncertain": { "const": true } } }, "SkippedEntry": { "type": "object", "additionalProperties": false, "required": ["id", "reason", "detail"], "properties": { "id": { "type": "string" }, "reason": { "enum": ["invalid", "cancelled", "stopped"] }, "detail": { "type": "string" } } }, "CallRecord": { "type": "object", "additionalProperties": false, "required": ["size", "outcome", "attempts", "isolation"], "properties": { "size": { "type": "integer", "minimum": 1 }, "outcome": { "enum": ["succeeded", "failed"] }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "requestId": { "type": "string" }, "attempts": { "type": "integer", "minimum": 0 }, "isolation": { "type": "boolean" } } } } };
var schema35 = { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": { "enum": ["auth", "forbidden", "cancelled", "unreachable", "configuration"] }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "message": { "type": "string" }, "hint": { "type": "string" } } };
var schema37 = { "type": "object", "additionalProperties": false, "required": ["id", "reason"], "properties": { "id": { "type": "string" }, "reason": { "type": "string" }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "errorMsg": { "type": "string" }, "requestId": { "type": "string" }, "isolated": { "type": "boolean" }, "unisolated": { "const": true }, "uncertain": { "const": true } } };
var schema38 = { "type": "object", "additionalProperties": false, "required": ["id", "reason", "detail"], "properties": { "id": { "type": "string" }, "reason": { "enum": ["invalid", "cancelled", "stopped"] }, "detail": { "type": "string" } } };
var schema39 = { "type": "object", "additionalProperties": false, "required": ["size", "outcome", "attempts", "isolation"], "properties": { "size": { "type": "integer", "minimum": 1 }, "outcome": { "enum": ["succeeded", "failed"] }, "status": { "type": "integer" }, "errorCode": { "type": "string" }, "requestId": { "type": "string" }, "attempts": { "type": "integer", "minimum": 0 }, "isolation": { "type": "boolean" } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = require_ucs2length().default;
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
    if (data.schemaVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property 'schemaVersion'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.projectId === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "projectId" }, message: "must have required property 'projectId'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.startedAt === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "startedAt" }, message: "must have required property 'startedAt'" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.finishedAt === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "finishedAt" }, message: "must have required property 'finishedAt'" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.durationMs === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "durationMs" }, message: "must have required property 'durationMs'" };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.totals === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "totals" }, message: "must have required property 'totals'" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.requests === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requests" }, message: "must have required property 'requests'" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.succeeded === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "succeeded" }, message: "must have required property 'succeeded'" };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.failed === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "failed" }, message: "must have required property 'failed'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.skipped === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "skipped" }, message: "must have required property 'skipped'" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.calls === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "calls" }, message: "must have required property 'calls'" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err11 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.schemaVersion !== void 0) {
      if (1 !== data.schemaVersion) {
        const err12 = { instancePath: instancePath + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.projectId !== void 0) {
      let data1 = data.projectId;
      if (typeof data1 === "string") {
        if (func2(data1) < 1) {
          const err13 = { instancePath: instancePath + "/projectId", schemaPath: "#/properties/projectId/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/projectId", schemaPath: "#/properties/projectId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data2 = data.target;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.endpoint === void 0) {
          const err15 = { instancePath: instancePath + "/target", schemaPath: "#/$defs/ReportTarget/required", keyword: "required", params: { missingProperty: "endpoint" }, message: "must have required property 'endpoint'" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (data2.auth === void 0) {
          const err16 = { instancePath: instancePath + "/target", schemaPath: "#/$defs/ReportTarget/required", keyword: "required", params: { missingProperty: "auth" }, message: "must have required property 'auth'" };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data2.proxy === void 0) {
          const err17 = { instancePath: instancePath + "/target", schemaPath: "#/$defs/ReportTarget/required", keyword: "required", params: { missingProperty: "proxy" }, message: "must have required property 'proxy'" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        for (const key1 in data2) {
          if (!(key1 === "endpoint" || key1 === "region" || key1 === "auth" || key1 === "proxy")) {
            const err18 = { instancePath: instancePath + "/target", schemaPath: "#/$defs/ReportTarget/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data2.endpoint !== void 0) {
          let data3 = data2.endpoint;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err19 = { instancePath: instancePath + "/target/endpoint", schemaPath: "#/$defs/ReportTarget/properties/endpoint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/target/endpoint", schemaPath: "#/$defs/ReportTarget/properties/endpoint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data2.region !== void 0) {
          let data4 = data2.region;
          if (typeof data4 === "string") {
            if (func2(data4) < 1) {
              const err21 = { instancePath: instancePath + "/target/region", schemaPath: "#/$defs/ReportTarget/properties/region/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/target/region", schemaPath: "#/$defs/ReportTarget/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data2.auth !== void 0) {
          let data5 = data2.auth;
          if (typeof data5 === "string") {
            if (func2(data5) < 1) {
              const err23 = { instancePath: instancePath + "/target/auth", schemaPath: "#/$defs/ReportTarget/properties/auth/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/target/auth", schemaPath: "#/$defs/ReportTarget/properties/auth/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data2.proxy !== void 0) {
          if (typeof data2.proxy !== "boolean") {
            const err25 = { instancePath: instancePath + "/target/proxy", schemaPath: "#/$defs/ReportTarget/properties/proxy/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
      } else {
        const err26 = { instancePath: instancePath + "/target", schemaPath: "#/$defs/ReportTarget/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.message !== void 0) {
      if (typeof data.message !== "string") {
        const err27 = { instancePath: instancePath + "/message", schemaPath: "#/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.startedAt !== void 0) {
      if (!(typeof data.startedAt === "string")) {
        const err28 = { instancePath: instancePath + "/startedAt", schemaPath: "#/properties/startedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
    if (data.finishedAt !== void 0) {
      if (!(typeof data.finishedAt === "string")) {
        const err29 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.durationMs !== void 0) {
      let data10 = data.durationMs;
      if (typeof data10 == "number" && isFinite(data10)) {
        if (data10 < 0 || isNaN(data10)) {
          const err30 = { instancePath: instancePath + "/durationMs", schemaPath: "#/properties/durationMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      } else {
        const err31 = { instancePath: instancePath + "/durationMs", schemaPath: "#/properties/durationMs/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
    if (data.totals !== void 0) {
      let data11 = data.totals;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.input === void 0) {
          const err32 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property 'input'" };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
        if (data11.distinct === void 0) {
          const err33 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "distinct" }, message: "must have required property 'distinct'" };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
        if (data11.succeeded === void 0) {
          const err34 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "succeeded" }, message: "must have required property 'succeeded'" };
          if (vErrors === null) {
            vErrors = [err34];
          } else {
            vErrors.push(err34);
          }
          errors++;
        }
        if (data11.failed === void 0) {
          const err35 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "failed" }, message: "must have required property 'failed'" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        if (data11.skipped === void 0) {
          const err36 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "skipped" }, message: "must have required property 'skipped'" };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (data11.duplicates === void 0) {
          const err37 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "duplicates" }, message: "must have required property 'duplicates'" };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
        if (data11.uncertain === void 0) {
          const err38 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/required", keyword: "required", params: { missingProperty: "uncertain" }, message: "must have required property 'uncertain'" };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        for (const key2 in data11) {
          if (!(key2 === "input" || key2 === "distinct" || key2 === "succeeded" || key2 === "failed" || key2 === "skipped" || key2 === "duplicates" || key2 === "uncertain")) {
            const err39 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err39];
            } else {
              vErrors.push(err39);
            }
            errors++;
          }
        }
        if (data11.input !== void 0) {
          let data12 = data11.input;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err40 = { instancePath: instancePath + "/totals/input", schemaPath: "#/$defs/Totals/properties/input/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 < 0 || isNaN(data12)) {
              const err41 = { instancePath: instancePath + "/totals/input", schemaPath: "#/$defs/Totals/properties/input/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          }
        }
        if (data11.distinct !== void 0) {
          let data13 = data11.distinct;
          if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
            const err42 = { instancePath: instancePath + "/totals/distinct", schemaPath: "#/$defs/Totals/properties/distinct/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 < 0 || isNaN(data13)) {
              const err43 = { instancePath: instancePath + "/totals/distinct", schemaPath: "#/$defs/Totals/properties/distinct/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
        }
        if (data11.succeeded !== void 0) {
          let data14 = data11.succeeded;
          if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
            const err44 = { instancePath: instancePath + "/totals/succeeded", schemaPath: "#/$defs/Totals/properties/succeeded/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 < 0 || isNaN(data14)) {
              const err45 = { instancePath: instancePath + "/totals/succeeded", schemaPath: "#/$defs/Totals/properties/succeeded/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          }
        }
        if (data11.failed !== void 0) {
          let data15 = data11.failed;
          if (!(typeof data15 == "number" && (!(data15 % 1) && !isNaN(data15)) && isFinite(data15))) {
            const err46 = { instancePath: instancePath + "/totals/failed", schemaPath: "#/$defs/Totals/properties/failed/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
          if (typeof data15 == "number" && isFinite(data15)) {
            if (data15 < 0 || isNaN(data15)) {
              const err47 = { instancePath: instancePath + "/totals/failed", schemaPath: "#/$defs/Totals/properties/failed/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          }
        }
        if (data11.skipped !== void 0) {
          let data16 = data11.skipped;
          if (!(typeof data16 == "number" && (!(data16 % 1) && !isNaN(data16)) && isFinite(data16))) {
            const err48 = { instancePath: instancePath + "/totals/skipped", schemaPath: "#/$defs/Totals/properties/skipped/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 < 0 || isNaN(data16)) {
              const err49 = { instancePath: instancePath + "/totals/skipped", schemaPath: "#/$defs/Totals/properties/skipped/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          }
        }
        if (data11.duplicates !== void 0) {
          let data17 = data11.duplicates;
          if (!(typeof data17 == "number" && (!(data17 % 1) && !isNaN(data17)) && isFinite(data17))) {
            const err50 = { instancePath: instancePath + "/totals/duplicates", schemaPath: "#/$defs/Totals/properties/duplicates/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
          if (typeof data17 == "number" && isFinite(data17)) {
            if (data17 < 0 || isNaN(data17)) {
              const err51 = { instancePath: instancePath + "/totals/duplicates", schemaPath: "#/$defs/Totals/properties/duplicates/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
          }
        }
        if (data11.uncertain !== void 0) {
          let data18 = data11.uncertain;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18))) {
            const err52 = { instancePath: instancePath + "/totals/uncertain", schemaPath: "#/$defs/Totals/properties/uncertain/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
          if (typeof data18 == "number" && isFinite(data18)) {
            if (data18 < 0 || isNaN(data18)) {
              const err53 = { instancePath: instancePath + "/totals/uncertain", schemaPath: "#/$defs/Totals/properties/uncertain/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
        }
      } else {
        const err54 = { instancePath: instancePath + "/totals", schemaPath: "#/$defs/Totals/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.requests !== void 0) {
      let data19 = data.requests;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        if (data19.total === void 0) {
          const err55 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/required", keyword: "required", params: { missingProperty: "total" }, message: "must have required property 'total'" };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        if (data19.retries === void 0) {
          const err56 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/required", keyword: "required", params: { missingProperty: "retries" }, message: "must have required property 'retries'" };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
        if (data19.isolation === void 0) {
          const err57 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/required", keyword: "required", params: { missingProperty: "isolation" }, message: "must have required property 'isolation'" };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
        if (data19.requeued === void 0) {
          const err58 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/required", keyword: "required", params: { missingProperty: "requeued" }, message: "must have required property 'requeued'" };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
        for (const key3 in data19) {
          if (!(key3 === "total" || key3 === "retries" || key3 === "isolation" || key3 === "requeued")) {
            const err59 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err59];
            } else {
              vErrors.push(err59);
            }
            errors++;
          }
        }
        if (data19.total !== void 0) {
          let data20 = data19.total;
          if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
            const err60 = { instancePath: instancePath + "/requests/total", schemaPath: "#/$defs/RequestCounts/properties/total/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
          if (typeof data20 == "number" && isFinite(data20)) {
            if (data20 < 0 || isNaN(data20)) {
              const err61 = { instancePath: instancePath + "/requests/total", schemaPath: "#/$defs/RequestCounts/properties/total/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err61];
              } else {
                vErrors.push(err61);
              }
              errors++;
            }
          }
        }
        if (data19.retries !== void 0) {
          let data21 = data19.retries;
          if (!(typeof data21 == "number" && (!(data21 % 1) && !isNaN(data21)) && isFinite(data21))) {
            const err62 = { instancePath: instancePath + "/requests/retries", schemaPath: "#/$defs/RequestCounts/properties/retries/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 < 0 || isNaN(data21)) {
              const err63 = { instancePath: instancePath + "/requests/retries", schemaPath: "#/$defs/RequestCounts/properties/retries/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err63];
              } else {
                vErrors.push(err63);
              }
              errors++;
            }
          }
        }
        if (data19.isolation !== void 0) {
          let data22 = data19.isolation;
          if (!(typeof data22 == "number" && (!(data22 % 1) && !isNaN(data22)) && isFinite(data22))) {
            const err64 = { instancePath: instancePath + "/requests/isolation", schemaPath: "#/$defs/RequestCounts/properties/isolation/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err64];
            } else {
              vErrors.push(err64);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 < 0 || isNaN(data22)) {
              const err65 = { instancePath: instancePath + "/requests/isolation", schemaPath: "#/$defs/RequestCounts/properties/isolation/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          }
        }
        if (data19.requeued !== void 0) {
          let data23 = data19.requeued;
          if (!(typeof data23 == "number" && (!(data23 % 1) && !isNaN(data23)) && isFinite(data23))) {
            const err66 = { instancePath: instancePath + "/requests/requeued", schemaPath: "#/$defs/RequestCounts/properties/requeued/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
          if (typeof data23 == "number" && isFinite(data23)) {
            if (data23 < 0 || isNaN(data23)) {
              const err67 = { instancePath: instancePath + "/requests/requeued", schemaPath: "#/$defs/RequestCounts/properties/requeued/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          }
        }
      } else {
        const err68 = { instancePath: instancePath + "/requests", schemaPath: "#/$defs/RequestCounts/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
    }
    if (data.stopped !== void 0) {
      let data24 = data.stopped;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.reason === void 0) {
          const err69 = { instancePath: instancePath + "/stopped", schemaPath: "#/$defs/StopInfo/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
          if (vErrors === null) {
            vErrors = [err69];
          } else {
            vErrors.push(err69);
          }
          errors++;
        }
        for (const key4 in data24) {
          if (!(key4 === "reason" || key4 === "status" || key4 === "errorCode" || key4 === "message" || key4 === "hint")) {
            const err70 = { instancePath: instancePath + "/stopped", schemaPath: "#/$defs/StopInfo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err70];
            } else {
              vErrors.push(err70);
            }
            errors++;
          }
        }
        if (data24.reason !== void 0) {
          let data25 = data24.reason;
          if (!(data25 === "auth" || data25 === "forbidden" || data25 === "cancelled" || data25 === "unreachable" || data25 === "configuration")) {
            const err71 = { instancePath: instancePath + "/stopped/reason", schemaPath: "#/$defs/StopInfo/properties/reason/enum", keyword: "enum", params: { allowedValues: schema35.properties.reason.enum }, message: "must be equal to one of the allowed values" };
            if (vErrors === null) {
              vErrors = [err71];
            } else {
              vErrors.push(err71);
            }
            errors++;
          }
        }
        if (data24.status !== void 0) {
          let data26 = data24.status;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26))) {
            const err72 = { instancePath: instancePath + "/stopped/status", schemaPath: "#/$defs/StopInfo/properties/status/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            if (vErrors === null) {
              vErrors = [err72];
            } else {
              vErrors.push(err72);
            }
            errors++;
          }
        }
        if (data24.errorCode !== void 0) {
          if (typeof data24.errorCode !== "string") {
            const err73 = { instancePath: instancePath + "/stopped/errorCode", schemaPath: "#/$defs/StopInfo/properties/errorCode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        }
        if (data24.message !== void 0) {
          if (typeof data24.message !== "string") {
            const err74 = { instancePath: instancePath + "/stopped/message", schemaPath: "#/$defs/StopInfo/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data24.hint !== void 0) {
          if (typeof data24.hint !== "string") {
            const err75 = { instancePath: instancePath + "/stopped/hint", schemaPath: "#/$defs/StopInfo/properties/hint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/stopped", schemaPath: "#/$defs/StopInfo/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.succeeded !== void 0) {
      let data30 = data.succeeded;
      if (Array.isArray(data30)) {
        const len0 = data30.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data31 = data30[i0];
          if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
            if (data31.id === void 0) {
              const err77 = { instancePath: instancePath + "/succeeded/" + i0, schemaPath: "#/$defs/SucceededEntry/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
              if (vErrors === null) {
                vErrors = [err77];
              } else {
                vErrors.push(err77);
              }
              errors++;
            }
            for (const key5 in data31) {
              if (!(key5 === "id" || key5 === "requestId" || key5 === "uncertain")) {
                const err78 = { instancePath: instancePath + "/succeeded/" + i0, schemaPath: "#/$defs/SucceededEntry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err78];
                } else {
                  vErrors.push(err78);
                }
                errors++;
              }
            }
            if (data31.id !== void 0) {
              if (typeof data31.id !== "string") {
                const err79 = { instancePath: instancePath + "/succeeded/" + i0 + "/id", schemaPath: "#/$defs/SucceededEntry/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err79];
                } else {
                  vErrors.push(err79);
                }
                errors++;
              }
            }
            if (data31.requestId !== void 0) {
              if (typeof data31.requestId !== "string") {
                const err80 = { instancePath: instancePath + "/succeeded/" + i0 + "/requestId", schemaPath: "#/$defs/SucceededEntry/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err80];
                } else {
                  vErrors.push(err80);
                }
                errors++;
              }
            }
            if (data31.uncertain !== void 0) {
              if (true !== data31.uncertain) {
                const err81 = { instancePath: instancePath + "/succeeded/" + i0 + "/uncertain", schemaPath: "#/$defs/SucceededEntry/properties/uncertain/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant" };
                if (vErrors === null) {
                  vErrors = [err81];
                } else {
                  vErrors.push(err81);
                }
                errors++;
              }
            }
          } else {
            const err82 = { instancePath: instancePath + "/succeeded/" + i0, schemaPath: "#/$defs/SucceededEntry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
      } else {
        const err83 = { instancePath: instancePath + "/succeeded", schemaPath: "#/properties/succeeded/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err83];
        } else {
          vErrors.push(err83);
        }
        errors++;
      }
    }
    if (data.failed !== void 0) {
      let data35 = data.failed;
      if (Array.isArray(data35)) {
        const len1 = data35.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data36 = data35[i1];
          if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
            if (data36.id === void 0) {
              const err84 = { instancePath: instancePath + "/failed/" + i1, schemaPath: "#/$defs/FailedEntry/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
            if (data36.reason === void 0) {
              const err85 = { instancePath: instancePath + "/failed/" + i1, schemaPath: "#/$defs/FailedEntry/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err85];
              } else {
                vErrors.push(err85);
              }
              errors++;
            }
            for (const key6 in data36) {
              if (!func1.call(schema37.properties, key6)) {
                const err86 = { instancePath: instancePath + "/failed/" + i1, schemaPath: "#/$defs/FailedEntry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
            if (data36.id !== void 0) {
              if (typeof data36.id !== "string") {
                const err87 = { instancePath: instancePath + "/failed/" + i1 + "/id", schemaPath: "#/$defs/FailedEntry/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err87];
                } else {
                  vErrors.push(err87);
                }
                errors++;
              }
            }
            if (data36.reason !== void 0) {
              if (typeof data36.reason !== "string") {
                const err88 = { instancePath: instancePath + "/failed/" + i1 + "/reason", schemaPath: "#/$defs/FailedEntry/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
            if (data36.status !== void 0) {
              let data39 = data36.status;
              if (!(typeof data39 == "number" && (!(data39 % 1) && !isNaN(data39)) && isFinite(data39))) {
                const err89 = { instancePath: instancePath + "/failed/" + i1 + "/status", schemaPath: "#/$defs/FailedEntry/properties/status/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err89];
                } else {
                  vErrors.push(err89);
                }
                errors++;
              }
            }
            if (data36.errorCode !== void 0) {
              if (typeof data36.errorCode !== "string") {
                const err90 = { instancePath: instancePath + "/failed/" + i1 + "/errorCode", schemaPath: "#/$defs/FailedEntry/properties/errorCode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
            if (data36.errorMsg !== void 0) {
              if (typeof data36.errorMsg !== "string") {
                const err91 = { instancePath: instancePath + "/failed/" + i1 + "/errorMsg", schemaPath: "#/$defs/FailedEntry/properties/errorMsg/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err91];
                } else {
                  vErrors.push(err91);
                }
                errors++;
              }
            }
            if (data36.requestId !== void 0) {
              if (typeof data36.requestId !== "string") {
                const err92 = { instancePath: instancePath + "/failed/" + i1 + "/requestId", schemaPath: "#/$defs/FailedEntry/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err92];
                } else {
                  vErrors.push(err92);
                }
                errors++;
              }
            }
            if (data36.isolated !== void 0) {
              if (typeof data36.isolated !== "boolean") {
                const err93 = { instancePath: instancePath + "/failed/" + i1 + "/isolated", schemaPath: "#/$defs/FailedEntry/properties/isolated/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err93];
                } else {
                  vErrors.push(err93);
                }
                errors++;
              }
            }
            if (data36.unisolated !== void 0) {
              if (true !== data36.unisolated) {
                const err94 = { instancePath: instancePath + "/failed/" + i1 + "/unisolated", schemaPath: "#/$defs/FailedEntry/properties/unisolated/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant" };
                if (vErrors === null) {
                  vErrors = [err94];
                } else {
                  vErrors.push(err94);
                }
                errors++;
              }
            }
            if (data36.uncertain !== void 0) {
              if (true !== data36.uncertain) {
                const err95 = { instancePath: instancePath + "/failed/" + i1 + "/uncertain", schemaPath: "#/$defs/FailedEntry/properties/uncertain/const", keyword: "const", params: { allowedValue: true }, message: "must be equal to constant" };
                if (vErrors === null) {
                  vErrors = [err95];
                } else {
                  vErrors.push(err95);
                }
                errors++;
              }
            }
          } else {
            const err96 = { instancePath: instancePath + "/failed/" + i1, schemaPath: "#/$defs/FailedEntry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        }
      } else {
        const err97 = { instancePath: instancePath + "/failed", schemaPath: "#/properties/failed/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err97];
        } else {
          vErrors.push(err97);
        }
        errors++;
      }
    }
    if (data.skipped !== void 0) {
      let data46 = data.skipped;
      if (Array.isArray(data46)) {
        const len2 = data46.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data47 = data46[i2];
          if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
            if (data47.id === void 0) {
              const err98 = { instancePath: instancePath + "/skipped/" + i2, schemaPath: "#/$defs/SkippedEntry/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
              if (vErrors === null) {
                vErrors = [err98];
              } else {
                vErrors.push(err98);
              }
              errors++;
            }
            if (data47.reason === void 0) {
              const err99 = { instancePath: instancePath + "/skipped/" + i2, schemaPath: "#/$defs/SkippedEntry/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              if (vErrors === null) {
                vErrors = [err99];
              } else {
                vErrors.push(err99);
              }
              errors++;
            }
            if (data47.detail === void 0) {
              const err100 = { instancePath: instancePath + "/skipped/" + i2, schemaPath: "#/$defs/SkippedEntry/required", keyword: "required", params: { missingProperty: "detail" }, message: "must have required property 'detail'" };
              if (vErrors === null) {
                vErrors = [err100];
              } else {
                vErrors.push(err100);
              }
              errors++;
            }
            for (const key7 in data47) {
              if (!(key7 === "id" || key7 === "reason" || key7 === "detail")) {
                const err101 = { instancePath: instancePath + "/skipped/" + i2, schemaPath: "#/$defs/SkippedEntry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err101];
                } else {
                  vErrors.push(err101);
                }
                errors++;
              }
            }
            if (data47.id !== void 0) {
              if (typeof data47.id !== "string") {
                const err102 = { instancePath: instancePath + "/skipped/" + i2 + "/id", schemaPath: "#/$defs/SkippedEntry/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err102];
                } else {
                  vErrors.push(err102);
                }
                errors++;
              }
            }
            if (data47.reason !== void 0) {
              let data49 = data47.reason;
              if (!(data49 === "invalid" || data49 === "cancelled" || data49 === "stopped")) {
                const err103 = { instancePath: instancePath + "/skipped/" + i2 + "/reason", schemaPath: "#/$defs/SkippedEntry/properties/reason/enum", keyword: "enum", params: { allowedValues: schema38.properties.reason.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err103];
                } else {
                  vErrors.push(err103);
                }
                errors++;
              }
            }
            if (data47.detail !== void 0) {
              if (typeof data47.detail !== "string") {
                const err104 = { instancePath: instancePath + "/skipped/" + i2 + "/detail", schemaPath: "#/$defs/SkippedEntry/properties/detail/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
          } else {
            const err105 = { instancePath: instancePath + "/skipped/" + i2, schemaPath: "#/$defs/SkippedEntry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
        }
      } else {
        const err106 = { instancePath: instancePath + "/skipped", schemaPath: "#/properties/skipped/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err106];
        } else {
          vErrors.push(err106);
        }
        errors++;
      }
    }
    if (data.calls !== void 0) {
      let data51 = data.calls;
      if (Array.isArray(data51)) {
        const len3 = data51.length;
        for (let i3 = 0; i3 < len3; i3++) {
          let data52 = data51[i3];
          if (data52 && typeof data52 == "object" && !Array.isArray(data52)) {
            if (data52.size === void 0) {
              const err107 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'" };
              if (vErrors === null) {
                vErrors = [err107];
              } else {
                vErrors.push(err107);
              }
              errors++;
            }
            if (data52.outcome === void 0) {
              const err108 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/required", keyword: "required", params: { missingProperty: "outcome" }, message: "must have required property 'outcome'" };
              if (vErrors === null) {
                vErrors = [err108];
              } else {
                vErrors.push(err108);
              }
              errors++;
            }
            if (data52.attempts === void 0) {
              const err109 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/required", keyword: "required", params: { missingProperty: "attempts" }, message: "must have required property 'attempts'" };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
            if (data52.isolation === void 0) {
              const err110 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/required", keyword: "required", params: { missingProperty: "isolation" }, message: "must have required property 'isolation'" };
              if (vErrors === null) {
                vErrors = [err110];
              } else {
                vErrors.push(err110);
              }
              errors++;
            }
            for (const key8 in data52) {
              if (!(key8 === "size" || key8 === "outcome" || key8 === "status" || key8 === "errorCode" || key8 === "requestId" || key8 === "attempts" || key8 === "isolation")) {
                const err111 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err111];
                } else {
                  vErrors.push(err111);
                }
                errors++;
              }
            }
            if (data52.size !== void 0) {
              let data53 = data52.size;
              if (!(typeof data53 == "number" && (!(data53 % 1) && !isNaN(data53)) && isFinite(data53))) {
                const err112 = { instancePath: instancePath + "/calls/" + i3 + "/size", schemaPath: "#/$defs/CallRecord/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err112];
                } else {
                  vErrors.push(err112);
                }
                errors++;
              }
              if (typeof data53 == "number" && isFinite(data53)) {
                if (data53 < 1 || isNaN(data53)) {
                  const err113 = { instancePath: instancePath + "/calls/" + i3 + "/size", schemaPath: "#/$defs/CallRecord/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                  if (vErrors === null) {
                    vErrors = [err113];
                  } else {
                    vErrors.push(err113);
                  }
                  errors++;
                }
              }
            }
            if (data52.outcome !== void 0) {
              let data54 = data52.outcome;
              if (!(data54 === "succeeded" || data54 === "failed")) {
                const err114 = { instancePath: instancePath + "/calls/" + i3 + "/outcome", schemaPath: "#/$defs/CallRecord/properties/outcome/enum", keyword: "enum", params: { allowedValues: schema39.properties.outcome.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                  vErrors = [err114];
                } else {
                  vErrors.push(err114);
                }
                errors++;
              }
            }
            if (data52.status !== void 0) {
              let data55 = data52.status;
              if (!(typeof data55 == "number" && (!(data55 % 1) && !isNaN(data55)) && isFinite(data55))) {
                const err115 = { instancePath: instancePath + "/calls/" + i3 + "/status", schemaPath: "#/$defs/CallRecord/properties/status/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err115];
                } else {
                  vErrors.push(err115);
                }
                errors++;
              }
            }
            if (data52.errorCode !== void 0) {
              if (typeof data52.errorCode !== "string") {
                const err116 = { instancePath: instancePath + "/calls/" + i3 + "/errorCode", schemaPath: "#/$defs/CallRecord/properties/errorCode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err116];
                } else {
                  vErrors.push(err116);
                }
                errors++;
              }
            }
            if (data52.requestId !== void 0) {
              if (typeof data52.requestId !== "string") {
                const err117 = { instancePath: instancePath + "/calls/" + i3 + "/requestId", schemaPath: "#/$defs/CallRecord/properties/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err117];
                } else {
                  vErrors.push(err117);
                }
                errors++;
              }
            }
            if (data52.attempts !== void 0) {
              let data58 = data52.attempts;
              if (!(typeof data58 == "number" && (!(data58 % 1) && !isNaN(data58)) && isFinite(data58))) {
                const err118 = { instancePath: instancePath + "/calls/" + i3 + "/attempts", schemaPath: "#/$defs/CallRecord/properties/attempts/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                  vErrors = [err118];
                } else {
                  vErrors.push(err118);
                }
                errors++;
              }
              if (typeof data58 == "number" && isFinite(data58)) {
                if (data58 < 0 || isNaN(data58)) {
                  const err119 = { instancePath: instancePath + "/calls/" + i3 + "/attempts", schemaPath: "#/$defs/CallRecord/properties/attempts/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  if (vErrors === null) {
                    vErrors = [err119];
                  } else {
                    vErrors.push(err119);
                  }
                  errors++;
                }
              }
            }
            if (data52.isolation !== void 0) {
              if (typeof data52.isolation !== "boolean") {
                const err120 = { instancePath: instancePath + "/calls/" + i3 + "/isolation", schemaPath: "#/$defs/CallRecord/properties/isolation/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                if (vErrors === null) {
                  vErrors = [err120];
                } else {
                  vErrors.push(err120);
                }
                errors++;
              }
            }
          } else {
            const err121 = { instancePath: instancePath + "/calls/" + i3, schemaPath: "#/$defs/CallRecord/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err121];
            } else {
              vErrors.push(err121);
            }
            errors++;
          }
        }
      } else {
        const err122 = { instancePath: instancePath + "/calls", schemaPath: "#/properties/calls/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err122];
        } else {
          vErrors.push(err122);
        }
        errors++;
      }
    }
  } else {
    const err123 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err123];
    } else {
      vErrors.push(err123);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
export {
  validateReport
};
