//! CSV files as spreadsheets and careless hands write them (issue 10,
//! "Messages that mislead"): the ones that should be read are read, value
//! for value; the ones that cannot be are refused with a located message.
//! The refusals live in the error catalogue (tests/errors/); this file
//! holds the files that must import cleanly, and the ledger side.

mod common;

use common::{fixture_workspace, run_env};

const NOW: (&str, &str) = ("LOGFRAME_NOW", "2024-01-15T10:00:00Z");

/// Import `text` as import.csv into the catalogue's base framework
/// (`--dry-run` when `dry`), returning the run.
fn import(text: &[u8], dry: bool) -> (tempfile::TempDir, common::Run) {
    let ws = fixture_workspace("base", "base");
    let file = ws.path().join("import.csv");
    std::fs::write(&file, text).unwrap();
    let mut args = vec!["import", "base", "import.csv"];
    if dry {
        args.push("--dry-run");
    }
    let run = run_env(ws.path(), &args, &[NOW]);
    (ws, run)
}

/// A tab-separated file was refused as "unknown column
/// `indicator\tperiod\t...`": tabs are detected like `;`.
#[test]
fn tab_separated_csv_is_read_like_semicolons() {
    let (_ws, r) = import(
        b"indicator\tperiod\tvalue\n1100.2\t2022-Q1\t5\n1100.2\t2022-Q2\t6\n",
        true,
    );
    r.expect_code(0);
    assert!(r.stdout.contains("2 new"), "{}{}", r.stdout, r.stderr);
}

/// Excel's trailing empty columns (`...,comment,,`) were refused as
/// "unknown column ``"; rows written with or without the trailing commas
/// are read.
#[test]
fn trailing_empty_columns_are_ignored() {
    let (_ws, r) = import(
        b"indicator,period,value,comment,,\n1100.2,2022-Q1,5,ok,,\n1100.2,2022-Q2,6,ok\n",
        true,
    );
    r.expect_code(0);
    assert!(r.stdout.contains("2 new"), "{}{}", r.stdout, r.stderr);
}

/// Old Mac line ends (CR alone) were one long line.
#[test]
fn carriage_return_line_ends_are_lines() {
    let (_ws, r) = import(b"indicator,period,value\r1100.2,2022-Q1,5\r1100.2,2022-Q2,abc\r", true);
    r.expect_code(1);
    assert!(r.stderr.contains("import.csv:3:16"), "{}", r.stderr);
    let (_ws, r) = import(b"indicator,period,value\r1100.2,2022-Q1,5\r", true);
    r.expect_code(0);
}

/// Quoted headers, a byte-order mark and `;` together are still read.
#[test]
fn quoted_headers_with_bom_and_semicolons_are_read() {
    let (_ws, r) = import(
        "\u{feff}\"indicator\";\"period\";\"value\"\n1100.2;2022-Q1;5\n".as_bytes(),
        true,
    );
    r.expect_code(0);
    assert!(r.stdout.contains("1 new"), "{}{}", r.stdout, r.stderr);
}

/// A number with U+202F between thousands (French Excel) is refused with
/// the thousands-separator hint, like other spaces, not "not a number".
#[test]
fn narrow_no_break_space_gets_the_thousands_hint() {
    let (_ws, r) = import("indicator,period,value\n1100.2,2022-Q1,1\u{202f}234\n".as_bytes(), true);
    r.expect_code(1);
    assert!(r.stderr.contains("contains spaces"), "{}", r.stderr);
    assert!(
        r.stderr.contains("without thousands separators or spaces: 1234"),
        "{}",
        r.stderr
    );
}

/// A Latin-1 ledger file is named and located by `check`, not skipped or
/// reported without a position.
#[test]
fn latin1_ledger_is_located_by_check() {
    let ws = fixture_workspace("base", "base");
    let dir = ws.path().join("frameworks/base/measurements");
    std::fs::create_dir_all(&dir).unwrap();
    let text = "indicator,period,value,comment\n1100.2,2022-Q1,5,r\u{e9}union\n";
    let latin1: Vec<u8> = text.chars().map(|c| c as u8).collect();
    std::fs::write(dir.join("ledger.csv"), latin1).unwrap();
    let r = run_env(ws.path(), &["check", "base"], &[NOW]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("ledger.csv is not UTF-8 text: it looks like Latin-1"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ledger.csv:2:19"), "{}", r.stderr);
}

/// The expenditure reader shares the header rules: Excel's trailing empty
/// columns are ignored there too, and a value under one is named.
#[test]
fn expenditure_files_ignore_trailing_empty_columns() {
    let ws = common::workspace(&["starsom"]);
    let file = ws.path().join("frameworks/starsom/expenditures/2021-2023.csv");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines = text.lines();
    let header = format!("{},,", lines.next().unwrap());
    let body: Vec<String> = lines.map(|l| format!("{l},,")).collect();
    std::fs::write(&file, format!("{header}\n{}\n", body.join("\n"))).unwrap();
    let r = run_env(ws.path(), &["check", "starsom"], &[NOW]);
    r.expect_code(0);
    std::fs::write(
        &file,
        format!("{header}\n{}\n2021-Q2,personnel,1.00,,x\n", body.join("\n")),
    )
    .unwrap();
    let r = run_env(ws.path(), &["check", "starsom"], &[NOW]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("a value under column 5, which has no name"),
        "{}",
        r.stderr
    );
}
