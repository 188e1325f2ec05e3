//! `logframe serve`, driven in-process through the router: sign-in,
//! sessions, CSRF, throttling, security headers, roles, and the JSON API
//! against the CLI's own output.

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, StatusCode, header};
use logframe::users::{Role, UiLang, User, Users, hash_password};
use logframe::web::{self, Config, Server};
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";

struct App {
    router: Router,
    _dir: tempfile::TempDir,
}

/// A workspace with two frameworks and one user of each role; the viewer
/// sees STARSOM only.
fn app_with(config: Config) -> App {
    let dir = common::workspace(&["starsom", "iom-px0012"]);
    let hash = hash_password(PASSWORD).expect("hash");
    let user = |name: &str, role: Role, frameworks: &[&str]| User {
        name: name.into(),
        role,
        lang: UiLang::En,
        frameworks: frameworks.iter().map(|f| f.to_string()).collect(),
        countries: vec![],
        password_hash: hash.clone(),
    };
    Users {
        users: vec![
            user("admin", Role::Admin, &[]),
            user("approver", Role::Approver, &["starsom", "iom-px0012"]),
            user("enterer", Role::Enterer, &["starsom"]),
            user("viewer", Role::Viewer, &["starsom"]),
        ],
    }
    .save(dir.path())
    .expect("users saved");
    let server = Server::open(dir.path(), config).expect("server opens");
    App {
        router: web::router(Arc::new(server)),
        _dir: dir,
    }
}

fn app() -> App {
    app_with(Config::default())
}

fn from(addr: &str, mut req: Request<Body>) -> Request<Body> {
    let a: SocketAddr = format!("{addr}:40000").parse().expect("address");
    req.extensions_mut().insert(ConnectInfo(a));
    req
}

async fn send(app: &App, req: Request<Body>) -> Response<Body> {
    app.router.clone().oneshot(req).await.expect("the router answers")
}

async fn body(r: Response<Body>) -> String {
    let bytes = axum::body::to_bytes(r.into_body(), 1 << 24).await.expect("body");
    String::from_utf8(bytes.to_vec()).expect("UTF-8 body")
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut b = Request::get(uri);
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    from("127.0.0.1", b.body(Body::empty()).expect("request"))
}

fn post_form(uri: &str, cookie: &str, fields: &[(&str, &str)], addr: &str) -> Request<Body> {
    let text: String = fields
        .iter()
        .map(|(k, v)| format!("{k}={}", urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    from(
        addr,
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(text))
            .expect("request"),
    )
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn set_cookies(r: &Response<Body>) -> Vec<String> {
    r.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().expect("ASCII cookie").to_string())
        .collect()
}

/// `name=value` of the cookie `name` set by `r`.
fn cookie_pair(r: &Response<Body>, name: &str) -> Option<String> {
    set_cookies(r)
        .into_iter()
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().expect("pair").to_string())
}

fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[start..].split('"').next().expect("value").to_string()
}

/// The sign-in form: its nonce cookie and CSRF token.
async fn sign_in_form(app: &App) -> (String, String) {
    let r = send(app, get("/login", None)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookie = cookie_pair(&r, "logframe_signin").expect("a sign-in cookie");
    (cookie, hidden_csrf(&body(r).await))
}

async fn try_sign_in(app: &App, user: &str, password: &str, addr: &str) -> Response<Body> {
    let (cookie, csrf) = sign_in_form(app).await;
    send(
        app,
        post_form(
            "/login",
            &cookie,
            &[("user", user), ("password", password), ("csrf", &csrf)],
            addr,
        ),
    )
    .await
}

/// Sign in through the form; the session cookie as `name=value`.
async fn session(app: &App, user: &str) -> String {
    let r = try_sign_in(app, user, PASSWORD, "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{user} signs in");
    cookie_pair(&r, "logframe_session").expect("a session cookie")
}

async fn api_token(app: &App, user: &str, password: &str, addr: &str) -> Response<Body> {
    let req = Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            serde_json::json!({"user": user, "password": password}).to_string(),
        ))
        .expect("request");
    send(app, from(addr, req)).await
}

async fn token(app: &App, user: &str) -> String {
    let r = api_token(app, user, PASSWORD, "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body(r).await).expect("JSON");
    v["token"].as_str().expect("a token").to_string()
}

fn bearer(uri: &str, token: &str) -> Request<Body> {
    from(
        "127.0.0.1",
        Request::get(uri)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .expect("request"),
    )
}

#[tokio::test]
async fn sign_in_with_the_right_password_only() {
    let app = app();
    let r = try_sign_in(&app, "viewer", "a wrong password!", "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(cookie_pair(&r, "logframe_session").is_none());
    assert!(body(r).await.contains("Wrong user name or password."));
    let r = try_sign_in(&app, "nobody", PASSWORD, "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "an unknown user is told the same");

    let cookie = session(&app, "viewer").await;
    let r = send(&app, get("/", Some(&cookie))).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(html.contains("STARSOM"), "{html}");
    assert!(!html.contains("PX.0012"), "the viewer sees STARSOM only");
    assert!(html.contains("Signed in as <strong>viewer</strong>"));

    // Without a session, or with a forged one, a page sends to the sign-in.
    for c in [None, Some("logframe_session=forged.token")] {
        let r = send(&app, get("/", c)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(r.headers()[header::LOCATION], "/login");
    }
}

#[tokio::test]
async fn cookies_are_http_only_and_same_site_strict_and_secure_when_asked() {
    let app = app();
    let (_, _) = sign_in_form(&app).await;
    let r = try_sign_in(&app, "admin", PASSWORD, "127.0.0.1").await;
    let set = set_cookies(&r);
    let session = set
        .iter()
        .find(|c| c.starts_with("logframe_session="))
        .expect("session cookie");
    assert!(session.contains("HttpOnly"), "{session}");
    assert!(session.contains("SameSite=Strict"), "{session}");
    assert!(!session.contains("Secure"), "plain HTTP on loopback: {session}");

    let app = app_with(Config {
        secure_cookies: true,
        ..Config::default()
    });
    let r = try_sign_in(&app, "admin", PASSWORD, "127.0.0.1").await;
    let set = set_cookies(&r);
    let session = set
        .iter()
        .find(|c| c.starts_with("logframe_session="))
        .expect("session cookie");
    assert!(session.contains("Secure") && session.contains("HttpOnly"), "{session}");
}

#[tokio::test]
async fn a_post_without_its_csrf_token_is_refused() {
    let app = app();
    // Sign-in: a missing, a wrong, and another form's token.
    let (cookie, csrf) = sign_in_form(&app).await;
    let (_, other) = sign_in_form(&app).await;
    for token in ["", "AAAA", other.as_str()] {
        let r = send(
            &app,
            post_form(
                "/login",
                &cookie,
                &[("user", "admin"), ("password", PASSWORD), ("csrf", token)],
                "127.0.0.1",
            ),
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "token {token:?}");
        assert!(cookie_pair(&r, "logframe_session").is_none());
    }
    let r = send(
        &app,
        post_form(
            "/login",
            "",
            &[("user", "admin"), ("password", PASSWORD), ("csrf", &csrf)],
            "127.0.0.1",
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "the token without its cookie");

    // Sign-out: refused without the session's token, done with it.
    let session = session(&app, "admin").await;
    let r = send(&app, post_form("/logout", &session, &[("csrf", &csrf)], "127.0.0.1")).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        send(&app, get("/", Some(&session))).await.status(),
        StatusCode::OK,
        "still signed in"
    );
    let page = body(send(&app, get("/", Some(&session))).await).await;
    let r = send(
        &app,
        post_form("/logout", &session, &[("csrf", &hidden_csrf(&page))], "127.0.0.1"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        send(&app, get("/", Some(&session))).await.status(),
        StatusCode::SEE_OTHER,
        "the old cookie no longer works after sign-out"
    );
}

#[tokio::test]
async fn five_failures_make_a_user_and_an_address_wait() {
    let app = app_with(Config {
        throttle_wait: Duration::from_millis(1500),
        ..Config::default()
    });
    for _ in 0..5 {
        let r = try_sign_in(&app, "viewer", "wrong password here", "10.1.1.1").await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    // The right password now waits too, from any address.
    let r = try_sign_in(&app, "viewer", PASSWORD, "10.2.2.2").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers().contains_key(header::RETRY_AFTER));
    let r = api_token(&app, "viewer", PASSWORD, "10.3.3.3").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "the API shares the count");
    // The address waits for every user.
    let r = try_sign_in(&app, "admin", PASSWORD, "10.1.1.1").await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // Another user from another address is not held up.
    assert_eq!(
        try_sign_in(&app, "admin", PASSWORD, "10.4.4.4").await.status(),
        StatusCode::SEE_OTHER
    );
    std::thread::sleep(Duration::from_millis(1600));
    assert_eq!(
        try_sign_in(&app, "viewer", PASSWORD, "10.1.1.1").await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = app();
    let cookie = session(&app, "admin").await;
    let tok = token(&app, "admin").await;
    let responses = vec![
        send(&app, get("/login", None)).await,
        send(&app, get("/", Some(&cookie))).await,
        send(&app, get("/f/starsom", Some(&cookie))).await,
        send(&app, get("/f/starsom/charts/summary.svg", Some(&cookie))).await,
        send(&app, get("/static/style.css", None)).await,
        send(&app, get("/no/such/page", None)).await,
        send(&app, bearer("/api/v1/frameworks", &tok)).await,
        send(&app, get("/api/v1/frameworks", None)).await,
    ];
    for r in responses {
        let csp = r.headers()[header::CONTENT_SECURITY_POLICY].to_str().expect("ASCII");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(r.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
}

#[tokio::test]
async fn pages_hold_no_script_and_escape_what_they_show() {
    let app = app();
    let cookie = session(&app, "admin").await;
    let html = body(send(&app, get("/f/starsom?period=2023-Q2", Some(&cookie))).await).await;
    assert!(!html.contains("<script"), "no JavaScript");
    assert!(!html.contains(" style="), "no inline style (the CSP forbids it)");
    assert!(html.contains("<label for=\"period\">"), "the period picker has a label");
    assert!(html.contains("2023-Q2"));
    assert!(html.contains("/f/starsom/charts/summary.svg?period=2023-Q2"));
    // A user name is shown escaped on the sign-in page it was typed in.
    let r = try_sign_in(&app, "<b>x</b>", PASSWORD, "127.0.0.9").await;
    let html = body(r).await;
    assert!(
        html.contains("&lt;b&gt;x&lt;&#x2f;b&gt;") || html.contains("&lt;b&gt;x&lt;/b&gt;"),
        "{html}"
    );
    assert!(!html.contains("<b>x</b>"));
}

#[tokio::test]
async fn the_api_answers_401_without_a_token_and_403_for_another_framework() {
    let app = app();
    let r = send(&app, get("/api/v1/frameworks", None)).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers()[header::WWW_AUTHENTICATE], "Bearer");
    let v: serde_json::Value = serde_json::from_str(&body(r).await).expect("JSON error");
    assert!(v["error"]["message"].as_str().is_some_and(|m| m.contains("token")));
    let r = send(&app, bearer("/api/v1/frameworks/starsom/status", "not.a-token")).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = api_token(&app, "viewer", "a wrong password!", "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    let tok = token(&app, "viewer").await;
    // A web cookie's token is no Bearer token and the reverse.
    let r = send(&app, get("/", Some(&format!("logframe_session={tok}")))).await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);

    let r = send(&app, bearer("/api/v1/frameworks", &tok)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&body(r).await).expect("JSON");
    let names: Vec<&str> = v["frameworks"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(names, ["starsom"]);
    let r = send(&app, bearer("/api/v1/frameworks/iom-px0012/status", &tok)).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A bad period is a 400 with the engine's diagnostic.
    let r = send(&app, bearer("/api/v1/frameworks/starsom/status?period=2023-Q9", &tok)).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let v: serde_json::Value = serde_json::from_str(&body(r).await).expect("JSON");
    assert!(v["error"]["expected"].is_string(), "{v}");
}

#[tokio::test]
async fn no_path_from_a_url_reaches_the_disk_unchecked() {
    let app = app();
    let tok = token(&app, "admin").await;
    let cookie = session(&app, "admin").await;
    // A folder beside the frameworks that holds a logframe.yaml is still
    // not a framework: only names listed under ./frameworks are.
    for fw in [
        "..",
        "%2E%2E",
        "..%2Ffrustrated",
        "starsom%2F..",
        "frameworks",
        "%2Fetc",
        "STARSOM",
    ] {
        let r = send(&app, bearer(&format!("/api/v1/frameworks/{fw}/status"), &tok)).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{fw}");
        let r = send(&app, get(&format!("/f/{fw}"), Some(&cookie))).await;
        assert!(matches!(r.status(), StatusCode::NOT_FOUND), "{fw}: {}", r.status());
    }
    for file in ["..%2F..%2Flogframe.yaml", "logframe.yaml", "chart-nope.svg"] {
        let r = send(&app, get(&format!("/f/starsom/charts/{file}"), Some(&cookie))).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{file}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused() {
    let app = app();
    let big = format!("{{\"user\": \"admin\", \"password\": \"{}\"}}", "x".repeat(200_000));
    let req = Request::post("/api/v1/session")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .expect("request");
    let r = send(&app, from("127.0.0.1", req)).await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// Every route for every role: the status it answers.
#[tokio::test]
async fn every_route_for_every_role() {
    let app = app();
    const OK: u16 = 200;
    const NO: u16 = 403;
    // (route, web page?, admin, approver, enterer, viewer, nobody)
    let table: &[(&str, bool, [u16; 5])] = &[
        ("/", true, [OK, OK, OK, OK, 303]),
        ("/f/starsom", true, [OK, OK, OK, OK, 303]),
        ("/f/iom-px0012", true, [OK, OK, NO, NO, 303]),
        ("/f/starsom/charts/summary.svg", true, [OK, OK, OK, OK, 303]),
        ("/f/iom-px0012/charts/summary.svg", true, [OK, OK, NO, NO, 303]),
        ("/f/starsom/enter", true, [OK, OK, OK, NO, 303]),
        ("/f/starsom/enter?period=2023-Q4", true, [OK, OK, OK, NO, 303]),
        ("/f/iom-px0012/enter", true, [OK, OK, NO, NO, 303]),
        ("/f/starsom/pending", true, [OK, OK, NO, NO, 303]),
        ("/f/iom-px0012/pending", true, [OK, OK, NO, NO, 303]),
        ("/f/starsom/i/1200.1", true, [OK, OK, OK, OK, 303]),
        ("/f/starsom/i/9999", true, [404, 404, 404, 404, 303]),
        ("/f/iom-px0012/i/1200.1", true, [404, 404, NO, NO, 303]),
        ("/f/starsom/download/iati.xml", true, [OK, OK, OK, OK, 303]),
        ("/f/starsom/download/iptt.csv", true, [OK, OK, OK, OK, 303]),
        ("/f/iom-px0012/download/iptt.csv", true, [OK, OK, NO, NO, 303]),
        ("/f/starsom/download/secrets.txt", true, [404, 404, 404, 404, 303]),
        ("/admin/users", true, [OK, NO, NO, NO, 303]),
        ("/static/style.css", true, [OK, OK, OK, OK, OK]),
        ("/login", true, [303, 303, 303, 303, OK]),
        ("/api/v1/frameworks", false, [OK, OK, OK, OK, 401]),
        ("/api/v1/frameworks/starsom/status", false, [OK, OK, OK, OK, 401]),
        ("/api/v1/frameworks/iom-px0012/status", false, [OK, OK, NO, NO, 401]),
    ];
    let roles = ["admin", "approver", "enterer", "viewer"];
    let mut cookies = Vec::new();
    let mut tokens = Vec::new();
    for r in roles {
        cookies.push(session(&app, r).await);
        tokens.push(token(&app, r).await);
    }
    for (route, web, want) in table {
        for (i, expected) in want.iter().enumerate() {
            let req = match (i < roles.len(), web) {
                (true, true) => get(route, Some(&cookies[i])),
                (true, false) => bearer(route, &tokens[i]),
                (false, _) => get(route, None),
            };
            let who = roles.get(i).unwrap_or(&"nobody");
            let got = send(&app, req).await.status().as_u16();
            assert_eq!(got, *expected, "{route} as {who}");
        }
    }
}

/// Every form route refuses a POST without its CSRF token, for every role
/// that may reach it, and sends a POST without a session to the sign-in.
#[tokio::test]
async fn every_new_form_route_checks_its_csrf_token() {
    let app = app();
    let routes = [
        "/f/starsom/enter?period=2023-Q4",
        "/f/starsom/pending/0123456789ab/approve",
        "/f/starsom/pending/0123456789ab/reject",
    ];
    for route in routes {
        for who in ["admin", "approver"] {
            let cookie = session(&app, who).await;
            let r = send(&app, post_form(route, &cookie, &[("csrf", "forged")], "127.0.0.1")).await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "{route} as {who}");
        }
        let r = send(&app, post_form(route, "", &[("csrf", "forged")], "127.0.0.1")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{route} without a session");
    }
    // Roles below the route's are refused before the token is looked at.
    let enterer = session(&app, "enterer").await;
    let page = body(send(&app, get("/", Some(&enterer))).await).await;
    let r = send(
        &app,
        post_form(
            "/f/starsom/pending/0123456789ab/approve",
            &enterer,
            &[("csrf", &hidden_csrf(&page))],
            "127.0.0.1",
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

fn cli_status(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["status", "starsom", "--format", "json"];
    all.extend_from_slice(args);
    let run = common::run(dir, &all);
    run.expect_code(0);
    run.stdout
}

#[tokio::test]
async fn the_status_json_is_the_clis() {
    let app = app();
    let tok = token(&app, "viewer").await;
    for (query, args) in [
        ("", vec![]),
        ("?period=2023-Q2", vec!["--period", "2023-Q2"]),
        ("?period=2023-Q1", vec!["--period", "2023-Q1"]),
    ] {
        let r = send(&app, bearer(&format!("/api/v1/frameworks/starsom/status{query}"), &tok)).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/json");
        let api = body(r).await;
        assert_eq!(api, cli_status(app._dir.path(), &args), "{query}");
    }
}

#[tokio::test]
async fn a_changed_password_ends_the_users_sessions() {
    let app = app();
    let tok = token(&app, "viewer").await;
    assert_eq!(
        send(&app, bearer("/api/v1/frameworks", &tok)).await.status(),
        StatusCode::OK
    );
    let run = common::command(app._dir.path(), &["user", "passwd", "viewer"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().expect("stdin").write_all(b"another long password\n")?;
            c.wait_with_output()
        })
        .expect("user passwd runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // The server reads the changed file; the old token no longer works.
    // (A file's modification time may not move within one clock tick.)
    let mut status = StatusCode::OK;
    for _ in 0..30 {
        status = send(&app, bearer("/api/v1/frameworks", &tok)).await.status();
        if status == StatusCode::UNAUTHORIZED {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        filetime_touch(&app._dir.path().join(".logframe/users.yaml"));
    }
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let r = api_token(&app, "viewer", "another long password", "127.0.0.1").await;
    assert_eq!(r.status(), StatusCode::OK);
}

/// Rewrite a file with its own bytes, so its modification time moves.
fn filetime_touch(path: &Path) {
    let bytes = std::fs::read(path).expect("read");
    std::fs::write(path, bytes).expect("write");
}
