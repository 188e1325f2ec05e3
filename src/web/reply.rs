//! What the API answers when it refuses (a JSON error shaped like the
//! engine's diagnostics), and the query parameters several routes share:
//! small pieces the pages, the API and the sign-in use alike.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

/// `{"error": {"message", "expected", "found", "hint"}}` with `code`.
pub fn error(
    code: StatusCode,
    message: &str,
    expected: Option<&str>,
    found: Option<&str>,
    hint: Option<&str>,
) -> Response {
    (
        code,
        Json(json!({ "error": { "message": message, "expected": expected, "found": found, "hint": hint } })),
    )
        .into_response()
}

/// `?period=P`.
#[derive(Deserialize)]
pub struct PeriodQuery {
    period: Option<String>,
}

impl PeriodQuery {
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }
}
