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
    // The last period's cells are what `status` shows for that period.
    let ws = starsom();
    let r = run(
        ws.path(),
        &["compare", "starsom", "--to", "2023-Q3", "--format", "json"],
    );
    let c: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let s = run(
        ws.path(),
        &["status", "starsom", "--period", "2023-Q3", "--format", "json"],
    );
    let s: serde_json::Value = serde_json::from_str(&s.stdout).expect("json");
    let mut n = 0;
    for result in c["results"].as_array().expect("results") {
        for ind in result["indicators"].as_array().expect("indicators") {
            let st = s["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["indicator"] == ind["id"])
                .expect("same indicator");
            let last = ind["cells"].as_array().unwrap().last().unwrap();
            assert_eq!(last["target"], st["target_to_date"], "{}", ind["id"]);
            assert_eq!(ind["life"]["status"], st["status"], "{}", ind["id"]);
            assert_eq!(ind["life"]["percent"], st["percent_of_end"], "{}", ind["id"]);
            if ind["cumulative"] == true {
                assert_eq!(last["actual"], st["to_date_actual"], "{}", ind["id"]);
                assert_eq!(last["percent"], st["percent_to_date"], "{}", ind["id"]);
            } else {
                assert_eq!(last["actual"], st["period_actual"], "{}", ind["id"]);
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
