//! The JSON API that writes, through the router in-process: values pushed
//! as a field-data tool would (numbers kept as written, errors as JSON
//! diagnostics, all or none), approval through the API, the country limit,
//! and the OpenAPI document against the router.

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode, header};
use logframe::users::{Role, UiLang, User, Users, hash_password};
use logframe::web::{self, Config, Server};
use serde_json::{Value, json};
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";

struct App {
    router: Router,
    dir: tempfile::TempDir,
}

fn with_approval(ws: &Path) {
    let path = ws.join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        text.replacen("\nproject:\n", "\nproject:\n  approval: true\n", 1),
    )
    .expect("write");
}

fn app(approval: bool) -> App {
    let dir = common::workspace(&["starsom"]);
    if approval {
        with_approval(dir.path());
    }
    let hash = hash_password(PASSWORD).expect("hash");
    let user = |name: &str, role: Role, countries: &[&str]| User {
        name: name.into(),
        role,
        lang: UiLang::En,
        frameworks: vec![],
        countries: countries.iter().map(|c| c.to_string()).collect(),
        password_hash: hash.clone(),
    };
    Users {
        users: vec![
            user("coord", Role::Approver, &[]),
            user("ana", Role::Enterer, &[]),
            user("gt", Role::Enterer, &["GT"]),
            user("donor", Role::Viewer, &[]),
        ],
    }
    .save(dir.path())
    .expect("users");
    let server = Server::open(dir.path(), Config::default()).expect("server");
    App {
        router: web::router(Arc::new(server)),
        dir,
    }
}

fn local(mut req: Request<Body>) -> Request<Body> {
    let a: SocketAddr = "127.0.0.1:40000".parse().expect("address");
    req.extensions_mut().insert(ConnectInfo(a));
    req
}

async fn call(app: &App, method: &str, uri: &str, token: Option<&str>, body: Option<Value>) -> (StatusCode, Value) {
    let mut b = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(v.to_string())),
        None => b.body(Body::empty()),
    }
    .expect("request");
    let r = app.router.clone().oneshot(local(req)).await.expect("answer");
    let status = r.status();
    let bytes = axum::body::to_bytes(r.into_body(), 1 << 24).await.expect("body");
    let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, v)
}

async fn raw(app: &App, uri: &str, token: &str, body: &str) -> (StatusCode, Value) {
    let req = Request::post(uri)
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .expect("request");
    let r = app.router.clone().oneshot(local(req)).await.expect("answer");
    let status = r.status();
    let bytes = axum::body::to_bytes(r.into_body(), 1 << 24).await.expect("body");
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn token(app: &App, user: &str) -> String {
    let (s, v) = call(
        app,
        "POST",
        "/api/v1/session",
        None,
        Some(json!({"user": user, "password": PASSWORD})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["token"].as_str().expect("token").to_string()
}

fn ledger(app: &App) -> String {
    std::fs::read_to_string(app.dir.path().join("frameworks/starsom/measurements/ledger.csv")).unwrap_or_default()
}

const VALUES: &str = "/api/v1/frameworks/starsom/values";

#[tokio::test]
async fn a_value_is_recorded_as_typed_and_a_bad_one_answers_its_diagnostics() {
    let app = app(false);
    let t = token(&app, "ana").await;
    // A JSON number is kept as written: 2 decimal places stay 2.
    let (s, v) = raw(
        &app,
        VALUES,
        &t,
        r#"{"indicator": "1000.1", "period": "2023-Q4", "value": "Networks targeted", "score": 3.50, "comment": "panel score"}"#,
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["recorded"][0]["score"], "3.50");
    assert_eq!(v["recorded"][0]["review"], "counted");
    assert_eq!(v["outcome"]["added"], 1);
    assert!(
        ledger(&app).contains("1000.1,2023-Q4,Networks targeted,,,3.50,"),
        "{}",
        ledger(&app)
    );

    // The same value again changes nothing.
    let (s, v) = raw(
        &app,
        VALUES,
        &t,
        r#"{"indicator": "1000.1", "period": "2023-Q4", "value": "Networks targeted", "score": "3.50", "comment": "panel score"}"#,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"]["unchanged"], 1);

    // A decimal comma, as the import names it; nothing of the batch written.
    let before = ledger(&app);
    let (s, v) = call(
        &app,
        "POST",
        VALUES,
        Some(&t),
        Some(json!([
            {"indicator": "1100.1", "period": "2023-Q4", "value": 34},
            {"indicator": "1100.1", "period": "2023-Q3", "value": "3,5"}
        ])),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let e = &v["errors"][0];
    assert!(e["message"].as_str().expect("message").contains("decimal comma"), "{v}");
    assert!(e["hint"].is_string(), "{v}");
    assert_eq!(ledger(&app), before, "all or none");

    // Not a value at all.
    let (s, v) = raw(&app, VALUES, &t, r#"{"indicator": "1100.1"}"#).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    let (s, _) = raw(
        &app,
        VALUES,
        &t,
        r#"{"indicator": "1100.1", "period": "2023-Q4", "value": {"x": 1}}"#,
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn roles_and_countries_limit_who_writes_what() {
    let app = app(false);
    let (s, _) = call(
        &app,
        "POST",
        VALUES,
        None,
        Some(json!({"indicator": "1100.1", "period": "2023-Q4", "value": 1})),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let donor = token(&app, "donor").await;
    let (s, _) = call(
        &app,
        "POST",
        VALUES,
        Some(&donor),
        Some(json!({"indicator": "1100.1", "period": "2023-Q4", "value": 1})),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "a viewer reads only");

    let gt = token(&app, "gt").await;
    let peru =
        json!({"indicator": "1111.2", "period": "2023-Q4", "value": 5, "dims": {"sex": "women", "country": "PE"}});
    let (s, v) = call(&app, "POST", VALUES, Some(&gt), Some(peru)).await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    assert!(
        v["error"]["message"].as_str().expect("message").contains("GT only"),
        "{v}"
    );
    let total = json!({"indicator": "1100.1", "period": "2023-Q4", "value": 5});
    let (s, _) = call(&app, "POST", VALUES, Some(&gt), Some(total)).await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "a total over countries is not one country's officer's to write"
    );
    let guate =
        json!({"indicator": "1111.2", "period": "2023-Q4", "value": 5, "dims": {"sex": "women", "country": "GT"}});
    let (s, v) = call(&app, "POST", VALUES, Some(&gt), Some(guate)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert!(
        ledger(&app).contains(",gt\n"),
        "recorded_by is the signed-in user: {}",
        ledger(&app)
    );
}

#[tokio::test]
async fn under_approval_an_enterers_value_waits_and_the_approver_decides() {
    let app = app(true);
    let ana = token(&app, "ana").await;
    let coord = token(&app, "coord").await;
    let (s, v) = call(
        &app,
        "POST",
        VALUES,
        Some(&ana),
        Some(json!({"indicator": "1100.1", "period": "2023-Q4", "value": 40})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["recorded"][0]["review"], "pending");
    assert_eq!(v["outcome"]["pending"], 1);

    let status = |v: &Value| {
        v["indicators"]
            .as_array()
            .expect("indicators")
            .iter()
            .find(|i| i["indicator"] == "1100.1")
            .map(|i| i["to_date_actual"].clone())
            .expect("1100.1")
    };
    let (_, before) = call(
        &app,
        "GET",
        "/api/v1/frameworks/starsom/status?period=2023-Q4",
        Some(&coord),
        None,
    )
    .await;

    let (s, q) = call(&app, "GET", "/api/v1/frameworks/starsom/pending", Some(&ana), None).await;
    assert_eq!(s, StatusCode::OK);
    let item = &q["pending"][0];
    assert_eq!(item["value"], "40");
    assert_eq!(item["recorded_by"], "ana");
    let id = item["id"].as_str().expect("id").to_string();

    // An enterer does not decide; a rejection needs its comment; an
    // unknown id is 404.
    let uri = format!("/api/v1/frameworks/starsom/pending/{id}/approve");
    let (s, _) = call(&app, "POST", &uri, Some(&ana), None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, v) = call(
        &app,
        "POST",
        &format!("/api/v1/frameworks/starsom/pending/{id}/reject"),
        Some(&coord),
        Some(json!({})),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .expect("message")
            .contains("needs a comment")
    );
    let (s, _) = call(
        &app,
        "POST",
        "/api/v1/frameworks/starsom/pending/000000000000/approve",
        Some(&coord),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    let (s, v) = call(&app, "POST", &uri, Some(&coord), None).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["outcome"]["approved"], 1);
    let (_, after) = call(
        &app,
        "GET",
        "/api/v1/frameworks/starsom/status?period=2023-Q4",
        Some(&coord),
        None,
    )
    .await;
    assert_ne!(status(&before), status(&after), "approved, the value counts");
    let (_, q) = call(&app, "GET", "/api/v1/frameworks/starsom/pending", Some(&coord), None).await;
    assert_eq!(q["pending"], json!([]));
    assert!(ledger(&app).contains(",approved,"), "{}", ledger(&app));

    // An approver's own entry counts at once (it replaces m.garcia's 6,
    // which it says so).
    let (s, v) = call(
        &app,
        "POST",
        VALUES,
        Some(&coord),
        Some(json!({"indicator": "1100.1", "period": "2023-Q3", "value": 2, "replace": true})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["recorded"][0]["review"], "counted");
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = app(false);
    let (s, doc) = call(&app, "GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths: Vec<&str> = doc["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    let mut listed: Vec<&str> = logframe::web::openapi::PATHS.to_vec();
    listed.sort();
    let mut described = paths.clone();
    described.sort();
    assert_eq!(described, listed);
    // Every path answers something other than 404 from the router.
    let t = token(&app, "coord").await;
    for p in logframe::web::openapi::PATHS {
        let uri = p
            .replace("{fw}", "starsom")
            .replace("{id}", "000000000000")
            .replace("{action}", "approve");
        let method = if doc["paths"][p]["get"].is_object() {
            "GET"
        } else {
            "POST"
        };
        let (s, v) = call(&app, method, &uri, Some(&t), Some(json!({}))).await;
        assert!(
            s != StatusCode::NOT_FOUND && s != StatusCode::METHOD_NOT_ALLOWED || v["error"]["message"].is_string(),
            "{method} {uri}: {s} {v}"
        );
    }
}

/// Every writing API route for every role: what each may do.
#[tokio::test]
async fn each_role_reaches_exactly_the_api_routes_it_should() {
    let app = app(true);
    let value = json!({"indicator": "1100.1", "period": "2023-Q4", "value": 30});
    // (user, POST values, GET pending, POST approve of an unknown id)
    let table: [(Option<&str>, StatusCode, StatusCode, StatusCode); 5] = [
        (
            None,
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
        ),
        (
            Some("donor"),
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
        ),
        (Some("gt"), StatusCode::FORBIDDEN, StatusCode::OK, StatusCode::FORBIDDEN),
        (Some("ana"), StatusCode::CREATED, StatusCode::OK, StatusCode::FORBIDDEN),
        (
            Some("coord"),
            StatusCode::CREATED,
            StatusCode::OK,
            StatusCode::NOT_FOUND,
        ),
    ];
    for (user, post, pending, approve) in table {
        let t = match user {
            Some(u) => Some(token(&app, u).await),
            None => None,
        };
        let t = t.as_deref();
        let (s, v) = call(&app, "POST", VALUES, t, Some(value.clone())).await;
        // The enterer's value waits for review and counts nowhere, so the
        // approver's same value is still a change to the figures.
        assert_eq!(s, post, "{user:?} POST values: {v}");
        let (s, _) = call(&app, "GET", "/api/v1/frameworks/starsom/pending", t, None).await;
        assert_eq!(s, pending, "{user:?} GET pending");
        let (s, _) = call(
            &app,
            "POST",
            "/api/v1/frameworks/starsom/pending/000000000000/approve",
            t,
            None,
        )
        .await;
        assert_eq!(s, approve, "{user:?} POST approve");
    }
}

/// Whose value is it (issue 17): a value the Guatemala officer recorded is
/// not replaced by a colleague's post unless the body says
/// `"replace": true`; without it, 409 names who recorded it, when, and the
/// old value, and nothing is written.
#[tokio::test]
async fn a_colleagues_value_is_replaced_only_with_replace_true() {
    let app = app(false);
    let gt = token(&app, "gt").await;
    let ana = token(&app, "ana").await;
    let cell = |v: &str| json!({"indicator": "1100.1", "period": "2023-Q4", "value": v, "dims": {"country": "GT"}});
    let (s, v) = call(&app, "POST", VALUES, Some(&gt), Some(cell("4"))).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let before = ledger(&app);

    // ana's 3 would replace gt's 4: refused, with who, when and the old value.
    let (s, v) = call(&app, "POST", VALUES, Some(&ana), Some(cell("3"))).await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    let e = &v["errors"][0];
    let message = e["message"].as_str().expect("a message");
    assert!(message.contains("recorded by gt") && message.contains("= 4"), "{v}");
    assert!(
        e["found"].as_str().expect("found").contains("4 by gt, then 3 by ana"),
        "{v}"
    );
    assert!(e["hint"].as_str().expect("hint").contains("\"replace\": true"), "{v}");
    assert_eq!(v["errors"][1]["message"], "nothing was written", "{v}");
    let r = &v["replaces"][0];
    assert_eq!(r["recorded_by"], "gt");
    assert_eq!(r["value"], "4");
    assert_eq!(r["new_value"], "3");
    assert_eq!(r["dims"]["country"], "GT");
    assert!(r["recorded_at"].as_str().expect("when").ends_with('Z'), "{v}");
    assert_eq!(ledger(&app), before, "nothing written");

    // `"replace": false` is the default; a bad `replace` is the body's error.
    let mut body = cell("3");
    body["replace"] = json!(false);
    let (s, _) = call(&app, "POST", VALUES, Some(&ana), Some(body.clone())).await;
    assert_eq!(s, StatusCode::CONFLICT);
    body["replace"] = json!("yes");
    let (s, v) = call(&app, "POST", VALUES, Some(&ana), Some(body.clone())).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
    assert_eq!(ledger(&app), before);

    // Confirmed, it is written as a correction, by ana.
    body["replace"] = json!(true);
    let (s, v) = call(&app, "POST", VALUES, Some(&ana), Some(body)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["outcome"]["corrections"], 1, "{v}");
    assert!(ledger(&app).contains(",ana\n"), "{}", ledger(&app));

    // A list says it once, beside the values; a value of one's own needs
    // no confirmation.
    let list = json!({"replace": true, "values": [cell("2")]});
    let (s, v) = call(&app, "POST", VALUES, Some(&gt), Some(list)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v) = call(&app, "POST", VALUES, Some(&gt), Some(json!([cell("1")]))).await;
    assert_eq!(s, StatusCode::CREATED, "gt replaces its own value: {v}");
    let (s, v) = call(
        &app,
        "POST",
        VALUES,
        Some(&ana),
        Some(json!({"values": [cell("5")], "period": "x"})),
    )
    .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
}
