//! Round two of `logframe serve`, driven in-process through the router:
//! data entry (errors at their cells in the import's words, all or nothing,
//! pending under approval, the country limit, CSRF), the approver's queue,
//! an indicator's page and the downloads.

mod common;

use std::io::Read;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

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
    dir: tempfile::TempDir,
}

/// STARSOM with `approval: true` in its project section.
fn with_approval(ws: &Path) {
    let path = ws.join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&path).expect("read logframe.yaml");
    let text = text.replacen("\nproject:\n", "\nproject:\n  approval: true\n", 1);
    assert!(text.contains("approval: true"));
    std::fs::write(&path, text).expect("write logframe.yaml");
}

/// STARSOM, with or without approval, and one user of each role; `gt` is an
/// enterer limited to Guatemala.
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
            user("admin", Role::Admin, &[]),
            user("approver", Role::Approver, &[]),
            user("enterer", Role::Enterer, &[]),
            user("viewer", Role::Viewer, &[]),
            user("gt", Role::Enterer, &["GT"]),
        ],
    }
    .save(dir.path())
    .expect("users saved");
    let server = Server::open(dir.path(), Config::default()).expect("server opens");
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

async fn send(app: &App, req: Request<Body>) -> Response<Body> {
    app.router
        .clone()
        .oneshot(local(req))
        .await
        .expect("the router answers")
}

async fn bytes(r: Response<Body>) -> Vec<u8> {
    axum::body::to_bytes(r.into_body(), 1 << 26)
        .await
        .expect("body")
        .to_vec()
}

async fn body(r: Response<Body>) -> String {
    String::from_utf8(bytes(r).await).expect("UTF-8 body")
}

fn get(uri: &str, cookie: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn post(uri: &str, cookie: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let text: String = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(text))
        .expect("request")
}

fn cookie_pair(r: &Response<Body>, name: &str) -> Option<String> {
    r.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().expect("ASCII cookie").to_string())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().expect("pair").to_string())
}

fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[start..].split('"').next().expect("value").to_string()
}

async fn session(app: &App, user: &str) -> String {
    let r = send(app, Request::get("/login").body(Body::empty()).expect("request")).await;
    let nonce = cookie_pair(&r, "logframe_signin").expect("a sign-in cookie");
    let csrf = hidden_csrf(&body(r).await);
    let r = send(
        app,
        post(
            "/login",
            &nonce,
            &[("user", user), ("password", PASSWORD), ("csrf", &csrf)],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{user} signs in");
    cookie_pair(&r, "logframe_session").expect("a session cookie")
}

/// The entry page of `period` as `cookie`, and its CSRF token.
async fn entry_page(app: &App, cookie: &str, period: &str) -> (String, String) {
    let r = send(app, get(&format!("/f/starsom/enter?period={period}"), cookie)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    let csrf = hidden_csrf(&html);
    (html, csrf)
}

async fn save(app: &App, cookie: &str, period: &str, cells: &[(&str, &str)]) -> Response<Body> {
    let (_, csrf) = entry_page(app, cookie, period).await;
    let mut fields = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(cells);
    send(app, post(&format!("/f/starsom/enter?period={period}"), cookie, &fields)).await
}

/// Every ledger file's bytes, to prove nothing was written.
fn ledger_bytes(app: &App) -> Vec<(String, Vec<u8>)> {
    let dir = app.dir.path().join("frameworks/starsom/measurements");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("measurements")
        .map(|e| {
            let p = e.expect("entry").path();
            (p.display().to_string(), std::fs::read(&p).expect("read"))
        })
        .collect();
    out.sort();
    out
}

/// Text as minijinja's HTML escaping writes it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

/// The error messages the row rules give an entry: the import's words.
fn row_errors(app: &App, entry: logframe::app::record::Entry) -> Vec<String> {
    let ws = logframe::app::Workspace::new(app.dir.path());
    let o = ws.open_named("starsom").expect("STARSOM opens");
    logframe::app::record::check(&o.framework, &entry)
        .expect_err("the entry has errors")
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// The HTML of the table cell whose input is named `name`.
fn cell_of<'h>(html: &'h str, name: &str) -> &'h str {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("a field {name}"));
    let start = html[..at].rfind("<td").expect("the cell opens");
    let end = at + html[at..].find("</td>").expect("the cell closes");
    &html[start..end]
}

fn field_value(html: &str, name: &str) -> String {
    let cell = cell_of(html, name);
    let at = cell.find(&format!("name=\"{name}\"")).expect("field");
    let rest = &cell[at..];
    let v = rest.find("value=\"").expect("a value") + 7;
    rest[v..].split('"').next().expect("value").to_string()
}

#[tokio::test]
async fn the_form_is_prefilled_and_a_decimal_comma_shows_its_error_at_its_cell() {
    let app = app(false);
    let enterer = session(&app, "enterer").await;
    let (html, _) = entry_page(&app, &enterer, "2023-Q3").await;
    // Values in force: a total, a country cell, a percentage's parts.
    assert_eq!(field_value(&html, "1200.1|||value"), "140");
    assert_eq!(field_value(&html, "1100.1|||value"), "6");
    assert_eq!(field_value(&html, "1100.1||MX|value"), "2");
    assert_eq!(field_value(&html, "1110.1|women||numerator"), "10");
    assert_eq!(field_value(&html, "1110.1|women||denominator"), "12");
    assert!(html.contains("name=\"1212.1|||value\""), "a milestone's yes/no");
    assert!(html.contains("<option value=\"yes\""));
    assert!(
        html.contains("name=\"1111.2|women|GT|value\""),
        "the sex x country grid"
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains(" style="));
    // Every input has its label.
    for (at, _) in html.match_indices("<input id=\"") {
        let id: String = html[at + 11..].chars().take_while(|c| *c != '"').collect();
        assert!(html.contains(&format!("<label for=\"{id}\">")), "label for {id}");
    }

    let before = ledger_bytes(&app);
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[("1200.1|||value", "3,5"), ("1100.1||GT|value", "4")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(r).await;
    let cell = cell_of(&html, "1200.1|||value");
    let expected = row_errors(
        &app,
        logframe::app::record::Entry {
            indicator: "1200.1".into(),
            period: "2023-Q4".into(),
            value: "3,5".into(),
            ..Default::default()
        },
    );
    assert!(!expected.is_empty());
    for m in &expected {
        assert!(cell.contains(&esc(m)), "the cell shows {m:?}:\n{cell}");
    }
    assert!(cell.contains("aria-invalid=\"true\""), "{cell}");
    assert!(cell.contains("aria-describedby="), "{cell}");
    assert!(cell.contains("value=\"3,5\""), "what was typed stays: {cell}");
    // The good cell keeps what was typed, with no error of its own.
    let good = cell_of(&html, "1100.1||GT|value");
    assert!(
        good.contains("value=\"4\"") && !good.contains("class=\"error\""),
        "{good}"
    );
    assert!(html.contains("Nothing was saved."));
    assert_eq!(ledger_bytes(&app), before, "all or nothing: nothing written");

    // Corrected, both are recorded at once; the unchanged cells are not sent.
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[
            ("1200.1|||value", "3.5"),
            ("1100.1||GT|value", "4"),
            ("1100.1||MX|value", ""),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(
        html.contains("2 new values · 0 corrections · 0 waiting for review"),
        "{html}"
    );
    assert_eq!(field_value(&html, "1200.1|||value"), "3.5");
    let hist = common::run(app.dir.path(), &["history", "starsom", "1200.1", "--period", "2023-Q4"]);
    hist.expect_code(0);
    assert!(
        hist.stdout.contains("3.5") && hist.stdout.contains("enterer"),
        "{}",
        hist.stdout
    );

    // Saving the page again as shown changes nothing.
    let r = save(&app, &enterer, "2023-Q4", &[("1200.1|||value", "3.5")]).await;
    assert!(body(r).await.contains("No value was changed"));
    // A correction is counted as one.
    let r = save(&app, &enterer, "2023-Q4", &[("1200.1|||value", "4")]).await;
    assert!(body(r).await.contains("0 new values · 1 corrections"));
}

#[tokio::test]
async fn a_save_without_the_csrf_token_or_by_a_viewer_is_refused() {
    let app = app(false);
    let enterer = session(&app, "enterer").await;
    let before = ledger_bytes(&app);
    for token in ["", "AAAA"] {
        let r = send(
            &app,
            post(
                "/f/starsom/enter?period=2023-Q4",
                &enterer,
                &[("csrf", token), ("1200.1|||value", "12")],
            ),
        )
        .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "token {token:?}");
    }
    let viewer = session(&app, "viewer").await;
    let r = send(&app, get("/f/starsom/enter?period=2023-Q4", &viewer)).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let page = body(send(&app, get("/", &viewer)).await).await;
    let r = send(
        &app,
        post(
            "/f/starsom/enter?period=2023-Q4",
            &viewer,
            &[("csrf", &hidden_csrf(&page)), ("1200.1|||value", "12")],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(ledger_bytes(&app), before);
}

#[tokio::test]
async fn a_user_limited_to_countries_enters_only_theirs() {
    let app = app(false);
    let gt = session(&app, "gt").await;
    let (html, _) = entry_page(&app, &gt, "2023-Q4").await;
    assert!(html.contains("name=\"1100.1||GT|value\""));
    assert!(!html.contains("||MX|"), "no other country's cell");
    assert!(!html.contains("name=\"1200.1|||value\""), "no total");
    let before = ledger_bytes(&app);
    for cell in ["1100.1||MX|value", "1111.2|women|HN|value"] {
        let r = save(&app, &gt, "2023-Q4", &[("1100.1||GT|value", "2"), (cell, "5")]).await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{cell}");
    }
    assert_eq!(ledger_bytes(&app), before);
    let r = save(&app, &gt, "2023-Q4", &[("1100.1||GT|value", "2")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(body(r).await.contains("1 new values"));
}

/// The ids of the queue's items, from its forms.
fn queue_ids(html: &str) -> Vec<String> {
    html.match_indices("/pending/")
        .filter_map(|(at, _)| {
            let rest = &html[at + 9..];
            let id: String = rest.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
            rest[id.len()..].starts_with("/approve").then_some(id)
        })
        .collect()
}

#[tokio::test]
async fn under_approval_an_enterers_values_wait_for_the_approver() {
    let app = app(true);
    let enterer = session(&app, "enterer").await;
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[("1100.1||GT|value", "4"), ("1100.1||HN|value", "3")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(
        html.contains("2 new values · 0 corrections · 2 waiting for review"),
        "{html}"
    );
    assert!(cell_of(&html, "1100.1||GT|value").contains("Waiting for review: 4"));

    // The enterer has no queue; the approver's shows both beside what they replace.
    assert_eq!(
        send(&app, get("/f/starsom/pending", &enterer)).await.status(),
        StatusCode::FORBIDDEN
    );
    let approver = session(&app, "approver").await;
    let html = body(send(&app, get("/f/starsom/pending", &approver)).await).await;
    let ids = queue_ids(&html);
    assert_eq!(ids.len(), 2, "{html}");
    assert!(
        html.contains("<td>Guatemala (GT)</td>") && html.contains("enterer"),
        "the country by its name: {html}"
    );
    let csrf = hidden_csrf(&html);

    // Without its token, nothing is decided.
    let r = send(
        &app,
        post(
            &format!("/f/starsom/pending/{}/approve", ids[0]),
            &approver,
            &[("csrf", "x")],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A rejection without a comment: the error at that item's comment field.
    let r = send(
        &app,
        post(
            &format!("/f/starsom/pending/{}/reject", ids[1]),
            &approver,
            &[("csrf", &csrf), ("comment", "  ")],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = body(r).await;
    assert!(html.contains(&format!("id=\"err-{}\"", ids[1])), "{html}");
    assert!(html.contains(&format!("aria-describedby=\"err-{}\"", ids[1])));
    assert!(html.contains("A rejection needs a comment"));
    assert_eq!(queue_ids(&html).len(), 2, "still waiting");

    let r = send(
        &app,
        post(
            &format!("/f/starsom/pending/{}/approve", ids[0]),
            &approver,
            &[("csrf", &csrf)],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let r = send(
        &app,
        post(
            &format!("/f/starsom/pending/{}/reject", ids[1]),
            &approver,
            &[("csrf", &csrf), ("comment", "HN counts Q3 too")],
        ),
    )
    .await;
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let html = body(send(&app, get("/f/starsom/pending", &approver)).await).await;
    assert!(queue_ids(&html).is_empty());
    assert!(html.contains("Nothing is waiting for review."));

    // The enterer sees the rejection and its comment beside the cell; the
    // approved value is in force.
    let (html, _) = entry_page(&app, &enterer, "2023-Q4").await;
    let hn = cell_of(&html, "1100.1||HN|value");
    assert!(hn.contains("Rejected by approver: HN counts Q3 too"), "{hn}");
    assert_eq!(field_value(&html, "1100.1||GT|value"), "4");
    assert_eq!(field_value(&html, "1100.1||HN|value"), "");
    // The indicator's page shows the trail with its review states.
    let html = body(send(&app, get("/f/starsom/i/1100.1?period=2023-Q4", &enterer)).await).await;
    assert!(html.contains("entered, approved by approver"), "{html}");
    assert!(html.contains("rejection by approver: HN counts Q3 too"), "{html}");
    assert!(html.contains("How the figure is obtained"));

    // An approver's own entry is in force at once.
    let r = save(&app, &approver, "2023-Q4", &[("1100.1||PA|value", "1")]).await;
    assert!(
        body(r)
            .await
            .contains("1 new values · 0 corrections · 0 waiting for review")
    );
}

#[tokio::test]
async fn the_indicator_page_shows_the_trail_and_the_explanation() {
    let app = app(false);
    let viewer = session(&app, "viewer").await;
    let r = send(&app, get("/f/starsom/i/1200.1?period=2023-Q3", &viewer)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(html.contains("140") && html.contains("j.tremblay") && html.contains("in force"));
    let explain = common::run(app.dir.path(), &["explain", "starsom", "1200.1", "--period", "2023-Q3"]);
    explain.expect_code(0);
    let first = explain.stdout.lines().next().expect("a first line");
    assert!(html.contains(&esc(first)), "the explanation is `explain`'s: {first}");
    let dash = body(send(&app, get("/f/starsom?period=2023-Q3", &viewer)).await).await;
    assert!(
        dash.contains("href=\"/f/starsom/i/1200.1?period=2023-Q3\""),
        "dashboard rows link"
    );
    assert_eq!(
        send(&app, get("/f/starsom/i/9999.9", &viewer)).await.status(),
        StatusCode::NOT_FOUND
    );
}

fn disposition(r: &Response<Body>) -> String {
    r.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .expect("ASCII")
        .to_string()
}

#[tokio::test]
async fn a_viewer_downloads_the_report_the_iptt_and_iati() {
    let app = app(false);
    let viewer = session(&app, "viewer").await;

    let r = send(
        &app,
        get("/f/starsom/download/report.pdf?period=2023-Q3&lang=fr", &viewer),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(disposition(&r), "attachment; filename=\"starsom-2023-Q3.fr.pdf\"");
    assert!(bytes(r).await.starts_with(b"%PDF"));

    let r = send(&app, get("/f/starsom/download/report-md.zip?period=2023-Q3", &viewer)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()[header::CONTENT_TYPE], "application/zip");
    assert_eq!(disposition(&r), "attachment; filename=\"starsom-2023-Q3.zip\"");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes(r).await)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(|n| n.expect("a name").into_owned()).collect();
    assert!(names.contains(&"starsom-2023-Q3.md".to_string()), "{names:?}");
    let charts: Vec<&String> = names.iter().filter(|n| n.ends_with(".svg")).collect();
    assert!(charts.len() > 3, "{names:?}");
    let mut md = String::new();
    zip.by_name("starsom-2023-Q3.md")
        .expect("the md")
        .read_to_string(&mut md)
        .expect("UTF-8");
    for c in &charts {
        assert!(md.contains(c.as_str()), "the md links {c}");
    }
    let mut svg = String::new();
    zip.by_name(charts[0])
        .expect("a chart")
        .read_to_string(&mut svg)
        .expect("UTF-8");
    assert!(svg.contains("<svg"));

    let r = send(&app, get("/f/starsom/download/iptt.xlsx", &viewer)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(disposition(&r), "attachment; filename=\"starsom-iptt.xlsx\"");
    let xlsx = bytes(r).await;
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("xlsx opens");
    let sheets = wb.sheet_names();
    assert!(!sheets.is_empty());
    let range = wb.worksheet_range(&sheets[0]).expect("a sheet");
    assert!(range.rows().count() > 3);

    let r = send(&app, get("/f/starsom/download/iptt.csv", &viewer)).await;
    assert_eq!(r.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let csv = body(r).await;
    let cli = common::run(app.dir.path(), &["compare", "starsom", "--format", "csv"]);
    cli.expect_code(0);
    assert_eq!(csv, cli.stdout, "the CSV is `compare --format csv`'s");

    let r = send(&app, get("/f/starsom/download/iati.xml", &viewer)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(disposition(&r), "attachment; filename=\"starsom-iati.xml\"");
    let xml = body(r).await;
    assert!(
        xml.starts_with("<?xml") && xml.contains("<iati-activities"),
        "{}",
        &xml[..200.min(xml.len())]
    );

    for file in ["report.exe", "..%2Flogframe.yaml", "logframe.yaml"] {
        let r = send(&app, get(&format!("/f/starsom/download/{file}"), &viewer)).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{file}");
    }
    let r = send(&app, get("/f/starsom/download/report.pdf?period=2023-Q9", &viewer)).await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

/// Text of minijinja's HTML escaping, read back (the `confirm` fields).
fn unesc(s: &str) -> String {
    s.replace("&#x2f;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `confirm` fields of a confirmation page.
fn confirms(html: &str) -> Vec<String> {
    html.match_indices("name=\"confirm\" value=\"")
        .map(|(at, m)| unesc(html[at + m.len()..].split('"').next().expect("value")))
        .collect()
}

/// Whose value is it (issue 17): the Guatemala officer's 4 is not replaced
/// by a colleague's 3 until the colleague confirms, having seen who
/// recorded it, when, and 4 -> 3; a cell with an error still refuses the
/// whole save; a confirmation of another value than the one in force asks
/// again.
#[tokio::test]
async fn a_colleagues_value_is_replaced_only_after_confirming() {
    let app = app(false);
    let gt = session(&app, "gt").await;
    let r = save(&app, &gt, "2023-Q4", &[("1100.1||GT|value", "4")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    let (html, _) = entry_page(&app, &gt, "2023-Q4").await;
    assert!(
        html.contains("<th scope=\"row\">Guatemala (GT)</th>"),
        "the row by its name and code"
    );
    let before = ledger_bytes(&app);

    let enterer = session(&app, "enterer").await;
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[("1100.1||GT|value", "3"), ("1100.1||HN|value", "2")],
    )
    .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let html = body(r).await;
    assert_eq!(ledger_bytes(&app), before, "nothing written before confirming");
    assert!(html.contains("Values someone else recorded"), "{html}");
    let cell = cell_of(&html, "1100.1||GT|value");
    assert!(cell.contains("has-replace"), "{cell}");
    assert!(cell.contains("Recorded by gt ("), "{cell}");
    assert!(cell.contains("UTC): 4 → 3"), "who, when, old -> new: {cell}");
    assert!(cell.contains("value=\"3\""), "what was typed stays: {cell}");
    assert!(
        !cell_of(&html, "1100.1||HN|value").contains("has-replace"),
        "a new value is not asked about"
    );
    assert!(html.contains("<input type=\"checkbox\" id=\"replace\" name=\"replace\" value=\"1\">"));
    let confirm = confirms(&html);
    assert_eq!(confirm.len(), 1, "{html}");
    assert!(confirm[0].starts_with("1100.1||GT\tgt\t"), "{:?}", confirm[0]);

    // Saving again without ticking the box, or ticking it with another
    // cell's error, writes nothing.
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[("1100.1||GT|value", "3"), ("confirm", &confirm[0])],
    )
    .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[
            ("1100.1||GT|value", "3"),
            ("1200.1|||value", "3,5"),
            ("replace", "1"),
            ("confirm", &confirm[0]),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A confirmation of a value that is not the one in force asks again.
    let stale = confirm[0].replace("\t4", "\t5");
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[("1100.1||GT|value", "3"), ("replace", "1"), ("confirm", &stale)],
    )
    .await;
    assert_eq!(r.status(), StatusCode::CONFLICT);
    assert_eq!(ledger_bytes(&app), before);

    // Confirmed: written, as a correction by the enterer.
    let r = save(
        &app,
        &enterer,
        "2023-Q4",
        &[
            ("1100.1||GT|value", "3"),
            ("1100.1||HN|value", "2"),
            ("replace", "1"),
            ("confirm", &confirm[0]),
        ],
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(html.contains("1 new values · 1 corrections"), "{html}");
    assert_eq!(field_value(&html, "1100.1||GT|value"), "3");
    let hist = common::run(app.dir.path(), &["history", "starsom", "1100.1", "--period", "2023-Q4"]);
    hist.expect_code(0);
    assert!(
        hist.stdout.contains("enterer") && hist.stdout.contains("gt"),
        "{}",
        hist.stdout
    );
}

/// The figures of one table row of the dashboard's country view.
fn country_row(html: &str, id: &str) -> Vec<String> {
    let at = html
        .find(&format!("id=\"country-{id}\""))
        .unwrap_or_else(|| panic!("a row {id}"));
    let row = &html[at..at + html[at..].find("</tr>").expect("the row closes")];
    row.match_indices("<td class=\"num\">")
        .map(|(i, m)| row[i + m.len()..].split('<').next().expect("a figure").to_string())
        .collect()
}

/// A country officer's dashboard opens on her country's figures, the same
/// as `status --dim country=GT`. By hand from the STARSOM ledger: 1100.2 GT
/// has 1 in 2022-Q3 and 1 in 2023-Q3, summed: 1 in the period, 2 to date;
/// 1100.1 GT has 1 (2022-Q1) + 2 (2022-Q3) + 2 (2023-Q2) = 5 to date and
/// nothing in 2023-Q3.
#[tokio::test]
async fn a_country_officer_sees_her_countrys_figures() {
    let app = app(false);
    let gt = session(&app, "gt").await;
    let r = send(&app, get("/f/starsom?period=2023-Q3", &gt)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let html = body(r).await;
    assert!(html.contains("<h2 id=\"h-country\">Guatemala (GT)</h2>"), "{html}");
    assert!(
        html.contains("<option value=\"GT\" selected>Guatemala (GT)</option>"),
        "{html}"
    );
    assert!(html.contains("<option value=\"HN\">Honduras (HN)</option>"));
    assert_eq!(country_row(&html, "1100.2"), ["1", "2"]);
    assert_eq!(country_row(&html, "1100.1"), ["", "5"]);
    assert!(html.contains("Not broken down by country") && html.contains("1200.1"));
    let cli = common::run(
        app.dir.path(),
        &["status", "starsom", "--dim", "country=GT", "--period", "2023-Q3"],
    );
    cli.expect_code(0);
    let line = cli
        .stdout
        .lines()
        .find(|l| l.starts_with("1100.2 "))
        .expect("1100.2 in status");
    let figures: Vec<&str> = line.split_whitespace().rev().take(2).collect();
    assert_eq!(figures, ["2", "1"], "status --dim country=GT: {line}");
    assert!(html.contains("href=\"/f/starsom?period=2023-Q3&amp;country=all\">Whole project</a>"));

    // The whole project, by the link; another country by the drop-down.
    let html = body(send(&app, get("/f/starsom?period=2023-Q3&country=all", &gt)).await).await;
    assert!(html.contains("id=\"h-status\"") && !html.contains("id=\"h-country\""));
    let html = body(send(&app, get("/f/starsom?period=2023-Q3&country=HN", &gt)).await).await;
    assert!(html.contains("<h2 id=\"h-country\">Honduras (HN)</h2>"));
    // A user for every country sees the whole project first.
    let viewer = session(&app, "viewer").await;
    let html = body(send(&app, get("/f/starsom?period=2023-Q3", &viewer)).await).await;
    assert!(html.contains("id=\"h-status\"") && !html.contains("id=\"h-country\""));
    assert_eq!(
        send(&app, get("/f/starsom?country=ZZ", &viewer)).await.status(),
        StatusCode::BAD_REQUEST
    );
    // The users page names her country too.
    let admin = session(&app, "admin").await;
    let html = body(send(&app, get("/admin/users", &admin)).await).await;
    assert!(html.contains("<td>Guatemala (GT)</td>"), "{html}");
}

/// A write the ledger takes with a warning says so on the page: here
/// Guatemala's part under a total someone else recorded (issue 17: parts
/// logged after a coordinator's provisional total are written, and the
/// total is named).
#[tokio::test]
async fn a_saved_value_shows_the_writes_warnings() {
    let app = app(false);
    let enterer = session(&app, "enterer").await;
    let r = save(&app, &enterer, "2023-Q4", &[("1100.1|||value", "10")]).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        !body(r).await.contains("class=\"warnings\""),
        "a total alone: no warning"
    );
    let gt = session(&app, "gt").await;
    let r = save(&app, &gt, "2023-Q4", &[("1100.1||GT|value", "4")]).await;
    assert_eq!(r.status(), StatusCode::OK, "written");
    let html = unesc(&body(r).await);
    assert!(html.contains("1 new values"), "{html}");
    let notice = &html[html
        .find("id=\"warnings\"")
        .expect("the warnings beside the saved notice")..];
    let notice = &notice[..notice.find("</div>").expect("its end")];
    assert!(notice.contains("Written, but worth a look:"), "{notice}");
    assert!(notice.contains("(total) = 10"), "the total is named: {notice}");
    assert!(notice.contains("recorded by enterer"), "and who recorded it: {notice}");
}
