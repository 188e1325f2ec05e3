//! The workbook's two fixed sheets: the indicators' definitions and the
//! notes on how to read the tracking table.

use rust_xlsxwriter::XlsxError;

use super::{Formats, Sheet};
use crate::evaluate::compare::Compare;
use crate::locale::{term, term_message};
use crate::model::{Framework, TargetPeriod};

/// A header row of `cols` (text, column width), frozen with the first
/// `frozen_cols` columns.
pub(super) fn headers<S: AsRef<str>>(
    ws: &mut Sheet,
    cols: &[(S, f64)],
    frozen_cols: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (i, (h, w)) in cols.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, h.as_ref(), &f.header)?;
        ws.set_column_width(i as u16, *w)?;
    }
    ws.set_freeze_panes(1, frozen_cols)?;
    Ok(())
}

pub(super) fn definitions_sheet(ws: &mut Sheet, fw: &Framework, f: &Formats) -> Result<(), XlsxError> {
    let cols: [(&str, f64); 19] = [
        (term("xlsx-indicator"), 10.0),
        (term("xlsx-result"), 8.0),
        (term("xlsx-level"), 18.0),
        (term("xlsx-title"), 48.0),
        (term("xlsx-type"), 12.0),
        (term("xlsx-unit"), 14.0),
        (term("xlsx-direction"), 10.0),
        (term("xlsx-cumulative"), 11.0),
        (term("xlsx-aggregate"), 10.0),
        (term("xlsx-baseline"), 10.0),
        (term("xlsx-baseline-date"), 12.0),
        (term("xlsx-targets"), 30.0),
        (term("xlsx-end-target"), 10.0),
        (term("xlsx-disaggregated-by"), 16.0),
        (term("xlsx-definition"), 60.0),
        (term("xlsx-data-source"), 30.0),
        (term("xlsx-collection-method"), 30.0),
        (term("xlsx-frequency"), 16.0),
        (term("xlsx-responsible"), 24.0),
    ];
    headers(ws, &cols, 1, f)?;
    for (n, ind) in fw.indicators.iter().enumerate() {
        let row = n as u32 + 1;
        let res = &fw.results[ind.result];
        let text = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.default.clone()).unwrap_or_default();
        let targets: Vec<String> = ind
            .targets
            .iter()
            .map(|t| {
                let p = match t.period {
                    TargetPeriod::Period(p) => p.to_string(),
                    TargetPeriod::End => "end".into(),
                };
                format!("{p}: {}", crate::format::target(ind.kind, Some(t.value)))
            })
            .collect();
        let cells: [String; 19] = [
            ind.id.clone(),
            res.id.clone(),
            res.level.clone(),
            ind.title.default.clone(),
            ind.kind.name().into(),
            ind.unit.clone().unwrap_or_default(),
            format!("{:?}", ind.direction).to_lowercase(),
            term(if ind.cumulative { "yes" } else { "no" }).into(),
            ind.aggregate.name().into(),
            crate::format::target(ind.kind, ind.baseline.as_ref().map(|b| b.value)),
            ind.baseline
                .as_ref()
                .and_then(|b| b.date)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            targets.join("; "),
            crate::format::target(ind.kind, ind.end_target.as_ref().map(|t| t.value)),
            ind.disaggregate_by
                .iter()
                .map(|&d| fw.disaggregations[d].name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            text(&ind.pmf.definition),
            text(&ind.pmf.data_source),
            text(&ind.pmf.collection_method),
            text(&ind.pmf.frequency),
            text(&ind.pmf.responsible),
        ];
        for (k, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, k as u16, v, &f.wrap)?;
        }
    }
    Ok(())
}

pub(super) fn notes_sheet(ws: &mut Sheet, fw: &Framework, c: &Compare, f: &Formats) -> Result<(), XlsxError> {
    ws.set_column_width(0, 120.0)?;
    let mut lines = vec![
        format!(
            "{} — {}",
            fw.project.short_name.as_deref().unwrap_or(&fw.project.id),
            c.title
        ),
        term_message(
            "xlsx-notes-title",
            [
                (
                    "first",
                    c.periods.first().map(|p| p.to_string()).unwrap_or_default().into(),
                ),
                (
                    "last",
                    c.periods.last().map(|p| p.to_string()).unwrap_or_default().into(),
                ),
            ],
        ) + &c
            .as_of
            .map(|a| {
                format!(
                    ", {}",
                    term_message("term-as-of", [("date", a.date_naive().to_string().into())])
                )
            })
            .unwrap_or_default(),
        term("xlsx-note-target").into(),
        term("xlsx-note-actual").into(),
        term("xlsx-note-percent").into(),
        term("xlsx-note-life").into(),
        term("xlsx-note-figures").into(),
    ];
    // One category's table (`--dim`) says so under its title.
    if let Some(f) = &c.filter {
        lines.splice(2..2, crate::render::compare::filter_lines(f));
    }
    for (i, l) in lines.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, l, if i == 0 { &f.result } else { &f.text })?;
    }
    Ok(())
}
