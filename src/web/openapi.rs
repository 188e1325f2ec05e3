//! `GET /api/v1/openapi.json`: the JSON API described as OpenAPI 3.1, for
//! scripts and for tools that generate clients. Built with serde_json (a
//! serialiser, never pasted text); a test checks that every API route of
//! the router is described and that nothing else is.

use axum::Json;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// The API routes, as the router declares them.
pub const PATHS: [&str; 7] = [
    "/api/v1/session",
    "/api/v1/frameworks",
    "/api/v1/frameworks/{fw}/status",
    "/api/v1/frameworks/{fw}/values",
    "/api/v1/frameworks/{fw}/pending",
    "/api/v1/frameworks/{fw}/pending/{id}/{action}",
    "/api/v1/openapi.json",
];

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}
    })
}

fn fw_param() -> Value {
    json!({"name": "fw", "in": "path", "required": true, "schema": {"type": "string"},
           "description": "a framework folder name under ./frameworks"})
}

/// The security scheme and the shared schemas.
fn components(value_in: Value) -> Value {
    json!({
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Value": value_in,
            "Errors": {"type": "object", "properties": {
                "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}},
                "error": {"$ref": "#/components/schemas/Diagnostic"},
                "replaces": {"type": "array", "description": "with 409: each value someone else recorded that the body would replace",
                    "items": {"type": "object", "properties": {
                        "indicator": {"type": "string"}, "period": {"type": "string"},
                        "dims": {"type": "object", "additionalProperties": {"type": "string"}},
                        "recorded_by": {"type": "string"}, "recorded_at": {"type": ["string", "null"]},
                        "value": {"type": "string"}, "new_value": {"type": "string"}}}}
            }},
            "Diagnostic": {"type": "object", "properties": {
                "message": {"type": "string"}, "expected": {"type": ["string", "null"]},
                "found": {"type": ["string", "null"]}, "hint": {"type": ["string", "null"]}
            }}
        }
    })
}

/// The document.
pub fn spec() -> Value {
    let scalar = json!({"type": ["string", "number", "boolean"],
        "description": "sent as a string or a JSON number; the digits are read as written, never through a float"});
    let replace = json!({"type": "boolean", "default": false,
        "description": "replace values someone else recorded (without it such a value answers 409 naming who recorded it, when, and the value); given once for the whole body"});
    let value_in = json!({
        "type": "object",
        "required": ["indicator", "period"],
        "additionalProperties": false,
        "properties": {
            "indicator": {"type": "string", "example": "1100.1"},
            "period": {"type": "string", "example": "2023-Q4"},
            "value": scalar, "numerator": scalar, "denominator": scalar, "score": scalar,
            "dims": {"type": "object", "additionalProperties": {"type": "string"},
                     "example": {"sex": "women", "country": "GT"}},
            "comment": {"type": "string"},
            "source": {"type": "string"},
            "replace": replace.clone()
        }
    });
    let values_in = json!({
        "type": "object",
        "required": ["values"],
        "additionalProperties": false,
        "properties": {
            "values": {"type": "array", "items": {"$ref": "#/components/schemas/Value"}},
            "replace": replace
        }
    });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "logframe",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Results monitoring for logical frameworks: read status, push indicator values, review them. \
                            Values go through the same rules as `logframe import` and into the same ledger."
        },
        "components": components(value_in),
        "security": [{"bearer": []}],
        "paths": {
            PATHS[0]: {"post": {
                "summary": "Sign in: a session token for a user name and password",
                "security": [],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["user", "password"],
                    "properties": {"user": {"type": "string"}, "password": {"type": "string"}}}}}},
                "responses": {
                    "200": {"description": "`{\"token\", \"expires\"}`"},
                    "401": error_response("wrong user name or password"),
                    "429": error_response("too many failed sign-ins; see Retry-After")
                }
            }},
            PATHS[1]: {"get": {
                "summary": "The frameworks open to the user, with their status counts",
                "responses": {"200": {"description": "`{\"frameworks\": [...]}`"}, "401": error_response("no valid token")}
            }},
            PATHS[2]: {"get": {
                "summary": "Every indicator at a period: the JSON of `logframe status FW --format json`",
                "parameters": [fw_param(), {"name": "period", "in": "query", "schema": {"type": "string"},
                    "description": "e.g. 2023-Q3; default: the latest with values"}],
                "responses": {"200": {"description": "the status table"}, "400": error_response("a bad period"),
                    "401": error_response("no valid token"), "403": error_response("not the user's framework")}
            }},
            PATHS[3]: {"post": {
                "summary": "Record a value, or a list of values all or none (enterer, approver, admin)",
                "description": "Under `approval: true` an enterer's values wait for review (`review: pending`). \
                                A value that would replace one someone else recorded is refused with 409 unless the body \
                                says `\"replace\": true` (beside the value, or beside `values` for a list).",
                "parameters": [fw_param()],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"oneOf": [
                    {"$ref": "#/components/schemas/Value"},
                    {"type": "array", "items": {"$ref": "#/components/schemas/Value"}},
                    values_in]}}}},
                "responses": {
                    "201": {"description": "`{\"recorded\": [...], \"outcome\": {...}}`, each with its review state"},
                    "200": {"description": "nothing changed: every value equals the one in force"},
                    "400": error_response("the body is not a value"),
                    "401": error_response("no valid token"),
                    "403": error_response("a role, framework or country the user does not have"),
                    "409": {"description": "the values would replace values someone else recorded; nothing was written. \
                                            `errors` (who, when, the old value in each message) and `replaces`: \
                                            [{indicator, period, dims, recorded_by, recorded_at, value, new_value}]; \
                                            send the same body with `\"replace\": true` to write them",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
                    "422": error_response("the values break the framework's rules; nothing was written")
                }
            }},
            PATHS[4]: {"get": {
                "summary": "Values waiting for review, each beside the value it would replace",
                "parameters": [fw_param()],
                "responses": {"200": {"description": "`{\"pending\": [...]}`"}, "403": error_response("not allowed")}
            }},
            PATHS[5]: {"post": {
                "summary": "Approve or reject a value waiting for review (approver, admin)",
                "parameters": [fw_param(),
                    {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "action", "in": "path", "required": true, "schema": {"enum": ["approve", "reject"]}}],
                "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                    "properties": {"comment": {"type": "string", "description": "required to reject"}}}}}},
                "responses": {"200": {"description": "`{\"outcome\": {...}}`"},
                    "400": error_response("a rejection without a comment"),
                    "403": error_response("not allowed"), "404": error_response("no such pending value")}
            }},
            PATHS[6]: {"get": {
                "summary": "This document", "security": [],
                "responses": {"200": {"description": "OpenAPI 3.1"}}
            }}
        }
    })
}

pub async fn document() -> Response {
    Json(spec()).into_response()
}
