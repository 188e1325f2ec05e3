//! Computation through `logframe status --format json` on the hand-built
//! framework `tests/fixtures/compute/` (every figure below is worked out by
//! hand from its logframe.yaml and measurements/ledger.csv).

mod common;

use std::path::Path;

use common::{Run, fixture_workspace, run};
use serde_json::Value as Json;

const FW: &str = "compute";

fn status_at(ws: &Path, period: &str) -> Json {
    let r = run(ws, &["status", FW, "--period", period, "--format", "json"]);
    r.expect_code(0);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("status json: {e}\n{}", r.stdout))
}

fn ind<'a>(s: &'a Json, id: &str) -> &'a Json {
    s["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|i| i["indicator"] == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// A decimal field as text with trailing zeros dropped ("126.390" -> "126.39").
fn dec(v: &Json) -> Option<String> {
    let s = v.as_str()?;
    let d: rust_decimal::Decimal = s.parse().unwrap_or_else(|e| panic!("`{s}` is not a decimal: {e}"));
    Some(d.normalize().to_string())
}

/// A derived figure (computed exactly) rounded to two decimals for comparison.
fn dec2(v: &Json) -> Option<String> {
    let s = v.as_str()?;
    let d: rust_decimal::Decimal = s.parse().unwrap_or_else(|e| panic!("`{s}` is not a decimal: {e}"));
    Some(d.round_dp(2).normalize().to_string())
}

fn value_text(v: &Json) -> String {
    match v["kind"].as_str() {
        Some("number") => dec(&v["value"]).unwrap(),
        Some("ratio") => format!("{}/{}", dec(&v["numerator"]).unwrap(), dec(&v["denominator"]).unwrap()),
        Some("flag") => if v["done"] == true { "yes" } else { "no" }.to_string(),
        None => "none".to_string(),
        _ => v.to_string(),
    }
}

/// (indicator, period) -> (period actual, to-date actual, target in force, percent to date, status)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
);

fn check_rows(ws: &Path, rows: &[Row]) {
    let mut failures = Vec::new();
    for &(id, period, period_actual, to_date, target, percent, status) in rows {
        let s = status_at(ws, period);
        let i = ind(&s, id);
        let got = (
            value_text(&i["period_actual"]),
            value_text(&i["to_date_actual"]),
            dec2(&i["target_to_date"]["value"]),
            dec2(&i["percent_to_date"]),
            i["status"].as_str().unwrap_or("?").to_string(),
        );
        let want = (
            period_actual.to_string(),
            to_date.to_string(),
            target.map(str::to_string),
            percent.map(str::to_string),
            status.to_string(),
        );
        if got != want {
            failures.push(format!(
                "{id} at {period}:\n  want {want:?}\n  got  {got:?}\n  reason {}",
                i["reason"]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cumulative_count_with_interpolated_and_explicit_targets() {
    let ws = fixture_workspace("compute", FW);
    // C1: 10, 15, 5, 12 in the four quarters of 2022; targets 40 for 2022, 100 at the end.
    check_rows(
        ws.path(),
        &[
            // 0 -> 40 over 2022-01-01..2022-12-31 (364 days): 40 x 89/364 = 9.78
            ("C1", "2022-Q1", "10", "10", Some("9.78"), Some("102.25"), "on_track"),
            // 40 x 180/364 = 19.78; 25 / 19.78 = 126.39 %
            ("C1", "2022-Q2", "15", "25", Some("19.78"), Some("126.39"), "on_track"),
            // the explicit target for 2022 ends with 2022-Q4
            ("C1", "2022-Q4", "12", "42", Some("40"), Some("105"), "on_track"),
            // 40 + 60 x 181/365 = 69.75; 42 / 69.75 = 60.22 %
            ("C1", "2023-Q2", "none", "42", Some("69.75"), Some("60.21"), "at_risk"), // 42 / 69.7534..., from the exact target
            // 2023-Q4 holds the project's end (2023-12-31): 42 short of 100
            // is final, not achieved (42 / 100 = 42 % of the end target)
            ("C1", "2023-Q4", "none", "42", Some("100"), Some("42"), "not_achieved"),
        ],
    );
    let s = status_at(ws.path(), "2022-Q2");
    let c1 = ind(&s, "C1");
    assert_eq!(c1["target_to_date"]["rule"], "interpolated", "{c1}");
    assert_eq!(c1["target_to_date"]["from"], "2022-01-01");
    assert_eq!(c1["target_to_date"]["to"], "2022-12-31");
    assert_eq!(dec(&c1["end_target"]).as_deref(), Some("100"));
    assert_eq!(dec(&c1["percent_of_end"]).as_deref(), Some("25"));
    let s = status_at(ws.path(), "2022-Q4");
    assert_eq!(ind(&s, "C1")["target_to_date"]["rule"], "explicit");
}

#[test]
fn level_indicator_that_decreases_is_measured_from_its_baseline() {
    let ws = fixture_workspace("compute", FW);
    // L1: baseline 100, end target 60; 85 at 2022-Q4, 70 at 2023-Q4.
    check_rows(
        ws.path(),
        &[
            // target 100 - 40 x 364/729 = 80.03; (85 - 100) / (80.03 - 100) = 75.11 %
            ("L1", "2022-Q4", "85", "85", Some("80.03"), Some("75.1"), "at_risk"), // -15 / -19.9726..., from the exact target
            // (70 - 100) / (60 - 100) = 75 %, at the project's end: not achieved
            ("L1", "2023-Q4", "70", "70", Some("60"), Some("75"), "not_achieved"),
        ],
    );
    let s = status_at(ws.path(), "2023-Q4");
    let l1 = ind(&s, "L1");
    assert_eq!(dec(&l1["percent_of_end"]).as_deref(), Some("75"));
    assert_eq!(l1["reason"]["reason"], "not_achieved", "{l1}");
    assert_eq!(dec(&l1["reason"]["start"]).as_deref(), Some("100"), "{l1}");
    assert_eq!(dec(&l1["reason"]["percent"]).as_deref(), Some("75"), "{l1}");
}

#[test]
fn percentages_pool_numerators_and_denominators() {
    let ws = fixture_workspace("compute", FW);
    // P1 2022-Q1: MX 9/10 (90 %), GT 10/100 (10 %): pooled 19/110 = 17.27 %, not the mean 50 %.
    let s = status_at(ws.path(), "2022-Q1");
    assert_eq!(value_text(&ind(&s, "P1")["period_actual"]), "19/110");
    // P3 (cumulative) to date at 2022-Q2: 9/10 then 1/90: 10/100 = 10 %, not (90 + 1.11) / 2.
    let s = status_at(ws.path(), "2022-Q2");
    assert_eq!(value_text(&ind(&s, "P3")["to_date_actual"]), "10/100");
    // P2 (aggregate: sum) over the year 2022: 9/10 + 1/90 = 10/100.
    let s = status_at(ws.path(), "2022");
    assert_eq!(value_text(&ind(&s, "P2")["period_actual"]), "10/100");

    // The CSV prints the pooled percentage with its parts.
    let r = run(ws.path(), &["status", FW, "--period", "2022-Q1", "--format", "csv"]);
    r.expect_code(0);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let h = rdr.headers().unwrap().clone();
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let p1 = rdr
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "P1")
        .expect("P1 row");
    assert_eq!(&p1[col("to_date_actual")], "17.2727");
    assert_eq!(&p1[col("numerator")], "19");
    assert_eq!(&p1[col("denominator")], "110");
    // (17.27 - 20) / (26.1 - 20): measured from the baseline, below it.
    assert_eq!(
        dec2(&ind(&status_at(ws.path(), "2022-Q1"), "P1")["target_to_date"]["value"]).as_deref(),
        Some("26.1")
    );
}

#[test]
fn a_zero_target_gives_no_percent_never_zero_or_nan() {
    let ws = fixture_workspace("compute", FW);
    // Z1: target 0 for 2022-Q1, 3 recorded.
    let s = status_at(ws.path(), "2022-Q1");
    let z1 = ind(&s, "Z1");
    assert_eq!(dec(&z1["target_to_date"]["value"]).as_deref(), Some("0"));
    assert!(
        z1["percent_to_date"].is_null(),
        "percent of a zero target: {}",
        z1["percent_to_date"]
    );
    assert_eq!(dec(&z1["percent_of_end"]).as_deref(), Some("30"));
    assert_ne!(z1["status"], "off_track", "{z1}");
    // Z2: target equals baseline (5 -> 5): progress is undefined.
    let s = status_at(ws.path(), "2023-Q4");
    let z2 = ind(&s, "Z2");
    assert!(z2["percent_to_date"].is_null(), "{z2}");
    assert!(z2["percent_of_end"].is_null(), "{z2}");
    assert_eq!(z2["status"], "no_target");
    assert_eq!(z2["reason"]["reason"], "target_equals_baseline");

    for format in ["table", "csv", "json"] {
        for period in ["2022-Q1", "2023-Q4"] {
            let r = run(ws.path(), &["status", FW, "--period", period, "--format", format]);
            r.expect_code(0);
            assert!(
                !r.stdout.to_lowercase().contains("nan"),
                "{format} {period}:\n{}",
                r.stdout
            );
            assert!(!r.stdout.contains("inf"), "{format} {period}:\n{}", r.stdout);
        }
    }
}

#[test]
fn statuses_follow_the_default_thresholds_85_and_60() {
    let ws = fixture_workspace("compute", FW);
    // Each S_* indicator: target 100 for 2022-Q4, 200 at the end.
    let cases = [
        ("S_ON90", "on_track"),
        ("S_ON85", "on_track"),
        ("S_RISK84", "at_risk"),
        ("S_RISK60", "at_risk"),
        ("S_OFF59", "off_track"),
        ("S_ACH", "achieved"),
        ("S_NODATA", "no_data"),
        ("S_NYD", "not_yet_due"),
        // Own thresholds: on track from 95 %, at risk from 80 %.
        ("S_THR95", "on_track"),
        ("S_THR90", "at_risk"),
        ("S_THR79", "off_track"),
    ];
    let s = status_at(ws.path(), "2022-Q4");
    let got: Vec<(&str, String)> = cases
        .iter()
        .map(|(id, _)| (*id, ind(&s, id)["status"].as_str().unwrap().to_string()))
        .collect();
    let want: Vec<(&str, String)> = cases.iter().map(|(id, st)| (*id, st.to_string())).collect();
    assert_eq!(got, want);
    // The sentence behind a status states the figures and the threshold.
    let r = run(ws.path(), &["status", FW, "--period", "2022-Q4"]);
    assert!(r.stdout.contains("S_RISK84 at risk: 84 against 100 expected by 2022-12-31: 84 % of the expected progress (below 85 % is at risk)"), "{}", r.stdout);
    assert!(r.stdout.contains("S_THR90  at risk: 90 against 100 expected by 2022-12-31: 90 % of the expected progress (below 95 % is at risk)"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("S_NODATA no data: no value recorded by 2022-12-31, when 100 was expected"),
        "{}",
        r.stdout
    );
}

#[test]
fn framework_thresholds_override_the_defaults() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "{on_track: 50, at_risk: 40}",
            &[
                ("S_RISK84", "on_track"),
                ("S_OFF59", "on_track"),
                ("S_THR90", "at_risk"),
                ("S_ON85", "on_track"),
            ],
        ),
        (
            "{on_track: 90, at_risk: 70}",
            &[
                ("S_ON85", "at_risk"),
                ("S_RISK60", "off_track"),
                ("S_ON90", "on_track"),
                ("S_THR95", "on_track"),
            ],
        ),
    ];
    for (thresholds, expect) in cases {
        let ws = fixture_workspace("compute", FW);
        let path = ws.path().join("frameworks").join(FW).join("logframe.yaml");
        let yaml = std::fs::read_to_string(&path).unwrap();
        assert!(yaml.contains("# STATUS_THRESHOLDS"));
        std::fs::write(
            &path,
            yaml.replace("# STATUS_THRESHOLDS", &format!("status_thresholds: {thresholds}")),
        )
        .unwrap();
        let s = status_at(ws.path(), "2022-Q4");
        for (id, status) in *expect {
            assert_eq!(
                ind(&s, id)["status"],
                *status,
                "{id} with {thresholds}: {}",
                ind(&s, id)["reason"]
            );
        }
    }
}

#[test]
fn a_breakdown_that_does_not_add_up_is_reported_with_the_numbers() {
    let ws = fixture_workspace("compute", FW);
    let r: Run = run(ws.path(), &["status", FW, "--period", "2022-Q1", "--format", "json"]);
    r.expect_code(0);
    assert!(r.stderr.contains("warning:"), "{}", r.stderr);
    assert!(r.stderr.contains("indicator D1 2022-Q1"), "{}", r.stderr);
    assert!(r.stderr.contains("12 != 5 + 6 = 11"), "{}", r.stderr);
    assert!(r.stderr.contains("measurements/ledger.csv:"), "{}", r.stderr);
    assert!(
        !r.stderr.contains("D2"),
        "parts alone are their own total: {}",
        r.stderr
    );
    let s: Json = serde_json::from_str(&r.stdout).unwrap();
    // The total row is used; parts alone add up (D2: 4 + 3 + 2).
    assert_eq!(value_text(&ind(&s, "D1")["to_date_actual"]), "12");
    assert_eq!(value_text(&ind(&s, "D2")["to_date_actual"]), "9");
    // `check` reports the warning as a finding.
    let c = run(ws.path(), &["check", FW]);
    c.expect_code(1);
    assert!(c.stderr.contains("12 != 5 + 6 = 11"), "{}", c.stderr);
    assert!(
        c.stdout.contains("0 errors, 1 warnings") || c.stdout.contains("0 errors, 1 warning"),
        "{}",
        c.stdout
    );
}

#[test]
fn milestones_are_not_yet_due_then_done_or_overdue() {
    let ws = fixture_workspace("compute", FW);
    // M1 and M2 are due by 2022-06-30; M2 was recorded done in 2022-Q2.
    let cases = [
        ("2022-Q1", "M1", "not_yet_due", "milestone_not_due"),
        ("2022-Q1", "M2", "not_yet_due", "milestone_not_due"),
        ("2022-Q2", "M2", "achieved", "milestone_done"),
        ("2022-Q3", "M1", "off_track", "milestone_overdue"),
        // The project ends on 2023-12-31: never done by then is final.
        ("2023-Q4", "M1", "not_achieved", "milestone_overdue"),
        ("2023-Q4", "M2", "achieved", "milestone_done"),
    ];
    for (period, id, status, reason) in cases {
        let s = status_at(ws.path(), period);
        let m = ind(&s, id);
        assert_eq!(
            (m["status"].as_str().unwrap(), m["reason"]["reason"].as_str().unwrap()),
            (status, reason),
            "{id} at {period}: {m}"
        );
    }
    let s = status_at(ws.path(), "2022-Q3");
    assert_eq!(ind(&s, "M1")["reason"]["due"], "2022-06-30");
}

/// A count that is not cumulative but summed per period (`aggregate: sum`,
/// target 40 for the year 2022) reported quarterly: for the period 2022
/// the year's total (10 + 15 + 5 + 12 = 42) meets the year's target.
#[test]
fn a_per_period_sum_is_judged_on_the_whole_period_asked_for() {
    let ws = fixture_workspace("compute", FW);
    let s = status_at(ws.path(), "2022");
    let n1 = ind(&s, "N1");
    assert_eq!(value_text(&n1["period_actual"]), "42");
    assert_eq!(dec(&n1["target_to_date"]["value"]).as_deref(), Some("40"));
    assert_eq!(
        value_text(&n1["to_date_actual"]),
        "42",
        "the year's total, not its last quarter: {n1}"
    );
    assert_eq!(dec(&n1["percent_to_date"]).as_deref(), Some("105"), "{n1}");
    assert_ne!(n1["status"], "off_track", "{n1}");
}
