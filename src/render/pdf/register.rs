//! The risk register and the workplan in the PDF: the same content, in the
//! same order, as `risks.md.j2` and `workplan.md.j2`, from the report's
//! already formatted cells. Its own file so that the two parts stay apart
//! from the other sections of `content.rs`.

use super::content::{BODY, Content, SMALL, TABLE, labelled, text_columns};
use super::layout::{Align, Block, Cell, Paragraph, Run, Table};
use crate::report::{Report, Table as Cells};

/// A table of text cells; `left` says which columns are text
/// (left-aligned), `fixed` gives short columns a width that keeps their
/// cells on one line ("12 (critical)", "→ unchanged"), and the cells of
/// `bold` columns are bold in the rows `bold_rows` marks.
fn table(t: &Cells, left: &[usize], fixed: &[(usize, f32)], bold: &[usize], bold_rows: &[bool]) -> Table {
    let mut columns = text_columns(t.header.len(), true);
    for &i in left {
        columns[i].align = Align::Left;
    }
    for &(i, w) in fixed {
        columns[i].fixed = Some(w);
    }
    Table {
        columns,
        header: t.header.clone(),
        rows: t
            .rows
            .iter()
            .enumerate()
            .map(|(n, row)| {
                row.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if bold.contains(&i) && bold_rows.get(n).copied().unwrap_or(false) {
                            Cell::bold(c)
                        } else {
                            Cell::text(c)
                        }
                    })
                    .collect()
            })
            .collect(),
        size: TABLE,
        striped: true,
        expand: true,
    }
}

/// Widths (points, at the table size) of the register's rating, last
/// period and trend columns.
const RISK_WIDTHS: [(usize, f32); 3] = [(3, 58.0), (4, 58.0), (5, 58.0)];
/// Widths of the workplan's planned dates and status columns.
const ACTIVITY_WIDTHS: [(usize, f32); 2] = [(2, 92.0), (3, 48.0)];

/// Risk register (`risks.md.j2`), when the framework has one.
pub(super) fn risks(r: &Report, c: &mut Content) {
    let Some(s) = &r.risks else {
        return;
    };
    let l = &r.labels;
    let colon = l["colon"];
    c.heading(2, l["risk_register"], true);
    c.para(vec![Run::regular(s.intro.clone())]);
    c.para(vec![Run::bold(s.rising.clone())]);
    let rose: Vec<bool> = s.risks.iter().map(|x| x.rose).collect();
    c.blocks.push(Block::Table(table(
        &s.table,
        &[0, 1, 3, 4, 5],
        &RISK_WIDTHS,
        &[3, 5],
        &rose,
    )));
    c.blocks.push(Block::Space(BODY * 0.4));
    for x in &s.risks {
        c.heading(4, format!("{} {}", x.id, x.statement), false);
        c.bullet(vec![Run::regular(x.update.clone())], 1);
        c.bullet(labelled(l["risk_mitigation"], colon, &x.mitigation), 1);
        if let Some(o) = &x.owner {
            c.bullet(labelled(l["risk_owner"], colon, o), 1);
        }
        if let Some(res) = &x.results {
            c.bullet(labelled(l["risk_results"], colon, res), 1);
        }
        c.end_list();
    }
}

/// Workplan (`workplan.md.j2`), when the framework has one.
pub(super) fn workplan(r: &Report, c: &mut Content) {
    let Some(w) = &r.workplan else {
        return;
    };
    let l = &r.labels;
    c.heading(2, l["workplan"], true);
    c.para(vec![Run::regular(w.summary.clone())]);
    if let Some(t) = &w.table {
        c.blocks
            .push(Block::Table(table(t, &[0, 1, 2, 3, 4], &ACTIVITY_WIDTHS, &[], &[])));
    }
    if let Some(h) = &w.next_heading {
        c.heading(3, h.clone(), true);
    }
    if let Some(t) = &w.next_table {
        let overdue: Vec<bool> = w.coming.iter().map(|a| a.overdue).collect();
        c.blocks.push(Block::Table(table(
            t,
            &[0, 1, 2, 3, 4],
            &ACTIVITY_WIDTHS,
            &[3],
            &overdue,
        )));
    }
    if let Some(n) = &w.next_note {
        c.para(vec![Run::regular(n.clone())]);
    }
    c.blocks.push(Block::Paragraph(Paragraph::new(
        vec![Run::regular(w.note.clone())],
        SMALL,
    )));
}
