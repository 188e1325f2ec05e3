//! A total that disagrees with its parts (issue 17): a coordinator's total
//! row of 0 for 1111.2 hid the practitioners the country officers had
//! recorded (reports use the total), with only a warning in `status`.
//!
//! STARSOM's 1111.2 (practitioners trained, a count broken down by sex and
//! country) has no value for 2023-Q4 in the shipped ledger, so the
//! figures below are the only ones of that period:
//!
//! - ana (Guatemala) records 22 for country=GT, luis (Honduras) 18 for
//!   country=HN: the breakdown by country adds up to 22 + 18 = 40.
//! - coord imports a total of 0: the parts came first, from other people,
//!   so the import is refused whole (exit 1, the ledger byte for byte as
//!   before), naming 22 + 18 = 40, ana and luis.
//! - with --replace the total goes through (0 is then in force; the
//!   disagreement stays a warning).

mod common;

use std::path::Path;

use common::{Run, run_env, workspace};

fn as_user(ws: &Path, user: &str, at: &str, args: &[&str]) -> Run {
    run_env(ws, args, &[("LOGFRAME_USER", user), ("LOGFRAME_NOW", at)])
}

fn part(country: &str, value: &str) -> Vec<String> {
    [
        "record",
        "starsom",
        "1111.2",
        "--period",
        "2023-Q4",
        "--dim",
        &format!("country={country}"),
        "--value",
        value,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn record(ws: &Path, user: &str, at: &str, args: &[String]) -> Run {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    as_user(ws, user, at, &args)
}

/// ana records GT = 22, then luis HN = 18, for 1111.2 2023-Q4: the
/// breakdown by country adds up to 22 + 18 = 40.
fn officers_record_their_parts(ws: &Path) {
    record(ws, "ana", "2024-01-10T09:00:00Z", &part("GT", "22")).expect_code(0);
    record(ws, "luis", "2024-01-11T09:00:00Z", &part("HN", "18")).expect_code(0);
}

/// `user` imports `file` into starsom at `at`, with `more` arguments.
fn import(ws: &Path, user: &str, at: &str, file: &str, more: &[&str]) -> Run {
    let mut args = vec!["import", "starsom", file];
    args.extend_from_slice(more);
    as_user(ws, user, at, &args)
}

/// An import file in the workspace holding one total row for 1111.2 2023-Q4.
fn total_file(ws: &Path, value: &str) -> String {
    let file = ws.join("total.csv");
    std::fs::write(&file, format!("indicator,period,value\n1111.2,2023-Q4,{value}\n")).expect("write");
    file.to_str().expect("utf-8").to_string()
}

#[test]
fn a_total_of_zero_over_colleagues_parts_is_refused_unless_replace() {
    let ws = workspace(&["starsom"]);
    let ledger = ws.path().join("frameworks/starsom/measurements/ledger.csv");
    officers_record_their_parts(ws.path());
    let before = std::fs::read(&ledger).expect("read");
    let file = total_file(ws.path(), "0");
    let r = import(ws.path(), "coord", "2024-01-15T09:00:00Z", &file, &[]);
    r.expect_code(1);
    // 22 + 18 = 40, recorded by ana and luis, and the total's line.
    assert!(
        r.stderr.contains(
            "line 2 gives 1111.2 2023-Q4 (total) = 0, but the breakdown by country that ana and luis recorded adds up to 40"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("total.csv:2"), "{}", r.stderr);
    assert!(
        r.stderr.contains("a total equal to its parts: 22 + 18 = 40"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("0 by coord, against GT = 22 (ana, line 2), HN = 18 (luis, line 3) in frameworks/starsom/measurements/ledger.csv"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("correct the total to 40"), "{}", r.stderr);
    assert!(r.stderr.contains("--replace"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was written"), "{}", r.stderr);
    assert_eq!(std::fs::read(&ledger).expect("read"), before, "nothing written");

    // The coordinator knows better: --replace writes the total, and the
    // disagreement is still said.
    let r = import(ws.path(), "coord", "2024-01-15T09:00:00Z", &file, &["--replace"]);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("warning: line 2 gives 1111.2 2023-Q4 (total) = 0, but the breakdown by country adds up to 40"),
        "{}",
        r.stderr
    );
}

#[test]
fn recording_a_total_over_colleagues_parts_is_refused_too() {
    let ws = workspace(&["starsom"]);
    officers_record_their_parts(ws.path());
    let total = ["record", "starsom", "1111.2", "--period", "2023-Q4", "--value", "35"];
    let r = as_user(ws.path(), "coord", "2024-01-15T09:00:00Z", &total);
    // Located at ana's part (the first someone else recorded): a finding.
    r.expect_code(1);
    assert!(
        r.stderr.contains(
            "1111.2 2023-Q4 (total) = 35 disagrees with the breakdown by country that ana and luis recorded, which adds up to 40"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("record again with --replace"), "{}", r.stderr);
    // A total equal to the parts (22 + 18 = 40) is silent.
    let total = ["record", "starsom", "1111.2", "--period", "2023-Q4", "--value", "40"];
    let r = as_user(ws.path(), "coord", "2024-01-15T09:00:00Z", &total);
    r.expect_code(0);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn a_total_over_one_s_own_parts_is_a_warning_and_written() {
    let ws = workspace(&["starsom"]);
    // coord records both countries herself: 22 + 18 = 40.
    record(ws.path(), "coord", "2024-01-10T09:00:00Z", &part("GT", "22")).expect_code(0);
    record(ws.path(), "coord", "2024-01-11T09:00:00Z", &part("HN", "18")).expect_code(0);
    let file = total_file(ws.path(), "35");
    let r = import(ws.path(), "coord", "2024-01-15T09:00:00Z", &file, &[]);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new"), "{}", r.stdout);
    assert!(
        r.stderr
            .contains("warning: line 2 gives 1111.2 2023-Q4 (total) = 35, but the breakdown by country adds up to 40"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("total.csv:2"), "{}", r.stderr);
    let ledger = ws.path().join("frameworks/starsom/measurements/ledger.csv");
    let text = std::fs::read_to_string(ledger).expect("read");
    assert!(text.contains("1111.2,2023-Q4,35,"), "{text}");
}

#[test]
fn a_total_equal_to_the_parts_is_silent() {
    let ws = workspace(&["starsom"]);
    officers_record_their_parts(ws.path());
    // 22 + 18 = 40.
    let file = total_file(ws.path(), "40");
    let r = import(ws.path(), "coord", "2024-01-15T09:00:00Z", &file, &[]);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new"), "{}", r.stdout);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn parts_under_a_colleague_s_total_are_a_warning() {
    let ws = workspace(&["starsom"]);
    // coord's provisional total of 30 first; then ana's GT = 22 and luis's
    // HN = 18 make the breakdown by country 22 + 18 = 40, not 30.
    let total = ["record", "starsom", "1111.2", "--period", "2023-Q4", "--value", "30"];
    as_user(ws.path(), "coord", "2024-01-09T09:00:00Z", &total).expect_code(0);
    // ana's 22 alone: 22 != 30, a warning naming the total and coord.
    let r = record(ws.path(), "ana", "2024-01-10T09:00:00Z", &part("GT", "22"));
    r.expect_code(0);
    assert!(
        r.stderr.contains(
            "warning: 1111.2 2023-Q4 (country=GT) = 22 makes the breakdown by country add up to 22, not to 1111.2 2023-Q4 (total) = 30, recorded by coord"
        ),
        "{}",
        r.stderr
    );
    // luis imports HN = 18: 22 + 18 = 40, still a warning, written.
    let file = ws.path().join("hn.csv");
    std::fs::write(&file, "indicator,period,value,country\n1111.2,2023-Q4,18,HN\n").expect("write");
    let r = import(
        ws.path(),
        "luis",
        "2024-01-11T09:00:00Z",
        file.to_str().expect("utf-8"),
        &[],
    );
    r.expect_code(0);
    assert!(
        r.stderr
            .contains("warning: line 2 makes the breakdown by country add up to 40, not to 1111.2 2023-Q4 (total) = 30, recorded by coord"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("ask coord to correct it to 40"), "{}", r.stderr);
}

#[test]
fn a_coarser_breakdown_is_compared_cell_by_cell() {
    let ws = workspace(&["starsom"]);
    // ana's Guatemala by sex: women 12 + men 10 = 22.
    for (sex, value) in [("women", "12"), ("men", "10")] {
        let args = [
            "record",
            "starsom",
            "1111.2",
            "--period",
            "2023-Q4",
            "--dim",
            &format!("sex={sex}"),
            "--dim",
            "country=GT",
            "--value",
            value,
        ];
        as_user(ws.path(), "ana", "2024-01-10T09:00:00Z", &args).expect_code(0);
    }
    // coord's Guatemala total of 20 lies over ana's two parts (12 + 10 = 22);
    // Honduras has no parts, so its 18 is no disagreement.
    let file = ws.path().join("countries.csv");
    std::fs::write(
        &file,
        "indicator,period,value,country\n1111.2,2023-Q4,18,HN\n1111.2,2023-Q4,20,GT\n",
    )
    .expect("write");
    let r = import(
        ws.path(),
        "coord",
        "2024-01-15T09:00:00Z",
        file.to_str().expect("utf-8"),
        &[],
    );
    r.expect_code(1);
    assert!(
        r.stderr.contains(
            "line 3 gives 1111.2 2023-Q4 (country=GT) = 20, but the breakdown by sex that ana recorded adds up to 22"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("12 + 10 = 22"), "{}", r.stderr);
    assert!(!r.stderr.contains("line 2 gives"), "{}", r.stderr);
}

#[test]
fn percentages_compare_numerators_and_denominators() {
    let ws = workspace(&["starsom"]);
    // j.tremblay's 1110.1 2023-Q3 in the shipped ledger: women 10/12 and
    // men 10/14, so the total is 20/26 (76.9 %). A total of 20/25 is refused.
    let total = [
        "record",
        "starsom",
        "1110.1",
        "--period",
        "2023-Q3",
        "--numerator",
        "20",
        "--denominator",
        "25",
    ];
    let r = as_user(ws.path(), "coord", "2024-01-15T09:00:00Z", &total);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("the breakdown by sex that j.tremblay recorded, which adds up to 76.9 % (20/26)"),
        "{}",
        r.stderr
    );
    // 20/26 is silent.
    let mut equal = total;
    equal[8] = "26";
    let r = as_user(ws.path(), "coord", "2024-01-15T09:00:00Z", &equal);
    r.expect_code(0);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn one_refused_total_refuses_the_whole_import_and_a_sheet_names_its_cell() {
    let ws = workspace(&["starsom"]);
    let ledger = ws.path().join("frameworks/starsom/measurements/ledger.csv");
    officers_record_their_parts(ws.path());
    let before = std::fs::read(&ledger).expect("read");
    // A good row (1100.1 for MX) before the total of 0: neither is written.
    let file = ws.path().join("both.csv");
    std::fs::write(
        &file,
        "indicator,period,value,country\n1100.1,2023-Q4,4,MX\n1111.2,2023-Q4,0,\n",
    )
    .expect("write");
    let r = import(
        ws.path(),
        "coord",
        "2024-01-15T09:00:00Z",
        file.to_str().expect("utf-8"),
        &[],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("both.csv:3"), "{}", r.stderr);
    assert_eq!(std::fs::read(&ledger).expect("read"), before, "nothing written");

    // The same total in a workbook: the refusal names its sheet and cell.
    let book = ws.path().join("total.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Q4").expect("name");
    for (c, h) in ["indicator", "period", "value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet.write_string(1, 0, "1111.2").expect("cell");
    sheet.write_string(1, 1, "2023-Q4").expect("cell");
    sheet.write_number(1, 2, 0.0).expect("cell");
    wb.save(&book).expect("save");
    let r = import(
        ws.path(),
        "coord",
        "2024-01-15T09:00:00Z",
        book.to_str().expect("utf-8"),
        &[],
    );
    r.expect_code(1);
    assert!(
        r.stderr.contains(
            "row 2 gives 1111.2 2023-Q4 (total) = 0, but the breakdown by country that ana and luis recorded adds up to 40"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("total.xlsx[Q4]"), "{}", r.stderr);
    assert_eq!(std::fs::read(&ledger).expect("read"), before, "nothing written");
}
