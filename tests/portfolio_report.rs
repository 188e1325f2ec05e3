//! Issue 16, the portfolio report (`report --portfolio`): a golden
//! Markdown of the shipped portfolio, French and Spanish with no English
//! label left, the PDF (text checked with `pdftotext` when present),
//! byte-identical output for equal inputs, and JSON totals equal to
//! `logframe portfolio`'s.

mod common;

use std::path::Path;

use common::{assert_golden, copy_dir, root, run, run_env, tests_dir};
use serde_json::Value as Json;

/// A temporary workspace holding every shipped framework and standards.yaml.
fn shipped() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("frameworks"), &dir.path().join("frameworks"));
    dir
}

/// Run `report --portfolio --period 2023-Q4` with `args` into `out`.
fn report(ws: &Path, out: &str, args: &[&str]) {
    let mut all = vec!["report", "--portfolio", "--period", "2023-Q4", "--out", out];
    all.extend_from_slice(args);
    let r = run_env(ws, &all, &[("SOURCE_DATE_EPOCH", "1700000000")]);
    r.expect_code(0);
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

#[test]
fn the_shipped_portfolio_report_matches_its_golden_markdown() {
    let ws = shipped();
    report(ws.path(), "out", &["--format", "md"]);
    let out = ws.path().join("out");
    let md = read(&out.join("portfolio-2023-12-31.md"));
    assert_golden(&tests_dir().join("golden/portfolio_report_2023-Q4.md"), &md);
    // One chart per standard that adds up, where the Markdown links it.
    for code in ["MS-TRAINED", "MS-MEETINGS"] {
        let chart = format!("portfolio-2023-12-31/chart-{code}.svg");
        assert!(md.contains(&format!("]({chart})")), "{chart} is linked");
        let svg = read(&out.join(&chart));
        assert!(svg.starts_with("<svg") && svg.contains("iom-px0012") && svg.contains("starsom"));
    }
    let svg = read(&out.join("portfolio-2023-12-31/chart-MS-TRAINED.svg"));
    assert!(
        svg.contains(">239<") && svg.contains(">172<"),
        "the contributions are labelled"
    );
    // Milestones are counted, not charted.
    assert!(
        !out.join("portfolio-2023-12-31/chart-MS-REGIONAL-INSTRUMENTS.svg")
            .exists()
    );
}

/// `needle` in `hay` as a whole phrase: not inside a longer word.
fn has_phrase(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The messages of a catalogue without arguments: id -> text.
fn catalogue(lang: &str) -> Vec<(String, String)> {
    read(&root().join(format!("src/locale/{lang}.ftl")))
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .filter(|(_, v)| !v.contains('{'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[test]
fn french_and_spanish_reports_leave_no_english_label() {
    let ws = shipped();
    let template = read(&root().join("src/templates/portfolio.md.j2"));
    let en = catalogue("en");
    // Every label the template prints, every status name and every
    // message of the portfolio report's own block.
    let used: Vec<&(String, String)> = en
        .iter()
        .filter(|(id, _)| {
            id.starts_with("pf_") || id.starts_with("status-") || template.contains(&format!("labels.{id} "))
        })
        .collect();
    assert!(used.len() > 40, "only {} labels checked", used.len());
    for lang in ["fr", "es"] {
        report(ws.path(), "out", &["--format", "md,pdf", "--lang", lang]);
        let md = read(&ws.path().join(format!("out/portfolio-2023-12-31.{lang}.md")));
        let theirs = catalogue(lang);
        let mut left = Vec::new();
        for (id, text) in &used {
            let translated = theirs.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str());
            if translated != Some(text.as_str()) && has_phrase(&md, text) {
                left.push(format!("{id} = {text}"));
            }
        }
        assert!(left.is_empty(), "{lang}: English left in the report: {left:?}\n{md}");
        let title = theirs
            .iter()
            .find(|(k, _)| k == "pf_title")
            .expect("pf_title")
            .1
            .clone();
        assert!(md.starts_with(&format!("# {title}\n")), "{lang}: {md}");
        // Dates and numbers follow the language.
        let (date, number) = match lang {
            "fr" => ("31 décembre 2023", "20\u{202f}487\u{202f}009,00"),
            _ => ("31 de diciembre de 2023", "20.487.009,00"),
        };
        assert!(md.contains(date), "{lang}: {date} missing");
        assert!(
            md.contains(number) || md.contains(&number.replace('\u{202f}', "\u{a0}")),
            "{lang}: {number} missing:\n{md}"
        );
        let pdf = std::fs::read(ws.path().join(format!("out/portfolio-2023-12-31.{lang}.pdf"))).expect("the PDF");
        assert!(pdf.starts_with(b"%PDF"));
    }
}

fn pdftotext(pdf: &Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", &pdf.to_string_lossy(), "-"])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_pdf_renders_the_standards_and_is_byte_identical_twice() {
    let ws = shipped();
    report(ws.path(), "a", &["--format", "pdf,md"]);
    report(ws.path(), "b", &["--format", "pdf,md"]);
    let pdf = |d: &str| std::fs::read(ws.path().join(d).join("portfolio-2023-12-31.pdf")).expect("the PDF");
    let a = pdf("a");
    assert!(a.starts_with(b"%PDF-"), "not a PDF");
    assert!(a == pdf("b"), "two runs gave different PDFs");
    let md = |d: &str| read(&ws.path().join(d).join("portfolio-2023-12-31.md"));
    assert_eq!(md("a"), md("b"));
    match pdftotext(&ws.path().join("a/portfolio-2023-12-31.pdf")) {
        None => eprintln!("pdftotext not found: the PDF's text is not checked"),
        Some(text) => {
            for s in [
                "Portfolio report",
                "People trained in countering migrant smuggling",
                "Regional and trans-regional cooperation meetings held",
                "Regional cooperation instruments and studies adopted or published",
                "411 people",
                "Projects off track",
                "Funding by currency",
                "12,627,698.00",
            ] {
                assert!(text.contains(s), "the PDF lacks {s:?}:\n{text}");
            }
        }
    }
}

#[test]
fn the_json_model_totals_equal_the_portfolio_command() {
    let ws = shipped();
    report(ws.path(), "out", &["--format", "json"]);
    let model: Json =
        serde_json::from_str(&read(&ws.path().join("out/portfolio-2023-12-31.json"))).expect("report JSON");
    let r = run(ws.path(), &["portfolio", "--period", "2023-Q4", "--format", "json"]);
    r.expect_code(0);
    let portfolio: Json = serde_json::from_str(&r.stdout).expect("portfolio JSON");
    let ours = model["standards"].as_array().expect("standards");
    let theirs = portfolio["standards"].as_array().expect("standards");
    assert_eq!(ours.len(), theirs.len());
    assert_eq!(ours.len(), 3);
    for (o, t) in ours.iter().zip(theirs) {
        assert_eq!(o["code"], t["code"]);
        assert_eq!(o["figures"], t["total"], "{}", o["code"]);
        assert_eq!(
            o["rows"].as_array().map(Vec::len),
            t["contributions"].as_array().map(Vec::len)
        );
    }
    assert_eq!(model["standards"][0]["figures"]["value"], "411");
    assert_eq!(
        model["standards"][0]["splits"][0]["rows"][2],
        serde_json::json!(["women", "188"])
    );
    // One row per project, with its status counts.
    let fws = portfolio["frameworks"].as_array().expect("frameworks");
    assert_eq!(model["frameworks"].as_array().map(Vec::len), Some(fws.len()));
    for (o, t) in model["frameworks"].as_array().unwrap().iter().zip(fws) {
        let sum: u64 = t["counts"]
            .as_object()
            .expect("counts")
            .values()
            .filter_map(Json::as_u64)
            .sum();
        assert_eq!(o["total"].as_u64(), Some(sum), "{}", t["framework"]);
    }
}

#[test]
fn a_framework_argument_and_portfolio_do_not_mix() {
    let ws = shipped();
    let r = run(ws.path(), &["report", "starsom", "--portfolio", "--period", "2023-Q4"]);
    r.expect_code(2);
    let r = run(ws.path(), &["report", "--period", "2023-Q4"]);
    r.expect_code(2);
    // A bad period is a located usage error, nothing written.
    let r = run(
        ws.path(),
        &["report", "--portfolio", "--period", "2023-Q9", "--out", "out"],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("--period"), "{}", r.stderr);
    assert!(!ws.path().join("out").exists());
}
