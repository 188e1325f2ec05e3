//! The evaluator's workbook (`logframe evaluate`) on STARSOM, read back
//! with calamine: its sheets, headers, text statuses, the whole ledger
//! trail, a completeness rate worked by hand, and the print setup in the
//! sheets' XML.

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use common::{assert_golden, copy_dir, data_rows, root, run_env, tests_dir};

/// Values are due as of 2024-06-30: every quarter of the project is.
const NOW: (&str, &str) = ("LOGFRAME_NOW", "2024-06-30T00:00:00Z");

const SHEETS: [&str; 10] = [
    "Summary",
    "All indicators",
    "Ultimate outcome",
    "Intermediate outcome",
    "Immediate outcome",
    "Output",
    "History",
    "Data quality",
    "Indicators",
    "Notes",
];

fn starsom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    copy_dir(&from.join("narrative"), &to.join("narrative"));
    std::fs::copy(from.join("logframe.yaml"), to.join("logframe.yaml")).expect("copy logframe.yaml");
    dir
}

fn build(dir: &Path) -> std::path::PathBuf {
    let out = dir.join("eval.xlsx");
    let r = run_env(
        dir,
        &["evaluate", "starsom", "-o", out.to_str().expect("utf-8 path")],
        &[NOW],
    );
    r.expect_code(0);
    out
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{}", (f * 10000.0).round() / 10000.0),
        Data::Int(i) => i.to_string(),
        other => format!("{other}"),
    }
}

fn row(range: &calamine::Range<Data>, r: usize) -> Vec<String> {
    (0..range.width())
        .map(|c| range.get((r, c)).map(text).unwrap_or_default())
        .collect()
}

/// The row whose first cell (or column `col`) is `key`.
fn find(range: &calamine::Range<Data>, col: usize, key: &str) -> Vec<String> {
    (0..range.height())
        .map(|r| row(range, r))
        .find(|cells| cells.get(col).is_some_and(|c| c == key))
        .unwrap_or_else(|| panic!("no row with {key}"))
}

const STATUSES: [&str; 8] = [
    "achieved",
    "on track",
    "at risk",
    "off track",
    "not achieved",
    "no data",
    "not yet due",
    "no target",
];

fn is_status(s: &str) -> bool {
    STATUSES.iter().any(|t| t.eq_ignore_ascii_case(s))
}

#[test]
fn the_workbook_reads_back_with_its_sheets_statuses_history_and_quality() {
    let dir = starsom();
    let path = build(dir.path());
    let mut wb = open_workbook_auto(&path).expect("open the workbook");
    assert_eq!(wb.sheet_names(), SHEETS.map(String::from).to_vec());

    // Summary: one line per level, then outcome and output levels together.
    let summary = wb.worksheet_range("Summary").expect("Summary");
    let head = row(&summary, 0);
    assert_eq!(&head[..3], ["Level", "Outcome or output", "Indicators"]);
    assert!(head[3..].iter().all(|h| is_status(h)), "{head:?}");
    let output = find(&summary, 0, "output");
    assert_eq!(output[1], "output");
    let n = |r: &[String]| r[2].parse::<u32>().expect("a count");
    let outcomes = find(&summary, 0, "All outcome levels");
    let outputs = find(&summary, 0, "All output levels");
    assert_eq!(n(&outcomes) + n(&outputs), 12);
    // 12 indicators, 5 of them at the output level (1111.1, 1111.2, 1112.1,
    // 1211.1, 1212.1).
    assert_eq!(n(&outputs), 5);
    // Each line's statuses add up to its indicators.
    for r in [&outcomes, &outputs] {
        let sum: u32 = r[3..].iter().map(|c| c.parse::<u32>().unwrap_or(0)).sum();
        assert_eq!(sum, n(r), "{r:?}");
    }

    // Every indicator together, statuses in words, comments beside them.
    let all = wb.worksheet_range("All indicators").expect("All indicators");
    let head = row(&all, 0);
    assert_eq!(&head[..4], ["Level", "Result", "Indicator", "Title"]);
    assert!(
        head.contains(&"Comments and variance explanation".to_string()),
        "{head:?}"
    );
    assert!(head.iter().any(|h| h.starts_with("Target at ")), "{head:?}");
    assert_eq!(all.height(), 13, "a header and 12 indicators");
    let status_cols: Vec<usize> = (0..head.len()).filter(|&k| head[k] == "Status").collect();
    assert_eq!(
        status_cols.len(),
        2,
        "the last period's status and the life of project's"
    );
    for r in 1..all.height() {
        let cells = row(&all, r);
        let life = &cells[status_cols[1]];
        assert!(is_status(life), "row {r}: {life:?}");
    }
    // 1100.2: the narrative explains the gap (narrative/2023-Q3.md).
    let prosecutions = find(&all, 2, "1100.2");
    let comments = prosecutions.last().expect("comments");
    assert!(
        comments.contains("Narrative: Prosecutions (1100.2) are behind target"),
        "{comments}"
    );
    // 1111.1: the ledger's comment of its latest period.
    let by_row = find(&all, 2, "1111.1");
    assert!(by_row.last().is_some_and(|c| c.starts_with("2023-Q3: ")), "{by_row:?}");

    // Level sheets: each period has its status in words beside the colour.
    let out = wb.worksheet_range("Output").expect("Output");
    let sub = row(&out, 1);
    assert!(sub.iter().filter(|h| *h == "Status").count() > 2, "{sub:?}");
    let words = (2..out.height())
        .flat_map(|r| row(&out, r))
        .filter(|c| is_status(c))
        .count();
    assert!(words > 20, "{words} status words on the output sheet");

    // History: every ledger row, superseded ones marked.
    let history = wb.worksheet_range("History").expect("History");
    let ledger_rows: usize = ["2021.csv", "2022.csv", "2023.csv"]
        .iter()
        .map(|f| data_rows(&root().join("frameworks/starsom/measurements").join(f)))
        .sum();
    assert_eq!(ledger_rows, 205);
    assert_eq!(history.height() - 1, ledger_rows);
    let head = row(&history, 0);
    assert_eq!(head.last().map(String::as_str), Some("In force"));
    // The 152 -> 155 correction of 1200.1 in 2022-Q4: 152 superseded.
    let old = (1..history.height())
        .map(|r| row(&history, r))
        .find(|c| c[0] == "1200.1" && c[1] == "2022-Q4" && c[3] == "152")
        .expect("the corrected row");
    assert_eq!(old[9], "superseded");
    assert_eq!(old[10], "no");
    let new = (1..history.height())
        .map(|r| row(&history, r))
        .find(|c| c[0] == "1200.1" && c[1] == "2022-Q4" && c[3] == "155")
        .expect("the correction");
    assert_eq!((new[9].as_str(), new[10].as_str()), ("in force", "yes"));

    // Data quality, worked by hand for 1200.1 (quarterly, the project runs
    // 2021-03-15 .. 2023-12-31): quarters wholly within it and due by
    // 2024-06-30 are 2021-Q2 .. 2023-Q4 = 3 + 4 + 4 = 11. The ledger
    // (grep '^1200.1,' measurements/*.csv) has 2021-Q3, 2021-Q4, 2022-Q1..Q4
    // (Q4 twice: a correction), 2023-Q1..Q3: 9 periods. 9/11 = 81.8 %.
    // Each first row was recorded on the 24th of the month after its
    // quarter, within 30 days: 9/9 on time.
    let q = wb.worksheet_range("Data quality").expect("Data quality");
    let head = row(&q, 0);
    assert_eq!(
        &head[..8],
        [
            "Indicator",
            "Frequency",
            "Values due",
            "Received",
            "Completeness",
            "Received with a date",
            "On time",
            "Timeliness"
        ]
    );
    let r = find(&q, 0, "1200.1");
    assert_eq!(&r[1..8], ["quarterly", "11", "9", "0.8182", "9", "9", "1"]);
    assert_eq!(r[11], "2021-Q2, 2023-Q4", "missing periods");
    // 1110.1 (surveys, "Quarter following each workshop"): said, not skipped.
    let survey = find(&q, 0, "1110.1");
    assert!(
        survey[13].contains("not checked") && survey[13].contains("Quarter following each workshop"),
        "{survey:?}"
    );
    assert_eq!(survey[2], "", "no due count for an unchecked indicator");
    let country = find(&q, 0, "GT");
    assert!(!country[7].is_empty(), "{country:?}");
    assert!(
        (0..q.height()).any(|r| row(&q, r)[0].contains("A value is due 30 days after the end of its period")),
        "the deadline is stated"
    );

    // A golden of the figures sheets, read.
    let mut dump = String::new();
    for name in ["Summary", "All indicators", "Data quality"] {
        let range = wb.worksheet_range(name).expect("sheet");
        dump.push_str(&format!("== {name}\n"));
        for r in 0..range.height() {
            let line = row(&range, r).join("\t");
            dump.push_str(line.trim_end());
            dump.push('\n');
        }
    }
    assert_golden(&tests_dir().join("golden").join("evaluator").join("starsom.tsv"), &dump);
}

/// The XML of a part of the workbook.
fn part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("a zip");
    let mut xml = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut xml)
        .expect("read");
    xml
}

#[test]
fn every_sheet_prints_landscape_one_page_wide_with_its_headers_repeated() {
    let dir = starsom();
    let path = build(dir.path());
    for n in 1..=SHEETS.len() {
        let xml = part(&path, &format!("xl/worksheets/sheet{n}.xml"));
        let setup = xml
            .split("<pageSetup ")
            .nth(1)
            .and_then(|s| s.split("/>").next())
            .unwrap_or_else(|| panic!("sheet{n}: no <pageSetup"));
        assert!(setup.contains(r#"orientation="landscape""#), "sheet{n}: {setup}");
        // One page wide (fitToWidth defaults to 1), as many tall as needed.
        assert!(setup.contains(r#"fitToHeight="0""#), "sheet{n}: {setup}");
        assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "sheet{n}");
        assert!(xml.contains("<printOptions"), "sheet{n}");
    }
    // Header rows repeated on every printed page, panes frozen below them.
    let wb = part(&path, "xl/workbook.xml");
    for (sheet, rows) in [
        ("Summary!$1:$1", 1),
        ("'All indicators'!$1:$1", 1),
        ("Output!$1:$2", 2),
        ("History!$1:$1", 1),
        ("'Data quality'!$1:$1", 1),
    ] {
        assert!(wb.contains(&format!("{sheet}</definedName>")), "{sheet} ({rows} rows)");
    }
    let all = part(&path, "xl/worksheets/sheet2.xml");
    assert!(all.contains(r#"<pane xSplit="3" ySplit="1""#), "frozen panes");
}

#[test]
fn evaluate_writes_the_workbook_to_stdout_when_not_on_a_terminal() {
    let dir = starsom();
    let out = common::command(dir.path(), &["evaluate", "starsom"])
        .env(NOW.0, NOW.1)
        .output()
        .expect("the logframe binary runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"), "a zip on stdout");
}
