//! The ledger through the CLI: record, corrections, --as-of, import (all or
//! nothing, idempotent, spreadsheet habits), --dry-run, concurrent writers.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, command, data_rows, fixture_workspace, run, run_env, workspace};
use serde_json::Value as Json;

const FW: &str = "base";

fn ledger_path(ws: &Path) -> PathBuf {
    ws.join("frameworks").join(FW).join("measurements").join("ledger.csv")
}

fn record_at(ws: &Path, now: &str, args: &[&str]) -> Run {
    let mut all = vec!["record", FW];
    all.extend_from_slice(args);
    run_env(ws, &all, &[("LOGFRAME_NOW", now)])
}

fn status_json(ws: &Path, extra: &[&str]) -> Json {
    let mut args = vec!["status", FW, "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(ws, &args);
    r.expect_code(0);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("status json: {e}\n{}", r.stdout))
}

fn indicator<'a>(status: &'a Json, id: &str) -> &'a Json {
    status["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|i| i["indicator"] == id)
        .unwrap_or_else(|| panic!("indicator {id} not in status"))
}

/// The to-date figure of an indicator as text ("12", or "num/den").
fn to_date(status: &Json, id: &str) -> String {
    let v = &indicator(status, id)["to_date_actual"];
    match v["kind"].as_str() {
        Some("number") => v["value"].as_str().unwrap().to_string(),
        Some("ratio") => format!(
            "{}/{}",
            v["numerator"].as_str().unwrap(),
            v["denominator"].as_str().unwrap()
        ),
        _ => v.to_string(),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

#[test]
fn record_then_status_reflects_the_value() {
    let ws = fixture_workspace("base", FW);
    let r = record_at(
        ws.path(),
        "2022-04-05T09:00:00Z",
        &[
            "1110.1",
            "--period",
            "2022-Q1",
            "--value",
            "12",
            "--dim",
            "sex=women",
            "--dim",
            "country=MX",
        ],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 new, 0 corrections, 0 unchanged"), "{}", r.stdout);
    assert_eq!(data_rows(&ledger_path(ws.path())), 1);
    let s = status_json(ws.path(), &["--period", "2022-Q1"]);
    assert_eq!(to_date(&s, "1110.1"), "12");
    // The row carries who and when.
    let ledger = std::fs::read_to_string(ledger_path(ws.path())).unwrap();
    assert!(ledger.contains("2022-04-05T09:00:00.000Z"), "{ledger}");
    assert!(ledger.contains(",tester"), "{ledger}");
}

#[test]
fn record_refuses_bad_values_and_writes_nothing() {
    let ws = fixture_workspace("base", FW);
    let cases: &[(&[&str], &str)] = &[
        (&["1110.1", "--period", "2022-Q1", "--value", "3,5"], "decimal comma"),
        (&["1110.1", "--period", "2022-Q1", "--value=-2"], "negative"),
        (
            &["1110.1", "--period", "2021-Q1", "--value", "2"],
            "outside the project",
        ),
        (
            &["1110.1", "--period", "2022-Q1", "--value", "2", "--dim", "country=PE"],
            "unknown country `PE`",
        ),
        (
            &["1110.1", "--period", "2022-Q1", "--value", "2", "--dim", "colour=red"],
            "unknown disaggregation `colour`",
        ),
        (
            &["1110.9", "--period", "2022-Q1", "--value", "2"],
            "unknown indicator `1110.9`",
        ),
        (
            &[
                "1100.1",
                "--period",
                "2022-Q1",
                "--numerator",
                "11",
                "--denominator",
                "10",
            ],
            "exceeds denominator",
        ),
    ];
    for (args, needle) in cases {
        let r = record_at(ws.path(), "2022-04-05T09:00:00Z", args);
        assert_ne!(r.code, 0, "{args:?} was accepted");
        assert!(r.stderr.contains(needle), "{args:?}: want `{needle}` in\n{}", r.stderr);
        assert!(!ledger_path(ws.path()).exists(), "{args:?} wrote the ledger");
    }
}

/// A `number` indicator may be negative (a change, a balance); the
/// command line must let the value through to the rules that judge it.
#[test]
fn record_takes_a_negative_number_after_value() {
    let ws = fixture_workspace("base", FW);
    let r = record_at(
        ws.path(),
        "2022-04-05T09:00:00Z",
        &["1100.2", "--period", "2022-Q1", "--value", "-2.75"],
    );
    r.expect_code(0);
    assert_eq!(
        to_date(&status_json(ws.path(), &["--period", "2022-Q1"]), "1100.2"),
        "-2.75"
    );
}

#[test]
fn recording_the_same_key_again_is_a_correction() {
    let ws = fixture_workspace("base", FW);
    let args = |v: &'static str| ["1100.2", "--period", "2022-Q1", "--value", v];
    record_at(ws.path(), "2022-04-10T08:00:00Z", &args("95")).expect_code(0);
    let again = record_at(ws.path(), "2022-05-02T08:00:00Z", &args("90"));
    again.expect_code(0);
    assert!(
        again.stdout.contains("0 new, 1 correction, 0 unchanged"),
        "{}",
        again.stdout
    );
    // Both rows stay in the ledger.
    assert_eq!(data_rows(&ledger_path(ws.path())), 2);

    let h = run(ws.path(), &["history", FW, "1100.2"]);
    h.expect_code(0);
    let rows: Vec<&str> = h.stdout.lines().filter(|l| l.starts_with("2022-Q1")).collect();
    assert_eq!(rows.len(), 2, "{}", h.stdout);
    assert!(
        rows[0].contains("95") && rows[0].ends_with("superseded"),
        "{}",
        h.stdout
    );
    assert!(rows[1].contains("90") && rows[1].ends_with("in force"), "{}", h.stdout);
    assert!(h.stdout.contains("2 rows, 1 in force, 1 superseded"), "{}", h.stdout);

    let s = status_json(ws.path(), &["--period", "2022-Q1"]);
    assert_eq!(to_date(&s, "1100.2"), "90");

    // As of a date before the correction, the ledger said 95.
    let before = status_json(ws.path(), &["--period", "2022-Q1", "--as-of", "2022-04-20"]);
    assert_eq!(to_date(&before, "1100.2"), "95");
    // As of the day of the correction, the correction counts (end of day).
    let on = status_json(ws.path(), &["--period", "2022-Q1", "--as-of", "2022-05-02"]);
    assert_eq!(to_date(&on, "1100.2"), "90");
    // As of a date before anything was recorded: no value.
    let empty = status_json(ws.path(), &["--period", "2022-Q1", "--as-of", "2022-04-01"]);
    assert!(indicator(&empty, "1100.2")["to_date_actual"].is_null(), "{empty}");

    let h_before = run(ws.path(), &["history", FW, "1100.2", "--as-of", "2022-04-20"]);
    h_before.expect_code(0);
    assert!(
        h_before.stdout.contains("1 rows, 1 in force, 0 superseded")
            || h_before.stdout.contains("1 row, 1 in force, 0 superseded"),
        "{}",
        h_before.stdout
    );
}

#[test]
fn recording_the_same_value_again_changes_nothing() {
    let ws = fixture_workspace("base", FW);
    let args = ["1100.2", "--period", "2022-Q1", "--value", "95"];
    record_at(ws.path(), "2022-04-10T08:00:00Z", &args).expect_code(0);
    let before = std::fs::read(ledger_path(ws.path())).unwrap();
    let r = record_at(ws.path(), "2022-04-11T08:00:00Z", &args);
    r.expect_code(0);
    assert!(r.stdout.contains("0 new, 0 corrections, 1 unchanged"), "{}", r.stdout);
    assert_eq!(std::fs::read(ledger_path(ws.path())).unwrap(), before);
}

#[test]
fn as_of_replays_the_shipped_starsom_correction() {
    let ws = workspace(&["starsom"]);
    let q4 = |extra: &[&str]| {
        let mut args = vec!["status", "starsom", "--period", "2022-Q4", "--format", "json"];
        args.extend_from_slice(extra);
        let r = run(ws.path(), &args);
        r.expect_code(0);
        let j: Json = serde_json::from_str(&r.stdout).unwrap();
        indicator(&j, "1200.1")["period_actual"]["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // 152 recorded 2023-01-24, corrected to 155 on 2023-04-24.
    assert_eq!(q4(&[]), "155");
    assert_eq!(q4(&["--as-of", "2023-02-01"]), "152");
    assert_eq!(q4(&["--as-of", "2023-04-24"]), "155");
}

const IMPORT: &str = "indicator,period,value,numerator,denominator,sex,country,comment\n\
1110.1,2022-Q1,5,,,women,MX,Workshop 1\n\
1110.1,2022-Q1,7,,,men,MX,Workshop 1\n\
1100.1,2022-Q1,,9,12,,MX,Survey\n\
1100.2,2022-Q1,97,,,,,\n\
1110.2,2022-Q2,yes,,,,,Published in May\n";

#[test]
fn import_writes_rows_and_a_second_import_changes_nothing() {
    let ws = fixture_workspace("base", FW);
    write(&ws.path().join("values.csv"), IMPORT.as_bytes());
    let first = run_env(
        ws.path(),
        &["import", FW, "values.csv"],
        &[("LOGFRAME_NOW", "2022-07-01T10:00:00Z")],
    );
    first.expect_code(0);
    assert!(
        first.stdout.contains("5 new, 0 corrections, 0 unchanged"),
        "{}",
        first.stdout
    );
    assert_eq!(data_rows(&ledger_path(ws.path())), 5);
    let bytes = std::fs::read(ledger_path(ws.path())).unwrap();

    let second = run_env(
        ws.path(),
        &["import", FW, "values.csv"],
        &[("LOGFRAME_NOW", "2022-07-02T10:00:00Z")],
    );
    second.expect_code(0);
    assert!(
        second.stdout.contains("0 new, 0 corrections, 5 unchanged"),
        "{}",
        second.stdout
    );
    assert_eq!(
        std::fs::read(ledger_path(ws.path())).unwrap(),
        bytes,
        "a second import rewrote the ledger"
    );

    let s = status_json(ws.path(), &["--period", "2022-Q2"]);
    assert_eq!(to_date(&s, "1110.1"), "12");
    assert_eq!(to_date(&s, "1100.1"), "9/12");
    assert_eq!(indicator(&s, "1110.2")["status"], "achieved");
    run(ws.path(), &["check", FW]).expect_code(0);
}

#[test]
fn import_of_a_changed_value_is_a_correction() {
    let ws = fixture_workspace("base", FW);
    write(&ws.path().join("values.csv"), IMPORT.as_bytes());
    run_env(
        ws.path(),
        &["import", FW, "values.csv"],
        &[("LOGFRAME_NOW", "2022-07-01T10:00:00Z")],
    )
    .expect_code(0);
    write(
        &ws.path().join("values.csv"),
        IMPORT.replace("1100.2,2022-Q1,97", "1100.2,2022-Q1,96").as_bytes(),
    );
    let r = run_env(
        ws.path(),
        &["import", FW, "values.csv"],
        &[("LOGFRAME_NOW", "2022-07-05T10:00:00Z")],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("0 new, 1 correction, 4 unchanged"), "{}", r.stdout);
    assert_eq!(data_rows(&ledger_path(ws.path())), 6);
    assert_eq!(
        to_date(&status_json(ws.path(), &["--period", "2022-Q1"]), "1100.2"),
        "96"
    );
}

#[test]
fn import_with_bad_rows_writes_nothing_and_lists_every_bad_row() {
    let ws = fixture_workspace("base", FW);
    write(&ws.path().join("values.csv"), IMPORT.as_bytes());
    run_env(
        ws.path(),
        &["import", FW, "values.csv"],
        &[("LOGFRAME_NOW", "2022-07-01T10:00:00Z")],
    )
    .expect_code(0);
    let before = std::fs::read(ledger_path(ws.path())).unwrap();

    let bad = "indicator,period,value,sex,country\n\
1110.1,2022-Q2,4,women,GT\n\
1110.1,2022-Q2,four,men,GT\n\
1100.2,2022-Q2,93,,\n\
1110.1,2025-Q1,3,women,GT\n\
1110.1,2022-Q3,2,women,PE\n\
1100.2,2022-Q3,91,,\n";
    write(&ws.path().join("bad.csv"), bad.as_bytes());
    let r = run_env(
        ws.path(),
        &["import", FW, "bad.csv"],
        &[("LOGFRAME_NOW", "2022-10-01T10:00:00Z")],
    );
    r.expect_code(1);
    for line in ["bad.csv:3:", "bad.csv:5:", "bad.csv:6:"] {
        assert!(r.stderr.contains(line), "bad row {line} not reported:\n{}", r.stderr);
    }
    for line in ["bad.csv:2:", "bad.csv:4:", "bad.csv:7:"] {
        assert!(!r.stderr.contains(line), "good row {line} reported:\n{}", r.stderr);
    }
    assert!(r.stderr.contains("3 errors"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(
        std::fs::read(ledger_path(ws.path())).unwrap(),
        before,
        "a failed import changed the ledger"
    );
}

#[test]
fn import_accepts_bom_semicolons_and_crlf() {
    let ws = fixture_workspace("base", FW);
    let text = "\u{feff}Indicator;Period;Value;Sex;Country;Comment\r\n\
1110.1;2022-Q1;5;women;MX;\"Lima; Perú\"\r\n\
1110.1;2022-Q1;6;men;MX;\r\n\
1100.2;2022-Q1;98.5;;;\r\n";
    write(&ws.path().join("excel.csv"), text.as_bytes());
    let r = run_env(
        ws.path(),
        &["import", FW, "excel.csv"],
        &[("LOGFRAME_NOW", "2022-04-01T10:00:00Z")],
    );
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.contains("3 new"), "{}", r.stdout);
    let s = status_json(ws.path(), &["--period", "2022-Q1"]);
    assert_eq!(to_date(&s, "1110.1"), "11");
    assert_eq!(to_date(&s, "1100.2"), "98.5");
    // The ledger itself is plain: comma-separated, LF, no BOM, comment kept.
    let ledger = std::fs::read_to_string(ledger_path(ws.path())).unwrap();
    assert!(!ledger.starts_with('\u{feff}') && !ledger.contains('\r'), "{ledger:?}");
    assert!(ledger.contains("Lima; Perú"), "{ledger}");
    run(ws.path(), &["check", FW]).expect_code(0);
}

#[test]
fn dry_run_reports_and_writes_nothing() {
    let ws = fixture_workspace("base", FW);
    write(&ws.path().join("values.csv"), IMPORT.as_bytes());
    let r = run(ws.path(), &["import", FW, "values.csv", "--dry-run"]);
    r.expect_code(0);
    assert!(
        r.stdout.contains("dry run") && r.stdout.contains("5 new"),
        "{}",
        r.stdout
    );
    assert!(!ledger_path(ws.path()).exists(), "--dry-run created the ledger");

    run(ws.path(), &["import", FW, "values.csv"]).expect_code(0);
    let before = std::fs::read(ledger_path(ws.path())).unwrap();
    write(
        &ws.path().join("more.csv"),
        b"indicator,period,value\n1100.2,2022-Q2,94\n1100.2,2022-Q1,1\n",
    );
    let r = run(ws.path(), &["import", FW, "more.csv", "--dry-run"]);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new, 1 correction"), "{}", r.stdout);
    assert_eq!(
        std::fs::read(ledger_path(ws.path())).unwrap(),
        before,
        "--dry-run changed the ledger"
    );
}

#[test]
fn concurrent_records_lose_nothing() {
    let ws = fixture_workspace("base", FW);
    let periods = [
        "2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4",
    ];
    let children: Vec<_> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let value = (100 - i).to_string();
            command(ws.path(), &["record", FW, "1100.2", "--period", p, "--value", &value])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn record")
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a record failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let path = ledger_path(ws.path());
    assert_eq!(data_rows(&path), 8, "{}", std::fs::read_to_string(&path).unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    for (i, p) in periods.iter().enumerate() {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("1100.2,{p},{},", 100 - i))),
            "{p} lost:\n{text}"
        );
    }
    run(ws.path(), &["check", FW]).expect_code(0);
    // No temporary files are left behind.
    let leftovers: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn concurrent_imports_of_different_files_lose_nothing() {
    let ws = fixture_workspace("base", FW);
    let mut children = Vec::new();
    for (i, country) in ["MX", "GT"].iter().enumerate() {
        for (j, sex) in ["women", "men"].iter().enumerate() {
            let name = format!("part-{i}-{j}.csv");
            let mut text = String::from("indicator,period,value,sex,country\n");
            for q in ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"] {
                text.push_str(&format!("1110.1,{q},{},{sex},{country}\n", 1 + i + j));
            }
            write(&ws.path().join(&name), text.as_bytes());
            children.push(
                command(ws.path(), &["import", FW, &name])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap(),
            );
        }
    }
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "an import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(data_rows(&ledger_path(ws.path())), 16);
    let s = status_json(ws.path(), &["--period", "2022-Q4"]);
    // 4 quarters x (1 + 2 + 2 + 3)
    assert_eq!(to_date(&s, "1110.1"), "32");
}

#[test]
fn a_breakdown_given_twice_is_a_usage_error() {
    let ws = fixture_workspace("base", FW);
    let args = [
        "1110.1",
        "--period",
        "2022-Q1",
        "--value",
        "3",
        "--dim",
        "sex=women",
        "--dim",
        "sex=men",
    ];
    let r = record_at(ws.path(), "2022-04-05T09:00:00Z", &args);
    r.expect_code(2);
    assert!(r.stderr.contains("--dim sex is given twice"), "{}", r.stderr);
    assert!(!ledger_path(ws.path()).exists());
}

#[test]
fn reimporting_rows_dated_before_the_value_in_force_changes_nothing() {
    let ws = fixture_workspace("base", FW);
    record_at(
        ws.path(),
        "2024-05-01T00:00:00Z",
        &["1100.2", "--period", "2022-Q3", "--value", "12"],
    )
    .expect_code(0);
    let file = ws.path().join("old.csv");
    write(
        &file,
        b"indicator,period,value,recorded_at\n1100.2,2022-Q3,777,2022-10-20T00:00:00Z\n",
    );
    let first = run(ws.path(), &["import", FW, "old.csv"]);
    first.expect_code(0);
    // Kept in the trail, but the newer value stays in force: not a correction.
    assert!(first.stdout.contains("0 corrections"), "{}", first.stdout);
    assert!(
        first.stdout.contains("1 older than the value in force"),
        "{}",
        first.stdout
    );
    let before = std::fs::read(ledger_path(ws.path())).unwrap();
    let second = run(ws.path(), &["import", FW, "old.csv"]);
    second.expect_code(0);
    assert!(
        second.stdout.contains("0 new, 0 corrections, 1 unchanged"),
        "{}",
        second.stdout
    );
    assert_eq!(
        std::fs::read(ledger_path(ws.path())).unwrap(),
        before,
        "the second import wrote"
    );
    let s = status_json(ws.path(), &["--period", "2022-Q3"]);
    assert_eq!(to_date(&s, "1100.2"), "12");
}

#[test]
fn an_unreadable_ledger_is_an_io_error_not_a_finding() {
    let ws = fixture_workspace("base", FW);
    std::fs::create_dir_all(ledger_path(ws.path())).unwrap(); // a folder where the file should be
    let r = run(ws.path(), &["status", FW]);
    r.expect_code(2);
    assert!(r.stderr.contains("cannot read"), "{}", r.stderr);
    run(ws.path(), &["check", FW]).expect_code(2);
}
