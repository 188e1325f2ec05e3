//! Spreadsheets: the IPTT workbook read back with calamine, and `import`
//! of real .xlsx fixtures (written by rust_xlsxwriter, committed under
//! `tests/fixtures/xlsx/`; `UPDATE_GOLDEN=1 cargo test` rewrites them).

mod common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use common::{assert_golden, copy_dir, data_rows, fixture_workspace, root, run, run_env, tests_dir, updating};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

fn fixture(name: &str) -> PathBuf {
    tests_dir().join("fixtures").join("xlsx").join(name)
}

fn starsom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    std::fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy logframe.yaml");
    dir
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// Row index of the first row whose column `col` holds `text`.
fn find_row(range: &calamine::Range<Data>, col: u32, text: &str) -> u32 {
    (0..range.height() as u32)
        .find(|&r| cell(range, r, col) == Data::String(text.into()))
        .unwrap_or_else(|| panic!("no row with {text}"))
}

#[test]
fn compare_xlsx_reads_back_with_values_and_text_that_stays_text() {
    let ws = fixture_workspace("evaluate", "evaluate");
    let out = ws.path().join("iptt.xlsx");
    let r = run(
        ws.path(),
        &[
            "compare",
            "evaluate",
            "--to",
            "2022-Q4",
            "--by",
            "sex",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    r.expect_code(0);
    let mut wb = open_workbook_auto(&out).expect("the workbook opens");
    assert_eq!(wb.sheet_names(), ["Outcome", "Output", "Indicators", "Notes"]);

    let outcome = wb.worksheet_range("Outcome").expect("sheet");
    // Header: fixed columns, then target / actual / % per period.
    assert_eq!(cell(&outcome, 0, 0), Data::String("Result".into()));
    assert_eq!(cell(&outcome, 0, 6), Data::String("2022-Q1".into()));
    assert_eq!(cell(&outcome, 1, 6), Data::String("Target".into()));
    let row = find_row(&outcome, 1, "1000.1");
    // User text that looks like a formula is a plain string cell.
    assert_eq!(
        cell(&outcome, row, 3),
        Data::String("@SUM(A1:A9) share of officials applying the procedures".into())
    );
    assert_eq!(
        cell(&outcome, row - 1, 3),
        Data::String("+Officials apply what they learnt".into())
    );
    // 2022-Q2: target 40 %, actual 30/60 = 50 %, as Excel percentages.
    assert_eq!(cell(&outcome, row, 9), Data::Float(0.4));
    assert_eq!(cell(&outcome, row, 10), Data::Float(0.5));
    assert_eq!(cell(&outcome, row, 11), Data::Float(1.5));
    assert_eq!(cell(&outcome, row + 2, 2), Data::String("-men".into()));

    let output = wb.worksheet_range("Output").expect("sheet");
    let row = find_row(&output, 1, "1100.1");
    // 2022-Q4 running total 139 against the end target 100.
    assert_eq!(cell(&output, row, 15), Data::Float(100.0));
    assert_eq!(cell(&output, row, 16), Data::Float(139.0));
    let status_col = 6 + 4 * 3 + 3;
    assert_eq!(cell(&output, row, status_col), Data::String("achieved".into()));
    let q = find_row(&output, 1, "1100.3");
    assert_eq!(
        cell(&output, q, 3),
        Data::String("Quality of the training, scored".into())
    );

    let defs = wb.worksheet_range("Indicators").expect("sheet");
    let d = find_row(&defs, 0, "1000.1");
    assert_eq!(
        cell(&defs, d, 14),
        Data::String("=1+2 officials who apply at least one procedure".into())
    );
    let notes = wb.worksheet_range("Notes").expect("sheet");
    assert_eq!(
        cell(&notes, 0, 0),
        Data::String("EVAL — =HYPERLINK(\"http://example.com\",\"Evaluate me\")".into())
    );

    // No cell anywhere is a formula.
    for name in wb.sheet_names() {
        let f = wb.worksheet_formula(&name).expect("formulas");
        assert!(
            f.used_cells().all(|(_, _, s)| s.is_empty()),
            "sheet {name} has formulas"
        );
    }
}

#[test]
fn compare_xlsx_of_starsom_has_a_sheet_per_level() {
    let ws = starsom();
    let out = ws.path().join("starsom.xlsx");
    run(
        ws.path(),
        &[
            "compare",
            "starsom",
            "--to",
            "2023-Q3",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    )
    .expect_code(0);
    let mut wb = open_workbook_auto(&out).expect("opens");
    assert_eq!(
        wb.sheet_names(),
        [
            "Ultimate outcome",
            "Intermediate outcome",
            "Immediate outcome",
            "Output",
            "Indicators",
            "Notes"
        ]
    );
    let s = wb.worksheet_range("Intermediate outcome").expect("sheet");
    let row = find_row(&s, 1, "1200.1");
    // 2022-Q4 is the 8th period (2021-Q1 first): columns 5 + 7 * 3.
    let col = 5 + 7 * 3;
    assert_eq!(cell(&s, 0, col), Data::String("2022-Q4".into()));
    assert_eq!(cell(&s, row, col + 1), Data::Float(155.0));
    let defs = wb.worksheet_range("Indicators").expect("sheet");
    assert_eq!(defs.height(), 13);
}

/// The cells of the import fixtures: (sheet, rows), each cell a number, a
/// date or text, as a person would type them in Excel.
enum C {
    T(&'static str),
    N(f64),
    D(u16, u8, u8, u8, u8),
    E,
}

fn good_rows() -> Vec<Vec<C>> {
    use C::*;
    vec![
        vec![
            T("indicator"),
            T("period"),
            T("value"),
            T("numerator"),
            T("denominator"),
            T("score"),
            T("sex"),
            T("country"),
            T("comment"),
            T("source"),
            T("recorded_at"),
        ],
        // Ids and figures typed as numbers: Excel stores doubles.
        vec![
            N(1100.1),
            T("2023-Q4"),
            N(2.0),
            E,
            E,
            E,
            E,
            T("MX"),
            E,
            E,
            D(2024, 1, 20, 9, 30),
        ],
        vec![
            N(1100.1),
            T("2023-Q4"),
            N(1.0),
            E,
            E,
            E,
            E,
            T("BR"),
            E,
            E,
            D(2024, 1, 20, 0, 0),
        ],
        vec![
            T("1110.1"),
            T("2023-Q4"),
            E,
            N(9.0),
            N(11.0),
            E,
            T("women"),
            E,
            T("=HYPERLINK(\"http://x\") survey"),
            E,
            E,
        ],
        vec![
            T("1000.1"),
            T("2023-Q4"),
            T("Network-focused responses in most countries"),
            E,
            E,
            N(3.5),
            E,
            E,
            E,
            T("Expert review"),
            E,
        ],
        vec![T("1200.1"), T("2023-Q4"), N(0.1 + 0.2 + 131.7), E, E, E, E, E, E, E, E],
    ]
}

fn bad_rows() -> Vec<Vec<C>> {
    use C::*;
    vec![
        vec![T("indicator"), T("period"), T("value"), T("sex"), T("country")],
        vec![T("1100.1"), T("2023-Q4"), N(3.0), E, T("MX")],
        vec![T("1100.9"), T("2023-Q4"), N(1.0), E, E],
        vec![T("1111.2"), T("2023-Q4"), N(-2.0), T("women"), T("PE")],
        vec![T("1111.2"), T("2023-Q5"), T("3,5"), T("woman"), T("PE")],
    ]
}

fn write_fixture(path: &Path, sheet: &str, rows: &[Vec<C>]) {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2024, 1, 1).unwrap();
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let ws = wb.add_worksheet();
    ws.set_name(sheet).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match v {
                C::T(s) => {
                    ws.write_string(r, c, *s).unwrap();
                }
                C::N(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                C::D(y, m, d, h, mi) => {
                    let dt = ExcelDateTime::from_ymd(*y, *m, *d)
                        .unwrap()
                        .and_hms(u16::from(*h), *mi, 0)
                        .unwrap();
                    ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                }
                C::E => {}
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn xlsx_fixtures_match_their_generator() {
    for (file, sheet, rows) in [
        ("starsom-2023-Q4.xlsx", "Q4", good_rows()),
        ("bad.xlsx", "Q4 data", bad_rows()),
    ] {
        let path = fixture(file);
        if updating() || !path.exists() {
            // Write beside and rename, so the import tests running at the
            // same time never read half a file.
            let tmp = path.with_extension("xlsx.tmp");
            write_fixture(&tmp, sheet, &rows);
            std::fs::rename(&tmp, &path).unwrap();
        }
        let mut wb = open_workbook_auto(&path).expect("fixture opens");
        assert_eq!(wb.sheet_names(), [sheet]);
        let range = wb.worksheet_range(sheet).expect("sheet");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let got = cell(&range, r as u32, c as u32);
                match v {
                    C::T(s) => assert_eq!(got, Data::String(s.to_string()), "{file} {r}:{c}"),
                    C::N(n) => assert_eq!(got, Data::Float(*n), "{file} {r}:{c}"),
                    C::D(..) => assert!(matches!(got, Data::DateTime(_)), "{file} {r}:{c}: {got:?}"),
                    C::E => assert_eq!(got, Data::Empty, "{file} {r}:{c}"),
                }
            }
        }
    }
}

#[test]
fn import_xlsx_writes_the_rows_and_a_second_import_changes_nothing() {
    let ws = starsom();
    let file = fixture("starsom-2023-Q4.xlsx");
    let env = [("LOGFRAME_NOW", "2024-01-25T10:00:00Z")];
    let r = run_env(
        ws.path(),
        &["import", "starsom", file.to_str().unwrap(), "--sheet", "Q4"],
        &env,
    );
    r.expect_code(0);
    // The counts, then what was written, one line per row (issue 17).
    assert_eq!(
        r.stdout,
        "starsom: 5 new, 0 corrections, 0 unchanged\n\
         \x20 1100.1 2023-Q4 (country=MX): 2 (new)\n\
         \x20 1100.1 2023-Q4 (country=BR): 1 (new)\n\
         \x20 1110.1 2023-Q4 (sex=women): 81.8 % (9/11) (new)\n\
         \x20 1000.1 2023-Q4 (total): 3.5 (Network-focused responses in most countries) (new)\n\
         \x20 1200.1 2023-Q4 (total): 132 (new)\n"
    );
    let ledger = ws.path().join("frameworks/starsom/measurements/ledger.csv");
    assert_eq!(data_rows(&ledger), 5);
    let text = std::fs::read_to_string(&ledger).unwrap();
    assert_golden(
        &tests_dir().join("golden").join("xlsx").join("imported_ledger.csv"),
        &text,
    );
    assert!(
        text.contains("1100.1,2023-Q4,2,,,,,MX,,starsom-2023-Q4.xlsx,2024-01-20T09:30:00Z,tester"),
        "{text}"
    );
    assert!(
        text.contains("1200.1,2023-Q4,132,"),
        "0.1 + 0.2 + 131.7 is read as Excel shows it: {text}"
    );
    assert!(text.contains(",3.5,"), "{text}");
    let r = run_env(ws.path(), &["import", "starsom", file.to_str().unwrap()], &env);
    r.expect_code(0);
    assert_eq!(r.stdout, "starsom: 0 new, 0 corrections, 5 unchanged\n");
    let r = run(ws.path(), &["status", "starsom", "--period", "2023-Q4"]);
    assert!(
        r.stdout.lines().any(|l| l.starts_with("1100.1") && l.contains(" 34 ")),
        "{}",
        r.stdout
    );
}

#[test]
fn import_xlsx_errors_name_sheet_row_and_column_and_write_nothing() {
    let ws = starsom();
    let file = fixture("bad.xlsx");
    let r = run(
        ws.path(),
        &["import", "starsom", file.to_str().unwrap(), "--sheet", "Q4 data"],
    );
    r.expect_code(1);
    for want in [
        "'Q4 data'!A3: unknown indicator `1100.9`",
        "'Q4 data'!C4: a count cannot be negative",
        "'Q4 data'!B5: period",
        "'Q4 data'!D5: unknown sex `woman`",
        "nothing was imported",
    ] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    let stderr = r.stderr.replace(file.to_str().unwrap(), "bad.xlsx");
    assert_golden(&tests_dir().join("golden").join("xlsx").join("bad_import.txt"), &stderr);
    assert!(!ws.path().join("frameworks/starsom/measurements/ledger.csv").exists());
    let r = run(
        ws.path(),
        &["import", "starsom", file.to_str().unwrap(), "--sheet", "Q3"],
    );
    r.expect_code(2);
    assert!(r.stderr.contains("has no sheet `Q3`"), "{}", r.stderr);
}

/// A header and one row, then `extra` (row, column, text) cells.
fn sheet_with(path: &Path, extra: &[(u32, u16, &str)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet 1").unwrap();
    for (c, h) in ["indicator", "period", "value"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "1100.1").unwrap();
    ws.write_string(1, 1, "2023-Q4").unwrap();
    ws.write_number(1, 2, 4.0).unwrap();
    for (r, c, t) in extra {
        ws.write_string(*r, *c, *t).unwrap();
    }
    wb.save(path).unwrap();
}

/// One stray cell at XFD1048576 (the last cell Excel has) made calamine
/// build a dense 17-billion-cell grid: a 550 GB allocation and an abort.
/// Only used cells are read now, and the stray one is named.
#[test]
fn xlsx_stray_cell_at_the_last_cell_is_named_not_allocated() {
    let ws = starsom();
    let file = ws.path().join("stray.xlsx");
    sheet_with(&file, &[(1_048_575, 16_383, "x")]);
    assert!(std::fs::metadata(&file).unwrap().len() < 10_000);
    let started = std::time::Instant::now();
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
    r.expect_code(1);
    for want in [
        "'Sheet 1'!XFD1048576: a cell beyond the table's accepted size",
        "columns A to CV",
        "Ctrl+End",
        "nothing was imported",
    ] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(!ws.path().join("frameworks/starsom/measurements/ledger.csv").exists());
}

/// A stray cell far down in column A is inside the grid: it is one more
/// row, refused for what it is, and the empty rows between cost nothing.
#[test]
fn xlsx_stray_cell_far_down_is_one_row() {
    let ws = starsom();
    let file = ws.path().join("far.xlsx");
    sheet_with(&file, &[(1_048_575, 0, "stray")]);
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("'Sheet 1'!A1048576: unknown indicator `stray`"),
        "{}",
        r.stderr
    );
}

/// An .ods file (a zip holding content.xml) whose first sheet has a header,
/// one row, and a used cell at 0-based (`row`, `col`), the gap written with
/// repeat counts as LibreOffice writes it.
fn ods_with_cell_at(path: &Path, row: u32, col: u32) {
    let cell =
        |t: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>");
    let mut rows = format!(
        "<table:table-row>{}{}{}</table:table-row><table:table-row>{}{}{}</table:table-row>",
        cell("indicator"),
        cell("period"),
        cell("value"),
        cell("1100.1"),
        cell("2023-Q4"),
        cell("4")
    );
    rows += &format!(
        "<table:table-row table:number-rows-repeated=\"{}\"><table:table-cell table:number-columns-repeated=\"{}\"/></table:table-row>",
        row - 2,
        col + 1
    );
    rows += &format!(
        "<table:table-row><table:table-cell table:number-columns-repeated=\"{col}\"/>{}</table:table-row>",
        cell("x")
    );
    ods_with_rows(path, &rows);
}

/// An .ods file whose table `Data` holds `rows` (table-row elements).
fn ods_with_rows(path: &Path, rows: &str) {
    use std::io::Write;
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"Data\">{rows}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest \
          xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
          <manifest:file-entry manifest:full-path=\"/\" \
          manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
          <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
          </manifest:manifest>",
    )
    .unwrap();
    zip.finish().unwrap();
}

/// calamine expands an .ods sheet into a dense grid when it opens it: a
/// 1 kB file with a cell at XFD6001 took 160 s and 8.5 GB. The file is
/// scanned first and the stray cell named.
#[test]
fn ods_stray_cell_is_named_before_calamine_expands_the_grid() {
    let ws = starsom();
    for (row, col, cell) in [(1_048_575, 16_383, "Data!XFD1048576"), (6000, 16_383, "Data!XFD6001")] {
        let file = ws.path().join("stray.ods");
        ods_with_cell_at(&file, row, col);
        let started = std::time::Instant::now();
        let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
        assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
        r.expect_code(1);
        let want = format!("{cell}: a cell beyond the table's accepted size");
        assert!(r.stderr.contains(&want), "missing `{want}` in\n{}", r.stderr);
    }
}

/// Inside the columns but too tall for a dense grid: refused with the size.
#[test]
fn ods_sheet_too_large_for_a_dense_grid_is_refused() {
    let ws = starsom();
    let file = ws.path().join("tall.ods");
    ods_with_cell_at(&file, 200_000, 50);
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("sheet `Data` of"), "{}", r.stderr);
    assert!(r.stderr.contains("is too large to read as .ods"), "{}", r.stderr);
    assert!(
        r.stderr.contains("save the sheet as .xlsx or CSV UTF-8"),
        "{}",
        r.stderr
    );
}

/// Some writers close empty cells with an end tag instead of `/>`: such a
/// cell spanning to column XFD holds nothing and is not a stray cell.
#[test]
fn ods_empty_cells_written_open_and_closed_are_not_used() {
    let ws = starsom();
    let file = ws.path().join("open.ods");
    let cell =
        |t: &str| format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>");
    let rows = format!(
        "<table:table-row>{}{}{}<table:table-cell table:number-columns-repeated=\"16381\"></table:table-cell></table:table-row>\
         <table:table-row>{}{}{}</table:table-row>\
         <table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell table:number-columns-repeated=\"16384\">\
         </table:table-cell></table:table-row>",
        cell("indicator"),
        cell("period"),
        cell("value"),
        cell("1100.9"),
        cell("2023-Q4"),
        cell("4")
    );
    ods_with_rows(&file, &rows);
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    assert!(r.stderr.contains("Data!A2: unknown indicator `1100.9`"), "{}", r.stderr);
}

/// A small .ods is still read, through calamine.
#[test]
fn ods_small_sheet_is_read() {
    let ws = starsom();
    let file = ws.path().join("small.ods");
    ods_with_cell_at(&file, 3, 0);
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    assert!(r.stderr.contains("Data!A4: unknown indicator `x`"), "{}", r.stderr);
}

/// A tiny double (formula noise) was reported as "value is missing": the
/// message now says what the cell holds. So do the other odd cells.
#[test]
fn xlsx_tiny_float_says_what_the_cell_holds() {
    let ws = starsom();
    let file = ws.path().join("noise.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["indicator", "period", "value"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, v) in [1e-30, 1.5e-20].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, "1100.1").unwrap();
        sheet.write_string(r, 1, "2023-Q4").unwrap();
        sheet.write_number(r, 2, *v).unwrap();
    }
    wb.save(&file).unwrap();
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    for want in [
        "Sheet1!C2: value: `1E-30` is in scientific notation and has more than 28 decimal places",
        "ROUND",
        "Sheet1!C3: value: `1.5E-20` is in scientific notation",
        "write the number out: 0.000000000000000000015",
    ] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("missing"), "{}", r.stderr);
}

/// An empty sheet, or a header alone, was imported with exit 0.
#[test]
fn xlsx_sheet_without_rows_is_an_error() {
    let ws = starsom();
    for (name, header) in [("empty.xlsx", false), ("header.xlsx", true)] {
        let file = ws.path().join(name);
        let mut wb = Workbook::new();
        let sheet = wb.add_worksheet();
        if header {
            sheet.write_string(0, 0, "indicator").unwrap();
            sheet.write_string(0, 1, "period").unwrap();
        }
        wb.save(&file).unwrap();
        let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
        r.expect_code(1);
        assert!(
            r.stderr.contains("sheet `Sheet1` has no rows to import"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("nothing was imported"), "{}", r.stderr);
    }
}

/// Excel's trailing empty columns (and a formula leaving "" in them) are
/// ignored, as in CSV.
#[test]
fn xlsx_trailing_columns_without_a_name_are_ignored_when_empty() {
    let ws = starsom();
    let file = ws.path().join("trailing.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    for (c, h) in ["indicator", "period", "value", "", ""].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "1100.1").unwrap();
    sheet.write_string(1, 1, "2023-Q4").unwrap();
    sheet.write_number(1, 2, 4.0).unwrap();
    sheet.write_string(1, 4, "").unwrap();
    wb.save(&file).unwrap();
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap(), "--dry-run"]);
    r.expect_code(0);
    assert!(r.stdout.contains("1 new"), "{}{}", r.stdout, r.stderr);
}

/// A CSV (or any non-workbook) named .xlsx got calamine's "Could not find
/// EOCD" alone; the message now says what the file looks like.
#[test]
fn a_text_file_named_xlsx_is_called_what_it_is() {
    let ws = starsom();
    let file = ws.path().join("data.xlsx");
    std::fs::write(&file, "indicator,period,value\n1100.1,2023-Q4,4\n").unwrap();
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("a text file (CSV?), not a workbook"), "{}", r.stderr);
    assert!(r.stderr.contains("rename it to .csv"), "{}", r.stderr);
    std::fs::write(&file, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("an old Excel (.xls) file named .xlsx"),
        "{}",
        r.stderr
    );
}

/// A BIFF8 record: type, length, data.
fn biff(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// A minimal .xls (BIFF8 in a compound file) with one sheet `Data`: text
/// cells at (row, col), and a DIMENSIONS record declaring rows
/// `first..last` and columns `first..last` (exclusive ends).
fn xls_with(path: &Path, cells: &[(u16, u16, &str)], dims: (u32, u32, u16, u16)) {
    use std::io::Write;
    let bof = |dt: u16| {
        let mut d = vec![0x00, 0x06];
        d.extend(dt.to_le_bytes());
        d.extend([0u8; 12]);
        biff(0x0809, &d)
    };
    let name = b"Data";
    let globals_len = bof(5).len() + 4 + 8 + name.len() + 4;
    let mut sheet_rec = (globals_len as u32).to_le_bytes().to_vec();
    sheet_rec.extend([0, 0, name.len() as u8, 0]);
    sheet_rec.extend(name);
    let mut stream = bof(5);
    stream.extend(biff(0x0085, &sheet_rec));
    stream.extend(biff(0x000A, &[]));
    assert_eq!(stream.len(), globals_len);
    stream.extend(bof(0x10));
    let mut d = dims.0.to_le_bytes().to_vec();
    d.extend(dims.1.to_le_bytes());
    d.extend(dims.2.to_le_bytes());
    d.extend(dims.3.to_le_bytes());
    d.extend([0, 0]);
    stream.extend(biff(0x0200, &d));
    for (r, c, text) in cells {
        let mut d = r.to_le_bytes().to_vec();
        d.extend(c.to_le_bytes());
        d.extend([0, 0]);
        d.extend((text.len() as u16).to_le_bytes());
        d.push(0);
        d.extend(text.as_bytes());
        stream.extend(biff(0x0204, &d));
    }
    stream.extend(biff(0x000A, &[]));
    let mut cf = cfb::create(path).unwrap();
    cf.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
    cf.flush().unwrap();
}

const XLS_TABLE: [(u16, u16, &str); 6] = [
    (0, 0, "indicator"),
    (0, 1, "period"),
    (0, 2, "value"),
    (1, 0, "1100.9"),
    (1, 1, "2023-Q4"),
    (1, 2, "4"),
];

/// A small .xls is read through calamine (the hand-made file is valid).
#[test]
fn xls_small_sheet_is_read() {
    let ws = starsom();
    let file = ws.path().join("small.xls");
    xls_with(&file, &XLS_TABLE, (0, 2, 0, 3));
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    assert!(r.stderr.contains("Data!A2: unknown indicator `1100.9`"), "{}", r.stderr);
}

/// calamine builds a dense grid for an .xls when it opens it, sized by the
/// cells and by the DIMENSIONS record: a 2 kB file with a cell at
/// XFD65536, or claiming 4 billion rows, aborted on the allocation. The
/// file is scanned first and refused by name.
#[test]
fn xls_stray_cell_or_huge_dimensions_are_refused_before_calamine() {
    let ws = starsom();
    let file = ws.path().join("stray.xls");
    let mut cells = XLS_TABLE.to_vec();
    cells.push((65_535, 16_383, "x"));
    xls_with(&file, &cells, (0, 65_536, 0, 16_384));
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("Data!XFD65536: a cell beyond the table's accepted size"),
        "{}",
        r.stderr
    );
    xls_with(&file, &XLS_TABLE, (0, u32::MAX, 0, 255));
    let r = run(ws.path(), &["import", "starsom", file.to_str().unwrap()]);
    r.expect_code(2);
    assert!(r.stderr.contains("is too large to read as .xls"), "{}", r.stderr);
}
