//! Period cells that are dates (issue 17): an Excel date cell, `31/12/2023`,
//! `Q4 2023`, `Oct 2023`, or `2023-12-31` for an indicator collected
//! quarterly, are refused at `import` and `record` with the reporting
//! period that holds them as the hint; nothing is written.

mod common;

use std::path::Path;

use common::{run, workspace};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn no_ledger(ws: &Path) -> bool {
    !ws.join("frameworks/starsom/measurements/ledger.csv").exists()
}

#[test]
fn dates_and_other_spellings_in_the_period_column_are_refused_with_the_quarter() {
    let ws = workspace(&["starsom"]);
    let file = ws.path().join("q4.csv");
    std::fs::write(
        &file,
        "indicator,period,value,country\n\
         1100.1,2023-12-31,2,GT\n\
         1100.1,31/12/2023,2,HN\n\
         1100.1,Q4 2023,2,PE\n\
         1100.1,Oct 2023,1,MX\n\
         1100.1,2023-Q4,1,CO\n",
    )
    .expect("write");
    let r = run(ws.path(), &["import", "starsom", file.to_str().expect("utf-8")]);
    r.expect_code(1);
    for want in [
        "`2023-12-31` is a date, not a reporting period",
        "q4.csv:2:8",
        "1100.1 is collected quarterly",
        "did you mean 2023-Q4, the quarterly reporting period holding 2023-12-31?",
        "write 2023-12-31..2023-12-31",
        "q4.csv:3:8",
        "q4.csv:4:8",
        "did you mean 2023-Q4?",
        "q4.csv:5:8",
        "did you mean 2023-Q4, the quarterly reporting period holding 2023-10",
        "4 errors",
    ] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    assert!(no_ledger(ws.path()), "all or nothing: line 6 is not written either");
}

#[test]
fn record_refuses_a_day_for_a_quarterly_indicator_and_takes_the_range() {
    let ws = workspace(&["starsom"]);
    let r = run(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-12-31",
            "--dim",
            "country=GT",
            "--value",
            "3",
        ],
    );
    r.expect_code(1);
    assert!(r.stderr.contains("did you mean 2023-Q4"), "{}", r.stderr);
    assert!(no_ledger(ws.path()));
    // Written as a range, the one day is what the user means.
    let r = run(
        ws.path(),
        &[
            "record",
            "starsom",
            "1100.1",
            "--period",
            "2023-12-31..2023-12-31",
            "--dim",
            "country=GT",
            "--value",
            "3",
        ],
    );
    r.expect_code(0);
}

#[test]
fn an_excel_date_cell_in_the_period_column_is_refused_at_its_cell() {
    let ws = workspace(&["starsom"]);
    let file = ws.path().join("entry.xlsx");
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Q4").expect("name");
    for (c, h) in ["indicator", "period", "value", "country"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("header");
    }
    sheet.write_string(1, 0, "1100.1").expect("id");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let day = ExcelDateTime::from_ymd(2023, 12, 31).expect("date");
    sheet.write_datetime_with_format(1, 1, &day, &date).expect("date cell");
    sheet.write_number(1, 2, 2.0).expect("value");
    sheet.write_string(1, 3, "GT").expect("country");
    wb.save(&file).expect("save");
    let r = run(ws.path(), &["import", "starsom", file.to_str().expect("utf-8")]);
    r.expect_code(1);
    for want in ["Q4!B2", "is a date, not a reporting period", "did you mean 2023-Q4"] {
        assert!(r.stderr.contains(want), "missing `{want}` in\n{}", r.stderr);
    }
    assert!(no_ledger(ws.path()));
}
