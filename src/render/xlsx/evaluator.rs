//! `logframe evaluate`: the evaluator's workbook.
//!
//! Sheets, in order: a summary of life-of-project statuses by level (and
//! for outcome and output levels together), every indicator on one sheet
//! with its comments and the narrative's explanation of its figures, the
//! level sheets of the tracking table (each period's status in words
//! beside its coloured percent), the whole ledger trail, the data-quality
//! rates, then the indicators' definitions and the notes of the IPTT
//! workbook.
//!
//! Every sheet is set up to print: landscape, one page wide, header rows
//! repeated, panes frozen below the headers. Every status is written as
//! text in a coloured cell, so nothing is said by colour alone.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{
    Built, Formats, Sheet, definitions_sheet, headers, level_sheet, notes_sheet, print_setup, sheet_name,
    status_format, write_percent, write_target, write_value,
};
use crate::compute::Status;
use crate::compute::quality_rates::{NotChecked, Rate};
use crate::evaluate::compare::ResultRows;
use crate::evaluate::evaluation::{Evaluation, HistoryRow, LevelCounts};
use crate::ledger::review::RowState;
use crate::locale::{self, Lang, term, term_message};
use crate::model::{Framework, Value};

/// The workbook as bytes, and the cells whose text was cut.
pub fn workbook(fw: &Framework, e: &Evaluation) -> Result<Built, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(format!("{} evaluation", e.compare.framework))
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    let mut truncated = Vec::new();
    macro_rules! sheet {
        ($name:expr, $header_rows:expr) => {{
            let ws = wb.add_worksheet().set_name($name)?;
            print_setup(ws, $header_rows)?;
            Sheet {
                ws,
                truncated: &mut truncated,
            }
        }};
    }
    summary_sheet(&mut sheet!("Summary", 1), e, &f)?;
    all_indicators_sheet(&mut sheet!("All indicators", 1), e, &f)?;
    let mut taken: Vec<String> = Vec::new();
    for (depth, level) in fw.levels.iter().enumerate() {
        let results: Vec<&ResultRows> = e
            .compare
            .results
            .iter()
            .filter(|r| r.depth == depth && !r.indicators.is_empty())
            .collect();
        if results.is_empty() {
            continue;
        }
        let name = sheet_name(level, &taken);
        taken.push(name.clone());
        level_sheet(&mut sheet!(&name, 2), &e.compare, &results, &f, true)?;
    }
    history_sheet(&mut sheet!("History", 1), &e.history, &f)?;
    quality_sheet(&mut sheet!("Data quality", 1), e, &f)?;
    definitions_sheet(&mut sheet!("Indicators", 1), fw, &f)?;
    notes_sheet(&mut sheet!("Notes", 0), fw, &e.compare, &f)?;
    Ok(Built {
        bytes: wb.save_to_buffer()?,
        truncated,
    })
}

fn status_text(s: Status) -> &'static str {
    locale::status(Lang::En, s)
}

fn summary_sheet(ws: &mut Sheet, e: &Evaluation, f: &Formats) -> Result<(), XlsxError> {
    let mut cols: Vec<(String, f64)> = vec![
        (term("xlsx-level").into(), 24.0),
        (term("xlsx-outcome-or-output").into(), 12.0),
        (term("xlsx-indicators").into(), 11.0),
    ];
    cols.extend(Status::ALL.iter().map(|&s| (status_text(s).to_string(), 11.0)));
    headers(ws, &cols, 1, f)?;
    // The status headers in their own colours, the name in words.
    for (k, &s) in Status::ALL.iter().enumerate() {
        let fmt = status_format(s).set_bold().set_text_wrap();
        ws.write_string_with_format(0, 3 + k as u16, status_text(s), &fmt)?;
    }
    let kind = |c: &LevelCounts| term(if c.output { "xlsx-output" } else { "xlsx-outcome" });
    let mut row = 1u32;
    let mut line = |ws: &mut Sheet, c: &LevelCounts, label: &str, bold: bool| -> Result<(), XlsxError> {
        let text = if bold { &f.result } else { &f.text };
        ws.write_string_with_format(row, 0, label, text)?;
        ws.write_string_with_format(row, 1, kind(c), text)?;
        ws.write_number_with_format(row, 2, c.indicators as f64, &f.int)?;
        for (k, s) in Status::ALL.iter().enumerate() {
            let n = c.by_status.get(s).copied().unwrap_or(0);
            ws.write_number_with_format(row, 3 + k as u16, n as f64, &f.int)?;
        }
        row += 1;
        Ok(())
    };
    for c in &e.levels {
        line(ws, c, &c.level.replace('_', " "), false)?;
    }
    for c in &e.kinds {
        let label = term(if c.output {
            "xlsx-all-outputs"
        } else {
            "xlsx-all-outcomes"
        });
        line(ws, c, label, true)?;
    }
    Ok(())
}

fn all_indicators_sheet(ws: &mut Sheet, e: &Evaluation, f: &Formats) -> Result<(), XlsxError> {
    let c = &e.compare;
    let last = c.periods.last().map(|p| p.to_string()).unwrap_or_default();
    let at = |id: &str| term_message(id, [("period", last.clone().into())]);
    let cols: Vec<(String, f64)> = vec![
        (term("xlsx-level").into(), 18.0),
        (term("xlsx-result").into(), 8.0),
        (term("xlsx-indicator").into(), 10.0),
        (term("xlsx-title").into(), 44.0),
        (term("xlsx-unit").into(), 14.0),
        (term("xlsx-baseline").into(), 10.0),
        (at("xlsx-target-at"), 11.0),
        (term("xlsx-target-kind").into(), 10.0),
        (at("xlsx-actual-at"), 11.0),
        (term("xlsx-percent-of-target").into(), 9.0),
        (term("xlsx-status").into(), 12.0),
        (term("xlsx-end-target").into(), 10.0),
        (term("xlsx-to-date").into(), 10.0),
        (term("xlsx-percent-of-end").into(), 9.0),
        (term("xlsx-status").into(), 12.0),
        (term("xlsx-why").into(), 50.0),
        (term("xlsx-comments").into(), 70.0),
    ];
    headers(ws, &cols, 3, f)?;
    let mut row = 1u32;
    for r in &c.results {
        for i in &r.indicators {
            ws.write_string_with_format(row, 0, r.level.replace('_', " "), &f.wrap)?;
            ws.write_string_with_format(row, 1, &r.id, &f.wrap)?;
            ws.write_string_with_format(row, 2, &i.id, &f.wrap)?;
            ws.write_string_with_format(row, 3, &i.title, &f.wrap)?;
            ws.write_string_with_format(row, 4, i.unit.as_deref().unwrap_or(""), &f.wrap)?;
            write_target(ws, row, 5, i.kind, i.baseline, f)?;
            if let Some(cell) = i.cells.last() {
                write_target(ws, row, 6, i.kind, cell.target_shown, f)?;
                if cell.target_shown.is_some() {
                    ws.write_string(row, 7, term(if cell.agreed { "xlsx-agreed" } else { "xlsx-expected" }))?;
                }
                write_value(ws, row, 8, i.kind, cell.actual.as_ref(), f)?;
                write_percent(ws, row, 9, cell.percent, Some(cell.status))?;
                ws.write_string_with_format(row, 10, status_text(cell.status), &status_format(cell.status))?;
            }
            write_target(ws, row, 11, i.kind, i.life.target, f)?;
            write_value(ws, row, 12, i.kind, i.life.actual.as_ref(), f)?;
            write_percent(ws, row, 13, i.life.percent, None)?;
            ws.write_string_with_format(row, 14, status_text(i.life.status), &status_format(i.life.status))?;
            ws.write_string_with_format(row, 15, &i.life.explanation, &f.wrap)?;
            ws.write_string_with_format(row, 16, comments(e, &i.id), &f.wrap)?;
            row += 1;
        }
    }
    if row > 1 {
        ws.autofilter(0, 0, row - 1, cols.len() as u16 - 1)?;
    }
    Ok(())
}

/// The comments of the latest period's rows, then the narrative's words.
fn comments(e: &Evaluation, id: &str) -> String {
    let Some(n) = e.notes.get(id) else {
        return String::new();
    };
    let mut parts = Vec::new();
    if let (Some(p), false) = (n.period, n.comments.is_empty()) {
        parts.push(format!("{p}: {}", n.comments.join("; ")));
    }
    if !n.narrative.is_empty() {
        parts.push(format!("{}: {}", term("xlsx-narrative"), n.narrative.join(" ")));
    }
    parts.join("\n")
}

/// Whether a row of the trail is the value that counts.
fn in_force(s: &RowState) -> bool {
    matches!(s, RowState::InForce | RowState::Approved { in_force: true, .. })
}

fn history_sheet(ws: &mut Sheet, rows: &[HistoryRow], f: &Formats) -> Result<(), XlsxError> {
    let cols: Vec<(String, f64)> = [
        ("xlsx-indicator", 10.0),
        ("col-period", 10.0),
        ("col-breakdown", 16.0),
        ("col-value", 14.0),
        ("col-recorded-at", 17.0),
        ("col-by", 12.0),
        ("col-source", 24.0),
        ("col-comment", 50.0),
        ("col-row", 30.0),
        ("col-state", 26.0),
        ("xlsx-in-force", 9.0),
    ]
    .iter()
    .map(|(k, w)| (term(k).to_string(), *w))
    .collect();
    headers(ws, &cols, 2, f)?;
    // Rows that no longer count are grey and in italics, and say so in words.
    let old = Format::new()
        .set_italic()
        .set_font_color(rust_xlsxwriter::Color::RGB(0x595959));
    for (n, h) in rows.iter().enumerate() {
        let row = n as u32 + 1;
        let counts = in_force(&h.state);
        let text = if counts { &f.text } else { &old };
        let value = match &h.value {
            Value::Number { value } => crate::format::decimal(*value),
            v => crate::format::value(v),
        };
        let cells = [
            h.indicator.clone(),
            h.period.to_string(),
            h.breakdown.clone(),
            value,
            h.recorded_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| term("term-undated").into()),
            h.recorded_by.clone(),
            h.source.clone(),
            h.comment.clone(),
            h.origin.clone(),
            crate::render::history::state(&h.state),
            term(if counts { "yes" } else { "no" }).to_string(),
        ];
        for (k, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, k as u16, v, text)?;
        }
    }
    if !rows.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, cols.len() as u16 - 1)?;
    }
    Ok(())
}

/// A rate as a spreadsheet percentage, `n/a` when nothing was due.
fn write_rate(ws: &mut Sheet, row: u32, col: u16, r: Rate) -> Result<(), XlsxError> {
    match r.percent {
        Some(p) => write_percent(ws, row, col, Some(p), None),
        None => ws.write_string(row, col, term("term-na")),
    }
}

fn write_counts(ws: &mut Sheet, row: u32, col: u16, r: Rate, f: &Formats) -> Result<(), XlsxError> {
    ws.write_number_with_format(row, col, r.whole as f64, &f.int)?;
    ws.write_number_with_format(row, col + 1, r.part as f64, &f.int)?;
    write_rate(ws, row, col + 2, r)
}

fn quality_sheet(ws: &mut Sheet, e: &Evaluation, f: &Formats) -> Result<(), XlsxError> {
    let q = &e.quality;
    let cols: Vec<(String, f64)> = [
        ("xlsx-indicator", 12.0),
        ("xlsx-frequency", 12.0),
        ("xlsx-due", 9.0),
        ("xlsx-received", 9.0),
        ("xlsx-completeness", 12.0),
        ("xlsx-judged", 10.0),
        ("xlsx-on-time", 9.0),
        ("xlsx-timeliness", 11.0),
        ("xlsx-broken-down", 11.0),
        ("xlsx-add-up", 9.0),
        ("xlsx-consistency", 11.0),
        ("xlsx-missing", 24.0),
        ("xlsx-late", 24.0),
        ("xlsx-note", 50.0),
    ]
    .iter()
    .map(|(k, w)| (term(k).to_string(), *w))
    .collect();
    headers(ws, &cols, 1, f)?;
    let mut row = 1u32;
    let periods = |ps: &[crate::model::Period]| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ");
    for i in &q.indicators {
        ws.write_string(row, 0, &i.indicator)?;
        ws.write_string(row, 1, i.frequency.map(|fr| fr.to_string()).unwrap_or_default())?;
        match &i.not_checked {
            None => {
                write_counts(ws, row, 2, i.completeness, f)?;
                write_counts(ws, row, 5, i.timeliness, f)?;
            }
            Some(why) => {
                let note = match why {
                    NotChecked::Irregular { frequency } => {
                        term_message("xlsx-not-checked-irregular", [("frequency", frequency.clone().into())])
                    }
                    NotChecked::Milestone => term("xlsx-not-checked-milestone").to_string(),
                };
                ws.write_string_with_format(row, 13, note, &f.wrap)?;
            }
        }
        write_counts(ws, row, 8, i.consistency, f)?;
        ws.write_string_with_format(row, 11, periods(&i.missing), &f.wrap)?;
        ws.write_string_with_format(row, 12, periods(&i.late), &f.wrap)?;
        row += 1;
    }
    ws.write_string_with_format(row, 0, term("xlsx-all"), &f.result)?;
    for k in 1..cols.len() as u16 {
        ws.write_blank(row, k, &f.result)?;
    }
    write_counts(ws, row, 2, q.completeness, f)?;
    write_counts(ws, row, 5, q.timeliness, f)?;
    write_counts(ws, row, 8, q.consistency, f)?;
    row += 2;
    if !q.countries.is_empty() {
        let country_cols = [
            "xlsx-country",
            "",
            "",
            "",
            "",
            "xlsx-judged",
            "xlsx-on-time",
            "xlsx-timeliness",
            "xlsx-broken-down",
            "xlsx-add-up",
            "xlsx-consistency",
        ];
        for (k, id) in country_cols.iter().enumerate() {
            let text = if id.is_empty() { "" } else { term(id) };
            ws.write_string_with_format(row, k as u16, text, &f.header)?;
        }
        row += 1;
        for c in &q.countries {
            ws.write_string(row, 0, &c.country)?;
            write_counts(ws, row, 5, c.timeliness, f)?;
            write_counts(ws, row, 8, c.consistency, f)?;
            row += 1;
        }
        row += 1;
    }
    let rules = [
        term_message(
            "xlsx-quality-as-of",
            [
                ("day", q.today.to_string().into()),
                ("days", q.deadline_days.to_string().into()),
            ],
        ),
        term("xlsx-quality-completeness").to_string(),
        term("xlsx-quality-timeliness").to_string(),
        term("xlsx-quality-consistency").to_string(),
        term("xlsx-country-completeness").to_string(),
    ];
    for l in rules {
        ws.write_string(row, 0, l)?;
        row += 1;
    }
    Ok(())
}
