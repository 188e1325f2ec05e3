//! `logframe compare --format xlsx`: the IPTT as a workbook for people.
//!
//! One sheet per level of the results chain (indicators of results at that
//! level, grouped by result), a sheet of indicator definitions (the PMF
//! columns) and a sheet of notes on the rules. Headers are frozen, numbers
//! carry number formats (percentages as Excel percentages), status cells
//! are coloured.
//!
//! User text (titles, statements, definitions, categories) is always
//! written with `write_string`: a string cell is text to Excel and
//! LibreOffice even when it starts with `=`, so formula injection cannot
//! happen and no apostrophe is needed. Figures are written as numbers:
//! xlsx cells hold doubles, so the exact decimals are in CSV and JSON.
//!
//! A cell holds at most 32,767 characters (UTF-16 units) in Excel. Every
//! string cell goes through [`Sheet`], which cuts longer text, ends it with
//! [`TRUNCATED`] so that a reader sees the cut, and notes the cell so the
//! command can warn; the full text stays in the CSV and JSON formats.

use std::ops::{Deref, DerefMut};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::compute::Status;
use crate::evaluate::compare::{ActualRule, Compare, IndicatorRow, ResultRows};
use crate::locale::{self, Lang, term, term_message};
use crate::model::{Framework, IndicatorType, Value};

pub mod entry;
pub mod evaluator;
pub mod portfolio;
mod sheets;

use sheets::{definitions_sheet, headers, notes_sheet};

/// Excel's limit on the text of one cell, in UTF-16 units.
pub const MAX_CELL_TEXT: usize = 32_767;

/// The end of a cell whose text was cut to [`MAX_CELL_TEXT`].
pub const TRUNCATED: &str = "…[truncated]";

/// A built workbook and the cells (`Sheet!A1`) whose text was cut.
pub struct Built {
    pub bytes: Vec<u8>,
    pub truncated: Vec<String>,
}

/// A worksheet whose string cells never exceed [`MAX_CELL_TEXT`]: its
/// `write_string*` methods shadow the worksheet's; everything else is the
/// worksheet's own.
pub struct Sheet<'a> {
    ws: &'a mut Worksheet,
    truncated: &'a mut Vec<String>,
}

impl Sheet<'_> {
    pub fn write_string(&mut self, row: u32, col: u16, text: impl AsRef<str>) -> Result<(), XlsxError> {
        let text = self.fit(row, col, text.as_ref());
        self.ws.write_string(row, col, text).map(|_| ())
    }

    pub fn write_string_with_format(
        &mut self,
        row: u32,
        col: u16,
        text: impl AsRef<str>,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let text = self.fit(row, col, text.as_ref());
        self.ws.write_string_with_format(row, col, text, format).map(|_| ())
    }

    /// `text`, or its longest prefix that fits with the marker after it.
    fn fit<'t>(&mut self, row: u32, col: u16, text: &'t str) -> std::borrow::Cow<'t, str> {
        match cut_to_cell(text) {
            None => text.into(),
            Some(cut) => {
                let cell = rust_xlsxwriter::utility::row_col_to_cell(row, col);
                self.truncated.push(format!("{}!{cell}", self.ws.name()));
                cut.into()
            }
        }
    }
}

impl Deref for Sheet<'_> {
    type Target = Worksheet;
    fn deref(&self) -> &Worksheet {
        self.ws
    }
}

impl DerefMut for Sheet<'_> {
    fn deref_mut(&mut self) -> &mut Worksheet {
        self.ws
    }
}

/// `text` cut to fit a cell with [`TRUNCATED`] at its end, when it is too
/// long for one (never between the halves of a surrogate pair).
pub fn cut_to_cell(text: &str) -> Option<String> {
    let units = |s: &str| s.encode_utf16().count();
    if units(text) <= MAX_CELL_TEXT {
        return None;
    }
    let room = MAX_CELL_TEXT - units(TRUNCATED);
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            used += c.len_utf16();
            used > room
        })
        .map_or(text.len(), |(i, _)| i);
    Some(format!("{}{TRUNCATED}", &text[..end]))
}

/// Fill and font colours of each status (Excel's good / neutral / bad).
fn status_colors(s: Status) -> (u32, u32) {
    match s {
        Status::Achieved => (0x9BD3A4, 0x0B4F1C),
        Status::OnTrack => (0xC6EFCE, 0x006100),
        Status::AtRisk => (0xFFEB9C, 0x9C5700),
        Status::OffTrack => (0xFFC7CE, 0x9C0006),
        // A final verdict: the bad colours reversed, white on dark red.
        Status::NotAchieved => (0x9C0006, 0xFFFFFF),
        Status::NoData => (0xD9D9D9, 0x3F3F3F),
        Status::NotYetDue | Status::NoTarget => (0xF2F2F2, 0x595959),
    }
}

fn status_format(s: Status) -> Format {
    let (fill, font) = status_colors(s);
    Format::new()
        .set_background_color(Color::RGB(fill))
        .set_font_color(Color::RGB(font))
}

#[derive(Clone)]
struct Formats {
    header: Format,
    group: Format,
    result: Format,
    text: Format,
    wrap: Format,
    int: Format,
    dec: Format,
    pct: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0x1F3864))
            .set_font_color(Color::White)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_text_wrap();
        Formats {
            group: header.clone().set_align(FormatAlign::Center),
            header,
            result: Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)),
            text: Format::new(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            int: Format::new().set_num_format("#,##0"),
            dec: Format::new().set_num_format("#,##0.00"),
            pct: Format::new().set_num_format("0.0%"),
        }
    }
}

fn f64_of(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::NAN)
}

/// Write a figure of an indicator: percentages as Excel percentages,
/// whole numbers without decimals.
fn write_figure(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    kind: IndicatorType,
    d: Decimal,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (value, base) = if kind == IndicatorType::Percentage {
        (f64_of(d) / 100.0, &f.pct)
    } else if d.fract().is_zero() {
        (f64_of(d), &f.int)
    } else {
        (f64_of(d), &f.dec)
    };
    ws.write_number_with_format(row, col, value, base)?;
    Ok(())
}

fn write_value(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    kind: IndicatorType,
    v: Option<&Value>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match v {
        None => {}
        Some(Value::Flag { done }) => {
            ws.write_string(row, col, term(if *done { "yes" } else { "no" }))?;
        }
        Some(Value::Text { text, score: None }) => {
            ws.write_string_with_format(row, col, text, &f.text)?;
        }
        Some(v) => match v.figure() {
            Some(d) => write_figure(ws, row, col, kind, d, f)?,
            None => {
                ws.write_string(row, col, term("term-na"))?;
            }
        },
    }
    Ok(())
}

fn write_target(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    kind: IndicatorType,
    t: Option<Decimal>,
    f: &Formats,
) -> Result<(), XlsxError> {
    match (kind, t) {
        (_, None) => {}
        (IndicatorType::Milestone, Some(v)) => {
            ws.write_string(row, col, term(if v.is_zero() { "no" } else { "yes" }))?;
        }
        (_, Some(v)) => write_figure(ws, row, col, kind, v, f)?,
    }
    Ok(())
}

/// A value expected to date (not a target written for the period): in
/// italics, as the notes sheet says, and in whole units for a count.
fn write_expected(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    kind: IndicatorType,
    t: Option<Decimal>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let italic = Formats {
        int: f.int.clone().set_italic(),
        dec: f.dec.clone().set_italic(),
        pct: f.pct.clone().set_italic(),
        ..f.clone()
    };
    write_target(ws, row, col, kind, t, &italic)
}

fn write_percent(
    ws: &mut Sheet,
    row: u32,
    col: u16,
    p: Option<Decimal>,
    status: Option<Status>,
) -> Result<(), XlsxError> {
    if let Some(p) = p {
        let mut fmt = Format::new().set_num_format("0.0%");
        if let Some(s) = status {
            let (fill, font) = status_colors(s);
            fmt = fmt
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font));
        }
        ws.write_number_with_format(row, col, f64_of(p) / 100.0, &fmt)?;
    }
    Ok(())
}

/// The print setup every sheet shares: landscape, one page wide (as many
/// tall as it takes), its first `header_rows` rows repeated on every page,
/// gridlines, the sheet's name in the page header and the page number in
/// the footer.
fn print_setup(ws: &mut Worksheet, header_rows: u32) -> Result<(), XlsxError> {
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    if header_rows > 0 {
        ws.set_repeat_rows(0, header_rows - 1)?;
    }
    ws.set_print_gridlines(true);
    ws.set_header("&L&A");
    ws.set_footer("&C&P / &N");
    Ok(())
}

/// An Excel sheet name from a level: `ultimate_outcome` -> `Ultimate outcome`.
pub fn sheet_name(level: &str, taken: &[String]) -> String {
    let clean: String = level
        .replace('_', " ")
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    // 28 UTF-16 units leave room for a " 2" suffix within Excel's 31.
    let mut used = 0;
    let mut name: String = clean
        .trim()
        .trim_matches('\'')
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= 28
        })
        .collect();
    name = name.trim_end_matches(['\'', ' ']).to_string();
    if let Some(first) = name.chars().next() {
        name = first.to_uppercase().collect::<String>() + &name[first.len_utf8()..];
    }
    if name.is_empty() {
        name = "Level".into();
    }
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate))
        || candidate.eq_ignore_ascii_case("indicators")
        || candidate.eq_ignore_ascii_case("notes")
        || candidate.eq_ignore_ascii_case("history")
        || candidate.eq_ignore_ascii_case("summary")
        || candidate.eq_ignore_ascii_case("all indicators")
        || candidate.eq_ignore_ascii_case("data quality")
    {
        candidate = format!("{name} {n}");
        n += 1;
    }
    candidate
}

/// The workbook as bytes, and the cells whose text was cut.
pub fn workbook(fw: &Framework, c: &Compare) -> Result<Built, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time keeps the file the same for the same input.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(match &c.filter {
                None => format!("{} IPTT", c.framework),
                Some(f) => format!("{} IPTT, {}", c.framework, super::compare::filter_label(f)),
            })
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    let mut truncated = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for (depth, level) in fw.levels.iter().enumerate() {
        let results: Vec<&ResultRows> = c
            .results
            .iter()
            .filter(|r| r.depth == depth && !r.indicators.is_empty())
            .collect();
        if results.is_empty() {
            continue;
        }
        let name = sheet_name(level, &taken);
        taken.push(name.clone());
        let ws = wb.add_worksheet().set_name(&name)?;
        print_setup(ws, 2)?;
        if let Some(f) = &c.filter {
            // The printed page names the category beside the sheet.
            ws.set_header(format!("&L&A, {}", super::compare::filter_label(f).replace('&', "&&")));
        }
        level_sheet(
            &mut Sheet {
                ws,
                truncated: &mut truncated,
            },
            c,
            &results,
            &f,
            false,
        )?;
    }
    let ws = wb.add_worksheet().set_name("Indicators")?;
    print_setup(ws, 1)?;
    definitions_sheet(
        &mut Sheet {
            ws,
            truncated: &mut truncated,
        },
        fw,
        &f,
    )?;
    let ws = wb.add_worksheet().set_name("Notes")?;
    print_setup(ws, 0)?;
    notes_sheet(
        &mut Sheet {
            ws,
            truncated: &mut truncated,
        },
        fw,
        c,
        &f,
    )?;
    Ok(Built {
        bytes: wb.save_to_buffer()?,
        truncated,
    })
}

/// One level's tracking table. With `status_text`, each period has a
/// fourth column holding its status in words, so that the table reads the
/// same printed in greyscale.
fn level_sheet(
    ws: &mut Sheet,
    c: &Compare,
    results: &[&ResultRows],
    f: &Formats,
    status_text: bool,
) -> Result<(), XlsxError> {
    let by = c.by.is_some();
    let per: u16 = if status_text { 4 } else { 3 };
    let mut fixed: Vec<(&str, f64)> = vec![(term("xlsx-result"), 8.0), (term("xlsx-indicator"), 10.0)];
    if by {
        fixed.push((c.by.as_deref().unwrap_or(term("xlsx-category")), 14.0));
    }
    fixed.extend([
        (term("xlsx-title"), 48.0),
        (term("xlsx-unit"), 14.0),
        (term("xlsx-baseline"), 10.0),
    ]);
    let n_fixed = fixed.len() as u16;
    for (i, (h, w)) in fixed.iter().enumerate() {
        ws.merge_range(0, i as u16, 1, i as u16, h, &f.header)?;
        ws.set_column_width(i as u16, *w)?;
    }
    let mut col = n_fixed;
    for p in &c.periods {
        ws.merge_range(0, col, 0, col + per - 1, &p.to_string(), &f.group)?;
        for (k, h) in ["xlsx-target", "xlsx-actual", "col-percent", "xlsx-status"]
            .map(term)
            .iter()
            .take(per as usize)
            .enumerate()
        {
            ws.write_string_with_format(1, col + k as u16, *h, &f.header)?;
            ws.set_column_width(col + k as u16, if k == 3 { 12.0 } else { 9.0 })?;
        }
        col += per;
    }
    let lop = col;
    let last = c.periods.last().map(|p| p.to_string()).unwrap_or_default();
    ws.merge_range(
        0,
        lop,
        0,
        lop + 4,
        &term_message("xlsx-life-of-project", [("last", last.into())]),
        &f.group,
    )?;
    for (k, (h, w)) in [
        (term("xlsx-end-target"), 10.0),
        (term("xlsx-to-date"), 10.0),
        (term("xlsx-percent-of-end"), 9.0),
        (term("xlsx-status"), 12.0),
        (term("xlsx-why"), 80.0),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(1, lop + k as u16, *h, &f.header)?;
        ws.set_column_width(lop + k as u16, *w)?;
    }
    ws.set_freeze_panes(2, n_fixed)?;
    let mut row = 2u32;
    let title_col = if by { 3 } else { 2 };
    for r in results {
        ws.write_string_with_format(row, 0, &r.id, &f.result)?;
        for k in 1..lop + 5 {
            ws.write_blank(row, k, &f.result)?;
        }
        ws.write_string_with_format(row, title_col, &r.statement, &f.result)?;
        row += 1;
        for i in &r.indicators {
            indicator_rows(ws, &mut row, r, i, (n_fixed, per), lop, by, f)?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn indicator_rows(
    ws: &mut Sheet,
    row: &mut u32,
    r: &ResultRows,
    i: &IndicatorRow,
    (n_fixed, per): (u16, u16),
    lop: u16,
    by: bool,
    f: &Formats,
) -> Result<(), XlsxError> {
    let title_col = if by { 3 } else { 2 };
    ws.write_string(*row, 0, &r.id)?;
    ws.write_string(*row, 1, &i.id)?;
    if by {
        ws.write_string(*row, 2, term("xlsx-total"))?;
    }
    ws.write_string(*row, title_col, &i.title)?;
    let rule = term(if i.actual_rule == ActualRule::ToDate {
        "xlsx-running-total"
    } else {
        "xlsx-per-period"
    });
    ws.write_string(
        *row,
        title_col + 1,
        format!(
            "{}{}",
            i.unit.as_deref().map(|u| format!("{u}, ")).unwrap_or_default(),
            rule
        ),
    )?;
    write_target(ws, *row, title_col + 2, i.kind, i.baseline, f)?;
    let mut col = n_fixed;
    for cell in &i.cells {
        if cell.agreed {
            write_target(ws, *row, col, i.kind, cell.target_shown, f)?;
        } else {
            write_expected(ws, *row, col, i.kind, cell.target_shown, f)?;
        }
        write_value(ws, *row, col + 1, i.kind, cell.actual.as_ref(), f)?;
        write_percent(ws, *row, col + 2, cell.percent, Some(cell.status))?;
        if per == 4 {
            ws.write_string_with_format(
                *row,
                col + 3,
                locale::status(Lang::En, cell.status),
                &status_format(cell.status),
            )?;
        }
        col += per;
    }
    write_target(ws, *row, lop, i.kind, i.life.target, f)?;
    write_value(ws, *row, lop + 1, i.kind, i.life.actual.as_ref(), f)?;
    write_percent(ws, *row, lop + 2, i.life.percent, None)?;
    ws.write_string_with_format(
        *row,
        lop + 3,
        locale::status(Lang::En, i.life.status),
        &status_format(i.life.status),
    )?;
    ws.write_string(*row, lop + 4, &i.life.explanation)?;
    *row += 1;
    for k in &i.categories {
        ws.write_string(*row, 0, &r.id)?;
        ws.write_string(*row, 1, &i.id)?;
        ws.write_string(
            *row,
            2,
            k.category.as_deref().unwrap_or(term("compare-not-broken-down")),
        )?;
        let mut col = n_fixed;
        for a in &k.actuals {
            write_value(ws, *row, col + 1, i.kind, a.as_ref(), f)?;
            col += per;
        }
        write_value(ws, *row, lop + 1, i.kind, k.to_date.as_ref(), f)?;
        *row += 1;
    }
    Ok(())
}
