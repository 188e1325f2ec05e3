//! `status --dim`: one category's figures, a national officer's own
//! country (issue 17). Figures worked by hand from
//! frameworks/starsom/measurements/2022.csv and 2023.csv.

mod common;

use common::{run, workspace};

/// The CSV rows of `status --format csv` as (indicator, period_actual,
/// to_date_actual, status).
fn figures(csv: &str) -> Vec<(String, String, String, String)> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (rec[0].into(), rec[4].into(), rec[5].into(), rec[12].into())
        })
        .collect()
}

#[test]
fn a_country_sees_only_its_own_values_summed_over_its_breakdown() {
    let ws = workspace(&["starsom"]);
    let args = [
        "status",
        "starsom",
        "--period",
        "2023-Q3",
        "--dim",
        "country=GT",
        "--format",
        "csv",
    ];
    let out = run(ws.path(), &args);
    out.expect_code(0);
    let rows = figures(&out.stdout);
    // 1111.2 practitioners trained in GT: 2022-Q1 women 8 (the 2022-07-14
    // correction of 7) + men 9, 2023-Q1 women 1 + men 1: 8 + 9 + 1 + 1 = 19,
    // none within 2023-Q3.
    let p = rows
        .iter()
        .find(|r| r.0 == "1111.2")
        .expect("1111.2 is broken down by country");
    assert_eq!((p.1.as_str(), p.2.as_str()), ("", "19"));
    // No target of its own: no percent, no grade.
    assert_eq!(p.3, "no target");
    // 1111.1 workshops are the project's, not broken down by country: left out.
    assert!(!rows.iter().any(|r| r.0 == "1111.1"), "{rows:?}");
}

#[test]
fn categories_narrow_together_and_the_ledger_date_still_applies() {
    let ws = workspace(&["starsom"]);
    let args = [
        "status",
        "starsom",
        "--period",
        "2023-Q3",
        "--dim",
        "country=GT",
        "--dim",
        "sex=women",
        "--format",
        "csv",
    ];
    let out = run(ws.path(), &args);
    out.expect_code(0);
    // Women trained in GT: 8 (2022-Q1, corrected) + 1 (2023-Q1) = 9.
    let rows = figures(&out.stdout);
    let p = rows.iter().find(|r| r.0 == "1111.2").unwrap();
    assert_eq!(p.2, "9");
    // As of 2022-06-30 the correction (recorded 2022-07-14) was not yet
    // made: 7 women and 9 men in 2022-Q1, 16 by 2022-Q2.
    let out = run(
        ws.path(),
        &[
            "status",
            "starsom",
            "--period",
            "2022-Q2",
            "--dim",
            "country=GT",
            "--as-of",
            "2022-06-30",
            "--format",
            "csv",
        ],
    );
    out.expect_code(0);
    let rows = figures(&out.stdout);
    assert_eq!(rows.iter().find(|r| r.0 == "1111.2").unwrap().2, "16");
}

#[test]
fn the_table_names_the_category_and_what_it_leaves_out() {
    let ws = workspace(&["starsom"]);
    let out = run(
        ws.path(),
        &["status", "starsom", "--period", "2023-Q3", "--dim", "country=GT"],
    );
    out.expect_code(0);
    assert!(
        out.stdout
            .contains("category country = GT: the values recorded for it only"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("not broken down by country, so not shown: 1000.1, 1110.1, 1111.1"),
        "{}",
        out.stdout
    );
    // No target columns in a category's table.
    assert!(!out.stdout.contains("% target"), "{}", out.stdout);
}

#[test]
fn an_unknown_dimension_or_category_is_a_usage_error_with_a_suggestion() {
    let ws = workspace(&["starsom"]);
    let out = run(ws.path(), &["status", "starsom", "--dim", "contry=GT"]);
    out.expect_code(2);
    assert!(out.stderr.contains("did you mean `country`?"), "{}", out.stderr);
    let out = run(ws.path(), &["status", "starsom", "--dim", "country=GTM"]);
    out.expect_code(2);
    assert!(out.stderr.contains("unknown country `GTM`"), "{}", out.stderr);
    assert!(out.stderr.contains("did you mean `GT`?"), "{}", out.stderr);
    let out = run(ws.path(), &["status", "starsom", "--dim", "GT"]);
    out.expect_code(2);
    assert!(out.stderr.contains("is not NAME=VALUE"), "{}", out.stderr);
}
