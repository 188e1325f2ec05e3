//! `logframe check --quality`: data-quality findings with locations.

mod common;

use std::path::PathBuf;

use common::{assert_golden, copy_dir, fixture_workspace, root, run_env, tests_dir};

fn golden_path(name: &str) -> PathBuf {
    tests_dir().join("golden").join("quality").join(name)
}

const NOW: (&str, &str) = ("LOGFRAME_NOW", "2023-03-15T00:00:00Z");

#[test]
fn quality_findings_on_the_fixture() {
    let ws = fixture_workspace("evaluate", "evaluate");
    let r = run_env(ws.path(), &["check", "--quality", "evaluate"], &[NOW]);
    r.expect_code(1);
    for want in [
        "indicator 1000.1: no value for period 2022-Q4",
        "indicator 1100.2: values but no target for 2022-Q2",
        "indicator 1100.3: no value for period 2022-H2",
        "1100.1 2022-Q3 (total) was recorded 81 days after the period ended",
        "indicator 1100.1 2022-Q4: 95 is far outside",
        "1100.5 2022-Q3 (total): 105 % is outside 0-100",
        "indicator 1100.4: end-of-project target 30 is lower than the target 50",
    ] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    // Irregular PMF frequencies are not checked for missing values.
    assert!(!r.stderr.contains("indicator 1100.4: no value"), "{}", r.stderr);
    // A correction is late by nature: not reported.
    assert!(!r.stderr.contains("2022-Q1 (sex=women) was recorded"), "{}", r.stderr);
    assert_golden(
        &golden_path("evaluate.txt"),
        &format!("{}\n--- stdout\n{}", r.stderr, r.stdout),
    );
}

#[test]
fn quality_deadline_is_a_flag() {
    let ws = fixture_workspace("evaluate", "evaluate");
    let r = run_env(
        ws.path(),
        &["check", "--quality", "evaluate", "--deadline-days", "90"],
        &[NOW],
    );
    r.expect_code(1);
    assert!(!r.stderr.contains("was recorded"), "{}", r.stderr);
    // Periods are not due before their deadline.
    let r = run_env(
        ws.path(),
        &["check", "--quality", "evaluate", "--deadline-days", "90"],
        &[("LOGFRAME_NOW", "2023-02-01T00:00:00Z")],
    );
    assert!(!r.stderr.contains("no value for period 2022-Q4"), "{}", r.stderr);
}

#[test]
fn check_without_quality_is_unchanged() {
    let ws = fixture_workspace("evaluate", "evaluate");
    let r = run_env(ws.path(), &["check", "evaluate"], &[NOW]);
    r.expect_code(1);
    assert!(!r.stderr.contains("far outside"), "{}", r.stderr);
    let r = run_env(ws.path(), &["check", "evaluate", "--deadline-days", "10"], &[NOW]);
    r.expect_code(2);
}

#[test]
fn quality_on_starsom_reports_the_missing_final_quarter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    std::fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy");
    let r = run_env(
        dir.path(),
        &["check", "--quality", "starsom"],
        &[("LOGFRAME_NOW", "2024-06-30T00:00:00Z")],
    );
    r.expect_code(1);
    assert_golden(
        &golden_path("starsom.txt"),
        &format!("{}\n--- stdout\n{}", r.stderr, r.stdout),
    );
}

#[test]
fn check_as_of_judges_what_was_due_and_known_then() {
    // On 2023-10-31 the final quarter of STARSOM (2023-Q4) was not yet due:
    // only the genuine gap (1200.1 in 2021-Q2) and the outlier remain.
    let r = common::run(&root(), &["check", "--quality", "starsom", "--as-of", "2023-10-31"]);
    r.expect_code(1);
    assert!(
        r.stdout.contains("quality checked on 2023-10-31: 0 errors, 2 warnings"),
        "{}",
        r.stdout
    );
    assert!(!r.stderr.contains("2023-Q4"), "{}", r.stderr);
    // Before the 2022-Q4 correction was recorded, the ledger held 152.
    let r = common::run(
        &root(),
        &[
            "status",
            "starsom",
            "--period",
            "2022-Q4",
            "--as-of",
            "2023-03-01",
            "--format",
            "csv",
        ],
    );
    r.expect_code(0);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("1200.1,") && l.contains(",152,")),
        "{}",
        r.stdout
    );
    // A bad date is a usage error.
    common::run(&root(), &["check", "starsom", "--as-of", "2023-13-01"]).expect_code(2);
}

#[test]
fn the_project_sets_its_reporting_deadline_and_the_flag_overrides_it() {
    // GLOT92 reports annually with `reporting_deadline_days: 60`; its values
    // came 42-45 days after each year ended.
    let r = common::run(
        &root(),
        &["check", "--quality", "unodc-glot92", "--as-of", "2013-06-30"],
    );
    r.expect_code(0);
    let r = common::run(
        &root(),
        &[
            "check",
            "--quality",
            "unodc-glot92",
            "--as-of",
            "2013-06-30",
            "--deadline-days",
            "30",
        ],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("days after the period ended"), "{}", r.stderr);
}
