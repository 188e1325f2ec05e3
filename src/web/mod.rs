//! `logframe serve`: the web face of the engine. The framework folders and
//! their ledgers stay the system of record; the server reads them through
//! one seam (`engine.rs`) and keeps nothing of its own but the users file
//! and the session key in `.logframe/`.
//!
//! - `auth.rs`: who is asking (session cookie or Bearer token) and what a
//!   role may reach; `session.rs`: signed tokens and CSRF tokens;
//!   `throttle.rs`: failed sign-ins.
//! - `pages/`: the HTML pages (minijinja, autoescaped, embedded
//!   templates, no JavaScript), one file per page family (entry and its
//!   grid, the review queue, an indicator, downloads); their words are the
//!   `web-` messages of the `src/locale/` catalogues; `api.rs`: the JSON API.
//!
//! Every response carries a strict Content-Security-Policy and the other
//! security headers; request bodies are limited.

pub mod api;
pub mod auth;
pub mod engine;
pub mod openapi;
pub mod pages;
pub mod reply;
pub mod session;
pub mod throttle;
pub mod values;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::diag::Diagnostic;
use crate::users::Users;

/// The Content-Security-Policy of every response: nothing but this
/// server's own files, no inline script or style, no framing.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

#[derive(Debug, Clone)]
pub struct Config {
    /// How long a session lasts.
    pub session: Duration,
    /// Mark cookies `Secure` (only sent over HTTPS): set it when a TLS
    /// proxy is in front.
    pub secure_cookies: bool,
    /// Failed sign-ins for one user or one address before a wait.
    pub throttle_limit: u32,
    pub throttle_wait: Duration,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            session: Duration::from_secs(8 * 3600),
            secure_cookies: false,
            throttle_limit: 5,
            throttle_wait: Duration::from_secs(60),
            body_limit: 64 * 1024,
        }
    }
}

/// Everything a request handler reads.
pub struct Server {
    pub workspace: engine::Workspace,
    pub keys: session::Keys,
    pub throttle: throttle::Throttle,
    pub config: Config,
    pub templates: minijinja::Environment<'static>,
    users: Mutex<CachedUsers>,
}

pub type State = Arc<Server>;

/// The users file as last read, with the time it was changed: `logframe
/// user` may change it while the server runs.
struct CachedUsers {
    modified: Option<SystemTime>,
    users: Users,
}

impl Server {
    /// The server of the workspace at `root`: its users file must read;
    /// the session key is made on first start.
    pub fn open(root: &Path, config: Config) -> Result<Server, Diagnostic> {
        let users = Users::load(root)?;
        let keys = session::Keys::load_or_create(root)?;
        Ok(Server {
            workspace: engine::Workspace::new(root),
            keys,
            throttle: throttle::Throttle::new(config.throttle_limit, config.throttle_wait),
            config,
            templates: pages::environment(),
            users: Mutex::new(CachedUsers {
                modified: modified(&Users::path(root)),
                users,
            }),
        })
    }

    pub fn root(&self) -> &PathBuf {
        &self.workspace.root
    }

    /// The users, read again when the file changed. A file that no longer
    /// reads keeps the users last read (and says so on stderr).
    pub fn users(&self) -> Users {
        let path = Users::path(self.root());
        let now = modified(&path);
        let mut cached = self.users.lock().unwrap_or_else(|e| e.into_inner());
        if now != cached.modified {
            match Users::load(self.root()) {
                Ok(u) => {
                    cached.users = u;
                    cached.modified = now;
                }
                Err(d) => eprintln!("logframe serve: {}; keeping the users read before", d.message),
            }
        }
        cached.users.clone()
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Seconds since 1970.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Every route, with the security headers and the body limit.
pub fn router(state: State) -> Router {
    let limit = state.config.body_limit;
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/", get(pages::home))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/f/{fw}", get(pages::dashboard))
        .route("/f/{fw}/charts/{file}", get(pages::chart))
        .route("/f/{fw}/enter", get(pages::entry::form).post(pages::entry::save))
        .route("/f/{fw}/pending", get(pages::review::list))
        .route("/f/{fw}/pending/{id}/approve", post(pages::review::approve))
        .route("/f/{fw}/pending/{id}/reject", post(pages::review::reject))
        .route("/f/{fw}/i/{id}", get(pages::indicator::show))
        .route("/f/{fw}/download/{file}", get(pages::downloads::download))
        .route("/admin/users", get(pages::users))
        .route("/static/style.css", get(pages::style))
        .route("/api/v1/session", post(api::session))
        .route("/api/v1/frameworks", get(api::frameworks))
        .route("/api/v1/frameworks/{fw}/status", get(api::status))
        .route("/api/v1/frameworks/{fw}/values", post(values::post_values))
        .route("/api/v1/frameworks/{fw}/pending", get(values::pending))
        .route("/api/v1/frameworks/{fw}/pending/{id}/{action}", post(values::decide))
        .route("/api/v1/openapi.json", get(openapi::document))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyLimitLayer::new(limit))
        .layer(header(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::REFERRER_POLICY, "same-origin"))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .with_state(state)
}

/// Serve until interrupted (Ctrl-C).
pub async fn serve(listener: tokio::net::TcpListener, state: State) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
