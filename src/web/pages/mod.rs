//! The HTML pages: server-rendered with minijinja (autoescaped, the
//! templates embedded in the binary), usable without JavaScript.
//!
//! Every form carries a CSRF token and every POST checks it: the sign-in
//! form's token is bound to a nonce in a cookie set with the form, a
//! signed-in form's token to the session.

pub mod country;
pub mod downloads;
pub mod entry;
pub mod grid;
pub mod indicator;
pub mod review;

use axum::Form;
use axum::extract::{Path, Query};
use axum::http::{Extensions, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::locale;

use super::auth::{self, Denied, SESSION_COOKIE, SIGN_IN_COOKIE, WebUser};
use super::engine::{self, EngineError, Overview};
use super::session::{Kind, nonce};

use super::{Server, State, now};
use crate::users::{Permission, Role, UiLang};

/// The templates, by name: embedded, so the binary is the whole server.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("frameworks.html", include_str!("../templates/frameworks.html")),
    ("dashboard.html", include_str!("../templates/dashboard.html")),
    ("users.html", include_str!("../templates/users.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("enter.html", include_str!("../templates/enter.html")),
    ("pending.html", include_str!("../templates/pending.html")),
    ("indicator.html", include_str!("../templates/indicator.html")),
];

const STYLE: &str = include_str!("../static/style.css");

/// The catalogue ids of the pages' words: `web-KEY` in `src/locale/*.ftl`,
/// read by templates as `w.KEY` (hyphens as underscores).
fn web_ids() -> &'static [(&'static str, String)] {
    static IDS: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        include_str!("../../locale/en.ftl")
            .lines()
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id))
            .filter(|id| id.starts_with("web-"))
            .map(|id| (id, id["web-".len()..].replace('-', "_")))
            .collect()
    })
}

/// Every word of the pages in `lang`, for templates (`w.sign_in`), from the
/// same Fluent catalogues as the reports.
pub fn words(lang: UiLang) -> BTreeMap<&'static str, &'static str> {
    web_ids()
        .iter()
        .map(|(id, key)| (key.as_str(), locale::text(lang.report_lang(), id)))
        .collect()
}

pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // `.html` templates are HTML-escaped (minijinja's default by name); say
    // it outright so a renamed template cannot lose it.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    for (name, text) in TEMPLATES {
        env.add_template(name, text).expect("the embedded templates parse");
    }
    env
}

/// The signed-in user as templates see it.
#[derive(Serialize)]
struct Who<'a> {
    name: &'a str,
    role: &'static str,
    admin: bool,
}

fn page(server: &Server, name: &str, lang: UiLang, user: Option<&WebUser>, extra: Value) -> Response {
    let who = user.map(|u| Who {
        name: &u.user.name,
        role: u.user.role.name(),
        admin: u.user.role == Role::Admin,
    });
    let csrf = user.map(|u| server.keys.csrf(&u.claims.n));
    let ctx = context! {
        lang => lang.code(),
        w => words(lang),
        user => Value::from(Serde(who)),
        csrf => csrf,
        ..extra
    };
    match server.templates.get_template(name).and_then(|t| t.render(ctx)) {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            eprintln!("logframe serve: template {name}: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be drawn").into_response()
        }
    }
}

fn error_page(
    server: &Server,
    user: Option<&WebUser>,
    code: StatusCode,
    message: &str,
    detail: Option<String>,
) -> Response {
    let lang = user.map(|u| u.user.lang).unwrap_or_default();
    let mut r = page(
        server,
        "error.html",
        lang,
        user,
        context! { code => code.as_u16(), message => message, detail => detail },
    );
    *r.status_mut() = code;
    r
}

/// A word of the pages by its catalogue id (`web-forbidden`).
pub(crate) fn word(lang: UiLang, id: &str) -> &'static str {
    locale::text(lang.report_lang(), id)
}

fn denied(server: &Server, user: &WebUser, d: Denied) -> Response {
    let lang = user.user.lang;
    match d {
        Denied::Forbidden => error_page(
            server,
            Some(user),
            StatusCode::FORBIDDEN,
            word(lang, "web-forbidden"),
            None,
        ),
        Denied::NotFound => error_page(
            server,
            Some(user),
            StatusCode::NOT_FOUND,
            word(lang, "web-not-found"),
            None,
        ),
    }
}

fn engine_error(server: &Server, user: &WebUser, e: EngineError) -> Response {
    let lang = user.user.lang;
    match e {
        EngineError::NotFound => error_page(
            server,
            Some(user),
            StatusCode::NOT_FOUND,
            word(lang, "web-not-found"),
            None,
        ),
        EngineError::DoesNotLoad(text) => error_page(
            server,
            Some(user),
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{} {}", word(lang, "web-does-not-load"), word(lang, "web-check-hint")),
            Some(text),
        ),
        EngineError::BadPeriod(d) => {
            let detail = [
                d.expected.map(|e| format!("expected: {e}")),
                d.found.map(|f| format!("found: {f}")),
                d.hint.map(|h| format!("hint: {h}")),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n");
            error_page(
                server,
                Some(user),
                StatusCode::BAD_REQUEST,
                &format!("{} {}", word(lang, "web-bad-request"), d.message),
                Some(detail),
            )
        }
    }
}

/// Run blocking engine work (reading and computing a framework) off the
/// async threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f)
        .await
        .expect("the engine task does not panic")
}

// ---- sign in, sign out --------------------------------------------------

#[derive(Deserialize)]
pub struct SignIn {
    #[serde(default)]
    user: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub async fn login_form(axum::extract::State(s): axum::extract::State<State>, jar: CookieJar) -> Response {
    if jar
        .get(SESSION_COOKIE)
        .is_some_and(|c| s.keys.verify(c.value(), Kind::Web, now()).is_some())
    {
        return Redirect::to("/").into_response();
    }
    sign_in_page(&s, jar, StatusCode::OK, "", None, None)
}

/// The sign-in form with a fresh nonce cookie and its CSRF token.
fn sign_in_page(
    s: &Server,
    jar: CookieJar,
    code: StatusCode,
    name: &str,
    error: Option<&str>,
    wait: Option<u64>,
) -> Response {
    let Ok(n) = nonce() else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "no random bytes").into_response();
    };
    let csrf = s.keys.csrf(&format!("signin:{n}"));
    let jar = jar.add(auth::cookie(s, SIGN_IN_COOKIE, n));
    let mut r = page(
        s,
        "login.html",
        UiLang::En,
        None,
        context! { signin_csrf => csrf, name => name, error => error, wait => wait },
    );
    *r.status_mut() = code;
    (jar, r).into_response()
}

pub async fn login(
    axum::extract::State(s): axum::extract::State<State>,
    ext: Extensions,
    jar: CookieJar,
    Form(f): Form<SignIn>,
) -> Response {
    let nonce_ok = jar
        .get(SIGN_IN_COOKIE)
        .is_some_and(|c| s.keys.csrf_ok(&format!("signin:{}", c.value()), &f.csrf));
    if !nonce_ok {
        return error_page(&s, None, StatusCode::FORBIDDEN, word(UiLang::En, "web-csrf"), None);
    }
    match sign_in(&s, &ext, &f.user, &f.password, Kind::Web).await {
        Ok((_, token)) => {
            let jar = jar
                .remove(axum_extra::extract::cookie::Cookie::build(SIGN_IN_COOKIE).path("/"))
                .add(auth::cookie(&s, SESSION_COOKIE, token));
            (jar, Redirect::to("/")).into_response()
        }
        Err(SignInError::Throttled(secs)) => {
            let mut r = sign_in_page(
                &s,
                jar,
                StatusCode::TOO_MANY_REQUESTS,
                &f.user,
                Some(word(UiLang::En, "web-throttled")),
                Some(secs),
            );
            r.headers_mut().insert(header::RETRY_AFTER, secs.into());
            r
        }
        Err(SignInError::Wrong) => sign_in_page(
            &s,
            jar,
            StatusCode::UNAUTHORIZED,
            &f.user,
            Some(word(UiLang::En, "web-wrong")),
            None,
        ),
        Err(SignInError::Internal) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "the session could not be made").into_response()
        }
    }
}

use super::auth::{SignInError, sign_in};

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// Whether a signed-in form's CSRF token is the session's.
fn csrf_ok(s: &Server, u: &WebUser, token: &str) -> bool {
    s.keys.csrf_ok(&u.claims.n, token)
}

pub async fn logout(
    axum::extract::State(s): axum::extract::State<State>,
    u: WebUser,
    jar: CookieJar,
    Form(f): Form<CsrfOnly>,
) -> Response {
    if !csrf_ok(&s, &u, &f.csrf) {
        return error_page(&s, Some(&u), StatusCode::FORBIDDEN, word(u.user.lang, "web-csrf"), None);
    }
    s.keys.revoke(&u.claims, now());
    let jar = jar.remove(axum_extra::extract::cookie::Cookie::build(SESSION_COOKIE).path("/"));
    (jar, Redirect::to("/login")).into_response()
}

// ---- reading ------------------------------------------------------------

#[derive(Serialize)]
struct Listed {
    name: String,
    short_name: String,
    overview: Option<Overview>,
    error: bool,
}

pub async fn home(axum::extract::State(s): axum::extract::State<State>, u: WebUser) -> Response {
    let names = auth::visible(&s, &u.user);
    let lang = u.user.lang.report_lang();
    let s2 = s.clone();
    let frameworks: Vec<Listed> = blocking(move || {
        names
            .into_iter()
            .map(|name| match s2.workspace.open(&name) {
                Ok(o) => {
                    let ov = o.overview(&name, lang);
                    Listed {
                        name,
                        short_name: ov.short_name.clone(),
                        overview: Some(ov),
                        error: false,
                    }
                }
                Err(_) => Listed {
                    short_name: name.clone(),
                    name,
                    overview: None,
                    error: true,
                },
            })
            .collect()
    })
    .await;
    page(
        &s,
        "frameworks.html",
        u.user.lang,
        Some(&u),
        context! { frameworks => Value::from(Serde(frameworks)) },
    )
}

pub use super::reply::PeriodQuery;

/// `?period=P&country=CC` of the dashboard (`country=all`: the whole
/// project).
#[derive(Deserialize)]
pub struct DashboardQuery {
    period: Option<String>,
    country: Option<String>,
}

pub async fn dashboard(
    axum::extract::State(s): axum::extract::State<State>,
    u: WebUser,
    Path(fw): Path<String>,
    Query(q): Query<DashboardQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let lang = u.user.lang.report_lang();
    let s2 = s.clone();
    let n2 = name.clone();
    let user = u.user.clone();
    let result = blocking(move || {
        let o = s2.workspace.open(&n2)?;
        let periods = o.periods();
        let fwk = &o.app().framework;
        let countries = country::choices(fwk, lang);
        let shown = country::chosen(fwk, &user, q.country.as_deref());
        let view = match &shown {
            Some(code) => Some(country::view(o.app(), q.period.as_deref(), code, lang)?),
            None => None,
        };
        let report = o.report(q.period.as_deref(), lang)?;
        Ok::<_, EngineError>((report, periods, countries, view))
    })
    .await;
    match result {
        Ok((report, periods, countries, view)) => page(
            &s,
            "dashboard.html",
            u.user.lang,
            Some(&u),
            context! {
                r => Value::from(Serde(&report)), periods => periods, fw => name,
                can_enter => u.user.role.can(Permission::Enter),
                can_approve => u.user.role.can(Permission::Approve),
                countries => Value::from(Serde(countries)),
                country => Value::from(Serde(view)),
            },
        ),
        Err(e) => engine_error(&s, &u, e),
    }
}

/// A chart of the dashboard as an SVG image.
pub async fn chart(
    axum::extract::State(s): axum::extract::State<State>,
    u: WebUser,
    Path((fw, file)): Path<(String, String)>,
    Query(q): Query<PeriodQuery>,
) -> Response {
    let name = match auth::framework(&s, &u.user, &fw, Permission::Read) {
        Ok(n) => n,
        Err(d) => return denied(&s, &u, d),
    };
    let lang = u.user.lang.report_lang();
    let s2 = s.clone();
    let result = blocking(move || {
        let o = s2.workspace.open(&name)?;
        let report = o.report(q.period(), lang)?;
        Ok::<_, EngineError>(engine::chart(&report, &file))
    })
    .await;
    match result {
        Ok(Some(svg)) => ([(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response(),
        Ok(None) => denied(&s, &u, Denied::NotFound),
        Err(e) => engine_error(&s, &u, e),
    }
}

pub async fn users(axum::extract::State(s): axum::extract::State<State>, u: WebUser) -> Response {
    if !u.user.role.can(Permission::ManageUsers) {
        return denied(&s, &u, Denied::Forbidden);
    }
    #[derive(Serialize)]
    struct Row<'a> {
        name: &'a str,
        role: &'static str,
        lang: &'static str,
        frameworks: &'a [String],
        /// `Guatemala (GT)`: the code is what users.yaml holds.
        countries: Vec<String>,
    }
    let lang = u.user.lang.report_lang();
    let all = s.users();
    let rows: Vec<Row> = all
        .users
        .iter()
        .map(|x| Row {
            name: &x.name,
            role: x.role.name(),
            lang: x.lang.code(),
            frameworks: &x.frameworks,
            countries: x
                .countries
                .iter()
                .map(|c| grid::place_name(lang, "country", c))
                .collect(),
        })
        .collect();
    page(
        &s,
        "users.html",
        u.user.lang,
        Some(&u),
        context! { users => Value::from(Serde(rows)) },
    )
}

pub async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

pub async fn not_found(axum::extract::State(s): axum::extract::State<State>) -> Response {
    error_page(&s, None, StatusCode::NOT_FOUND, word(UiLang::En, "web-not-found"), None)
}

#[cfg(test)]
mod tests;
