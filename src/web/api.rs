//! The JSON API: a session token for a user name and password, then
//! Bearer-authenticated reads. Errors are JSON too, shaped like the
//! engine's diagnostics: `{"error": {"message", "expected", "found", "hint"}}`.

use axum::Json;
use axum::extract::{Path, Query, State as AxState};
use axum::http::{Extensions, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::State;
use super::auth::{self, ApiUser, Denied};
use super::auth::{SignInError, sign_in};
use super::engine::EngineError;
use super::reply::PeriodQuery;
pub use super::reply::error;
use super::session::Kind;
use crate::users::Permission;

#[derive(Deserialize)]
pub struct Credentials {
    user: String,
    password: String,
}

/// `POST /api/v1/session` `{"user", "password"}` → `{"token", "expires"}`.
pub async fn session(AxState(s): AxState<State>, ext: Extensions, Json(c): Json<Credentials>) -> Response {
    match sign_in(&s, &ext, &c.user, &c.password, Kind::Api).await {
        Ok((_, token)) => {
            let expires = super::now() + s.config.session.as_secs() as i64;
            Json(json!({ "token": token, "expires": expires })).into_response()
        }
        Err(SignInError::Wrong) => error(
            StatusCode::UNAUTHORIZED,
            "wrong user name or password",
            None,
            None,
            Some("after several failures, sign-ins for that user and address wait a minute"),
        ),
        Err(SignInError::Throttled(secs)) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "too many failed sign-ins",
                None,
                None,
                Some(&format!("wait {secs} seconds, then try again")),
            );
            r.headers_mut().insert(header::RETRY_AFTER, secs.into());
            r
        }
        Err(SignInError::Internal) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the session could not be made",
            None,
            None,
            None,
        ),
    }
}

pub fn denied(d: Denied, fw: &str) -> Response {
    match d {
        Denied::Forbidden => error(
            StatusCode::FORBIDDEN,
            &format!("framework `{fw}` is not open to this user"),
            None,
            None,
            Some("GET /api/v1/frameworks lists the frameworks open to you"),
        ),
        Denied::NotFound => error(
            StatusCode::NOT_FOUND,
            &format!("no framework `{fw}`"),
            Some("a framework folder name"),
            Some(fw),
            Some("GET /api/v1/frameworks lists them"),
        ),
    }
}

fn engine_error(e: EngineError, fw: &str) -> Response {
    match e {
        EngineError::NotFound => denied(Denied::NotFound, fw),
        EngineError::DoesNotLoad(text) => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("framework `{fw}` does not load"),
            None,
            Some(&text),
            Some("run `logframe check` in the workspace"),
        ),
        EngineError::BadPeriod(d) => error(
            StatusCode::BAD_REQUEST,
            &d.message,
            d.expected.as_deref(),
            d.found.as_deref(),
            d.hint.as_deref(),
        ),
    }
}

/// `GET /api/v1/frameworks`: the frameworks open to the user, with their
/// status counts at the latest period with values.
pub async fn frameworks(AxState(s): AxState<State>, u: ApiUser) -> Response {
    let names = auth::visible(&s, &u.user);
    let lang = u.user.lang.report_lang();
    let s2 = s.clone();
    let list = tokio::task::spawn_blocking(move || {
        names
            .into_iter()
            .map(|name| match s2.workspace.open(&name) {
                Ok(o) => serde_json::to_value(o.overview(&name, lang)).unwrap_or_default(),
                Err(_) => json!({ "name": name, "error": "does not load; run `logframe check`" }),
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap_or_default();
    Json(json!({ "frameworks": list })).into_response()
}

/// `GET /api/v1/frameworks/{fw}/status?period=P`: the JSON of
/// `logframe status FW --format json`, byte for byte.
pub async fn status(
    AxState(s): AxState<State>,
    u: ApiUser,
    Path(fw): Path<String>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(d, &fw),
    };
    let s2 = s.clone();
    let result = tokio::task::spawn_blocking(move || s2.workspace.open(&name)?.status_json(q.period()))
        .await
        .unwrap_or(Err(EngineError::NotFound));
    match result {
        Ok(text) => ([(header::CONTENT_TYPE, "application/json")], text).into_response(),
        Err(e) => engine_error(e, &fw),
    }
}
