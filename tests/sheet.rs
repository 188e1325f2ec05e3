//! `logframe sheet`: the entry workbook of a period, read back with
//! calamine (sheets, headers, rows, prefilled values), its protection and
//! validations read from the file's XML, and the round trip a national
//! officer makes: sheet -> fill in -> import -> status, twice.
//!
//! rust_xlsxwriter cannot edit a workbook, so "filling in" copies every
//! cell of the generated entry sheet into a new workbook with the officer's
//! figures typed into some cells (numbers, numbers typed as text, blanks),
//! as a spreadsheet saves them.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use common::{copy_dir, data_rows, root, run};
use rust_xlsxwriter::Workbook;

fn starsom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    std::fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy logframe.yaml");
    dir
}

fn ledger_rows(ws: &Path) -> usize {
    let dir = ws.join("frameworks/starsom/measurements");
    std::fs::read_dir(&dir)
        .expect("measurements")
        .map(|e| data_rows(&e.expect("entry").path()))
        .sum()
}

/// The rows of a sheet as texts (numbers as `n:1`, strings as they are).
fn rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).expect("the workbook opens");
    let range = wb.worksheet_range(sheet).expect("sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("n:{f}"),
                    Data::Int(i) => format!("n:{i}"),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

/// One part of the xlsx zip, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .expect("part")
        .read_to_string(&mut text)
        .expect("utf-8");
    text
}

fn sheet(ws: &Path, out: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["sheet", "starsom", "--period", "2023-Q4"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", out.to_str().unwrap()]);
    run(ws, &args)
}

/// What the officer types: (row index in the sheet, 0-based; column
/// index; the cell) replacing the generated cell.
enum Typed {
    Number(f64),
    Text(&'static str),
    Blank,
}

/// A copy of the entry sheet (and of the instructions) with some cells
/// typed over, saved as a spreadsheet would.
fn fill(from: &Path, to: &Path, typed: &[(usize, usize, Typed)]) {
    let mut wb = open_workbook_auto(from).expect("the workbook opens");
    let names = wb.sheet_names();
    let mut out = Workbook::new();
    for name in &names {
        let range = wb.worksheet_range(name).expect("sheet");
        let ws = out.add_worksheet().set_name(name).expect("name");
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let over = typed.iter().find(|t| t.0 == r && t.1 == c && name == &names[0]);
                let (r32, c16) = (r as u32, c as u16);
                match over.map(|t| &t.2) {
                    Some(Typed::Number(n)) => ws.write_number(r32, c16, *n).map(|_| ()),
                    Some(Typed::Text(s)) => ws.write_string(r32, c16, *s).map(|_| ()),
                    Some(Typed::Blank) => Ok(()),
                    None => match cell {
                        Data::String(s) => ws.write_string(r32, c16, s).map(|_| ()),
                        Data::Float(f) => ws.write_number(r32, c16, *f).map(|_| ()),
                        Data::Empty => Ok(()),
                        other => panic!("unexpected cell {other:?}"),
                    },
                }
                .expect("write");
            }
        }
    }
    out.save(to).expect("save");
}

const HEADER: [&str; 11] = [
    "indicator",
    "period",
    "sex",
    "country",
    "value",
    "comment",
    "source",
    "(title)",
    "(unit)",
    "(what to enter)",
    "(definition)",
];

#[test]
fn the_guatemala_sheet_of_2023_q4_lists_the_values_due_with_the_value_in_force() {
    let ws = starsom();
    // One value already recorded for Guatemala this quarter: it is prefilled.
    run(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--value",
            "1",
            "--dim",
            "country=GT",
            "--comment",
            "Case opened in Escuintla",
            "--source",
            "Fiscalía",
        ],
    )
    .expect_code(0);
    let out = ws.path().join("gt.xlsx");
    let r = sheet(ws.path(), &out, &["--country", "GT"]);
    r.expect_code(0);
    assert!(
        r.stderr.contains("6 values due for 2023-Q4 (GT), 1 prefilled"),
        "{}",
        r.stderr
    );

    let wb = open_workbook_auto(&out).expect("the workbook opens");
    assert_eq!(wb.sheet_names(), ["Entry", "Instructions"]);
    let entry = rows(&out, "Entry");
    for row in &entry {
        eprintln!(
            "{}",
            row.iter()
                .map(|c| c.chars().take(24).collect::<String>())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    assert_eq!(entry[0], HEADER);
    // Due in 2023-Q4 from Guatemala: the quarterly indicators broken down
    // by country, GT only, no total (1111.2 by sex and country: 3 rows).
    let keys: Vec<[&str; 4]> = entry[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str(), r[3].as_str()])
        .collect();
    assert_eq!(
        keys,
        [
            ["1100.1", "2023-Q4", "", "GT"],
            ["1100.2", "2023-Q4", "", "GT"],
            ["1111.2", "2023-Q4", "women", "GT"],
            ["1111.2", "2023-Q4", "men", "GT"],
            ["1111.2", "2023-Q4", "other", "GT"],
            ["1200.2", "2023-Q4", "", "GT"],
        ]
    );
    // The value in force, its comment and source; the others blank.
    assert_eq!(entry[1][4..7], ["n:1", "Case opened in Escuintla", "Fiscalía"]);
    assert!(entry[2][4..7].iter().all(String::is_empty));
    assert_eq!(entry[1][8], "investigations");
    assert_eq!(entry[1][9], "a whole number, 0 or more");
    assert!(entry[1][7].starts_with("Number of gender-sensitive"));

    // The same input makes the same file.
    let again = ws.path().join("gt-again.xlsx");
    sheet(ws.path(), &again, &["--country", "GT"]).expect_code(0);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());

    let instructions = rows(&out, "Instructions");
    assert_eq!(instructions[0][0], "STARSOM: values due for 2023-Q4");
    let all: String = instructions.iter().map(|r| r.join(" ")).collect::<Vec<_>>().join("\n");
    assert!(all.contains("logframe import starsom FILE.xlsx"), "{all}");
    assert!(
        all.contains("Not asked for here (not broken down by country): 1000.1, 1110.1, 1111.1, 1112.1"),
        "{all}"
    );

    // Protection: the sheet is protected; key cells keep the locked
    // default, value cells carry a format that unlocks them.
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<sheetProtection sheet=\"1\""), "{xml}");
    let styles = part(&out, "xl/styles.xml");
    let xfs = styles
        .split("<cellXfs")
        .nth(1)
        .expect("cellXfs")
        .split("</cellXfs>")
        .next()
        .unwrap();
    let unlocked: Vec<bool> = xfs
        .split("<xf ")
        .skip(1)
        .map(|xf| xf.split("</xf>").next().unwrap().contains("locked=\"0\""))
        .collect();
    let style_of = |cell: &str| -> usize {
        let at = xml
            .find(&format!("r=\"{cell}\""))
            .unwrap_or_else(|| panic!("no cell {cell}"));
        let tag = &xml[at..at + xml[at..].find('>').unwrap()];
        tag.split("s=\"")
            .nth(1)
            .map_or(0, |s| s.split('"').next().unwrap().parse().unwrap())
    };
    for locked in ["A2", "B2", "D2", "C4", "H2"] {
        assert!(!unlocked[style_of(locked)], "{locked} is unlocked");
    }
    for open in ["E2", "E3", "F2", "G7"] {
        assert!(unlocked[style_of(open)], "{open} is locked");
    }
    // Validations: the categories' lists and whole numbers for counts.
    assert!(xml.contains("<formula1>\"women,men,other\"</formula1>"), "{xml}");
    assert!(
        xml.contains("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\""),
        "{xml}"
    );
}

#[test]
fn the_whole_project_sheet_has_totals_yes_no_lists_and_ratio_columns_in_french() {
    let ws = starsom();
    let out = ws.path().join("all.xlsx");
    sheet(ws.path(), &out, &["--lang", "fr"]).expect_code(0);
    let wb = open_workbook_auto(&out).expect("the workbook opens");
    assert_eq!(wb.sheet_names(), ["Saisie", "Instructions"]);
    let entry = rows(&out, "Saisie");
    // A percentage indicator is due (1110.1): numerator and denominator
    // columns; a qualitative one (1000.1): score.
    assert_eq!(
        entry[0],
        [
            "indicator",
            "period",
            "sex",
            "country",
            "value",
            "numerator",
            "denominator",
            "score",
            "comment",
            "source",
            "(titre)",
            "(unité)",
            "(à saisir)",
            "(définition)",
        ]
    );
    // 1100.1 by country: its total first, then the 13 countries.
    let of = |id: &str| entry.iter().filter(|r| r[0] == id).collect::<Vec<_>>();
    let i1100 = of("1100.1");
    assert_eq!(i1100.len(), 14);
    assert_eq!(i1100[0][3], "");
    assert_eq!(i1100[1][3], "CA");
    // 1111.2 by sex and country: 1 + 3 x 13.
    assert_eq!(of("1111.2").len(), 40);
    let xml = part(&out, "xl/worksheets/sheet1.xml");
    assert!(xml.contains("<formula1>\"yes,no\"</formula1>"), "{xml}");
    let all: String = rows(&out, "Instructions").iter().map(|r| r.join(" ")).collect();
    assert!(all.contains("Tous les pays, et les totaux."), "{all}");
}

#[test]
fn a_filled_sheet_imports_then_imports_again_as_unchanged() {
    let ws = starsom();
    let measurements = ws.path().join("frameworks/starsom/measurements");
    run(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-Q4",
            "--value",
            "1",
            "--dim",
            "country=GT",
        ],
    )
    .expect_code(0);
    let before = ledger_rows(ws.path());
    let out = ws.path().join("gt.xlsx");
    sheet(ws.path(), &out, &["--country", "GT"]).expect_code(0);

    // Rows (0-based, header 0): 1 1100.1 (prefilled 1, left), 2 1100.2,
    // 3-5 1111.2 women/men/other, 6 1200.2; column 4 is `value`.
    let filled = ws.path().join("filled.xlsx");
    fill(
        &out,
        &filled,
        &[
            (2, 4, Typed::Text("2")),
            (3, 4, Typed::Number(7.0)),
            (4, 4, Typed::Blank),
            (5, 4, Typed::Text(" 1 ")),
            (6, 4, Typed::Number(3.0)),
        ],
    );
    let r = run(ws.path(), &["import", "starsom", filled.to_str().unwrap()]);
    r.expect_code(0);
    // 4 new (1100.2, 1111.2 women and other, 1200.2), the prefilled 1100.1
    // unchanged, 1111.2 men blank and skipped.
    assert!(
        r.stdout.contains("4 new, 0 corrections, 1 unchanged"),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert_eq!(ledger_rows(ws.path()), before + 4);

    // The figures to date at 2023-Q4 (running totals):
    // 1100.2 6 + 2 = 8; 1111.2 172 + 7 + 1 = 180; 1200.2 37 + 3 = 40;
    // 1100.1 31 + 1 (recorded before the sheet) = 32.
    let s = run(ws.path(), &["status", "starsom", "--period", "2023-Q4"]);
    s.expect_code(0);
    eprintln!("{}{}", r.stdout, s.stdout);
    for (id, figure) in [("1100.1", "32"), ("1100.2", "8"), ("1111.2", "180"), ("1200.2", "40")] {
        let why = s
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id}   ")) && l.contains(':'))
            .unwrap_or_else(|| panic!("no line for {id}\n{}", s.stdout));
        assert!(why.contains(&format!(": {figure} ")), "{id}: {why}");
    }

    // The same file again changes nothing.
    let again = run(ws.path(), &["import", "starsom", filled.to_str().unwrap()]);
    again.expect_code(0);
    assert!(
        again.stdout.contains("0 new, 0 corrections, 5 unchanged"),
        "{}",
        again.stdout
    );
    assert_eq!(ledger_rows(ws.path()), before + 4);

    // A fresh sheet now holds the five values; imported untouched, it
    // changes nothing either.
    let fresh = ws.path().join("fresh.xlsx");
    let r = sheet(ws.path(), &fresh, &["--country", "GT"]);
    assert!(r.stderr.contains("5 prefilled"), "{}", r.stderr);
    let r = run(ws.path(), &["import", "starsom", fresh.to_str().unwrap()]);
    r.expect_code(0);
    assert!(r.stdout.contains("0 new, 0 corrections, 5 unchanged"), "{}", r.stdout);
    assert_eq!(ledger_rows(ws.path()), before + 4);
    assert!(measurements.exists());
}

#[test]
fn text_in_a_count_is_refused_with_its_cell_and_nothing_is_imported() {
    let ws = starsom();
    let before = ledger_rows(ws.path());
    let out = ws.path().join("gt.xlsx");
    sheet(ws.path(), &out, &["--country", "GT"]).expect_code(0);
    let filled = ws.path().join("bad.xlsx");
    fill(
        &out,
        &filled,
        &[
            (1, 4, Typed::Number(2.0)),
            (4, 4, Typed::Text("many")),
            (6, 4, Typed::Number(1.0)),
        ],
    );
    let r = run(ws.path(), &["import", "starsom", filled.to_str().unwrap()]);
    r.expect_code(1);
    eprintln!("{}", r.stderr);
    assert!(r.stderr.contains("Entry!E5"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    assert_eq!(ledger_rows(ws.path()), before);
}

#[test]
fn bad_arguments_are_usage_errors() {
    let ws = starsom();
    let out = ws.path().join("x.xlsx");
    let r = sheet(ws.path(), &out, &["--country", "Guatemala"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("`Guatemala` is not one of the countries of starsom"),
        "{}",
        r.stderr
    );
    let r = run(
        ws.path(),
        &["sheet", "starsom", "--period", "2023-Q9", "-o", out.to_str().unwrap()],
    );
    r.expect_code(2);
    assert!(!out.exists());
}

#[test]
fn a_sheet_imported_without_any_value_says_its_rows_are_empty() {
    let ws = starsom();
    let before = ledger_rows(ws.path());
    let out = ws.path().join("hn.xlsx");
    sheet(ws.path(), &out, &["--country", "HN"]).expect_code(0);
    let r = run(ws.path(), &["import", "starsom", out.to_str().unwrap()]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("6 rows whose value cells are all empty"),
        "{}",
        r.stderr
    );
    assert_eq!(ledger_rows(ws.path()), before);
}

/// Every kind of value in force (counts, ratios, milestones, scored
/// texts) is prefilled as the import reads it back: the whole project's
/// sheet of 2023-Q2, imported untouched, changes nothing.
#[test]
fn every_value_in_force_imports_back_unchanged() {
    let ws = starsom();
    // A scored text with a comma and quotes (1000.1 is due at half-years).
    run(
        ws.path(),
        &[
            "record",
            "starsom",
            "1000.1",
            "--period",
            "2023-Q2",
            "--score",
            "3.5",
            "--value",
            "Networks targeted, \"routine\" in 4 countries",
        ],
    )
    .expect_code(0);
    let before = ledger_rows(ws.path());
    let out = ws.path().join("q2.xlsx");
    let r = run(
        ws.path(),
        &["sheet", "starsom", "--period", "2023-Q2", "-o", out.to_str().unwrap()],
    );
    r.expect_code(0);
    assert!(r.stderr.contains("prefilled"), "{}", r.stderr);
    let entry = rows(&out, "Entry");
    let row = |id: &str, sex: &str| {
        entry
            .iter()
            .find(|r| r[0] == id && r[2] == sex)
            .unwrap_or_else(|| panic!("no row {id} {sex}"))
            .clone()
    };
    // value, numerator, denominator, score
    assert_eq!(row("1110.1", "women")[4..8], ["", "n:9", "n:11", ""]);
    assert_eq!(row("1212.1", "")[4..8], ["yes", "", "", ""]);
    assert_eq!(
        row("1000.1", "")[4..8],
        ["Networks targeted, \"routine\" in 4 countries", "", "", "n:3.5"]
    );
    let prefilled = r
        .stderr
        .split(", ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .to_string();
    let r = run(ws.path(), &["import", "starsom", out.to_str().unwrap()]);
    r.expect_code(0);
    assert!(
        r.stdout
            .contains(&format!("0 new, 0 corrections, {prefilled} unchanged")),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert_eq!(ledger_rows(ws.path()), before);
}

/// Saved as CSV, the entry workbook's reading columns are named for what
/// they are, not as a disaggregation to declare.
#[test]
fn a_reading_column_in_a_csv_says_to_import_the_workbook() {
    let ws = starsom();
    let csv = ws.path().join("saved.csv");
    std::fs::write(
        &csv,
        "indicator,period,country,value,(title)\n1100.1,2023-Q4,GT,3,Number of\n",
    )
    .unwrap();
    let r = run(ws.path(), &["import", "starsom", csv.to_str().unwrap()]);
    r.expect_code(1);
    assert!(r.stderr.contains("import the .xlsx workbook itself"), "{}", r.stderr);
    assert!(!r.stderr.contains("declare it as a disaggregation"), "{}", r.stderr);
}
