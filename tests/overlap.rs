//! Overlapping values are refused, not summed (issue 17): a value whose
//! period overlaps another value of the same indicator and breakdown is
//! refused at `record` and `import`, naming both places; `status` never
//! adds two such values from an older ledger.
//!
//! The figures: STARSOM's 1100.1 (cumulative, end-of-project target 35)
//! adds up to 31 by 2023-Q3 (0+0+0+2+4+4+4+6+5+6 in 2023.csv). Guatemala's
//! 2023-Q4 value is 3, so the truth at 2023-Q4 is 31 + 3 = 34 (34/35 =
//! 97.1 %). The bug: a one-day row for 2023-12-31 (value 2) and then the
//! quarter (value 3) read 31 + 2 + 3 = 36, "reached the target of 35".

mod common;

use std::path::{Path, PathBuf};

use common::{run, run_env, workspace};

fn ledger_dir(ws: &Path) -> PathBuf {
    ws.join("frameworks/starsom/measurements")
}

fn status_line(ws: &Path) -> String {
    let r = run(ws, &["status", "starsom", "--period", "2023-Q4"]);
    r.stdout
        .lines()
        .find(|l| l.starts_with("1100.1 ") && l.contains('%'))
        .unwrap_or_else(|| panic!("no 1100.1 line:\n{}\n{}", r.stdout, r.stderr))
        .to_string()
}

/// An older ledger (written before the rule) holding the one-day row.
fn old_day_row(ws: &Path) {
    std::fs::write(
        ledger_dir(ws).join("2024.csv"),
        "indicator,period,value,country,recorded_at,recorded_by\n\
         1100.1,2023-12-31,2,GT,2024-01-10T09:00:00Z,ana\n",
    )
    .expect("write the old ledger");
}

#[test]
fn the_quarter_after_a_one_day_value_is_refused_and_1100_1_stays_right() {
    let ws = workspace(&["starsom"]);
    old_day_row(ws.path());
    // The old ledger alone: 31 + 2 = 33.
    assert!(status_line(ws.path()).contains(" 33 "), "{}", status_line(ws.path()));
    let r = run_env(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--dim",
            "country=GT",
            "--value",
            "3",
        ],
        &[("LOGFRAME_USER", "ana")],
    );
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("1100.1 2023-Q4 (country=GT) overlaps the value for 2023-12-31"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2024.csv:2"), "the row it overlaps: {}", r.stderr);
    assert!(
        r.stderr
            .contains("logframe void starsom 1100.1 --period 2023-12-31 --dim country=GT")
    );
    assert!(!ledger_dir(ws.path()).join("ledger.csv").exists(), "nothing written");
    // Not 36: still 33, the day counted once.
    assert!(status_line(ws.path()).contains(" 33 "), "{}", status_line(ws.path()));
}

#[test]
fn an_import_overlapping_the_ledger_or_itself_is_refused_whole_with_both_places() {
    let ws = workspace(&["starsom"]);
    old_day_row(ws.path());
    let file = ws.path().join("q4.csv");
    // Line 2 is fine (another breakdown); line 3 overlaps 2024.csv:2.
    std::fs::write(
        &file,
        "indicator,period,value,country\n1100.1,2023-Q4,1,HN\n1100.1,2023-Q4,3,GT\n",
    )
    .expect("write");
    let r = run(ws.path(), &["import", "starsom", file.to_str().expect("utf-8")]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("line 3 gives 1100.1 2023-Q4 (country=GT)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2024.csv:2"), "{}", r.stderr);
    assert!(r.stderr.contains("q4.csv:3"), "the new row's place: {}", r.stderr);
    assert!(!ledger_dir(ws.path()).join("ledger.csv").exists(), "all or nothing");
    // Two rows of one file that overlap each other.
    std::fs::write(
        &file,
        "indicator,period,value,country\n1100.1,2023-H2,4,PE\n1100.1,2023-Q4,3,PE\n",
    )
    .expect("write");
    let r = run(ws.path(), &["import", "starsom", file.to_str().expect("utf-8")]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("overlaps the value for 2023-H2 at line 2"),
        "{}",
        r.stderr
    );
    assert!(!ledger_dir(ws.path()).join("ledger.csv").exists(), "all or nothing");
}

#[test]
fn the_same_period_again_is_a_correction_not_an_overlap() {
    let ws = workspace(&["starsom"]);
    old_day_row(ws.path());
    // The day written as a range is the same period (same dates).
    let r = run_env(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-12-31..2023-12-31",
            "--dim",
            "country=GT",
            "--value",
            "3",
        ],
        &[("LOGFRAME_USER", "ana"), ("LOGFRAME_NOW", "2024-01-11T09:00:00Z")],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("0 new, 1 correction"), "{}", r.stdout);
    // 31 + 3.
    assert!(status_line(ws.path()).contains(" 34 "), "{}", status_line(ws.path()));
}

#[test]
fn an_old_ledger_holding_both_counts_the_longer_period_once_and_warns() {
    let ws = workspace(&["starsom"]);
    std::fs::write(
        ledger_dir(ws.path()).join("2024.csv"),
        "indicator,period,value,country,recorded_at,recorded_by\n\
         1100.1,2023-12-31,2,GT,2024-01-10T09:00:00Z,ana\n\
         1100.1,2023-Q4,3,GT,2024-01-11T09:00:00Z,ana\n",
    )
    .expect("write the old ledger");
    // 31 + 3 (the quarter, the longer period) = 34, not 36; 34/35 = 97.1 %.
    let line = status_line(ws.path());
    assert!(line.contains(" 34 ") && line.contains("97.1 %"), "{line}");
    let r = run(ws.path(), &["check", "starsom"]);
    assert!(
        r.stderr
            .contains("indicator 1100.1: values for 2023-Q4 and 2023-12-31 overlap; only 2023-Q4 is counted"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2024.csv:2"), "{}", r.stderr);
}

/// The issue's sequence, step by step: the CSV's date cell is refused now
/// (nothing written); written as a one-day range it is taken, and then the
/// quarter is refused; withdrawn, the quarter is taken: 34, not 36.
#[test]
fn the_issue_sequence_reads_34_not_36() {
    let ws = workspace(&["starsom"]);
    let file = ws.path().join("gt.csv");
    let import = |period: &str| {
        std::fs::write(&file, format!("indicator,period,value,country\n1100.1,{period},2,GT\n")).expect("write");
        run_env(
            ws.path(),
            &["import", "starsom", file.to_str().expect("utf-8")],
            &[("LOGFRAME_USER", "ana")],
        )
    };
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
    let r = import("2023-12-31");
    r.expect_code(1);
    assert!(r.stderr.contains("did you mean 2023-Q4"), "{}", r.stderr);
    import("2023-12-31..2023-12-31").expect_code(0);
    let r = run_env(ws.path(), &q4, &[("LOGFRAME_USER", "ana")]);
    r.expect_code(1);
    assert!(r.stderr.contains("ledger.csv:2"), "{}", r.stderr);
    // 31 + 2: the day alone, never 36.
    assert!(status_line(ws.path()).contains(" 33 "), "{}", status_line(ws.path()));
    run_env(
        ws.path(),
        &[
            "void",
            "starsom",
            "1100.1",
            "--period",
            "2023-12-31..2023-12-31",
            "--dim",
            "country=GT",
            "--reason",
            "the quarter's value, typed as a date",
        ],
        &[("LOGFRAME_USER", "ana")],
    )
    .expect_code(0);
    run_env(ws.path(), &q4, &[("LOGFRAME_USER", "ana")]).expect_code(0);
    let line = status_line(ws.path());
    assert!(line.contains(" 34 ") && line.contains("97.1 %"), "{line}");
}

#[test]
fn correcting_a_value_that_an_older_ledger_overlaps_is_still_a_correction() {
    let ws = workspace(&["starsom"]);
    std::fs::write(
        ledger_dir(ws.path()).join("2024.csv"),
        "indicator,period,value,country,recorded_at,recorded_by\n\
         1100.1,2023-12-31,2,GT,2024-01-10T09:00:00Z,ana\n\
         1100.1,2023-Q4,3,GT,2024-01-11T09:00:00Z,ana\n",
    )
    .expect("write the old ledger");
    let r = run_env(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--dim",
            "country=GT",
            "--value",
            "4",
        ],
        &[("LOGFRAME_USER", "ana")],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1100.1 2023-Q4 (country=GT): 3 -> 4"), "{}", r.stdout);
    // 31 + 4: the quarter counts, the day is left out (and named by check).
    assert!(status_line(ws.path()).contains(" 35 "), "{}", status_line(ws.path()));
}
