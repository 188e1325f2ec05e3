//! What goes in the PDF, section by section: the same content, in the
//! same order, as the Markdown templates (`src/templates/*.md.j2`), from
//! the same [`Report`] value, so the two can never disagree. Each function
//! here mirrors one template and turns the report's already formatted
//! figures into layout blocks (headings, paragraphs, tables, charts); where
//! the blocks land on pages is the business of [`super::document`].

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use super::charts;
use super::layout::{Align, Block, Cell, Column, Face, Heading, Paragraph, Run, Table};
use crate::locale;
use crate::render::chart::model::{self, Chart};
use crate::report::{Report, ResultSection};

pub(super) const BODY: f32 = 9.5;
pub(super) const SMALL: f32 = 8.0;
pub(super) const TABLE: f32 = 7.0;

/// Blocks of the document and what they refer to.
#[derive(Default)]
pub(super) struct Content {
    pub(super) blocks: Vec<Block>,
    pub(super) charts: Vec<Chart>,
    pub(super) headings: Vec<Heading>,
    /// The photos of `Block::Image`, by index.
    pub(super) images: Vec<crate::report::photo::Image>,
}

impl Content {
    pub(super) fn heading(&mut self, level: u8, text: impl Into<String>, in_toc: bool) {
        let h = Heading {
            level,
            text: text.into(),
            anchor: format!("h{}", self.headings.len()),
            in_toc,
        };
        self.headings.push(h.clone());
        self.blocks.push(Block::Heading(h));
    }

    pub(super) fn para(&mut self, runs: Vec<Run>) {
        self.blocks.push(Block::Paragraph(Paragraph::new(runs, BODY)));
    }

    pub(super) fn bullet(&mut self, runs: Vec<Run>, depth: usize) {
        self.blocks.push(Block::Paragraph(Paragraph {
            indent: 14.0 * depth as f32,
            bullet: Some("•".into()),
            space_after: 3.0,
            ..Paragraph::new(runs, BODY)
        }));
    }

    /// A bold label that introduces what follows ("Assumptions:"), kept
    /// on its page.
    pub(super) fn label(&mut self, text: String) {
        self.blocks.push(Block::Paragraph(Paragraph {
            keep_with_next: true,
            ..Paragraph::new(vec![Run::bold(text)], BODY)
        }));
    }

    pub(super) fn end_list(&mut self) {
        self.blocks.push(Block::Space(BODY * 0.4));
    }

    pub(super) fn chart(&mut self, c: Chart) {
        self.blocks.push(Block::Chart {
            height: charts::height(&c),
            index: self.charts.len(),
        });
        self.charts.push(c);
    }
}

pub(super) fn text_columns(n: usize, first_left: bool) -> Vec<Column> {
    (0..n)
        .map(|i| Column {
            align: if i == 0 && first_left {
                Align::Left
            } else {
                Align::Right
            },
            fixed: None,
        })
        .collect()
}

/// Title block: the cover page (`title.md.j2`).
pub(super) fn cover(r: &Report) -> Vec<Block> {
    let l = &r.labels;
    let c = l["colon"];
    let mut b = vec![
        Block::Space(0.0),
        Block::Paragraph(Paragraph {
            space_after: 10.0,
            colour: [0.07, 0.2, 0.4],
            ..Paragraph::new(
                vec![Run::bold(format!("{}{c} {}", l["report_title"], r.project.short_name))],
                24.0,
            )
        }),
        Block::Paragraph(Paragraph {
            space_after: 24.0,
            ..Paragraph::new(vec![Run::bold(r.project.title.clone())], 14.0)
        }),
    ];
    // The project by its short name (the slug only names the folder).
    let mut facts: Vec<(&str, String)> = vec![("project_id", r.project.short_name.clone())];
    if let Some(i) = &r.project.iati_id {
        facts.push(("iati_id", i.clone()));
    }
    if let Some(d) = &r.project.donor {
        facts.push(("donor", d.clone()));
    }
    if let Some(i) = &r.project.implementer {
        facts.push(("implementer", i.clone()));
    }
    facts.push(("reporting_period", r.period.label.clone()));
    if let Some(fy) = &r.period.fiscal_year {
        facts.push(("fiscal_year", fy.clone()));
    }
    facts.push(("project_dates", r.project.dates.clone()));
    if let Some(bu) = &r.project.budget {
        facts.push(("budget", bu.clone()));
    }
    if !r.project.countries.is_empty() {
        facts.push(("countries", r.project.countries.clone()));
    }
    // When the data were last recorded, not when the file was made.
    match &r.data_as_of {
        Some(d) => facts.push(("data_as_of", d.clone())),
        None => facts.push(("generated", r.generated.clone())),
    }
    if let Some(a) = &r.as_of {
        facts.push(("as_of", a.clone()));
    }
    b.push(Block::Table(Table {
        columns: vec![
            Column {
                align: Align::Left,
                fixed: None,
            },
            Column {
                align: Align::Left,
                fixed: None,
            },
        ],
        header: Vec::new(),
        rows: facts
            .into_iter()
            .map(|(k, v)| vec![Cell::bold(format!("{}{c}", l[k])), Cell::text(v)])
            .collect(),
        size: 10.0,
        striped: false,
        expand: true,
    }));
    if let Some(d) = &r.project.description {
        b.push(Block::Space(12.0));
        b.push(Block::Paragraph(Paragraph::new(vec![Run::regular(d.clone())], BODY)));
    }
    b
}

/// "**1100.2** title: text" as runs.
pub(super) fn id_runs(id: &str, rest: String) -> Vec<Run> {
    vec![Run::bold(id.to_string()), Run::regular(format!(" {rest}"))]
}

/// Financial section (`funding.md.j2`), when the framework has one.
fn funding(r: &Report, c: &mut Content) {
    let Some(f) = &r.funding else {
        return;
    };
    let l = &r.labels;
    let colon = l["colon"];
    c.heading(2, l["funding"], true);
    for row in &f.overview.rows {
        let (k, v) = (
            row.first().cloned().unwrap_or_default(),
            row.get(1).cloned().unwrap_or_default(),
        );
        c.bullet(vec![Run::bold(k), Run::regular(format!("{colon} {v}"))], 1);
    }
    c.end_list();
    if let Some(b) = &f.burn_sentence {
        let mut text = b.clone();
        for s in &f.lines_sentences {
            text.push(' ');
            text.push_str(s);
        }
        c.para(vec![Run::regular(text)]);
    }
    for s in [&f.missing_note, &f.shortfall_note].into_iter().flatten() {
        c.para(vec![Run::regular(s.clone())]);
    }
    // The explanation and basis columns are text: left-aligned, like the first.
    let words = [l["spending_explanation"], l["forecast_basis"]];
    let tables = [
        (Some(&f.pledges), None),
        (f.lines.as_ref(), f.variance_note.as_ref()),
        (f.forecast.as_ref(), f.forecast_note.as_ref()),
    ];
    for (t, note) in tables {
        let Some(t) = t else { continue };
        c.heading(3, t.caption.clone(), true);
        let mut columns = text_columns(t.header.len(), true);
        for (col, h) in columns.iter_mut().zip(&t.header) {
            if words.contains(&h.as_str()) {
                col.align = Align::Left;
            }
        }
        c.blocks.push(Block::Table(Table {
            columns,
            header: t.header.clone(),
            rows: t.rows.iter().map(|row| row.iter().map(Cell::text).collect()).collect(),
            size: SMALL,
            striped: true,
            expand: true,
        }));
        if let Some(n) = note {
            c.blocks.push(Block::Paragraph(Paragraph {
                keep_with_previous: true,
                ..Paragraph::new(vec![Run::regular(n.clone())], BODY)
            }));
        }
    }
    if let Some(burn) = model::burn(r) {
        c.chart(Chart::Line(burn));
    }
}

/// Gender equality results (`gender.md.j2`), when an indicator is
/// disaggregated by sex.
fn gender(r: &Report, c: &mut Content) {
    let Some(g) = &r.gender else {
        return;
    };
    let l = &r.labels;
    c.heading(2, l["gender_equality"], true);
    if let Some(o) = &g.overall {
        c.para(vec![Run::regular(o.clone())]);
    }
    c.heading(3, g.table.caption.clone(), true);
    c.blocks.push(Block::Table(Table {
        columns: text_columns(g.table.header.len(), true),
        header: g.table.header.clone(),
        rows: g
            .table
            .rows
            .iter()
            .map(|row| row.iter().map(Cell::text).collect())
            .collect(),
        size: TABLE,
        striped: true,
        expand: true,
    }));
    for i in &g.indicators {
        c.bullet(id_runs(&i.id, format!("{}{} {}", i.title, l["colon"], i.sentence)), 1);
    }
    c.end_list();
    c.blocks.push(Block::Paragraph(Paragraph::new(
        vec![Run::regular(g.note.clone())],
        SMALL,
    )));
}

/// Executive summary (`summary.md.j2`).
fn summary(r: &Report, c: &mut Content) {
    let l = &r.labels;
    let colon = l["colon"];
    c.heading(2, l["executive_summary"], true);
    c.heading(3, l["indicators_by_status"], true);
    let mut rows: Vec<Vec<Cell>> = r
        .summary
        .counts
        .iter()
        .map(|s| {
            vec![
                Cell::Status {
                    label: s.label.to_string(),
                    tone: charts::tone(s.status),
                },
                Cell::text(s.count.to_string()),
            ]
        })
        .collect();
    rows.push(vec![Cell::bold(l["total"]), Cell::bold(r.summary.total.to_string())]);
    c.blocks.push(Block::Table(Table {
        columns: text_columns(2, true),
        header: vec![l["status"].into(), l["indicators"].into()],
        rows,
        size: 8.5,
        striped: true,
        expand: false,
    }));
    c.chart(Chart::Bars(model::summary(r)));
    let headlines = r.summary.headlines.iter().map(|h| (&h.id, &h.title, &h.text));
    id_list(
        c,
        l["headlines"],
        Some(l["headlines_rule"]),
        l["none"],
        colon,
        headlines,
    );
    let attention = r.summary.attention.iter().map(|a| (&a.id, &a.title, &a.explanation));
    id_list(c, l["attention"], None, l["none"], colon, attention);
}

/// A level-3 heading, an optional paragraph saying how the list was
/// chosen, and a bullet per indicator (`id title: text`), or `none` when
/// there is nothing to list.
fn id_list<'a>(
    c: &mut Content,
    heading: &str,
    rule: Option<&str>,
    none: &str,
    colon: &str,
    items: impl ExactSizeIterator<Item = (&'a String, &'a String, &'a String)>,
) {
    c.heading(3, heading, true);
    if let Some(rule) = rule {
        c.para(vec![Run::regular(rule)]);
    }
    if items.len() == 0 {
        c.para(vec![Run::regular(none)]);
    }
    for (id, title, text) in items {
        c.bullet(id_runs(id, format!("{title}{colon} {text}")), 1);
    }
    c.end_list();
}

/// The results table of one result; the "Target (period)" column only
/// when the result's table has one (as `result.md.j2`).
fn indicator_table(r: &Report, res: &ResultSection) -> Table {
    let l = &r.labels;
    let inds = &res.indicators;
    let keep = |key: &str| key != "target_period" || res.period_target_column;
    let keys: Vec<&str> = [
        "indicator",
        "baseline",
        "target_period",
        "target_to_date",
        "end_target",
        "actual_period",
        "actual_to_date",
        "percent_to_date",
        "percent_of_end",
        "status",
    ]
    .into_iter()
    .filter(|k| keep(k))
    .collect();
    let mut columns = text_columns(keys.len(), true);
    columns[keys.len() - 1].align = Align::Left;
    columns.push(Column {
        align: Align::Left,
        fixed: Some(44.0),
    });
    let header = keys
        .iter()
        .map(|k| l[k].to_string())
        .chain([locale::text(r.lang, "pdf-progress").to_string()])
        .collect();
    let rows = inds
        .iter()
        .map(|i| {
            let unit = i.unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default();
            let pct = i
                .figures
                .percent_to_date
                .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d));
            let mut cells = vec![
                Cell::Text(vec![
                    Run::bold(i.id.clone()),
                    Run::regular(format!(" {}{unit}", i.title)),
                ]),
                Cell::text(&i.baseline),
            ];
            if res.period_target_column {
                cells.push(Cell::text(&i.period_target));
            }
            cells.extend([
                Cell::text(&i.target_to_date),
                Cell::text(&i.end_target),
                Cell::text(&i.period_actual),
                Cell::text(&i.to_date_actual),
                Cell::text(&i.percent_to_date),
                Cell::text(&i.percent_of_end),
                Cell::Status {
                    label: i.status_label.to_string(),
                    tone: charts::tone(i.status),
                },
                Cell::Bar {
                    fraction: pct.map(charts::bar_fraction),
                    tone: charts::tone(i.status),
                    tick: Some(charts::target_tick()),
                },
            ]);
            cells
        })
        .collect();
    Table {
        columns,
        header,
        rows,
        size: TABLE,
        striped: true,
        expand: true,
    }
}

/// A bold label with its colon, then the text: "**Unit:** people".
pub(super) fn labelled(label: &str, colon: &str, text: &str) -> Vec<Run> {
    vec![Run::bold(format!("{label}{colon}")), Run::regular(format!(" {text}"))]
}

/// One result (`result.md.j2`).
fn result(r: &Report, res: &ResultSection, c: &mut Content) {
    let l = &r.labels;
    let colon = l["colon"];
    c.heading(
        3,
        format!("{} {}{colon} {}", res.level_name, res.id, res.statement),
        true,
    );
    if !res.assumptions.is_empty() {
        c.label(format!("{}{colon}", l["assumptions"]));
        for a in &res.assumptions {
            c.bullet(vec![Run::regular(a.clone())], 1);
        }
        c.end_list();
    }
    if res.indicators.is_empty() {
        return;
    }
    c.blocks.push(Block::Table(indicator_table(r, res)));
    // The notes under the table, and what its progress bars show (when
    // it has one).
    let bars = res.indicators.iter().any(|i| i.figures.percent_to_date.is_some());
    let notes = res
        .notes
        .iter()
        .map(String::as_str)
        .chain(bars.then(|| locale::text(r.lang, "pdf-progress-note")))
        .collect::<Vec<_>>()
        .join(" ");
    if !notes.is_empty() {
        c.blocks.push(Block::Paragraph(Paragraph {
            keep_with_previous: true,
            ..Paragraph::new(vec![Run::regular(notes)], SMALL)
        }));
    }
    for i in &res.indicators {
        c.heading(4, format!("{} {}", i.id, i.title), false);
        c.para(vec![Run::regular(i.explanation.clone())]);
        if let Some(a) = &i.assessment {
            c.para(labelled(l["assessment"], colon, a));
        }
        for t in &i.disaggregations {
            if !t.caption.is_empty() {
                c.blocks.push(Block::Paragraph(Paragraph {
                    space_after: 3.0,
                    keep_with_next: true,
                    ..Paragraph::new(vec![Run::bold(t.caption.clone())], SMALL)
                }));
            }
            c.blocks.push(Block::Table(Table {
                columns: text_columns(t.header.len(), true),
                header: t.header.clone(),
                rows: t.rows.iter().map(|row| row.iter().map(Cell::text).collect()).collect(),
                size: SMALL,
                striped: true,
                expand: false,
            }));
        }
        if !i.comments.is_empty() {
            c.label(format!("{}{colon}", l["comments"]));
            for cm in &i.comments {
                c.bullet(vec![Run::regular(cm.clone())], 1);
            }
            c.end_list();
        }
        if i.chart.is_some() {
            c.chart(Chart::Line(model::indicator(r, i)));
        }
    }
}

/// The team's Markdown as blocks: paragraphs, lists (nested), headings
/// (as level-4 headings, outside the contents), bold runs. Italic has no
/// face of its own and prints upright.
pub(super) fn markdown(md: &str, c: &mut Content) {
    let mut runs: Vec<Run> = Vec::new();
    let mut bold = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut bullet: Option<String> = None;
    let mut heading = false;
    let flush = |runs: &mut Vec<Run>, bullet: &mut Option<String>, depth: usize, c: &mut Content| {
        if runs.iter().all(|r| r.text.trim().is_empty()) {
            runs.clear();
            return;
        }
        c.blocks.push(Block::Paragraph(Paragraph {
            indent: 14.0 * depth as f32,
            bullet: bullet.take(),
            space_after: if depth > 0 { 3.0 } else { BODY * 0.6 },
            ..Paragraph::new(std::mem::take(runs), BODY)
        }));
    };
    let push = |runs: &mut Vec<Run>, bold: usize, s: &str| {
        let face = if bold > 0 { Face::Bold } else { Face::Regular };
        match runs.last_mut() {
            Some(r) if r.face == face => r.text.push_str(s),
            _ => runs.push(Run {
                text: s.to_string(),
                face,
            }),
        }
    };
    for ev in Parser::new_ext(md, MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut runs, &mut bullet, lists.len(), c);
                heading = true;
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = runs.drain(..).map(|r| r.text).collect();
                c.heading(4, text, false);
                heading = false;
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut runs, &mut bullet, lists.len(), c);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut runs, &mut bullet, lists.len(), c);
                lists.pop();
                if lists.is_empty() {
                    c.end_list();
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut runs, &mut bullet, lists.len(), c);
                bullet = Some(match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".into(),
                });
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::CodeBlock) => {
                flush(&mut runs, &mut bullet, lists.len(), c)
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => push(&mut runs, bold, &t),
            Event::SoftBreak | Event::HardBreak => push(&mut runs, bold, " "),
            Event::Rule => c.blocks.push(Block::Space(BODY)),
            _ => {}
        }
    }
    if !heading {
        flush(&mut runs, &mut bullet, 0, c);
    }
}

/// Narrative (`narrative.md.j2`).
fn narrative(r: &Report, c: &mut Content) {
    let l = &r.labels;
    c.heading(2, l["narrative"], true);
    if let Some(note) = &r.narrative.untranslated {
        c.para(vec![Run::regular(note.clone())]);
    }
    if r.narrative.sections.is_empty() {
        c.para(vec![Run::regular(l["no_narrative"])]);
    }
    for s in &r.narrative.sections {
        if !s.title.is_empty() {
            c.heading(3, s.title.clone(), true);
        }
        markdown(&s.body, c);
        super::stories::stories(r, &s.stories, c);
    }
}

/// Annexes (`annex.md.j2`).
fn annex(r: &Report, c: &mut Content) {
    let l = &r.labels;
    c.heading(2, l["annex_pmf"], true);
    c.blocks.push(Block::Table(Table {
        columns: (0..6)
            .map(|_| Column {
                align: Align::Left,
                fixed: None,
            })
            .collect(),
        header: [
            "indicator",
            "definition",
            "data_source",
            "collection_method",
            "frequency",
            "responsible",
        ]
        .iter()
        .map(|k| l[k].to_string())
        .collect(),
        rows: r
            .pmf
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(vec![Run::bold(p.id.clone()), Run::regular(format!(" {}", p.title))]),
                    Cell::text(&p.definition),
                    Cell::text(&p.data_source),
                    Cell::text(&p.collection_method),
                    Cell::text(&p.frequency),
                    Cell::text(&p.responsible),
                ]
            })
            .collect(),
        size: TABLE,
        striped: true,
        expand: true,
    }));
    c.heading(2, l["annex_quality"], true);
    if r.data_quality.is_empty() {
        c.para(vec![Run::regular(l["no_quality_notes"])]);
    }
    for q in &r.data_quality {
        c.bullet(vec![Run::regular(q.clone())], 1);
    }
    c.end_list();
}

/// The body: the report's outline, part by part (the order the layout
/// chose, the same the Markdown templates follow).
pub(super) fn body(r: &Report) -> Content {
    use crate::report::outline::Part;
    let mut c = Content::default();
    for part in &r.outline {
        match part {
            Part::Summary => summary(r, &mut c),
            Part::Funding => funding(r, &mut c),
            Part::Results { heading, results } => {
                c.heading(2, r.labels[heading], true);
                // The rule for the value expected to date, once (as body.md.j2).
                if *heading != "outputs" {
                    c.para(vec![Run::regular(r.target_rule.clone())]);
                }
                for &i in results {
                    result(r, &r.results[i], &mut c);
                }
            }
            Part::Gender => gender(r, &mut c),
            Part::Risks => super::register::risks(r, &mut c),
            Part::Workplan => super::register::workplan(r, &mut c),
            Part::Narrative => narrative(r, &mut c),
            Part::Annex => annex(r, &mut c),
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_lists_and_bold_become_blocks() {
        let mut c = Content::default();
        markdown(
            "Intro **bold** text.\n\n- one\n- two **b**\n  - nested\n\n### Sub\n\n1. first\n2. second\n",
            &mut c,
        );
        let paras: Vec<(Option<String>, f32, String)> = c
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some((
                    p.bullet.clone(),
                    p.indent,
                    p.runs.iter().map(|r| r.text.as_str()).collect::<String>(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(paras[0], (None, 0.0, "Intro bold text.".into()));
        assert_eq!(paras[1], (Some("•".into()), 14.0, "one".into()));
        assert_eq!(paras[2], (Some("•".into()), 14.0, "two b".into()));
        assert_eq!(paras[3], (Some("•".into()), 28.0, "nested".into()));
        assert_eq!(paras[4], (Some("1.".into()), 14.0, "first".into()));
        assert_eq!(paras[5], (Some("2.".into()), 14.0, "second".into()));
        assert_eq!(c.headings.len(), 1);
        assert_eq!(c.headings[0].text, "Sub");
    }
}
