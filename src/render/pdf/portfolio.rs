//! The portfolio report as PDF: the same [`PortfolioReport`] the Markdown
//! template (`portfolio.md.j2`) prints, turned into the layout's blocks in
//! the same order (title block on the cover, then the standard
//! indicators with their charts, the projects off track, the funding per
//! currency and one row per project), and laid out and written as the
//! project report is (cover, contents, running header, bookmarks).

use super::Options;
use super::charts;
use super::content::{BODY, Content, SMALL, TABLE, labelled, text_columns};
use super::document::{Doc, lay_out_doc};
use super::file::{Info, write};
use super::layout::{Align, Block, Cell, Column, Paragraph, Run, Table};
use crate::render::chart::model::{self, Chart};
use crate::report::portfolio::{PortfolioReport, StandardSection};

fn left_columns(n: usize) -> Vec<Column> {
    (0..n)
        .map(|_| Column {
            align: Align::Left,
            fixed: None,
        })
        .collect()
}

/// The cover: title, date, how the date was taken and each framework's
/// period.
fn cover(r: &PortfolioReport) -> Vec<Block> {
    let l = &r.labels;
    let c = l["colon"];
    let mut b = vec![
        Block::Space(0.0),
        Block::Paragraph(Paragraph {
            space_after: 24.0,
            colour: [0.07, 0.2, 0.4],
            ..Paragraph::new(vec![Run::bold(format!("{}{c} {}", l["pf_title"], r.date))], 24.0)
        }),
        Block::Table(Table {
            columns: left_columns(2),
            header: Vec::new(),
            rows: [
                (l["pf_date"], r.date.clone()),
                (l["pf_date_taken"], r.date_from.clone()),
                (l["generated"], r.generated.clone()),
            ]
            .into_iter()
            .map(|(k, v)| vec![Cell::bold(format!("{k}{c}")), Cell::text(v)])
            .collect(),
            size: 10.0,
            striped: false,
            expand: true,
        }),
        Block::Space(12.0),
        Block::Paragraph(Paragraph::new(vec![Run::regular(l["pf_how"])], BODY)),
    ];
    b.push(Block::Table(Table {
        columns: left_columns(2),
        header: vec![l["pf_framework"].into(), l["pf_period"].into()],
        rows: r
            .frameworks
            .iter()
            .map(|f| {
                vec![
                    Cell::Text(vec![
                        Run::bold(f.id.clone()),
                        Run::regular(format!(" {}", f.short_name)),
                    ]),
                    Cell::text(&f.period),
                ]
            })
            .collect(),
        size: SMALL,
        striped: true,
        expand: true,
    }));
    b
}

fn standard(r: &PortfolioReport, s: &StandardSection, c: &mut Content) {
    let l = &r.labels;
    let colon = l["colon"];
    c.heading(3, format!("{}{colon} {}", s.code, s.title), true);
    c.bullet(labelled(l["unit"], colon, &s.unit), 1);
    c.bullet(labelled(l["pf_rule"], colon, &s.rule), 1);
    c.end_list();
    let mut columns = left_columns(7);
    columns[4].align = Align::Right;
    let header = [
        "pf_framework",
        "indicator",
        "pf_period",
        "unit",
        "pf_contribution",
        "status",
        "pf_note",
    ]
    .iter()
    .map(|k| l[k].to_string())
    .collect();
    let rows: Vec<Vec<Cell>> = s
        .rows
        .iter()
        .map(|row| {
            vec![
                Cell::text(&row.framework),
                Cell::Text(vec![
                    Run::bold(row.indicator.clone()),
                    Run::regular(format!(" {}", row.title)),
                ]),
                Cell::text(&row.period),
                Cell::text(&row.unit),
                Cell::text(&row.value),
                match row.status {
                    Some(st) => Cell::Status {
                        label: row.status_label.clone(),
                        tone: charts::tone(st),
                    },
                    None => Cell::text(""),
                },
                Cell::text(&row.note),
            ]
        })
        .collect();
    c.blocks.push(Block::Table(Table {
        columns,
        header,
        rows,
        size: TABLE,
        striped: true,
        expand: true,
    }));
    c.para(labelled(l["total"], colon, &s.total));
    for t in &s.splits {
        c.blocks.push(Block::Space(SMALL * 0.6));
        c.blocks.push(Block::Table(Table {
            columns: text_columns(2, true),
            header: vec![
                format!("{} {}", l["pf_split"], t.dimension),
                l["pf_contribution"].into(),
            ],
            rows: t.rows.iter().map(|(k, v)| vec![Cell::text(k), Cell::text(v)]).collect(),
            size: SMALL,
            striped: true,
            expand: false,
        }));
    }
    if let Some(n) = &s.no_value {
        c.para(vec![Run::regular(n.clone())]);
    }
    if s.chart.is_some() {
        c.chart(Chart::Bars(model::contributions(r.lang, &r.labels, s)));
    }
}

/// The body, in the order of `portfolio.md.j2`.
fn body(r: &PortfolioReport) -> Content {
    let l = &r.labels;
    let colon = l["colon"];
    let mut c = Content::default();
    c.heading(2, l["pf_standards"], true);
    if !r.has_standards {
        c.para(vec![Run::regular(l["pf_no_standards"])]);
    }
    for s in &r.standards {
        standard(r, s, &mut c);
    }
    c.heading(2, l["pf_off_track"], true);
    if r.off_track.is_empty() {
        c.para(vec![Run::regular(l["pf_off_track_none"])]);
    }
    for o in &r.off_track {
        c.bullet(
            vec![
                Run::bold(o.framework.clone()),
                Run::regular(format!(" ({}){colon} {}", o.period, o.indicators)),
            ],
            1,
        );
    }
    c.end_list();
    c.heading(2, l["pf_funding"], true);
    c.para(vec![Run::regular(l["pf_funding_note"])]);
    c.blocks.push(Block::Table(Table {
        columns: text_columns(5, true),
        header: ["pf_currency", "pf_projects", "budget", "pledged", "shortfall"]
            .iter()
            .map(|k| l[k].to_string())
            .collect(),
        rows: r
            .funding
            .iter()
            .map(|f| {
                vec![
                    Cell::text(&f.currency),
                    Cell::text(f.projects.to_string()),
                    Cell::text(&f.budget),
                    Cell::text(&f.pledged),
                    Cell::text(&f.shortfall),
                ]
            })
            .collect(),
        size: SMALL,
        striped: true,
        expand: false,
    }));
    if let Some(w) = &r.without_funding {
        c.para(vec![Run::regular(w.clone())]);
    }
    c.heading(2, l["pf_projects_status"], true);
    let mut header = vec![l["pf_framework"].to_string()];
    header.extend(r.statuses.iter().map(|s| s.to_string()));
    header.push(l["total"].into());
    c.blocks.push(Block::Table(Table {
        columns: text_columns(header.len(), true),
        rows: r
            .frameworks
            .iter()
            .map(|f| {
                let mut row = vec![Cell::bold(f.id.clone())];
                row.extend(f.counts.iter().map(|n| Cell::text(n.to_string())));
                row.push(Cell::text(f.total.to_string()));
                row
            })
            .collect(),
        header,
        size: TABLE,
        striped: true,
        expand: true,
    }));
    c
}

pub(super) fn render(r: &PortfolioReport, opts: &Options) -> Vec<u8> {
    let l = &r.labels;
    let doc = Doc {
        lang: r.lang,
        cover: cover(r),
        content: body(r),
        header_left: l["pf_title"].to_string(),
        header_right: vec![format!("{} ({})", r.date, r.date_from), r.date.clone()],
        cover_title: format!("{}{} {}", l["pf_title"], l["colon"], r.date),
    };
    let frameworks: Vec<&str> = r.frameworks.iter().map(|f| f.id.as_str()).collect();
    let info = Info {
        title: format!("{}{} {}", l["pf_title"], l["colon"], r.date),
        author: String::new(),
        subject: format!("{} ({})", r.date, r.date_from),
        keywords: frameworks.join(", "),
    };
    write(&lay_out_doc(&doc, opts.paper), &info, opts)
}
