//! CLI golden tests on the shipped frameworks: the command, its exit code,
//! and its output compared with a file under `tests/golden/`
//! (`UPDATE_GOLDEN=1 cargo test` rewrites them).

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{assert_golden, command, run, tests_dir, workspace};

fn golden_path(name: &str) -> std::path::PathBuf {
    tests_dir().join("golden").join(name)
}

#[test]
fn status_starsom_2023_q3_in_every_format() {
    let ws = workspace(&["starsom"]);
    for (format, file) in [
        ("table", "status_starsom_2023-Q3.txt"),
        ("csv", "status_starsom_2023-Q3.csv"),
        ("json", "status_starsom_2023-Q3.json"),
    ] {
        let r = run(
            ws.path(),
            &["status", "starsom", "--period", "2023-Q3", "--format", format],
        );
        r.expect_code(0);
        assert_eq!(
            r.stderr, "",
            "status --format {format} on a clean framework prints no diagnostics"
        );
        assert_golden(&golden_path(file), &r.stdout);
    }
}

#[test]
fn status_table_names_the_period_and_every_indicator() {
    let ws = workspace(&["starsom"]);
    let r = run(ws.path(), &["status", "starsom", "--period", "2023-Q3"]);
    r.expect_code(0);
    assert!(
        r.stdout.contains("period 2023-Q3 (2023-07-01 .. 2023-09-30)"),
        "{}",
        r.stdout
    );
    for id in [
        "1000.1", "1100.1", "1100.2", "1110.1", "1111.1", "1111.2", "1112.1", "1200.1", "1200.2", "1210.1", "1211.1",
        "1212.1",
    ] {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(id)),
            "indicator {id} missing:\n{}",
            r.stdout
        );
    }
    assert!(r.stdout.contains("12 indicators:"), "{}", r.stdout);
    assert!(!r.stdout.contains("NaN"), "{}", r.stdout);
}

#[test]
fn status_csv_has_one_row_per_indicator_and_agrees_with_json() {
    let ws = workspace(&["starsom"]);
    let csv_out = run(
        ws.path(),
        &["status", "starsom", "--period", "2023-Q3", "--format", "csv"],
    );
    let json_out = run(
        ws.path(),
        &["status", "starsom", "--period", "2023-Q3", "--format", "json"],
    );
    csv_out.expect_code(0);
    json_out.expect_code(0);
    let mut rdr = csv::Reader::from_reader(csv_out.stdout.as_bytes());
    let header: Vec<String> = rdr.headers().expect("header").iter().map(str::to_string).collect();
    for col in [
        "indicator",
        "period",
        "to_date_actual",
        "target_to_date",
        "percent_to_date",
        "status",
        "explanation",
    ] {
        assert!(header.iter().any(|h| h == col), "csv lacks column {col}: {header:?}");
    }
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("csv row")).collect();
    let json: serde_json::Value = serde_json::from_str(&json_out.stdout).expect("status json parses");
    let inds = json["indicators"].as_array().expect("indicators array");
    assert_eq!(rows.len(), 12);
    assert_eq!(inds.len(), 12);
    assert_eq!(json["framework"], "starsom");
    assert_eq!(json["period"], "2023-Q3");
    for (row, ind) in rows.iter().zip(inds) {
        assert_eq!(&row[col("indicator")], ind["indicator"].as_str().unwrap());
        assert_eq!(&row[col("period")], "2023-Q3");
        let dec = |s: &str| (!s.is_empty()).then(|| s.parse::<rust_decimal::Decimal>().expect("a decimal"));
        let pct = ind["percent_to_date"].as_str().unwrap_or("");
        assert_eq!(dec(&row[col("percent_to_date")]), dec(pct), "indicator {}", &row[0]);
        // The CSV prints the status label, the JSON its snake_case name.
        assert_eq!(
            row[col("status")].replace(' ', "_"),
            ind["status"].as_str().unwrap(),
            "indicator {}",
            &row[0]
        );
    }
}

#[test]
fn check_accepts_every_shipped_framework() {
    let names = ["iom-px0012", "starsom", "unodc-glot92"];
    let ws = workspace(&names);
    let all = run(ws.path(), &["check"]);
    all.expect_code(0);
    assert_eq!(all.stderr, "");
    for name in names {
        assert!(
            all.stdout.lines().any(|l| l.starts_with(name) && l.ends_with(": ok")),
            "{name} not ok:\n{}",
            all.stdout
        );
        let one = run(ws.path(), &["check", name]);
        one.expect_code(0);
        assert_eq!(one.stderr, "", "check {name}");
    }
}

#[test]
fn check_also_takes_a_folder_path() {
    let ws = workspace(&["starsom"]);
    run(ws.path(), &["check", "frameworks/starsom"]).expect_code(0);
    run(ws.path(), &["check", "frameworks/starsom/logframe.yaml"]).expect_code(0);
    run(&ws.path().join("frameworks/starsom"), &["check", "."]).expect_code(0);
}

#[test]
fn unknown_framework_is_a_usage_error_with_a_suggestion() {
    let ws = workspace(&["starsom"]);
    let r = run(ws.path(), &["status", "starsm"]);
    r.expect_code(2);
    assert!(r.stderr.contains("no framework `starsm`"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `starsom`?"), "{}", r.stderr);
}

#[test]
fn check_without_frameworks_is_a_usage_error() {
    let empty = tempfile::tempdir().unwrap();
    let r = run(empty.path(), &["check"]);
    r.expect_code(2);
    assert!(r.stderr.contains("no frameworks under ./frameworks"), "{}", r.stderr);
}

#[test]
fn bad_arguments_are_usage_errors() {
    let ws = workspace(&["starsom"]);
    for args in [
        &["status", "starsom", "--period", "2019-Q1"][..],
        &["status", "starsom", "--period", "2023-Q5"],
        &["status", "starsom", "--as-of", "yesterday"],
        &["status", "starsom", "--format", "xml"],
        &["history", "starsom", "1100.9"],
        &["frobnicate"],
    ] {
        let r = run(ws.path(), args);
        assert_eq!(r.code, 2, "{args:?} should exit 2\n{}{}", r.stdout, r.stderr);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn history_shows_a_correction_and_the_value_it_superseded() {
    let ws = workspace(&["starsom"]);
    let r = run(ws.path(), &["history", "starsom", "1200.1", "--period", "2022-Q4"]);
    r.expect_code(0);
    assert_golden(&golden_path("history_starsom_1200.1_2022-Q4.txt"), &r.stdout);
    let rows: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("2022-Q4")).collect();
    assert_eq!(rows.len(), 2, "{}", r.stdout);
    assert!(
        rows[0].contains("152") && rows[0].ends_with("superseded"),
        "older row first, superseded: {}",
        rows[0]
    );
    assert!(
        rows[1].contains("155") && rows[1].ends_with("in force"),
        "correction in force: {}",
        rows[1]
    );
    assert!(
        rows[1].contains("j.tremblay") && rows[1].contains("2023-04-24 10:15"),
        "who and when: {}",
        rows[1]
    );
    assert!(r.stdout.contains("2 rows, 1 in force, 1 superseded"), "{}", r.stdout);
}

#[test]
fn history_of_an_indicator_lists_every_period() {
    let ws = workspace(&["starsom"]);
    let r = run(ws.path(), &["history", "starsom", "1200.1"]);
    r.expect_code(0);
    assert_golden(&golden_path("history_starsom_1200.1.txt"), &r.stdout);
    assert_eq!(
        r.stdout.matches("superseded").count(),
        2,
        "one superseded row plus the summary:\n{}",
        r.stdout
    );
}

#[test]
fn schema_is_json_describing_targets() {
    let ws = tempfile::tempdir().unwrap();
    let r = run(ws.path(), &["schema"]);
    r.expect_code(0);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).expect("schema is valid JSON");
    assert!(r.stdout.contains("\"targets\""), "schema does not mention targets");
    assert!(
        schema["properties"]["results"].is_object(),
        "top-level `results` property: {schema}"
    );
    assert!(
        schema["properties"]["project"].is_object(),
        "top-level `project` property"
    );
    // Unknown keys are errors, so the schema says so too.
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false),
        "top level denies unknown keys"
    );
}

#[test]
fn init_creates_a_framework_that_check_accepts() {
    let ws = tempfile::tempdir().unwrap();
    let r = run(ws.path(), &["init", "my-project"]);
    r.expect_code(0);
    assert!(ws.path().join("frameworks/my-project/logframe.yaml").is_file());
    assert!(ws.path().join("frameworks/my-project/measurements").is_dir());
    let c = run(ws.path(), &["check", "my-project"]);
    c.expect_code(0);
    assert_eq!(c.stderr, "", "the starter framework has no findings");
    assert!(
        c.stdout.contains("my-project:") && c.stdout.trim_end().ends_with("ok"),
        "{}",
        c.stdout
    );
    // The id defaults from the name given.
    let s = run(ws.path(), &["status", "my-project", "--format", "json"]);
    s.expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&s.stdout).expect("json");
    assert_eq!(json["framework"], "my-project");
}

#[test]
fn init_refuses_bad_names_and_existing_folders() {
    let ws = tempfile::tempdir().unwrap();
    run(ws.path(), &["init", "My Project"]).expect_code(2);
    run(ws.path(), &["init", "../escape"]).expect_code(2);
    run(ws.path(), &["init", "p1"]).expect_code(0);
    let again = run(ws.path(), &["init", "p1"]);
    again.expect_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn init_with_dir_puts_the_framework_there() {
    let ws = tempfile::tempdir().unwrap();
    run(ws.path(), &["init", "p2", "--dir", "elsewhere"]).expect_code(0);
    assert!(ws.path().join("elsewhere/p2/logframe.yaml").is_file());
    run(ws.path(), &["check", "elsewhere/p2"]).expect_code(0);
}

/// `logframe history starsom 1111.2 | head -1` must not end in a panic when
/// the reader goes away.
#[test]
fn closed_stdout_is_not_a_panic() {
    let ws = workspace(&["starsom"]);
    for args in [
        &["history", "starsom", "1111.2"][..],
        &["status", "starsom", "--format", "json"],
        &["schema"],
    ] {
        let mut child = command(ws.path(), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        let status = child.wait().unwrap();
        assert!(
            !err.contains("panicked"),
            "{args:?} panicked on a closed pipe (exit {status:?}):\n{err}"
        );
    }
}
