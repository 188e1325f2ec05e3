//! `logframe compare`: the IPTT in every format, on STARSOM and on a
//! fixture whose user text starts like spreadsheet formulas.

mod common;

use std::path::PathBuf;

use common::{assert_golden, copy_dir, root, run, tests_dir};

fn golden_path(name: &str) -> PathBuf {
    tests_dir().join("golden").join("compare").join(name)
}

/// A workspace with STARSOM's logframe and ledger only.
fn starsom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    std::fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy logframe.yaml");
    dir
}

fn evaluate() -> tempfile::TempDir {
    common::fixture_workspace("evaluate", "evaluate")
}

#[test]
fn compare_starsom_in_every_text_format() {
    let ws = starsom();
    for (format, file) in [
        ("table", "starsom.txt"),
        ("csv", "starsom.csv"),
        ("json", "starsom.json"),
    ] {
        let r = run(
            ws.path(),
            &["compare", "starsom", "--to", "2023-Q3", "--format", format],
        );
        r.expect_code(0);
        assert_eq!(
            r.stderr, "",
            "compare --format {format} on a clean framework prints no diagnostics"
        );
        assert_golden(&golden_path(file), &r.stdout);
    }
}

#[test]
fn compare_starsom_by_sex_over_a_range() {
    let ws = starsom();
    let r = run(
        ws.path(),
        &[
            "compare", "starsom", "--from", "2022-Q1", "--to", "2022-Q4", "--by", "sex",
        ],
    );
    r.expect_code(0);
    assert_golden(&golden_path("starsom_by_sex_2022.txt"), &r.stdout);
    let r = run(
        ws.path(),
        &[
            "compare", "starsom", "--from", "2022-Q1", "--to", "2022-Q4", "--by", "sex", "--format", "csv",
        ],
    );
    r.expect_code(0);
    assert_golden(&golden_path("starsom_by_sex_2022.csv"), &r.stdout);
}

#[test]
fn compare_table_fits_120_columns() {
    let ws = starsom();
    let r = run(ws.path(), &["compare", "starsom", "--by", "country"]);
    r.expect_code(0);
    for line in r.stdout.lines() {
        assert!(
            line.chars().count() <= 120,
            "line of {} characters:\n{line}",
            line.chars().count()
        );
    }
}

#[test]
fn compare_figures_are_the_status_figures() {
    // At 2023-Q1, where the FY2022-23 targets fall due (agreed), the cells
    // are what `status` shows for that period; the life of project at
    // 2023-Q3 is `status --period 2023-Q3`'s.
    let ws = starsom();
    let json = |args: &[&str]| -> serde_json::Value {
        let r = run(ws.path(), args);
        r.expect_code(0);
        serde_json::from_str(&r.stdout).expect("json")
    };
    let c = json(&["compare", "starsom", "--to", "2023-Q3", "--format", "json"]);
    let q1 = json(&["status", "starsom", "--period", "2023-Q1", "--format", "json"]);
    let q3 = json(&["status", "starsom", "--period", "2023-Q3", "--format", "json"]);
    let find = |s: &serde_json::Value, id: &serde_json::Value| {
        s["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["indicator"] == *id)
            .expect("same indicator")
            .clone()
    };
    let mut n = 0;
    for result in c["results"].as_array().expect("results") {
        for ind in result["indicators"].as_array().expect("indicators") {
            let (st1, st3) = (find(&q1, &ind["id"]), find(&q3, &ind["id"]));
            assert_eq!(ind["life"]["status"], st3["status"], "{}", ind["id"]);
            assert_eq!(ind["life"]["percent"], st3["percent_of_end"], "{}", ind["id"]);
            let cell = ind["cells"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["period"]["start"] == "2023-01-01" || c["start"] == "2023-01-01")
                .expect("2023-Q1");
            if st1["target_to_date"]["rule"] == "explicit" {
                assert_eq!(cell["target"], st1["target_to_date"], "{}", ind["id"]);
                assert_eq!(cell["agreed"], true, "{}", ind["id"]);
                assert_eq!(cell["status"], st1["status"], "{}", ind["id"]);
            } else {
                // No agreed target due in 2023-Q1 (the milestone, due in Q2).
                assert_eq!(cell["target"], serde_json::Value::Null, "{}", ind["id"]);
            }
            if ind["cumulative"] == true {
                assert_eq!(cell["actual"], st1["to_date_actual"], "{}", ind["id"]);
                assert_eq!(cell["percent"], st1["percent_to_date"], "{}", ind["id"]);
            } else {
                assert_eq!(cell["actual"], st1["period_actual"], "{}", ind["id"]);
            }
            n += 1;
        }
    }
    assert_eq!(n, 12);
}

/// The first character of every user-text CSV cell is not one a
/// spreadsheet reads as a formula.
fn assert_csv_safe(text: &str) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    for rec in rdr.records() {
        for cell in rec.expect("record").iter() {
            assert!(
                !cell.starts_with(['=', '+', '@', '\t', '\r']),
                "cell starts like a formula: {cell:?}"
            );
            if let Some(rest) = cell.strip_prefix('-') {
                // Negative numbers are figures, not text.
                assert!(rest.parse::<f64>().is_ok(), "cell starts like a formula: {cell:?}");
            }
        }
    }
}

#[test]
fn compare_csv_neutralises_formula_injection() {
    let ws = evaluate();
    let r = run(
        ws.path(),
        &[
            "compare", "evaluate", "--by", "sex", "--to", "2022-Q4", "--format", "csv",
        ],
    );
    r.expect_code(0);
    assert_csv_safe(&r.stdout);
    assert!(r.stdout.contains("'@SUM(A1:A9) share"), "{}", r.stdout);
    assert!(r.stdout.contains(",'-men,"), "{}", r.stdout);
    assert!(r.stdout.contains("'=1+1 good start"), "{}", r.stdout);
    assert_golden(&golden_path("evaluate_by_sex.csv"), &r.stdout);
}

#[test]
fn compare_refuses_unknown_dimension_and_empty_range() {
    let ws = starsom();
    let r = run(ws.path(), &["compare", "starsom", "--by", "gender"]);
    r.expect_code(2);
    assert!(r.stderr.contains("unknown disaggregation `gender`"), "{}", r.stderr);
    let r = run(
        ws.path(),
        &["compare", "starsom", "--from", "2023-Q3", "--to", "2022-Q1"],
    );
    r.expect_code(2);
    assert!(
        r.stderr.contains("no reporting period lies between --from and --to"),
        "{}",
        r.stderr
    );
}
