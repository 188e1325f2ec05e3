//! The report's disaggregation tables: the breakdown sums of
//! [`crate::compute::breakdown`] turned into localised cells. One table per
//! dimension, or a cross table of the first two when rows carry both.

use super::Table;
use crate::compute::Progress;
use crate::compute::breakdown::{self, CrossTable};
use crate::ledger::Ledger;
use crate::locale::{self, Lang};
use crate::model::{Framework, Indicator, Value};

/// Breakdown tables of the to-date value: a cross table of the first two
/// dimensions where rows carry both, else one table per dimension. The
/// sums come from [`crate::compute::breakdown`]; here they become cells.
pub(super) fn disaggregations(
    fw: &Framework,
    ledger: &Ledger,
    ind: &Indicator,
    p: &Progress,
    lang: Lang,
) -> Vec<Table> {
    if ind.disaggregate_by.is_empty() || p.to_date_rows.is_empty() {
        return Vec::new();
    }
    let rows = breakdown::to_date_rows(ledger, ind, &p.to_date_rows);
    let caption_suffix = |dims: &str| format!("{} – {dims}", locale::text(lang, "disaggregation"));
    let dims = &ind.disaggregate_by;
    if dims.len() >= 2
        && let Some(t) = breakdown::cross(ledger, &rows, dims[0], dims[1])
    {
        let names = format!(
            "{} × {}",
            locale::dimension(lang, &fw.disaggregations[dims[1]].name),
            locale::dimension(lang, &fw.disaggregations[dims[0]].name)
        );
        return vec![Table {
            caption: caption_suffix(&names),
            ..cross_table(fw, &t, dims[0], dims[1], lang)
        }];
    }
    let mut out = Vec::new();
    for &d in dims {
        let b = breakdown::by_dimension(ledger, &rows, d);
        if b.is_empty() {
            continue;
        }
        let dim = &fw.disaggregations[d];
        let total = breakdown::sum(b.values());
        let mut body: Vec<Vec<String>> = b
            .iter()
            .map(|(k, v)| {
                vec![
                    locale::breakdown_value(lang, &dim.name, &dim.values[*k as usize]),
                    locale::value(lang, v),
                ]
            })
            .collect();
        if let Some(t) = total {
            body.push(vec![locale::text(lang, "total").into(), locale::value(lang, &t)]);
        }
        out.push(Table {
            caption: caption_suffix(&locale::dimension(lang, &dim.name)),
            header: vec![
                locale::dimension(lang, &dim.name),
                locale::text(lang, "actual_to_date").into(),
            ],
            rows: body,
        });
    }
    out
}

/// Rows: values of `down`; columns: values of `across`, then the total.
fn cross_table(fw: &Framework, t: &CrossTable, across: usize, down: usize, lang: Lang) -> Table {
    let (da, dd) = (&fw.disaggregations[across], &fw.disaggregations[down]);
    let cell = |v: Option<&Value>| v.map(|v| locale::value(lang, v)).unwrap_or_default();
    let mut header = vec![locale::dimension(lang, &dd.name)];
    header.extend(
        t.acrosses
            .iter()
            .map(|&c| locale::breakdown_value(lang, &da.name, &da.values[c as usize])),
    );
    header.push(locale::text(lang, "total").into());
    let mut body = Vec::new();
    for (&d, row_total) in t.downs.iter().zip(&t.row_totals) {
        let mut row = vec![locale::breakdown_value(lang, &dd.name, &dd.values[d as usize])];
        row.extend(t.acrosses.iter().map(|&c| cell(t.cells.get(&(d, c)))));
        row.push(cell(row_total.as_ref()));
        body.push(row);
    }
    let mut total = vec![locale::text(lang, "total").to_string()];
    total.extend(t.column_totals.iter().map(|v| cell(v.as_ref())));
    total.push(cell(t.total.as_ref()));
    body.push(total);
    Table {
        caption: String::new(),
        header,
        rows: body,
    }
}
