//! Review before values count (`project.approval: true`): pending values
//! stay out of every figure until approved, a rejection never counts and
//! says why, the queue shows each value beside the one it would replace,
//! and the review columns are written only where approval is used and are
//! never dropped once there.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, run, run_env, workspace};

fn ledger_csv(ws: &Path) -> PathBuf {
    ws.join("frameworks/starsom/measurements/ledger.csv")
}

/// STARSOM with `approval: true` in its project section.
fn with_approval(ws: &Path) {
    let path = ws.join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&path).expect("read logframe.yaml");
    let text = text.replacen("\nproject:\n", "\nproject:\n  approval: true\n", 1);
    assert!(text.contains("approval: true"), "the project section was found");
    std::fs::write(&path, text).expect("write logframe.yaml");
}

const AT: &[(&str, &str)] = &[("LOGFRAME_NOW", "2024-01-10T09:00:00Z")];

/// The "to date" cell of 1100.1 in `status --format csv`.
fn to_date(ws: &Path, extra: &[&str]) -> String {
    let mut args = vec!["status", "starsom", "--period", "2023-Q4", "--format", "csv"];
    args.extend_from_slice(extra);
    let r = run(ws, &args);
    r.expect_code(0);
    let mut rdr = csv::Reader::from_reader(r.stdout.as_bytes());
    let header = rdr.headers().expect("header").clone();
    let col = header
        .iter()
        .position(|h| h == "to_date_actual")
        .expect("to_date column");
    rdr.records()
        .map(|r| r.expect("row"))
        .find(|r| r.get(0) == Some("1100.1"))
        .and_then(|r| r.get(col).map(str::to_string))
        .expect("a row for 1100.1")
}

fn pending_ids(ws: &Path) -> Vec<String> {
    let r = run(ws, &["pending", "starsom", "--format", "json"]);
    r.expect_code(0);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    v.as_array()
        .expect("a list")
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect()
}

fn record_pending(ws: &Path, value: &str, at: &str) -> Run {
    let r = run_env(
        ws,
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--value",
            value,
            "--pending",
            "--by",
            "ana",
        ],
        &[("LOGFRAME_NOW", at)],
    );
    r.expect_code(0);
    r
}

#[test]
fn a_pending_value_counts_only_once_approved() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    with_approval(ws);
    let before = to_date(ws, &[]);
    let r = record_pending(ws, "40", "2024-01-10T09:00:00Z");
    assert!(r.stdout.contains("1 waiting for review"), "{}", r.stdout);
    assert_eq!(to_date(ws, &[]), before, "a pending value does not count");
    let with = to_date(ws, &["--include-pending"]);
    assert_ne!(with, before, "--include-pending counts it");

    let ids = pending_ids(ws);
    assert_eq!(ids.len(), 1);
    let q = run(ws, &["pending", "starsom"]);
    assert!(q.stdout.contains("1100.1 2023-Q4 (total) = 40  by ana"), "{}", q.stdout);

    let a = run_env(
        ws,
        &["approve", "starsom", &ids[0], "--by", "coord"],
        &[("LOGFRAME_NOW", "2024-01-11T09:00:00Z")],
    );
    a.expect_code(0);
    assert!(a.stdout.contains("1 approved"), "{}", a.stdout);
    assert_eq!(to_date(ws, &[]), with, "approved, it counts");
    assert!(pending_ids(ws).is_empty());

    // As of a day before the approval, it did not count yet.
    let r = run(
        ws,
        &[
            "status",
            "starsom",
            "--period",
            "2023-Q4",
            "--as-of",
            "2024-01-10",
            "--format",
            "csv",
        ],
    );
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("1100.1,") && l.contains(&format!(",{before},"))),
        "{}",
        r.stdout
    );

    let h = run(ws, &["history", "starsom", "1100.1", "--period", "2023-Q4"]);
    assert!(h.stdout.contains("entered, approved by coord"), "{}", h.stdout);
    assert!(h.stdout.contains("approved by coord, in force"), "{}", h.stdout);
    run(ws, &["check", "starsom"]).expect_code(0);
    let text = std::fs::read_to_string(ledger_csv(ws)).expect("ledger");
    assert!(
        text.lines()
            .next()
            .expect("header")
            .ends_with("review,review_of,reviewed_by,review_note"),
        "{text}"
    );
    assert!(text.contains(",ana,approved,2024-01-10T09:00:00.000Z,coord,"), "{text}");
}

#[test]
fn a_rejection_needs_a_comment_never_counts_and_says_why() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    with_approval(ws);
    let before = to_date(ws, &[]);
    record_pending(ws, "38", "2024-01-10T09:00:00Z");
    let ids = pending_ids(ws);
    let r = run(ws, &["approve", "starsom", &ids[0], "--reject"]);
    r.expect_code(2);
    assert!(r.stderr.contains("a rejection needs a comment"), "{}", r.stderr);
    assert_eq!(pending_ids(ws), ids, "a refused rejection writes nothing");

    let r = run_env(
        ws,
        &[
            "approve",
            "starsom",
            &ids[0],
            "--reject",
            "--comment",
            "GT counted Q3 twice",
            "--by",
            "coord",
        ],
        &[("LOGFRAME_NOW", "2024-01-11T09:00:00Z")],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 rejected"), "{}", r.stdout);
    assert_eq!(to_date(ws, &[]), before);
    assert_eq!(
        to_date(ws, &["--include-pending"]),
        before,
        "nothing is pending any more"
    );
    let h = run(ws, &["history", "starsom", "1100.1", "--period", "2023-Q4"]);
    assert!(
        h.stdout.contains("entered, rejected by coord: GT counted Q3 twice"),
        "{}",
        h.stdout
    );
}

#[test]
fn the_queue_shows_the_latest_value_beside_the_one_it_replaces() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    with_approval(ws);
    run_env(
        ws,
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "33"],
        AT,
    )
    .expect_code(0);
    record_pending(ws, "40", "2024-01-10T10:00:00Z");
    record_pending(ws, "41", "2024-01-10T11:00:00Z");
    let q = run(ws, &["pending", "starsom"]);
    assert_eq!(
        q.stdout.lines().count(),
        1,
        "only the latest pending value of a key: {}",
        q.stdout
    );
    assert!(q.stdout.contains("= 41"), "{}", q.stdout);
    assert!(
        q.stdout.contains("replaces 33 (by tester, 2024-01-10T09:00:00.000Z)"),
        "{}",
        q.stdout
    );

    // A value recorded at the terminal after it replaces the pending one.
    run_env(
        ws,
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "34"],
        &[("LOGFRAME_NOW", "2024-01-12T09:00:00Z")],
    )
    .expect_code(0);
    assert!(pending_ids(ws).is_empty());
}

#[test]
fn unknown_ids_and_an_empty_queue_are_refused_and_write_nothing() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    with_approval(ws);
    let r = run(ws, &["approve", "starsom", "--all"]);
    r.expect_code(2);
    assert!(r.stderr.contains("an empty queue"), "{}", r.stderr);
    record_pending(ws, "40", "2024-01-10T09:00:00Z");
    let before = std::fs::read(ledger_csv(ws)).expect("ledger");
    let r = run(ws, &["approve", "starsom", "0123456789ab"]);
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("no value waiting for review has the id `0123456789ab`"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(ledger_csv(ws)).expect("ledger"), before);
    run_env(
        ws,
        &["approve", "starsom", "--all"],
        &[("LOGFRAME_NOW", "2024-01-11T09:00:00Z")],
    )
    .expect_code(0);
    assert!(pending_ids(ws).is_empty());
}

#[test]
fn review_columns_appear_only_with_approval_and_are_never_dropped() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    run_env(
        ws,
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "33"],
        AT,
    )
    .expect_code(0);
    let text = std::fs::read_to_string(ledger_csv(ws)).expect("ledger");
    assert!(!text.contains("review"), "no approval, no review columns: {text}");

    with_approval(ws);
    record_pending(ws, "40", "2024-01-10T10:00:00Z");
    let text = std::fs::read_to_string(ledger_csv(ws)).expect("ledger");
    assert!(text.starts_with("indicator,period,value,numerator,denominator,score,sex,country,comment,source,recorded_at,recorded_by,review,review_of,reviewed_by,review_note\n"), "{text}");
    assert!(
        text.contains("1100.1,2023-Q4,33,,,,,,,,2024-01-10T09:00:00.000Z,tester,,,,\n"),
        "the old row kept, cell for cell: {text}"
    );

    // Approval turned off again: the pending row keeps its state.
    let path = ws.join("frameworks/starsom/logframe.yaml");
    let yaml = std::fs::read_to_string(&path)
        .expect("yaml")
        .replacen("  approval: true\n", "", 1);
    std::fs::write(&path, yaml).expect("write");
    run_env(
        ws,
        // m.garcia recorded 2023-Q2: replacing it takes --replace (issue 17).
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q2",
            "--value",
            "2",
            "--replace",
        ],
        &[("LOGFRAME_NOW", "2024-04-10T10:00:00Z")],
    )
    .expect_code(0);
    let text = std::fs::read_to_string(ledger_csv(ws)).expect("ledger");
    assert!(text.contains(",ana,pending,,,\n"), "{text}");
    assert_eq!(pending_ids(ws).len(), 1);
}

#[test]
fn hand_written_review_cells_are_checked_like_any_other() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    std::fs::write(
        ledger_csv(ws),
        "indicator,period,value,recorded_at,recorded_by,review,review_of\n\
         1100.1,2023-Q4,40,2024-01-10T09:00:00Z,ana,aproved,2024-01-09T09:00:00Z\n\
         1100.1,2023-Q4,41,2024-01-11T09:00:00Z,ana,approved,\n\
         1100.1,2023-Q4,42,2024-01-12T09:00:00Z,ana,pending,2024-01-09T09:00:00Z\n",
    )
    .expect("write");
    let r = run(ws, &["check", "starsom"]);
    r.expect_code(1);
    assert!(r.stderr.contains("unknown review state `aproved`"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `approved`"), "{}", r.stderr);
    assert!(r.stderr.contains("ledger.csv:2:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("an approved row names no pending row"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ledger.csv:3:"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("review_of on a row that is not an approval or a rejection"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_same_pending_value_sent_twice_waits_once() {
    let ws = workspace(&["starsom"]);
    let ws = ws.path();
    with_approval(ws);
    record_pending(ws, "40", "2024-01-10T09:00:00Z");
    let again = record_pending(ws, "40", "2024-01-10T09:05:00Z");
    assert!(
        again.stdout.contains("0 new, 0 corrections, 1 unchanged"),
        "{}",
        again.stdout
    );
    assert_eq!(pending_ids(ws).len(), 1);
    let text = std::fs::read_to_string(ledger_csv(ws)).expect("ledger");
    assert_eq!(text.matches(",pending,").count(), 1, "{text}");
    // Another value for the key does wait, in place of the first.
    record_pending(ws, "41", "2024-01-10T09:10:00Z");
    assert_eq!(pending_ids(ws).len(), 1);
    assert_eq!(
        std::fs::read_to_string(ledger_csv(ws))
            .expect("ledger")
            .matches(",pending,")
            .count(),
        2
    );
}
