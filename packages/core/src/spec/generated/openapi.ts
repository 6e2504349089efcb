// Generated from @wks-logoff/spec by packages/core/scripts/generate.mjs. Do not edit.
export interface paths {
    "/v2/{project_id}/desktops/logoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deregister (log off) desktops in batches
         * @description Asks the cloud to log the users of up to 100 desktops off, showing them `message`. A `200` means the
         *     cloud accepted the logoff task; it logs the users off asynchronously. The answer is all-or-nothing: there
         *     is no per-desktop result, so one unknown (404) or busy (409) desktop fails the whole request.
         */
        post: operations["BatchLogoffDesktops"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description A desktop (computer) ID, a UUID in practice. The cloud accepts 0–255 characters of anything; we require
         *     1–255 printable ASCII characters without spaces, so an empty line, whitespace or binary garbage is
         *     caught before it is sent.
         * @example 2a010270-a011-415e-b1cd-3c484c8a8001
         */
        DesktopId: string;
        /**
         * @description Message shown to each user when the logoff task is delivered: at most 255 characters, **counted in UTF-16
         *     code units** (`x-max-utf16-units`), as Java and JavaScript count string length. JSON Schema's `maxLength`
         *     counts code points, so an emoji outside the Basic Multilingual Plane counts 1 there and 2 here; the cloud
         *     (a Java service) may count either way, so we enforce the stricter measure. `x-max-utf16-units` is this
         *     document's own keyword: `ajv-keywords.js` in this package defines it for ajv; tools that do not know it
         *     (Prism, for one) check `maxLength` only.
         * @example Maintenance starts in 10 minutes. Please save your work.
         */
        LogoffMessage: string;
        /**
         * @description The request body. Stricter than the cloud: `desktop_ids` is required with 1–100 IDs (the cloud accepts
         *     `{}` and an empty list), and unknown properties are rejected (a misspelt field would otherwise be
         *     ignored silently).
         */
        LogoffDesktopsReq: {
            /** @description IDs of the desktops to log off; at most 100 per request. */
            desktop_ids: components["schemas"]["DesktopId"][];
            message?: components["schemas"]["LogoffMessage"];
        };
        /** @description Error body of the Workspace service itself. */
        ServiceError: {
            /** @description Error code, e.g. `WKS.0001`. */
            error_code: string;
            /** @description Error description. */
            error_msg: string;
            /** @description Error details. */
            error_detail?: string;
            /** @description Encrypted reason for a permission denial; decode it with STS decode-authorization-message. */
            readonly encoded_authorization_message?: string;
        };
        /** @description Error body of the API gateway in front of the service (codes `APIGW.*`, older `APIG.*`). */
        GatewayError: {
            /** @description Gateway error code, e.g. `APIGW.0308`. */
            error_code: string;
            /** @description Error description. */
            error_msg: string;
            /** @description The gateway's request ID (32 lowercase hex characters). */
            request_id?: string;
        };
        /** @description Either error shape; statuses 401, 403, 404 and 500 can come from the service or the gateway. */
        AnyError: components["schemas"]["ServiceError"] | components["schemas"]["GatewayError"];
    };
    responses: never;
    parameters: {
        /**
         * @description Project ID (32 lowercase hex characters in practice). The cloud accepts any 1–255 characters; we also
         *     require letters, digits, `_` and `-` only, so a path separator, `..` or an encoded character can never
         *     reach a URL.
         * @example 2b31ed520a1b4d3cb2c3d4e5f6a7b8c9
         */
        ProjectId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The cloud's request ID; quote it to Huawei Cloud support.
         * @example fd6530a01c09807640189e65e837b8ad
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    BatchLogoffDesktops: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Project ID (32 lowercase hex characters in practice). The cloud accepts any 1–255 characters; we also
                 *     require letters, digits, `_` and `-` only, so a path separator, `..` or an encoded character can never
                 *     reach a URL.
                 * @example 2b31ed520a1b4d3cb2c3d4e5f6a7b8c9
                 */
                project_id: components["parameters"]["ProjectId"];
            };
            cookie?: never;
        };
        /** @description The desktops to log off and the message shown to their users. */
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoffDesktopsReq"];
            };
        };
        responses: {
            /** @description The cloud accepted the logoff task. No response body. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed (service) or was rejected by the gateway. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceError"];
                };
            };
            /** @description Authentication failed (bad or expired token, bad AK/SK signature). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnyError"];
                };
            };
            /** @description The caller may not perform this operation (on these desktops or in this project). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnyError"];
                };
            };
            /** @description No such resource (an unknown desktop, or an unknown API at the gateway). */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnyError"];
                };
            };
            /**
             * @description Another method than POST on this path. Answered by the internal wks-logoff proxy, with `Allow: POST`; a
             *     POST never gets it.
             */
            405: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description The methods this path accepts. */
                    Allow?: "POST";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /**
             * @description The request's headers or body did not arrive within the proxy's timeouts (a stalled or trickling
             *     client). Answered by the internal wks-logoff proxy, which then closes the connection.
             */
            408: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Operation conflict (a desktop is busy with another task). */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceError"];
                };
            };
            /** @description The request entity is too large (gateway). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /**
             * @description The body is not JSON. Answered by the internal wks-logoff proxy, which accepts `application/json` only
             *     (the cloud answers 400 instead).
             */
            415: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description Throttled by the gateway (APIGW.0308). No `Retry-After` is documented; clients back off and retry. */
            429: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    /** @description Seconds to wait before retrying, when the gateway (or the proxy) sends it. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /**
             * @description The request's headers are too large. Answered by the internal wks-logoff proxy, which then closes the
             *     connection (the gateway answers 494 `APIGW.0201` instead).
             */
            431: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description An internal service error. */
            500: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnyError"];
                };
            };
            /** @description The gateway has no backend available. */
            502: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description A service the gateway needs (e.g. IAM) is unavailable. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
            /** @description The backend did not answer the gateway in time. */
            504: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayError"];
                };
            };
        };
    };
}
