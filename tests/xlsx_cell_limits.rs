//! Excel's limits in the IPTT workbook (issue 10, item 10): a cell holds
//! 32,767 UTF-16 units and a sheet name 31. `compare --format xlsx` with a
//! longer title exited 2 with "report this as a bug"; now every string cell
//! is cut with a visible marker and a warning naming the cells, and sheet
//! names from levels always fit.

mod common;

use calamine::{Data, Reader, open_workbook_auto};
use common::{run, workspace};
use logframe::render::xlsx::{MAX_CELL_TEXT, TRUNCATED, cut_to_cell, sheet_name};

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Edit starsom's logframe.yaml in a fresh workspace.
fn starsom_with(edits: &[(&str, String)]) -> tempfile::TempDir {
    let w = workspace(&["starsom"]);
    let yaml = w.path().join("frameworks/starsom/logframe.yaml");
    let mut text = std::fs::read_to_string(&yaml).expect("read yaml");
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(&yaml, text).expect("write yaml");
    w
}

/// Every string cell of the workbook, with its sheet.
fn strings(path: &std::path::Path) -> Vec<(String, String)> {
    let mut wb = open_workbook_auto(path).expect("workbook opens");
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("sheet");
        for c in range.cells() {
            if let (_, _, Data::String(s)) = c {
                out.push((name.clone(), s.clone()));
            }
        }
    }
    out
}

#[test]
fn compare_xlsx_cuts_a_title_over_the_cell_limit_with_a_marker_and_a_warning() {
    let title = "T".repeat(40_000);
    let w = starsom_with(&[(
        "    en: \"Strengthening Trans-Regional Action and Responses against the Smuggling of Migrants\"\n",
        format!("    en: \"{title}\"\n"),
    )]);
    let r = run(w.path(), &["compare", "starsom", "--format", "xlsx", "-o", "iptt.xlsx"]);
    r.expect_code(0);
    assert!(
        r.stderr.contains("warning: 1 cell is longer than Excel's"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("Notes!A1"), "{}", r.stderr);
    let cells = strings(&w.path().join("iptt.xlsx"));
    let (sheet, cut) = cells.iter().find(|(_, s)| s.contains("TTTT")).expect("the title cell");
    assert_eq!(sheet, "Notes");
    assert!(cut.ends_with(TRUNCATED), "ends with the marker");
    assert_eq!(units(cut), MAX_CELL_TEXT);
}

#[test]
fn compare_xlsx_cuts_long_definitions_and_sources_counting_utf16_units() {
    // Emoji are two UTF-16 units each: 20,000 of them are 40,000 units.
    let long = "📊".repeat(20_000);
    let w = starsom_with(&[(
        "        data_source: Expert review of case files, national statistics and mentoring reports\n",
        format!("        data_source: \"{long}\"\n"),
    )]);
    let r = run(w.path(), &["compare", "starsom", "--format", "xlsx", "-o", "iptt.xlsx"]);
    r.expect_code(0);
    assert!(r.stderr.contains("Indicators!"), "{}", r.stderr);
    let cells = strings(&w.path().join("iptt.xlsx"));
    let (_, cut) = cells.iter().find(|(_, s)| s.contains('📊')).expect("the source cell");
    assert!(cut.ends_with(TRUNCATED));
    assert!(units(cut) <= MAX_CELL_TEXT);
    for (sheet, s) in &cells {
        assert!(units(s) <= MAX_CELL_TEXT, "{sheet}: {} units", units(s));
    }
}

#[test]
fn compare_xlsx_accepts_levels_with_wide_characters_and_reserved_names() {
    let w = starsom_with(&[(
        "levels: [ultimate_outcome, intermediate_outcome, immediate_outcome, output]",
        "levels: [\"📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊\", history, immediate_outcome, output]".into(),
    )]);
    let yaml = w.path().join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    let text = text
        .replace(
            "level: ultimate_outcome",
            "level: \"📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊📊\"",
        )
        .replace("level: intermediate_outcome", "level: history");
    std::fs::write(&yaml, text).expect("write");
    let r = run(w.path(), &["compare", "starsom", "--format", "xlsx", "-o", "iptt.xlsx"]);
    r.expect_code(0);
    let wb = open_workbook_auto(w.path().join("iptt.xlsx")).expect("workbook opens");
    for name in wb.sheet_names() {
        assert!(units(&name) <= 31, "{name}");
        assert!(!name.eq_ignore_ascii_case("history"), "History is reserved by Excel");
    }
}

#[test]
fn cut_to_cell_never_splits_a_surrogate_pair_and_leaves_short_text_alone() {
    assert_eq!(cut_to_cell("short"), None);
    assert_eq!(cut_to_cell(&"x".repeat(MAX_CELL_TEXT)), None);
    let cut = cut_to_cell(&"📊".repeat(MAX_CELL_TEXT)).expect("cut");
    assert!(cut.ends_with(TRUNCATED));
    assert!(units(&cut) <= MAX_CELL_TEXT);
    let name = sheet_name(&"é📊".repeat(20), &[]);
    assert!(units(&name) <= 28, "{name}");
    assert!(!sheet_name("ab'", &[]).ends_with('\''));
}
