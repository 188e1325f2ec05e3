//! `logframe serve` under load, over loopback, as a real process: many
//! clients pushing values at once while officers record at the terminal,
//! and a `kill -9` in the middle of it. Nothing answered 201 may be lost,
//! nothing may be written twice, and the ledger must still read.
//!
//! Bounded (50 clients x 20 values by default; LOGFRAME_LOAD_CLIENTS and
//! LOGFRAME_LOAD_VALUES change it) and not timed: the latencies are
//! printed, never asserted.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use logframe::users::{Role, UiLang, User, Users, hash_password};
use serde_json::{Value, json};

const PASSWORD: &str = "a long enough password";

fn size(var: &str, default: usize) -> usize {
    std::env::var(var).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A workspace with STARSOM and an approver who enters values.
fn workspace() -> tempfile::TempDir {
    let dir = common::workspace(&["starsom"]);
    Users {
        users: vec![User {
            name: "coord".into(),
            role: Role::Approver,
            lang: UiLang::En,
            frameworks: vec![],
            countries: vec![],
            password_hash: hash_password(PASSWORD).expect("hash"),
        }],
    }
    .save(dir.path())
    .expect("users");
    dir
}

/// `logframe serve` on a free port; the child and its base URL.
fn start(ws: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_logframe"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .current_dir(ws)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the server prints its URL");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .trim_end_matches('/')
        .to_string();
    (child, url)
}

type Http = Client<HttpConnector, Full<Bytes>>;

async fn post(client: &Http, url: &str, token: Option<&str>, body: Value) -> Result<(u16, Value), String> {
    let mut req = hyper::Request::post(url).header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let req = req
        .body(Full::new(Bytes::from(body.to_string())))
        .map_err(|e| e.to_string())?;
    let res = client.request(req).await.map_err(|e| e.to_string())?;
    let status = res.status().as_u16();
    let bytes = res.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok((status, serde_json::from_slice(&bytes).unwrap_or(Value::Null)))
}

async fn token(client: &Http, base: &str) -> String {
    let (s, v) = post(
        client,
        &format!("{base}/api/v1/session"),
        None,
        json!({"user": "coord", "password": PASSWORD}),
    )
    .await
    .expect("sign in");
    assert_eq!(s, 200, "{v}");
    v["token"].as_str().expect("token").to_string()
}

/// Every client sends its values one after another; each answer's status
/// and latency, with the comment that names the value.
async fn load(base: &str, token: &str, clients: usize, values: usize) -> Vec<(String, Result<u16, String>, Duration)> {
    let client: Http = Client::builder(TokioExecutor::new()).build_http();
    let mut tasks = Vec::new();
    for c in 0..clients {
        let client = client.clone();
        let url = format!("{base}/api/v1/frameworks/starsom/values");
        let token = token.to_string();
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            for i in 0..values {
                let comment = format!("load c{c} v{i}");
                let body = json!({"indicator": "1100.1", "period": "2023-Q4", "value": (c * values + i) % 40, "comment": comment});
                let t = Instant::now();
                let r = post(&client, &url, Some(&token), body).await.map(|(s, _)| s);
                let failed = r.is_err();
                out.push((comment, r, t.elapsed()));
                if failed {
                    break;
                }
            }
            out
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("client task"));
    }
    all
}

fn ledger(ws: &Path) -> String {
    std::fs::read_to_string(ws.join("frameworks/starsom/measurements/ledger.csv")).unwrap_or_default()
}

fn times(label: &str, mut d: Vec<Duration>) {
    d.sort();
    if d.is_empty() {
        return;
    }
    let at = |q: f64| d[((d.len() - 1) as f64 * q) as usize];
    eprintln!(
        "{label}: {} answers, p50 {:?}, p95 {:?}, max {:?}",
        d.len(),
        at(0.5),
        at(0.95),
        d[d.len() - 1]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_web_and_terminal_writers_lose_nothing() {
    let ws = workspace();
    let (mut server, base) = start(ws.path());
    let client: Http = Client::builder(TokioExecutor::new()).build_http();
    let token = token(&client, &base).await;
    let (clients, values) = (size("LOGFRAME_LOAD_CLIENTS", 50), size("LOGFRAME_LOAD_VALUES", 20));

    // Officers at the terminal record at the same time.
    let root = ws.path().to_path_buf();
    let terminal = std::thread::spawn(move || {
        (0..10)
            .map(|k| {
                common::run(
                    &root,
                    &[
                        "record",
                        "starsom",
                        "1100.1",
                        "--period",
                        "2023-Q3",
                        "--value",
                        &k.to_string(),
                        "--comment",
                        &format!("terminal {k}"),
                        // The web's officers write the same key: replacing
                        // a colleague's value is asked for explicitly.
                        "--replace",
                    ],
                )
                .code
            })
            .collect::<Vec<i32>>()
    });
    let answers = load(&base, &token, clients, values).await;
    let codes = terminal.join().expect("terminal thread");
    let _ = server.kill();
    let _ = server.wait();

    assert_eq!(codes, vec![0; 10], "every terminal record succeeded");
    assert_eq!(answers.len(), clients * values);
    let text = ledger(ws.path());
    for (comment, r, _) in &answers {
        assert_eq!(r.as_ref().ok(), Some(&201), "{comment}: {r:?}");
        assert_eq!(
            text.matches(&format!(",{comment},")).count(),
            1,
            "{comment} written once"
        );
    }
    for k in 0..10 {
        assert_eq!(text.matches(&format!(",terminal {k},")).count(), 1, "terminal {k} kept");
    }
    times(
        "POST values under load",
        answers.into_iter().map(|(_, _, d)| d).collect(),
    );
    // The ledger reads without errors (the terminal's 2023-Q3 totals do not
    // match that period's breakdown by country: a warning, as it should be).
    let check = common::run(ws.path(), &["check", "starsom"]);
    assert!(check.stdout.contains(": 0 errors"), "{}{}", check.stdout, check.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_value_answered_201_survives_kill_9_of_the_server() {
    let ws = workspace();
    let (mut server, base) = start(ws.path());
    let client: Http = Client::builder(TokioExecutor::new()).build_http();
    let tok = token(&client, &base).await;
    let (clients, values) = (
        size("LOGFRAME_LOAD_CLIENTS", 50).min(20),
        size("LOGFRAME_LOAD_VALUES", 20),
    );
    let run = tokio::spawn({
        let base = base.clone();
        async move { load(&base, &tok, clients, values).await }
    });
    // Kill the server (SIGKILL) once some values are in.
    let started = Instant::now();
    while ledger(ws.path()).matches(",load c").count() < clients && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    server.kill().expect("kill -9");
    let _ = server.wait();
    let answers = run.await.expect("load");
    let text = ledger(ws.path());
    let answered: Vec<&String> = answers
        .iter()
        .filter(|(_, r, _)| r.as_ref().ok() == Some(&201))
        .map(|(c, _, _)| c)
        .collect();
    assert!(!answered.is_empty(), "some values were answered before the kill");
    assert!(answered.len() < clients * values, "the kill came before the end");
    for comment in &answered {
        assert_eq!(
            text.matches(&format!(",{comment},")).count(),
            1,
            "{comment} was answered 201 and is kept"
        );
    }
    eprintln!("{} values answered 201 before kill -9, all kept", answered.len());
    // The ledger reads, and a new server takes writes again.
    common::run(ws.path(), &["check", "starsom"]).expect_code(0);
    let (mut again, base) = start(ws.path());
    let fresh = token(&client, &base).await;
    let (s, v) = post(
        &client,
        &format!("{base}/api/v1/frameworks/starsom/values"),
        Some(&fresh),
        json!({"indicator": "1100.1", "period": "2023-Q4", "value": 1, "comment": "after the kill"}),
    )
    .await
    .expect("post");
    assert_eq!(s, 201, "{v}");
    let _ = again.kill();
    let _ = again.wait();
}
