//! Who is asking, and whether they may: the signed-in user of a page (the
//! session cookie) or of an API call (a Bearer token), and the checks a
//! route makes of that user's role and frameworks.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};

use super::session::{Claims, Kind};
use super::throttle;
use super::{Server, State, now};
use crate::users::{Permission, User, verify_password};

pub const SESSION_COOKIE: &str = "logframe_session";
/// The sign-in form's nonce, before there is a session.
pub const SIGN_IN_COOKIE: &str = "logframe_signin";

/// The signed-in user of a page.
pub struct WebUser {
    pub user: User,
    pub claims: Claims,
}

/// The user of an API call.
pub struct ApiUser {
    pub user: User,
}

/// The user a token names, if the token is good and the user still has
/// the password the session began with.
fn user_of(server: &Server, token: &str, kind: Kind) -> Option<(User, Claims)> {
    let claims = server.keys.verify(token, kind, now())?;
    let user = server.users().find(&claims.u)?.clone();
    (server.keys.stamp(&user) == claims.s).then_some((user, claims))
}

impl FromRequestParts<State> for WebUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<WebUser, Response> {
        let jar = CookieJar::from_headers(&parts.headers);
        jar.get(SESSION_COOKIE)
            .and_then(|c| user_of(state, c.value(), Kind::Web))
            .map(|(user, claims)| WebUser { user, claims })
            .ok_or_else(|| Redirect::to("/login").into_response())
    }
}

impl FromRequestParts<State> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<ApiUser, Response> {
        bearer(&parts.headers)
            .and_then(|t| user_of(state, t, Kind::Api))
            .map(|(user, _)| ApiUser { user })
            .ok_or_else(|| {
                let mut r = super::reply::error(
                    StatusCode::UNAUTHORIZED,
                    "a valid session token is needed",
                    Some("Authorization: Bearer TOKEN"),
                    None,
                    Some("POST /api/v1/session with {\"user\", \"password\"} answers a token"),
                );
                r.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
                r
            })
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The client's address, as the connection gives it ("unknown" without one).
pub fn client_addr(parts_ext: &axum::http::Extensions) -> String {
    parts_ext
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Why a user may not reach something.
#[derive(Debug, PartialEq, Eq)]
pub enum Denied {
    /// The role does not allow it, or the framework is not the user's.
    Forbidden,
    /// No framework of that name (told only to users who may see every one).
    NotFound,
}

/// The framework folder `name` for `user`, checked against the user's
/// frameworks first, then against the folders listed under ./frameworks.
pub fn framework(server: &Server, user: &User, name: &str, need: Permission) -> Result<String, Denied> {
    if !user.role.can(need) || !user.sees(name) {
        return Err(Denied::Forbidden);
    }
    server
        .workspace
        .frameworks()
        .into_iter()
        .find(|n| n == name)
        .ok_or(Denied::NotFound)
}

/// The frameworks `user` may see, sorted.
pub fn visible(server: &Server, user: &User) -> Vec<String> {
    server
        .workspace
        .frameworks()
        .into_iter()
        .filter(|n| user.sees(n))
        .collect()
}

/// A cookie the browser sends back only to this site, never to scripts;
/// it lasts until the browser closes (the token inside expires sooner if
/// the session does).
pub fn cookie(server: &Server, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(server.config.secure_cookies)
        .build()
}

/// Why a sign-in failed.
pub enum SignInError {
    /// Locked out for this many more seconds.
    Throttled(u64),
    Wrong,
    Internal,
}

/// Check a user name and password, throttled per user and per address;
/// on success a new session token of `kind`.
pub async fn sign_in(
    s: &State,
    ext: &Extensions,
    name: &str,
    password: &str,
    kind: Kind,
) -> Result<(User, String), SignInError> {
    let keys = throttle::keys(name, &client_addr(ext));
    if let Err(left) = s.throttle.check(&keys) {
        return Err(SignInError::Throttled(left.as_secs().max(1)));
    }
    let user = s.users().find(name).cloned();
    let password = password.to_string();
    let (user, ok) = tokio::task::spawn_blocking(move || {
        let ok = verify_password(user.as_ref(), &password);
        (user, ok)
    })
    .await
    .map_err(|_| SignInError::Internal)?;
    match user.filter(|_| ok) {
        Some(user) => {
            s.throttle.succeed(&keys[0]);
            let ttl = s.config.session.as_secs() as i64;
            let (token, _) = s
                .keys
                .issue(&user, kind, now(), ttl)
                .map_err(|_| SignInError::Internal)?;
            Ok((user, token))
        }
        None => {
            s.throttle.fail(&keys);
            Err(SignInError::Wrong)
        }
    }
}
