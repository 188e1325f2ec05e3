//! `logframe serve` in a real browser: headless Chromium driven through
//! WebDriver (Debian's `chromium` and `chromium-driver`). An enterer signs
//! in and enters STARSOM 2023-Q4 values, a decimal comma among them, sees
//! the error at its cell, corrects it and saves; the approver approves; a
//! viewer downloads the PDF. A screenshot of each page is written to
//! `target/web-screenshots/` for review.
//!
//! Without `/usr/bin/chromedriver` and `/usr/bin/chromium` the test says
//! SKIPPED and passes.

mod common;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use logframe::users::{Role, UiLang, User, Users, hash_password};
use logframe::web::{self, Config, Server};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PASSWORD: &str = "a long enough password";

/// chromedriver, ended when the test ends (passing or not).
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start_driver() -> (Driver, u16) {
    let port = free_port();
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Driver(child);
    let until = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < until, "chromedriver listens within 20 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    (driver, port)
}

fn workspace() -> tempfile::TempDir {
    let dir = common::workspace(&["starsom"]);
    let path = dir.path().join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&path).expect("read logframe.yaml");
    std::fs::write(
        &path,
        text.replacen("\nproject:\n", "\nproject:\n  approval: true\n", 1),
    )
    .expect("write");
    let hash = hash_password(PASSWORD).expect("hash");
    let user = |name: &str, role: Role| User {
        name: name.into(),
        role,
        lang: UiLang::En,
        frameworks: vec![],
        countries: vec![],
        password_hash: hash.clone(),
    };
    // The Guatemala officer reads French.
    let gt = User {
        lang: UiLang::Fr,
        countries: vec!["GT".into()],
        ..user("gt", Role::Enterer)
    };
    Users {
        users: vec![
            user("enterer", Role::Enterer),
            user("approver", Role::Approver),
            user("viewer", Role::Viewer),
            gt,
        ],
    }
    .save(dir.path())
    .expect("users saved");
    dir
}

struct Shots {
    dir: PathBuf,
    n: usize,
}

impl Shots {
    async fn take(&mut self, c: &Client, name: &str) {
        self.n += 1;
        let png = c.screenshot().await.expect("a screenshot");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        let path = self.dir.join(format!("{:02}-{name}.png", self.n));
        std::fs::write(&path, png).expect("screenshot written");
    }
}

async fn sign_in(c: &Client, base: &str, user: &str) {
    c.goto(&format!("{base}/login")).await.expect("the sign-in page");
    c.find(Locator::Id("user"))
        .await
        .expect("user")
        .send_keys(user)
        .await
        .expect("typed");
    c.find(Locator::Id("password"))
        .await
        .expect("password")
        .send_keys(PASSWORD)
        .await
        .expect("typed");
    c.find(Locator::Css("form.signin button"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    wait_for(c, "form.signout").await;
}

async fn sign_out(c: &Client) {
    c.find(Locator::Css("form.signout button"))
        .await
        .expect("sign out")
        .click()
        .await
        .expect("click");
    wait_for(c, "form.signin").await;
}

async fn field(c: &Client, name: &str) -> fantoccini::elements::Element {
    c.find(Locator::Css(&format!("[name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("the field {name}: {e}"))
}

async fn scroll_to(c: &Client, e: &fantoccini::elements::Element) {
    let arg = serde_json::to_value(e).expect("an element as JSON");
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg])
        .await
        .expect("scrolled");
}

/// The element `css` once the page that has it is loaded.
async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} appears: {e}"))
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css)).await.expect(css).text().await.expect("text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enter_correct_approve_and_download_in_a_real_browser() {
    if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
        println!("SKIPPED: {CHROMEDRIVER} or {CHROMIUM} is not installed");
        return;
    }
    let ws = workspace();
    let server = Server::open(ws.path(), Config::default()).expect("server opens");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let app = web::router(Arc::new(server)).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let (_driver, port) = start_driver();
    let profile = tempfile::tempdir().expect("a profile folder");
    let downloads = tempfile::tempdir().expect("a download folder");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                format!("--user-data-dir={}", profile.path().display()),
            ],
            "prefs": {
                "download.default_directory": downloads.path().display().to_string(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    c.set_window_size(1366, 1000).await.expect("window size");
    let dir = common::root().join("target/web-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    let mut shots = Shots { dir, n: 0 };

    // The enterer: a decimal comma is refused at its cell, nothing saved.
    c.goto(&format!("{base}/login")).await.expect("sign-in page");
    shots.take(&c, "sign-in").await;
    sign_in(&c, &base, "enterer").await;
    c.goto(&format!("{base}/f/starsom/enter?period=2023-Q4"))
        .await
        .expect("entry page");
    shots.take(&c, "entry").await;
    field(&c, "1200.1|||value").await.send_keys("3,5").await.expect("typed");
    field(&c, "1100.1||GT|value").await.send_keys("4").await.expect("typed");
    field(&c, "1100.1||HN|value").await.send_keys("3").await.expect("typed");
    c.find(Locator::Css("form.entry button[type=submit]"))
        .await
        .expect("save")
        .click()
        .await
        .expect("click");
    wait_for(&c, "#errors").await;
    let bad = field(&c, "1200.1|||value").await;
    assert_eq!(bad.attr("aria-invalid").await.expect("attr").as_deref(), Some("true"));
    let err_id = bad
        .attr("aria-describedby")
        .await
        .expect("attr")
        .expect("described by its error");
    let err = text_of(&c, &format!("#{err_id}")).await;
    assert!(err.contains("3,5"), "the error names what was typed: {err}");
    assert!(text_of(&c, "#errors").await.contains("Nothing was saved."));
    assert_eq!(
        field(&c, "1100.1||GT|value")
            .await
            .prop("value")
            .await
            .expect("prop")
            .as_deref(),
        Some("4")
    );
    scroll_to(&c, &bad).await;
    shots.take(&c, "entry-error").await;
    c.set_window_size(820, 1100).await.expect("tablet width");
    shots.take(&c, "entry-error-820px").await;
    c.set_window_size(1366, 1000).await.expect("laptop width");

    // Corrected and saved: three values wait for review.
    bad.clear().await.expect("cleared");
    bad.send_keys("3.5").await.expect("typed");
    c.find(Locator::Css("form.entry button[type=submit]"))
        .await
        .expect("save")
        .click()
        .await
        .expect("click");
    let saved = wait_for(&c, "#saved").await.text().await.expect("text");
    assert!(
        saved.contains("3 new values") && saved.contains("3 waiting for review"),
        "{saved}"
    );
    shots.take(&c, "entry-saved").await;
    sign_out(&c).await;

    // The approver approves each value from the queue.
    sign_in(&c, &base, "approver").await;
    c.goto(&format!("{base}/f/starsom/pending")).await.expect("queue");
    assert_eq!(c.find_all(Locator::Css("tr.queue-item")).await.expect("items").len(), 3);
    shots.take(&c, "queue").await;
    for left in (0..3).rev() {
        c.find(Locator::Css("tr.queue-item form button"))
            .await
            .expect("an approve button")
            .click()
            .await
            .expect("click");
        let until = Instant::now() + Duration::from_secs(30);
        while c.find_all(Locator::Css("tr.queue-item")).await.expect("items").len() != left {
            assert!(Instant::now() < until, "the queue holds {left} after an approval");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    assert!(
        c.source()
            .await
            .expect("page")
            .contains("Nothing is waiting for review.")
    );
    shots.take(&c, "queue-empty").await;
    c.goto(&format!("{base}/f/starsom/i/1200.1?period=2023-Q4"))
        .await
        .expect("indicator page");
    let page = c.source().await.expect("page");
    assert!(
        page.contains("entered, approved by approver"),
        "the trail shows the approval"
    );
    shots.take(&c, "indicator").await;

    // m.garcia's 2 for Guatemala in 2023-Q2 is not replaced until the
    // approver ticks the box, having seen who recorded it and 2 -> 3.
    c.goto(&format!("{base}/f/starsom/enter?period=2023-Q2"))
        .await
        .expect("entry page");
    let gt = field(&c, "1100.1||GT|value").await;
    gt.clear().await.expect("cleared");
    gt.send_keys("3").await.expect("typed");
    c.find(Locator::Css("form.entry button[type=submit]"))
        .await
        .expect("save")
        .click()
        .await
        .expect("click");
    let ask = wait_for(&c, "#confirm").await.text().await.expect("text");
    assert!(ask.contains("m.garcia") && ask.contains("2 → 3"), "{ask}");
    shots.take(&c, "entry-confirm").await;
    let cell = c.find(Locator::Css("td.has-replace")).await.expect("the marked cell");
    scroll_to(&c, &cell).await;
    shots.take(&c, "entry-confirm-cell").await;
    c.find(Locator::Id("replace"))
        .await
        .expect("the box")
        .click()
        .await
        .expect("ticked");
    c.find(Locator::Css("#confirm button[type=submit]"))
        .await
        .expect("save")
        .click()
        .await
        .expect("click");
    let saved = wait_for(&c, "#saved").await.text().await.expect("text");
    assert!(saved.contains("1 corrections"), "{saved}");
    sign_out(&c).await;

    // The Guatemala officer's dashboard opens on Guatemala, in French.
    sign_in(&c, &base, "gt").await;
    c.goto(&format!("{base}/f/starsom?period=2023-Q3"))
        .await
        .expect("dashboard");
    let heading = text_of(&c, "#h-country").await;
    assert_eq!(heading, "Guatemala (GT)");
    shots.take(&c, "country-view").await;
    sign_out(&c).await;

    // The viewer reads the dashboard, now counting 3.5, and downloads the PDF.
    sign_in(&c, &base, "viewer").await;
    c.goto(&format!("{base}/f/starsom?period=2023-Q4"))
        .await
        .expect("dashboard");
    shots.take(&c, "dashboard").await;
    let pdf_button = c
        .find(Locator::Css("form[action$='/download/report.pdf'] button"))
        .await
        .expect("the PDF button");
    scroll_to(&c, &pdf_button).await;
    shots.take(&c, "downloads").await;
    pdf_button.click().await.expect("click");
    let until = Instant::now() + Duration::from_secs(60);
    let pdf = loop {
        let done: Vec<PathBuf> = std::fs::read_dir(downloads.path())
            .expect("download folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        if let Some(p) = done.first() {
            break p.clone();
        }
        assert!(Instant::now() < until, "the PDF arrives within 60 s");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(pdf.file_name().and_then(|n| n.to_str()), Some("starsom-2023-Q4.pdf"));
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    c.close().await.expect("the session closes");
    println!("screenshots: {}", shots.dir.display());
}
