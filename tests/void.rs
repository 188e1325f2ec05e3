//! `logframe void` (issue 17): a wrong value is withdrawn with a reason,
//! kept in the trail, counted nowhere, shown by `history`, and brought
//! back by recording again.
//!
//! The figures: STARSOM's 1100.1 adds up to 31 by 2023-Q3 (2023.csv).
//! Guatemala's 2023-Q4 value 3 makes 34 (97.1 % of 35); withdrawn, the
//! total is 31 again (88.6 %).

mod common;

use std::path::Path;

use common::{run, run_env};

fn line(ws: &Path, args: &[&str], starts: &str) -> String {
    let r = run(ws, args);
    r.stdout
        .lines()
        .find(|l| l.starts_with(starts) && l.contains('%'))
        .unwrap_or_else(|| panic!("no {starts} line:\n{}\n{}", r.stdout, r.stderr))
        .to_string()
}

fn status(ws: &Path) -> String {
    line(ws, &["status", "starsom", "--period", "2023-Q4"], "1100.1 ")
}

fn compare(ws: &Path) -> String {
    line(ws, &["compare", "starsom"], "1100.1 ")
}

fn as_ana(ws: &Path, args: &[&str]) -> common::Run {
    run_env(ws, args, &[("LOGFRAME_USER", "ana")])
}

#[test]
fn a_withdrawn_value_counts_nowhere_shows_in_history_and_comes_back_when_recorded() {
    let ws = common::workspace(&["starsom"]);
    let iati = |ws: &Path| -> Vec<String> {
        let r = run(ws, &["export", "iati", "starsom"]);
        r.stdout
            .lines()
            .filter(|l| !l.contains("datetime"))
            .map(str::to_string)
            .collect()
    };
    let before = iati(ws.path());
    let q4 = [
        "record",
        "starsom",
        "1100.1",
        "--period",
        "2023-Q4",
        "--dim",
        "country=GT",
        "--value",
        "3",
    ];
    as_ana(ws.path(), &q4).expect_code(0);
    assert!(status(ws.path()).contains(" 34 "), "{}", status(ws.path()));
    let r = as_ana(
        ws.path(),
        &[
            "void",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--dim",
            "country=GT",
            "--reason",
            "Honduras's cases, entered under Guatemala",
        ],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 withdrawn"), "{}", r.stdout);
    assert!(
        r.stdout.contains("  1100.1 2023-Q4 (country=GT): 3 -> withdrawn\n"),
        "{}",
        r.stdout
    );
    // 31: the quarter's 3 is out of status and compare alike.
    let s = status(ws.path());
    assert!(s.contains(" 31 ") && s.contains("88.6 %"), "{s}");
    assert!(compare(ws.path()).contains("88.6 %"), "{}", compare(ws.path()));
    assert!(iati(ws.path()) == before, "IATI as before the value was recorded");
    let h = run(ws.path(), &["history", "starsom", "1100.1"]);
    assert!(
        h.stdout
            .contains("withdrawn by ana: Honduras's cases, entered under Guatemala"),
        "{}",
        h.stdout
    );
    assert!(h.stdout.contains("in force, 1 superseded, 1 withdrawn"), "{}", h.stdout);
    // The trail keeps the value and the reason.
    let ledger = std::fs::read_to_string(ws.path().join("frameworks/starsom/measurements/ledger.csv")).expect("read");
    assert!(
        ledger
            .lines()
            .next()
            .unwrap_or("")
            .ends_with(",review,review_of,reviewed_by,review_note")
    );
    assert!(ledger.contains(",void,"), "{ledger}");
    run(ws.path(), &["check", "starsom"]).expect_code(0);
    // Recording again brings a value back: a new value.
    let r = as_ana(ws.path(), &q4);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new, 0 corrections"), "{}", r.stdout);
    assert!(
        r.stdout.contains("  1100.1 2023-Q4 (country=GT): 3 (new)\n"),
        "{}",
        r.stdout
    );
    assert!(status(ws.path()).contains(" 34 "), "{}", status(ws.path()));
}

#[test]
fn void_needs_a_reason_and_a_value_in_force() {
    let ws = common::workspace(&["starsom"]);
    let r = run(
        ws.path(),
        &["void", "starsom", "1100.1", "--period", "2023-Q3", "--reason", "  "],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("--reason is empty"), "{}", r.stderr);
    let r = run(ws.path(), &["void", "starsom", "1100.1", "--period", "2023-Q3"]);
    r.expect_code(2);
    let r = run(
        ws.path(),
        &["void", "starsom", "1100.1", "--period", "2023-Q4", "--reason", "wrong"],
    );
    r.expect_code(1);
    assert!(
        r.stderr.contains("no value of 1100.1 2023-Q4 (total) is in force"),
        "{}",
        r.stderr
    );
    let r = run(
        ws.path(),
        &[
            "void",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q3",
            "--dim",
            "country=Guatemala",
            "--reason",
            "x",
        ],
    );
    r.expect_code(2);
    assert!(!ws.path().join("frameworks/starsom/measurements/ledger.csv").exists());
    // A value of the shipped ledger: withdrawn, and twice is refused.
    let q3 = [
        "void",
        "starsom",
        "1100.1",
        "--period",
        "2023-Q3",
        "--dim",
        "country=MX",
        "--reason",
        "duplicate",
    ];
    run(ws.path(), &q3).expect_code(0);
    run(ws.path(), &q3).expect_code(1);
}
