//! Whose value is it (issue 17): a correction that replaces a value
//! someone else recorded is refused without `--replace`, saying who
//! recorded it, when, and the value; one's own values are corrected as
//! before.
//!
//! STARSOM's 1111.1 is not broken down by country, so the Guatemala and
//! Honduras officers write the same key: ana records 2023-Q4 = 2, then luis
//! would replace it with 1.

mod common;

use std::path::Path;

use common::{Run, run_env, workspace};

fn as_user(ws: &Path, user: &str, at: &str, args: &[&str]) -> Run {
    run_env(ws, args, &[("LOGFRAME_USER", user), ("LOGFRAME_NOW", at)])
}

const ANA: [&str; 7] = ["record", "starsom", "1111.1", "--period", "2023-Q4", "--value", "2"];
const LUIS: [&str; 7] = ["record", "starsom", "1111.1", "--period", "2023-Q4", "--value", "1"];

#[test]
fn replacing_a_colleague_s_value_needs_replace_and_says_whose_it_was() {
    let ws = workspace(&["starsom"]);
    let ledger = ws.path().join("frameworks/starsom/measurements/ledger.csv");
    as_user(ws.path(), "ana", "2024-01-10T09:00:00Z", &ANA).expect_code(0);
    let before = std::fs::read(&ledger).expect("read");
    let r = as_user(ws.path(), "luis", "2024-01-11T09:00:00Z", &LUIS);
    r.expect_code(1);
    assert!(
        r.stderr.contains(
            "1111.1 2023-Q4 (total) = 2 was recorded by ana (2024-01-10T09:00:00.000Z, frameworks/starsom/measurements/ledger.csv:2)"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--replace to replace a value ana recorded"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2 by ana, then 1 by luis"), "{}", r.stderr);
    assert_eq!(std::fs::read(&ledger).expect("read"), before, "nothing written");
    // With --replace: a correction.
    let mut args = LUIS.to_vec();
    args.push("--replace");
    let r = as_user(ws.path(), "luis", "2024-01-11T09:00:00Z", &args);
    r.expect_code(0);
    assert!(r.stdout.contains("0 new, 1 correction"), "{}", r.stdout);
    assert!(
        r.stdout.contains("  1111.1 2023-Q4 (total): 2 -> 1\n"),
        "the echo: {}",
        r.stdout
    );
    // luis corrects his own value as before.
    let own = ["record", "starsom", "1111.1", "--period", "2023-Q4", "--value", "3"];
    as_user(ws.path(), "luis", "2024-01-12T09:00:00Z", &own).expect_code(0);
}

#[test]
fn an_import_replacing_someone_else_s_value_is_refused_whole_unless_replace() {
    let ws = workspace(&["starsom"]);
    as_user(ws.path(), "ana", "2024-01-10T09:00:00Z", &ANA).expect_code(0);
    let file = ws.path().join("hn.csv");
    std::fs::write(
        &file,
        "indicator,period,value,country\n1100.1,2023-Q4,1,HN\n1111.1,2023-Q4,1,\n",
    )
    .expect("write");
    let path = file.to_str().expect("utf-8");
    let r = as_user(ws.path(), "luis", "2024-01-11T09:00:00Z", &["import", "starsom", path]);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("line 3 would replace 1111.1 2023-Q4 (total) = 2, recorded by ana"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hn.csv:3"), "{}", r.stderr);
    let r = as_user(
        ws.path(),
        "luis",
        "2024-01-11T09:00:00Z",
        &["import", "starsom", path, "--replace"],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 new, 1 correction"), "{}", r.stdout);
}

#[test]
fn a_comment_on_a_colleague_s_value_is_not_held_back() {
    let ws = workspace(&["starsom"]);
    as_user(ws.path(), "ana", "2024-01-10T09:00:00Z", &ANA).expect_code(0);
    // The same value 2 with a comment: no figure replaced.
    let mut args = ANA.to_vec();
    args.extend(["--comment", "checked against the workshop lists"]);
    let r = as_user(ws.path(), "luis", "2024-01-11T09:00:00Z", &args);
    r.expect_code(0);
    assert!(
        r.stdout
            .contains("1111.1 2023-Q4 (total): 2 (same value, comment changed)"),
        "{}",
        r.stdout
    );
}
