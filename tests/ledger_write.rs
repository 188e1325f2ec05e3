//! The ledger write path against what it must never do: wipe rows of a
//! ledger in another dialect, accept a row that ties with another file (and
//! so makes the framework unusable), accept a future `recorded_at` (which
//! pins a value), call a row that does not come into force a correction,
//! leave a killed writer's temporary file, replace a symlinked ledger.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, run, run_env, workspace};

fn measurements(ws: &Path, fw: &str) -> PathBuf {
    ws.join("frameworks").join(fw).join("measurements")
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

fn import_text(ws: &Path, fw: &str, name: &str, text: &str, env: &[(&str, &str)]) -> Run {
    let file = ws.join(name);
    write(&file, text.as_bytes());
    run_env(ws, &["import", fw, file.to_str().expect("utf-8 path")], env)
}

/// Every record of a CSV text (byte-order mark skipped) with `delimiter`.
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("the ledger parses").iter().map(str::to_string).collect())
        .collect()
}

/// `iom-px0012`'s ledger.csv rewritten as Excel's French locale writes it:
/// byte-order mark, `;`, CRLF. Returns the new text.
fn semicolon_ledger(ws: &Path) -> String {
    let path = measurements(ws, "iom-px0012").join("ledger.csv");
    let rows = records(&String::from_utf8(read(&path)).expect("utf-8"), b',');
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).expect("write");
    }
    let text = format!(
        "\u{feff}{}",
        String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
    );
    write(&path, text.as_bytes());
    text
}

#[test]
fn record_keeps_every_row_of_a_semicolon_ledger_in_its_dialect() {
    let ws = workspace(&["iom-px0012"]);
    let old = semicolon_ledger(ws.path());
    let before = records(&old, b';');
    run(ws.path(), &["check", "iom-px0012"]).expect_code(0);
    // 9: the sum of c.rojas's country parts (2 + 1 + 2 + 1 + 1 + 1 + 1); a
    // total that disagreed with them would be refused (tests/total_parts.rs).
    run(
        ws.path(),
        &["record", "iom-px0012", "OBJ.1", "--period", "2013-H2", "--value", "9"],
    )
    .expect_code(0);
    let new = String::from_utf8(read(&measurements(ws.path(), "iom-px0012").join("ledger.csv"))).expect("utf-8");
    assert!(
        new.starts_with(&old),
        "the old rows are kept byte for byte (BOM, `;`, CRLF)"
    );
    let after = records(&new, b';');
    assert_eq!(after.len(), before.len() + 1, "one row added, none lost");
    assert_eq!(&after[..before.len()], &before[..]);
    assert_eq!(&after[before.len()][..3], ["OBJ.1", "2013-H2", "9"]);
    assert!(new.ends_with("tester\r\n"), "the new row uses the file's line ends");
    let r = run(ws.path(), &["history", "iom-px0012", "OP3.1.1"]);
    r.expect_code(0);
    assert!(r.stdout.contains("l.mejia"), "old rows still read: {}", r.stdout);
}

#[test]
fn record_rewrites_a_semicolon_ledger_with_an_old_header_value_for_value() {
    // A header without a disaggregation column is re-emitted under the
    // canonical header: still `;`, still every row.
    let ws = workspace(&["iom-px0012"]);
    let path = measurements(ws.path(), "iom-px0012").join("ledger.csv");
    let text = "indicator;period;value;comment;recorded_at;recorded_by\r\n\
                OBJ.1;2013-H1;3;\"a; b\";2013-07-01T00:00:00Z;ana\r\n";
    write(&path, text.as_bytes());
    run(
        ws.path(),
        &["record", "iom-px0012", "OBJ.1", "--period", "2013-H2", "--value", "10"],
    )
    .expect_code(0);
    let new = String::from_utf8(read(&path)).expect("utf-8");
    let rows = records(&new, b';');
    assert_eq!(rows.len(), 3, "{new}");
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect("canonical column");
    assert_eq!(rows[1][col("comment")], "a; b");
    assert_eq!(rows[1][col("recorded_by")], "ana");
    assert_eq!(rows[2][col("value")], "10");
}

const TIE_TIME: &str = "2023-04-20T09:00:00Z";

#[test]
fn import_tying_with_a_row_of_another_file_is_refused_with_both_locations() {
    // starsom's 2023.csv line 14: 1100.1 2023-Q1 total = 6 at TIE_TIME.
    let ws = workspace(&["starsom"]);
    let dir = measurements(ws.path(), "starsom");
    let r = import_text(
        ws.path(),
        "starsom",
        "tie.csv",
        &format!("indicator,period,value,recorded_at\n1100.1,2022-Q4,5,\n1100.1,2023-Q1,7,{TIE_TIME}\n"),
        &[],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("line 3"), "{}", r.stderr);
    assert!(r.stderr.contains("2023.csv:14"), "{}", r.stderr);
    assert!(
        r.stderr.contains("tie.csv:3"),
        "located in the import file: {}",
        r.stderr
    );
    assert!(!dir.join("ledger.csv").exists(), "all or nothing: nothing written");
    run(ws.path(), &["status", "starsom"]).expect_code(0);
    // The same row one second later is a correction, and works.
    let r = import_text(
        ws.path(),
        "starsom",
        "later.csv",
        "indicator,period,value,recorded_at\n1100.1,2023-Q1,7,2023-04-20T09:00:01Z\n",
        // m.garcia's own correction (someone else's would need --replace).
        &[("LOGFRAME_USER", "m.garcia")],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 correction"), "{}", r.stdout);
    run(ws.path(), &["status", "starsom"]).expect_code(0);
}

#[test]
fn record_at_the_time_of_a_row_in_another_file_is_refused() {
    let ws = workspace(&["starsom"]);
    let r = run_env(
        ws.path(),
        &["record", "starsom", "1100.1", "--period", "2023-Q1", "--value", "7"],
        &[("LOGFRAME_NOW", TIE_TIME)],
    );
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(r.stderr.contains("2023.csv:14"), "{}", r.stderr);
    assert!(!measurements(ws.path(), "starsom").join("ledger.csv").exists());
    run(ws.path(), &["status", "starsom"]).expect_code(0);
}

#[test]
fn future_recorded_at_is_refused_by_record_and_import() {
    let ws = workspace(&["starsom"]);
    let ledger = measurements(ws.path(), "starsom").join("ledger.csv");
    let r = run_env(
        ws.path(),
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "7"],
        &[("LOGFRAME_NOW", "2999-01-01T00:00:00Z")],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("LOGFRAME_NOW is in the future"), "{}", r.stderr);
    assert!(!ledger.exists());
    let r = import_text(
        ws.path(),
        "starsom",
        "future.csv",
        "indicator,period,value,recorded_at\n1100.1,2023-Q3,5,\n1100.1,2023-Q4,7,2999-01-01T00:00:00Z\n",
        &[],
    );
    r.expect_code(1);
    assert!(
        r.stderr.contains("line 3 has a recorded_at in the future"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("future.csv:3"), "{}", r.stderr);
    assert!(!ledger.exists(), "all or nothing");
}

/// A ledger already holding a row dated in the future (written before the
/// refusal existed, or by hand).
fn with_future_row(ws: &Path) -> PathBuf {
    let file = measurements(ws, "starsom").join("2024.csv");
    write(
        &file,
        b"indicator,period,value,recorded_at,recorded_by\n1100.1,2023-Q4,7,2999-01-01T00:00:00Z,mallory\n",
    );
    file
}

#[test]
fn a_row_that_does_not_come_into_force_is_not_called_a_correction() {
    let ws = workspace(&["starsom"]);
    with_future_row(ws.path());
    let r = run(
        ws.path(),
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "8"],
    );
    r.expect_code(0);
    assert!(r.stdout.contains("0 corrections"), "{}", r.stdout);
    assert!(r.stdout.contains("1 older than the value in force"), "{}", r.stdout);
    assert!(r.stdout.contains("kept in the trail, not in force"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("7 stays in force (recorded 2999-01-01T00:00:00.000Z by mallory, "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("2024.csv:2)"), "{}", r.stdout);
}

#[test]
fn check_quality_reports_rows_recorded_in_the_future() {
    let ws = workspace(&["starsom"]);
    with_future_row(ws.path());
    let r = run(ws.path(), &["check", "--quality", "starsom"]);
    assert!(
        r.stderr.contains("1100.1 2023-Q4 (total) is recorded in the future"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("2024.csv:2:"), "located: {}", r.stderr);
}

#[test]
fn stale_temporary_files_of_a_killed_writer_are_removed() {
    let ws = workspace(&["starsom"]);
    let dir = measurements(ws.path(), "starsom");
    let stale = [dir.join(".ledger.csv.4242.tmp"), dir.join(".ledger.csv.1.tmp")];
    for s in &stale {
        write(s, b"indicator,period\nhalf a ro");
    }
    let other = dir.join(".ledger.csv.notes");
    write(&other, b"not ours");
    run(
        ws.path(),
        &["record", "starsom", "1100.1", "--period", "2023-Q4", "--value", "8"],
    )
    .expect_code(0);
    for s in &stale {
        assert!(!s.exists(), "{} is left", s.display());
    }
    assert!(other.exists(), "only temporary files of writers are removed");
}

#[cfg(unix)]
#[test]
fn a_symlinked_ledger_is_written_through_to_its_target() {
    let ws = workspace(&["iom-px0012"]);
    let dir = measurements(ws.path(), "iom-px0012");
    let elsewhere = ws.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let target = elsewhere.join("iom-ledger.csv");
    std::fs::rename(dir.join("ledger.csv"), &target).expect("move");
    std::os::unix::fs::symlink(&target, dir.join("ledger.csv")).expect("symlink");
    let before = read(&target);
    // 9: the sum of c.rojas's country parts, as above.
    run(
        ws.path(),
        &["record", "iom-px0012", "OBJ.1", "--period", "2013-H2", "--value", "9"],
    )
    .expect_code(0);
    let link = std::fs::symlink_metadata(dir.join("ledger.csv")).expect("stat");
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let after = read(&target);
    assert!(
        after.starts_with(&before) && after.len() > before.len(),
        "the target got the row"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&elsewhere).expect("list").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file beside the target");
    let r = run(ws.path(), &["history", "iom-px0012", "OBJ.1"]);
    assert!(r.stdout.contains("tester"), "{}", r.stdout);
}

#[test]
fn rows_of_a_crlf_ledger_file_are_named_by_their_own_line() {
    // The reader reported CRLF rows on the line before theirs, so messages
    // that name a ledger row (`file:line`) pointed at its neighbour.
    let ws = workspace(&["starsom"]);
    let file = measurements(ws.path(), "starsom").join("2023.csv");
    let text = String::from_utf8(read(&file)).expect("utf-8").replace('\n', "\r\n");
    write(&file, text.as_bytes());
    let r = import_text(
        ws.path(),
        "starsom",
        "tie.csv",
        &format!("indicator,period,value,recorded_at\n1100.1,2023-Q1,7,{TIE_TIME}\n"),
        &[],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("2023.csv:14"), "{}", r.stderr);
}

#[test]
fn an_import_stamped_with_a_future_logframe_now_is_refused_once() {
    let ws = workspace(&["starsom"]);
    let r = import_text(
        ws.path(),
        "starsom",
        "plain.csv",
        "indicator,period,value\n1100.1,2023-Q3,5\n1100.1,2023-Q4,7\n",
        &[("LOGFRAME_NOW", "2999-01-01T00:00:00Z")],
    );
    r.expect_code(2);
    assert_eq!(
        r.stderr.matches("LOGFRAME_NOW is in the future").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(!measurements(ws.path(), "starsom").join("ledger.csv").exists());
}

#[test]
fn a_spreadsheet_row_tying_with_the_ledger_is_refused_naming_its_cell() {
    // starsom-2023-Q4.xlsx row 2: 1100.1 2023-Q4 MX = 2 at 2024-01-20T09:30:00Z.
    let ws = workspace(&["starsom"]);
    write(
        &measurements(ws.path(), "starsom").join("2024.csv"),
        b"indicator,period,value,country,recorded_at\n1100.1,2023-Q4,3,MX,2024-01-20T09:30:00Z\n",
    );
    let book = common::tests_dir().join("fixtures/xlsx/starsom-2023-Q4.xlsx");
    let r = run(
        ws.path(),
        &["import", "starsom", book.to_str().expect("path"), "--sheet", "Q4"],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("Q4!A2: row 2 gives 1100.1 2023-Q4"), "{}", r.stderr);
    assert!(r.stderr.contains("2024.csv:2"), "{}", r.stderr);
    assert!(!measurements(ws.path(), "starsom").join("ledger.csv").exists());
}

/// Data-quality findings in a tab-separated ledger file point at their
/// cell: the quality rules read the file's dialect from the one sniffer the
/// ledger reader uses (they had their own `,`/`;` guess, so a tab file got
/// the whole line).
#[test]
fn quality_findings_in_a_tab_separated_file_name_their_cell() {
    let ws = workspace(&["starsom"]);
    let file = measurements(ws.path(), "starsom").join("2024.csv");
    write(
        &file,
        b"indicator\tperiod\tvalue\trecorded_at\trecorded_by\n1100.1\t2023-Q4\t7\t2999-01-01T00:00:00Z\tmallory\n",
    );
    let r = run(ws.path(), &["check", "--quality", "starsom"]);
    assert!(r.stderr.contains("is recorded in the future"), "{}", r.stderr);
    // recorded_at is the fourth cell: 7 + 8 + 2 characters before it, column 18.
    assert!(r.stderr.contains("2024.csv:2:18"), "{}", r.stderr);
}
