//! `logframe sheet`: the entry workbook of a period, one row per value due
//! ([`crate::evaluate::due`]), made to be filled in and imported back with
//! `logframe import` unchanged.
//!
//! The first sheet is the data: its header row holds the names `import`
//! reads (`indicator`, `period`, the disaggregations, `value`, ...), so the
//! file is its own import. The key cells (indicator, period, breakdown)
//! are locked by sheet protection (no password: it guards against slips,
//! not people); the cells a value goes in are unlocked, white, and checked
//! by data validation (drop-down lists for categories and yes/no, whole
//! numbers for counts, the scale for scores). Columns that only some
//! indicators take (numerator and denominator, score) are there only when
//! an indicator due takes them, and grey where a row does not. The values
//! in force are prefilled, with their comment and source, so that a row
//! left as it is imports as "unchanged". The indicator's title, unit, what
//! to enter and definition sit to the right, headed in parentheses: the
//! import skips such columns. The second sheet says all this in the
//! chosen language.
//!
//! Figures are written as numbers when a spreadsheet's double keeps them
//! exactly (15 significant digits, what the import reads back), else as
//! text; user text always as strings (no formula injection).

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Note, ProtectionOptions, Workbook, XlsxError,
};

use super::{Built, Sheet, f64_of};
use crate::evaluate::due::{Due, DueIndicator, InForce};
use crate::ledger::row::TOTAL;
use crate::locale::{self, Lang};
use crate::model::{Framework, IndicatorType, Value};

/// The columns of the data sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Indicator,
    Period,
    Dim(usize),
    Value,
    Numerator,
    Denominator,
    Score,
    Comment,
    Source,
    Title,
    Unit,
    Expected,
    Definition,
}

/// The header of a column: the name `import` reads, or a label in
/// parentheses for the columns it skips.
fn header(fw: &Framework, c: Col, lang: Lang) -> String {
    let note = |id: &str| format!("({})", locale::text(lang, id));
    match c {
        Col::Indicator => "indicator".into(),
        Col::Period => "period".into(),
        Col::Dim(d) => fw.disaggregations[d].name.clone(),
        Col::Value => "value".into(),
        Col::Numerator => "numerator".into(),
        Col::Denominator => "denominator".into(),
        Col::Score => "score".into(),
        Col::Comment => "comment".into(),
        Col::Source => "source".into(),
        Col::Title => note("sheet-col-title"),
        Col::Unit => note("sheet-col-unit"),
        Col::Expected => note("sheet-col-expected"),
        Col::Definition => note("sheet-col-definition"),
    }
}

/// What an imported column holds, in `lang` (none for the reading columns).
fn about(fw: &Framework, c: Col, lang: Lang) -> Option<String> {
    let t = |id: &str| Some(locale::text(lang, id).to_string());
    match c {
        Col::Indicator => t("sheet-about-indicator"),
        Col::Period => t("sheet-about-period"),
        Col::Dim(d) => Some(locale::message(
            lang,
            "sheet-about-dim",
            [("name", fw.disaggregations[d].name.as_str().into())],
        )),
        Col::Value => t("sheet-about-value"),
        Col::Numerator => t("sheet-about-numerator"),
        Col::Denominator => t("sheet-about-denominator"),
        Col::Score => t("sheet-about-score"),
        Col::Comment => t("sheet-about-comment"),
        Col::Source => t("sheet-about-source"),
        Col::Title | Col::Unit | Col::Expected | Col::Definition => None,
    }
}

fn width(c: Col) -> f64 {
    match c {
        Col::Indicator | Col::Period => 10.0,
        Col::Dim(_) => 10.0,
        Col::Value | Col::Numerator | Col::Denominator | Col::Score => 12.0,
        Col::Comment | Col::Source => 24.0,
        Col::Title => 48.0,
        Col::Unit => 16.0,
        Col::Expected => 28.0,
        Col::Definition => 60.0,
    }
}

/// The columns for the indicators due: the breakdowns any of them takes
/// (in the framework's order), numerator and denominator when one is a
/// percentage, score when one is scored.
fn columns(fw: &Framework, due: &Due) -> Vec<Col> {
    let inds = || due.indicators.iter().map(|d| &fw.indicators[d.index]);
    let mut cols = vec![Col::Indicator, Col::Period];
    cols.extend(
        (0..fw.disaggregations.len())
            .filter(|d| inds().any(|i| i.disaggregate_by.contains(d)))
            .map(Col::Dim),
    );
    cols.push(Col::Value);
    if inds().any(|i| i.kind == IndicatorType::Percentage) {
        cols.extend([Col::Numerator, Col::Denominator]);
    }
    if inds().any(|i| i.kind == IndicatorType::Qualitative) {
        cols.push(Col::Score);
    }
    cols.extend([
        Col::Comment,
        Col::Source,
        Col::Title,
        Col::Unit,
        Col::Expected,
        Col::Definition,
    ]);
    cols
}

/// Whether a row of an indicator of `kind` takes a figure in column `c`.
fn takes(kind: IndicatorType, c: Col) -> bool {
    match c {
        Col::Value => kind != IndicatorType::Percentage,
        Col::Numerator | Col::Denominator => kind == IndicatorType::Percentage,
        Col::Score => kind == IndicatorType::Qualitative,
        Col::Comment | Col::Source => true,
        _ => false,
    }
}

struct Formats {
    header: Format,
    note_header: Format,
    key: Format,
    note: Format,
    input: Format,
    closed: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = Format::new()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF));
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x1F3864))
                .set_font_color(Color::White)
                .set_border(FormatBorder::Thin),
            note_header: Format::new()
                .set_bold()
                .set_italic()
                .set_background_color(Color::RGB(0x8497B0))
                .set_font_color(Color::White)
                .set_border(FormatBorder::Thin),
            key: border.clone().set_background_color(Color::RGB(0xEDEDED)),
            note: Format::new()
                .set_font_color(Color::RGB(0x404040))
                .set_align(FormatAlign::Top)
                .set_text_wrap(),
            input: border.clone().set_unlocked().set_background_color(Color::White),
            closed: border.set_background_color(Color::RGB(0xBFBFBF)),
        }
    }
}

/// A decimal a spreadsheet's double holds exactly as the import reads it
/// back (15 significant digits).
fn fits_a_double(d: Decimal) -> bool {
    d.normalize().mantissa().unsigned_abs().to_string().len() <= 15
}

/// A figure in an input cell: a number when a double keeps it, else text.
fn write_figure(ws: &mut Sheet, row: u32, col: u16, d: Decimal, f: &Format) -> Result<(), XlsxError> {
    if fits_a_double(d) {
        ws.write_number_with_format(row, col, f64_of(d), f)?;
    } else {
        ws.write_string_with_format(row, col, d.to_string(), f)?;
    }
    Ok(())
}

/// The text of an input cell in force, for the columns that hold text.
fn in_force_cell(ws: &mut Sheet, row: u32, col: u16, c: Col, v: &InForce, f: &Format) -> Result<bool, XlsxError> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let figure = match (c, &v.value) {
        (Col::Value, Value::Number { value }) => Some(*value),
        (Col::Numerator, Value::Ratio { numerator, .. }) => Some(*numerator),
        (Col::Denominator, Value::Ratio { denominator, .. }) => Some(*denominator),
        (Col::Score, Value::Text { score, .. }) => *score,
        _ => None,
    };
    if let Some(d) = figure {
        write_figure(ws, row, col, d, f)?;
        return Ok(true);
    }
    let s = match (c, &v.value) {
        (Col::Value, Value::Flag { done }) => Some(if *done { "yes" } else { "no" }.to_string()),
        (Col::Value, Value::Text { text: t, .. }) => text(t),
        (Col::Comment, _) => text(&v.comment),
        (Col::Source, _) => text(&v.source),
        _ => None,
    };
    match s {
        Some(s) => {
            ws.write_string_with_format(row, col, s, f)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// What to enter for an indicator of `kind`.
fn expected(fw: &Framework, ix: usize, lang: Lang) -> String {
    let ind = &fw.indicators[ix];
    match ind.kind {
        IndicatorType::Count => locale::text(lang, "sheet-expect-count").into(),
        IndicatorType::Number => locale::text(lang, "sheet-expect-number").into(),
        IndicatorType::Percentage => locale::text(lang, "sheet-expect-percentage").into(),
        IndicatorType::Milestone => locale::text(lang, "sheet-expect-milestone").into(),
        IndicatorType::Qualitative => match &ind.scale {
            Some(s) => locale::message(
                lang,
                "sheet-expect-scored",
                [("min", s.min.to_string().into()), ("max", s.max.to_string().into())],
            ),
            None => locale::text(lang, "sheet-expect-text").into(),
        },
    }
}

/// The check on an input cell of an indicator, when there is one.
fn validation(fw: &Framework, ix: usize, c: Col, lang: Lang) -> Option<DataValidation> {
    let ind = &fw.indicators[ix];
    let stop = |v: DataValidation, message: String| {
        v.set_error_title(locale::text(lang, "sheet-invalid-title"))
            .and_then(|v| v.set_error_message(message))
            .map(|v| v.set_error_style(DataValidationErrorStyle::Stop))
            .ok()
    };
    match (ind.kind, c) {
        (IndicatorType::Count, Col::Value) => stop(
            DataValidation::new().allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0)),
            locale::text(lang, "sheet-invalid-count").into(),
        ),
        (IndicatorType::Percentage, Col::Numerator | Col::Denominator) => stop(
            DataValidation::new().allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
            locale::text(lang, "sheet-invalid-figure").into(),
        ),
        (IndicatorType::Milestone, Col::Value) => stop(
            DataValidation::new().allow_list_strings(&["yes", "no"]).ok()?,
            locale::text(lang, "sheet-invalid-list").into(),
        ),
        (IndicatorType::Qualitative, Col::Score) => {
            let s = ind.scale.as_ref()?;
            stop(
                DataValidation::new().allow_decimal_number(DataValidationRule::Between(f64_of(s.min), f64_of(s.max))),
                locale::message(
                    lang,
                    "sheet-invalid-score",
                    [("min", s.min.to_string().into()), ("max", s.max.to_string().into())],
                ),
            )
        }
        _ => None,
    }
}

/// What every row of the data sheet is written with.
struct Ctx<'a> {
    fw: &'a Framework,
    due: &'a Due,
    cols: &'a [Col],
    lang: Lang,
    f: &'a Formats,
}

/// One row per value due of `d`, from `row`; the next free row.
fn indicator_rows(ws: &mut Sheet, x: &Ctx, d: &DueIndicator, mut row: u32) -> Result<u32, XlsxError> {
    let Ctx { fw, due, cols, lang, f } = *x;
    let ind = &fw.indicators[d.index];
    let text_of = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.get(lang.code()).to_string());
    for cell in &d.cells {
        for (i, &c) in cols.iter().enumerate() {
            let col = i as u16;
            // The key cells; a breakdown the row does not have is blank.
            let fixed = match c {
                Col::Indicator => Some(ind.id.clone()),
                Col::Period => Some(due.period.to_string()),
                Col::Dim(k) if cell.dims.0[k] == TOTAL => Some(String::new()),
                Col::Dim(k) => Some(fw.disaggregations[k].values[cell.dims.0[k] as usize].clone()),
                _ => None,
            };
            if let Some(s) = fixed {
                if s.is_empty() {
                    ws.write_blank(row, col, &f.key)?;
                } else {
                    ws.write_string_with_format(row, col, s, &f.key)?;
                }
                continue;
            }
            let note = match c {
                Col::Title => Some(ind.title.get(lang.code()).to_string()),
                Col::Unit => Some(ind.unit.clone().unwrap_or_default()),
                Col::Expected => Some(expected(fw, d.index, lang)),
                Col::Definition => Some(text_of(&ind.pmf.definition).unwrap_or_default()),
                _ => None,
            };
            if let Some(s) = note {
                ws.write_string_with_format(row, col, s, &f.note)?;
                continue;
            }
            if !takes(ind.kind, c) {
                ws.write_blank(row, col, &f.closed)?;
                continue;
            }
            let written = match &cell.in_force {
                Some(v) => in_force_cell(ws, row, col, c, v, &f.input)?,
                None => false,
            };
            if !written {
                ws.write_blank(row, col, &f.input)?;
            }
            if let Some(v) = validation(fw, d.index, c, lang) {
                ws.add_data_validation(row, col, row, col, &v)?;
            }
        }
        row += 1;
    }
    Ok(row)
}

/// The drop-down list of each breakdown column (the categories; the cells
/// are locked, the list says what they may hold).
fn category_lists(ws: &mut Sheet, fw: &Framework, cols: &[Col], last: u32, lang: Lang) -> Result<(), XlsxError> {
    if last == 0 {
        return Ok(());
    }
    for (i, c) in cols.iter().enumerate() {
        let Col::Dim(d) = *c else { continue };
        // Excel caps a list at 255 characters; a longer one goes unchecked.
        let Ok(v) = DataValidation::new().allow_list_strings(&fw.disaggregations[d].values) else {
            continue;
        };
        let v = v.set_error_message(locale::text(lang, "sheet-invalid-list"))?;
        ws.add_data_validation(1, i as u16, last, i as u16, &v)?;
    }
    Ok(())
}

fn instructions(
    ws: &mut Sheet,
    fw: &Framework,
    due: &Due,
    cols: &[Col],
    entry: &str,
    cell: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_column_width(0, 110.0)?;
    let bold = Format::new().set_bold().set_font_size(13);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let rows: usize = due.indicators.iter().map(|d| d.cells.len()).sum();
    let prefilled: usize = due
        .indicators
        .iter()
        .flat_map(|d| &d.cells)
        .filter(|c| c.in_force.is_some())
        .count();
    let project = fw.project.short_name.as_deref().unwrap_or(&fw.project.id);
    let mut lines = vec![
        locale::message(
            lang,
            "sheet-title",
            [("project", project.into()), ("period", due.period.to_string().into())],
        ),
        match &due.country {
            Some(c) => locale::message(lang, "sheet-for-country", [("country", c.as_str().into())]),
            None => locale::text(lang, "sheet-for-all").into(),
        },
        locale::message(
            lang,
            "sheet-count",
            [("rows", rows.into()), ("prefilled", prefilled.into())],
        ),
        String::new(),
        locale::message(lang, "sheet-step-fill", [("sheet", entry.into())]),
        locale::text(lang, "sheet-step-blank").into(),
        locale::text(lang, "sheet-step-prefilled").into(),
        locale::text(lang, "sheet-step-numbers").into(),
        locale::message(
            lang,
            "sheet-step-import",
            [
                ("framework", fw.project.id.as_str().into()),
                ("cell", format!("{entry}!{cell}").into()),
            ],
        ),
    ];
    lines.push(String::new());
    lines.push(locale::text(lang, "sheet-columns").into());
    for &c in cols {
        if let Some(a) = about(fw, c, lang) {
            lines.push(format!("    {}: {a}", header(fw, c, lang)));
        }
    }
    if !due.skipped.is_empty() {
        let list: Vec<&str> = due.skipped.iter().map(|&i| fw.indicators[i].id.as_str()).collect();
        lines.push(String::new());
        lines.push(locale::message(
            lang,
            "sheet-skipped",
            [("list", list.join(", ").into())],
        ));
    }
    for (i, l) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, l, if i == 0 { &bold } else { &wrap })?;
    }
    Ok(())
}

/// The entry workbook of `due`, in `lang`.
pub fn workbook(fw: &Framework, due: &Due, lang: Lang) -> Result<Built, XlsxError> {
    let mut wb = Workbook::new();
    // A fixed creation time keeps the file the same for the same input.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let project = fw.project.short_name.as_deref().unwrap_or(&fw.project.id);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{project} {}", due.period))
            .set_creation_datetime(&created),
    );
    let f = Formats::new();
    let cols = columns(fw, due);
    let entry = locale::text(lang, "sheet-entry-name");
    let mut truncated = Vec::new();
    {
        let ws = wb.add_worksheet().set_name(entry)?;
        let mut sheet = Sheet {
            ws,
            truncated: &mut truncated,
        };
        for (i, &c) in cols.iter().enumerate() {
            let note = matches!(c, Col::Title | Col::Unit | Col::Expected | Col::Definition);
            let fmt = if note { &f.note_header } else { &f.header };
            sheet.write_string_with_format(0, i as u16, header(fw, c, lang), fmt)?;
            if let Some(a) = about(fw, c, lang) {
                sheet.insert_note(0, i as u16, &Note::new(a).add_author_prefix(false))?;
            }
            sheet.set_column_width(i as u16, width(c))?;
        }
        let keys = cols
            .iter()
            .take_while(|c| matches!(c, Col::Indicator | Col::Period | Col::Dim(_)));
        sheet.set_freeze_panes(1, keys.count() as u16)?;
        let x = Ctx {
            fw,
            due,
            cols: &cols,
            lang,
            f: &f,
        };
        let mut row = 1;
        for d in &due.indicators {
            row = indicator_rows(&mut sheet, &x, d, row)?;
        }
        category_lists(&mut sheet, fw, &cols, row - 1, lang)?;
        sheet.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        });
    }
    {
        let ws = wb
            .add_worksheet()
            .set_name(locale::text(lang, "sheet-instructions-name"))?;
        let mut sheet = Sheet {
            ws,
            truncated: &mut truncated,
        };
        // A cell an error would name: the first row's value.
        let value = cols.iter().position(|c| *c == Col::Value).unwrap_or(0);
        let cell = rust_xlsxwriter::utility::row_col_to_cell(1, value as u16);
        instructions(&mut sheet, fw, due, &cols, entry, &cell, lang)?;
    }
    Ok(Built {
        bytes: wb.save_to_buffer()?,
        truncated,
    })
}

#[cfg(test)]
mod tests {
    use super::fits_a_double;
    use rust_decimal::Decimal;

    #[test]
    fn figures_of_up_to_15_significant_digits_are_written_as_numbers() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert!(fits_a_double(d("1100")));
        assert!(fits_a_double(d("12.50")));
        // 15 digits: what the import reads back from a double.
        assert!(fits_a_double(d("123456789012345")));
        assert!(fits_a_double(d("0.000000000000001")));
        // 16 digits would come back rounded: written as text instead.
        assert!(!fits_a_double(d("1234567890123456")));
        assert!(!fits_a_double(d("0.1234567890123456")));
    }
}
