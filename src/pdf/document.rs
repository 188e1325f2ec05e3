//! The report as a PDF document: the same content, in the same order, as
//! the Markdown templates (`src/templates/*.md.j2`), from the same
//! [`Report`] value, so the two can never disagree.
//!
//! Pages: a cover with the title block, a table of contents with page
//! numbers and links, then the body (executive summary, results, narrative,
//! annexes). The table of contents is laid out twice: once with placeholder
//! numbers to learn how many pages it takes (its lines are wrapped to a
//! width that does not depend on the numbers), then with the page numbers
//! the body's headings landed on. Every page but the cover carries a
//! running header (project short name, period) and a footer "page N of M".
//!
//! printpdf writes the pages, fonts (subset, with ToUnicode maps) and link
//! annotations; the outline (bookmarks, nested by heading level), the
//! document information and the trailer `/ID` are written here on the
//! lopdf document, so that the file depends on nothing but its inputs:
//! fixed resource names, dates from the period end (or
//! `SOURCE_DATE_EPOCH`), and an `/ID` hashed from the content.

use chrono::NaiveDateTime;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, Destination, HighlightingMode, LinkAnnotation, Mm, Op, PdfDocument, PdfFont,
    PdfPage, PdfSaveOptions, Pt, Rect,
};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

use super::charts::{self, Chart};
use super::draw;
use super::font::Fonts;
use super::layout::{
    Align, Block, Cell, Column, Face, GREY, Geometry, Heading, Item, Laid, Paragraph, Run, Table, lay_out,
    running_header,
};
use super::{Options, Paper};
use crate::report::i18n::Lang;
use crate::report::{IndicatorSection, Report, ResultSection};

const BODY: f32 = 9.5;
const SMALL: f32 = 8.0;
const TABLE: f32 = 7.0;

/// Texts only the PDF needs, in the report's three languages.
fn local(lang: Lang, key: &str) -> &'static str {
    match (key, lang) {
        ("contents", Lang::En) => "Contents",
        ("contents", Lang::Fr) => "Table des matières",
        ("contents", Lang::Es) => "Índice",
        ("page", Lang::En) => "Page {n} of {m}",
        ("page", Lang::Fr) => "Page {n} sur {m}",
        ("page", Lang::Es) => "Página {n} de {m}",
        ("progress", Lang::En) => "Progress",
        ("progress", Lang::Fr) => "Progression",
        ("progress", Lang::Es) => "Avance",
        _ => "",
    }
}

impl Paper {
    pub fn geometry(self) -> Geometry {
        let (width, height) = match self {
            Paper::A4 => (595.2756, 841.8898),
            Paper::Letter => (612.0, 792.0),
        };
        Geometry {
            width,
            height,
            top: 66.0,
            right: 50.0,
            bottom: 58.0,
            left: 50.0,
        }
    }
}

/// Blocks of the document and what they refer to.
#[derive(Default)]
struct Content {
    blocks: Vec<Block>,
    charts: Vec<Chart>,
    headings: Vec<Heading>,
}

impl Content {
    fn heading(&mut self, level: u8, text: impl Into<String>, in_toc: bool) {
        let h = Heading {
            level,
            text: text.into(),
            anchor: format!("h{}", self.headings.len()),
            in_toc,
        };
        self.headings.push(h.clone());
        self.blocks.push(Block::Heading(h));
    }

    fn para(&mut self, runs: Vec<Run>) {
        self.blocks.push(Block::Paragraph(Paragraph::new(runs, BODY)));
    }

    fn bullet(&mut self, runs: Vec<Run>, depth: usize) {
        self.blocks.push(Block::Paragraph(Paragraph {
            indent: 14.0 * depth as f32,
            bullet: Some("•".into()),
            space_after: 3.0,
            ..Paragraph::new(runs, BODY)
        }));
    }

    fn end_list(&mut self) {
        self.blocks.push(Block::Space(BODY * 0.4));
    }

    fn chart(&mut self, c: Chart) {
        self.blocks.push(Block::Chart {
            height: charts::height(&c),
            index: self.charts.len(),
        });
        self.charts.push(c);
    }
}

fn text_columns(n: usize, first_left: bool) -> Vec<Column> {
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
fn cover(r: &Report) -> Vec<Block> {
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
    let mut facts: Vec<(&str, String)> = vec![("project_id", r.project.id.clone())];
    if let Some(i) = &r.project.iati_id {
        facts.push(("iati_id", i.clone()));
    }
    if let Some(d) = &r.project.donor {
        facts.push(("donor", d.clone()));
    }
    if let Some(i) = &r.project.implementer {
        facts.push(("implementer", i.clone()));
    }
    facts.push(("reporting_period", format!("{} ({})", r.period.code, r.period.dates)));
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
    facts.push(("generated", r.generated.clone()));
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
fn id_runs(id: &str, rest: String) -> Vec<Run> {
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
    for s in [&f.burn_sentence, &f.shortfall_note].into_iter().flatten() {
        c.para(vec![Run::regular(s.clone())]);
    }
    for t in std::iter::once(&f.pledges).chain(f.lines.as_ref()) {
        c.heading(3, t.caption.clone(), true);
        c.blocks.push(Block::Table(Table {
            columns: text_columns(t.header.len(), true),
            header: t.header.clone(),
            rows: t.rows.iter().map(|row| row.iter().map(Cell::text).collect()).collect(),
            size: SMALL,
            striped: true,
            expand: true,
        }));
    }
    if f.chart.is_some() && !f.chart_points.is_empty() {
        let dec = |d: Option<rust_decimal::Decimal>| d.and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d));
        c.chart(Chart::Progress {
            caption: l["burn_chart"].to_string(),
            series: f
                .chart_points
                .iter()
                .map(|p| (p.period.clone(), dec(p.elapsed_percent), dec(p.spent_percent)))
                .collect(),
            target_label: l["burn_time"].to_string(),
            actual_label: l["burn_spent"].to_string(),
            lang: r.lang,
        });
    }
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
    c.chart(charts::summary(r));
    c.heading(3, l["headlines"], true);
    if r.summary.headlines.is_empty() {
        c.para(vec![Run::regular(l["none"])]);
    }
    for h in &r.summary.headlines {
        c.bullet(id_runs(&h.id, format!("{}{colon} {}", h.title, h.text)), 1);
    }
    c.end_list();
    c.heading(3, l["attention"], true);
    if r.summary.attention.is_empty() {
        c.para(vec![Run::regular(l["none"])]);
    }
    for a in &r.summary.attention {
        c.bullet(id_runs(&a.id, format!("{}{colon} {}", a.title, a.explanation)), 1);
    }
    c.end_list();
}

fn indicator_table(r: &Report, inds: &[IndicatorSection]) -> Table {
    let l = &r.labels;
    let mut columns = text_columns(10, true);
    columns[9].align = Align::Left;
    columns.push(Column {
        align: Align::Left,
        fixed: Some(44.0),
    });
    let header = [
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
    .iter()
    .map(|k| l[k].to_string())
    .chain([local(r.lang, "progress").to_string()])
    .collect();
    let rows = inds
        .iter()
        .map(|i| {
            let unit = i.unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default();
            let pct = i
                .figures
                .percent_to_date
                .and_then(|d| rust_decimal::prelude::ToPrimitive::to_f64(&d));
            vec![
                Cell::Text(vec![
                    Run::bold(i.id.clone()),
                    Run::regular(format!(" {}{unit}", i.title)),
                ]),
                Cell::text(&i.baseline),
                Cell::text(&i.period_target),
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
                    fraction: pct.map(|p| (p / charts::CAP) as f32),
                    tone: charts::tone(i.status),
                    tick: Some((100.0 / charts::CAP) as f32),
                },
            ]
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
        c.para(vec![Run::bold(format!("{}{colon}", l["assumptions"]))]);
        for a in &res.assumptions {
            c.bullet(vec![Run::regular(a.clone())], 1);
        }
        c.end_list();
    }
    if res.indicators.is_empty() {
        return;
    }
    c.blocks.push(Block::Table(indicator_table(r, &res.indicators)));
    for i in &res.indicators {
        c.heading(4, format!("{} {}", i.id, i.title), false);
        c.para(vec![Run::regular(i.explanation.clone())]);
        if let Some(a) = &i.assessment {
            c.para(vec![
                Run::bold(format!("{}{colon}", l["assessment"])),
                Run::regular(format!(" {a}")),
            ]);
        }
        for t in &i.disaggregations {
            if !t.caption.is_empty() {
                c.blocks.push(Block::Paragraph(Paragraph {
                    space_after: 3.0,
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
            c.para(vec![Run::bold(format!("{}{colon}", l["comments"]))]);
            for cm in &i.comments {
                c.bullet(vec![Run::regular(cm.clone())], 1);
            }
            c.end_list();
        }
        if i.chart.is_some() {
            c.chart(charts::progress(r, i));
        }
    }
}

/// The team's Markdown as blocks: paragraphs, lists (nested), headings
/// (as level-4 headings, outside the contents), bold runs. Italic has no
/// face of its own and prints upright.
fn markdown(md: &str, c: &mut Content) {
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
    if r.narrative.sections.is_empty() {
        c.para(vec![Run::regular(l["no_narrative"])]);
    }
    for s in &r.narrative.sections {
        if !s.title.is_empty() {
            c.heading(3, s.title.clone(), true);
        }
        markdown(&s.body, c);
    }
    if !r.missing_explanations.is_empty() {
        c.heading(3, l["missing_explanation"], true);
        for m in &r.missing_explanations {
            c.bullet(id_runs(&m.id, format!("{} ({})", m.title, m.status)), 1);
        }
        c.end_list();
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

/// The body: summary, results (in the layout's order), narrative, annexes.
fn body(r: &Report) -> Content {
    let mut c = Content::default();
    summary(r, &mut c);
    funding(r, &mut c);
    match r.layout {
        crate::report::Layout::General => {
            c.heading(2, r.labels["results"], true);
            for res in &r.results {
                result(r, res, &mut c);
            }
        }
        crate::report::Layout::Gac => {
            for (title, outputs) in [(r.labels["outcomes"], false), (r.labels["outputs"], true)] {
                c.heading(2, title, true);
                for level in r.levels.iter().filter(|lv| lv.is_output == outputs) {
                    for res in r.results.iter().filter(|x| x.level == level.id) {
                        result(r, res, &mut c);
                    }
                }
            }
        }
    }
    narrative(r, &mut c);
    annex(r, &mut c);
    c
}

fn toc(r: &Report, headings: &[Heading], page_of: &dyn Fn(&str) -> String) -> Vec<Block> {
    let mut b = vec![Block::Paragraph(Paragraph {
        space_after: 14.0,
        colour: [0.07, 0.2, 0.4],
        ..Paragraph::new(vec![Run::bold(local(r.lang, "contents"))], 15.0)
    })];
    for h in headings.iter().filter(|h| h.in_toc) {
        b.push(Block::TocLine {
            level: h.level,
            text: h.text.clone(),
            page: page_of(&h.anchor),
            target: h.anchor.clone(),
        });
    }
    b
}

/// Running header and footer of page `n` (from 1) of `m`.
fn furniture(r: &Report, g: &Geometry, n: usize, m: usize, fonts: &Fonts) -> Vec<Item> {
    let size = 7.5;
    let mut it = Vec::new();
    let mut text = |x: f32, y: f32, face: Face, s: String| {
        let width = super::layout::Measure::width(fonts, face, size, &s);
        it.push(Item::Text {
            x,
            y,
            size,
            face,
            colour: GREY,
            text: s,
            width,
        });
        width
    };
    let top = g.top - 30.0;
    let left = format!("{} — {}", r.project.short_name, r.labels["report_title"]);
    let right = format!("{} ({})", r.period.code, r.period.dates);
    let footer = local(r.lang, "page")
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string());
    let fw = super::layout::Measure::width(fonts, Face::Regular, size, &footer);
    text((g.width - fw) / 2.0, g.height - g.bottom + 30.0, Face::Regular, footer);
    it.extend(running_header(
        fonts,
        g,
        size,
        top,
        (Face::Bold, &left),
        (Face::Regular, &[right.as_str(), r.period.code.as_str()]),
    ));
    it.push(Item::Path {
        points: vec![(g.left, top + 5.0), (g.body_right(), top + 5.0)],
        width: 0.5,
        colour: [0.7, 0.7, 0.7],
        dash: None,
    });
    it
}

/// Everything laid out: pages of items, where each heading landed.
pub struct Laidout {
    pub pages: Vec<Vec<Item>>,
    /// Per page, where the running header and footer start in `pages`
    /// (they sit in the margins; everything before them in the body).
    pub furniture_from: Vec<usize>,
    /// Heading, page index (from 0), y from the top.
    pub(crate) outline: Vec<(Heading, usize, f32)>,
    pub geometry: Geometry,
}

/// Lay out the whole report (pure: no PDF).
pub fn lay_out_report(r: &Report, paper: Paper) -> Laidout {
    let fonts = Fonts::get();
    let g = paper.geometry();
    let content = body(r);
    let mut cover_g = g;
    cover_g.top = g.height * 0.22;
    let cover = lay_out(fonts, cover_g, &cover(r));
    let body = lay_out(fonts, g, &content.blocks);
    // Pass 1: how many pages the contents take (numbers do not change
    // the wrapping), pass 2: with the real numbers.
    let placeholder = lay_out(fonts, g, &toc(r, &content.headings, &|_| "000".into()));
    let first_body = cover.pages.len() + placeholder.pages.len();
    let page_of = |anchor: &str| {
        body.anchors
            .get(anchor)
            .map(|a| (first_body + a.page + 1).to_string())
            .unwrap_or_default()
    };
    let contents: Laid = lay_out(fonts, g, &toc(r, &content.headings, &page_of));
    assert_eq!(
        contents.pages.len(),
        placeholder.pages.len(),
        "the contents kept their length"
    );
    let mut outline = vec![(
        Heading {
            level: 2,
            text: format!(
                "{}{} {}",
                r.labels["report_title"], r.labels["colon"], r.project.short_name
            ),
            anchor: "cover".into(),
            in_toc: false,
        },
        0,
        0.0,
    )];
    outline.push((
        Heading {
            level: 2,
            text: local(r.lang, "contents").into(),
            anchor: "contents".into(),
            in_toc: false,
        },
        cover.pages.len(),
        g.top,
    ));
    for h in &content.headings {
        if let Some(a) = body.anchors.get(&h.anchor) {
            outline.push((h.clone(), first_body + a.page, a.y));
        }
    }
    let mut pages: Vec<Vec<Item>> = cover.pages;
    pages.extend(contents.pages);
    pages.extend(body.pages);
    // Links carry anchor names; resolve them to pages here.
    let total = pages.len();
    let mut furniture_from = Vec::with_capacity(total);
    for (i, p) in pages.iter_mut().enumerate() {
        // Charts are drawn into their boxes.
        let mut extra = Vec::new();
        for it in p.iter() {
            if let Item::Chart { x, y, w, h, index } = it {
                extra.extend(charts::items(fonts, &content.charts[*index], *x, *y, *w, *h));
            }
        }
        p.extend(extra);
        furniture_from.push(p.len());
        if i >= 1 {
            p.extend(furniture(r, &g, i + 1, total, fonts));
        }
    }
    Laidout {
        pages,
        furniture_from,
        outline,
        geometry: g,
    }
}

fn pdf_date(t: NaiveDateTime) -> String {
    t.format("D:%Y%m%d%H%M%S+00'00'").to_string()
}

fn utf16(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend(u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// FNV-1a, 64 bits: a stable content hash for the trailer `/ID`.
fn fnv(seed: u64, data: &[u8], h: &mut u64) {
    if *h == 0 {
        *h = 0xcbf2_9ce4_8422_2325 ^ seed;
    }
    for b in data {
        *h ^= u64::from(*b);
        *h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// Render the report as PDF bytes.
pub fn render(r: &Report, opts: &Options) -> Vec<u8> {
    let laid = lay_out_report(r, opts.paper);
    let g = laid.geometry;
    let fonts = Fonts::get();
    let mut doc = PdfDocument::new("");
    doc.resources
        .fonts
        .map
        .insert(draw::font_id(Face::Regular), PdfFont::new(fonts.regular.font.clone()));
    doc.resources
        .fonts
        .map
        .insert(draw::font_id(Face::Bold), PdfFont::new(fonts.bold.font.clone()));
    // Anchor name -> (page from 1, y from the top).
    let anchors: std::collections::BTreeMap<&str, (usize, f32)> = laid
        .outline
        .iter()
        .map(|(h, p, y)| (h.anchor.as_str(), (p + 1, *y)))
        .collect();
    let mm = |pt: f32| Mm(pt * 25.4 / 72.0);
    for items in &laid.pages {
        let mut ops = draw::page_ops(items, g.height);
        for it in items {
            if let Item::Link { x, y, w, h, target } = it
                && let Some((page, ty)) = anchors.get(target.as_str())
            {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect {
                            x: Pt(*x),
                            y: Pt(g.height - y - h),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: None,
                            winding_order: None,
                        },
                        Actions::go_to(Destination::Xyz {
                            page: *page,
                            left: Some(0.0),
                            top: Some(g.height - ty + 12.0),
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::None),
                    ),
                });
            }
        }
        doc.pages.push(PdfPage::new(mm(g.width), mm(g.height), ops));
    }
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    finish(&mut lo, r, &laid, opts);
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out).expect("writing to memory cannot fail");
    out
}

/// Outline, document information and `/ID` on the lopdf document.
fn finish(lo: &mut lopdf::Document, r: &Report, laid: &Laidout, opts: &Options) {
    let g = laid.geometry;
    let page_ids = lo.get_pages();
    let page_id = |p: usize| page_ids.get(&(p as u32 + 1)).copied();
    // Outline: nested by heading level.
    let entries: Vec<(u8, String, ObjectId, f32)> = laid
        .outline
        .iter()
        .filter_map(|(h, p, y)| page_id(*p).map(|id| (h.level, h.text.clone(), id, *y)))
        .collect();
    if !entries.is_empty() {
        let root = lo.new_object_id();
        let ids: Vec<ObjectId> = entries.iter().map(|_| lo.new_object_id()).collect();
        // Parent of each entry: the closest earlier entry of a lower level.
        let parent: Vec<Option<usize>> = (0..entries.len())
            .map(|i| (0..i).rev().find(|&j| entries[j].0 < entries[i].0))
            .collect();
        let children = |p: Option<usize>| -> Vec<usize> { (0..entries.len()).filter(|&i| parent[i] == p).collect() };
        fn descendants(i: usize, parent: &[Option<usize>]) -> i64 {
            (0..parent.len())
                .filter(|&k| parent[k] == Some(i))
                .map(|k| 1 + descendants(k, parent))
                .sum()
        }
        for i in 0..entries.len() {
            let (_, title, page, y) = &entries[i];
            let siblings = children(parent[i]);
            let pos = siblings
                .iter()
                .position(|&s| s == i)
                .expect("an entry is its parent's child");
            let mut d = Dictionary::new();
            d.set("Title", utf16(title));
            d.set("Parent", Object::Reference(parent[i].map(|p| ids[p]).unwrap_or(root)));
            d.set(
                "Dest",
                Object::Array(vec![
                    Object::Reference(*page),
                    Object::Name(b"XYZ".to_vec()),
                    Object::Real(0.0),
                    Object::Real(g.height - y + 12.0),
                    Object::Null,
                ]),
            );
            if pos > 0 {
                d.set("Prev", Object::Reference(ids[siblings[pos - 1]]));
            }
            if pos + 1 < siblings.len() {
                d.set("Next", Object::Reference(ids[siblings[pos + 1]]));
            }
            let kids = children(Some(i));
            if let (Some(f), Some(l)) = (kids.first(), kids.last()) {
                d.set("First", Object::Reference(ids[*f]));
                d.set("Last", Object::Reference(ids[*l]));
                // Top-level sections open, deeper levels closed.
                let n = descendants(i, &parent);
                d.set("Count", Object::Integer(if entries[i].0 <= 2 { n } else { -n }));
            }
            lo.set_object(ids[i], d);
        }
        let top = children(None);
        let mut o = Dictionary::new();
        o.set("Type", Object::Name(b"Outlines".to_vec()));
        o.set("First", Object::Reference(ids[top[0]]));
        o.set("Last", Object::Reference(ids[*top.last().expect("one entry")]));
        o.set("Count", Object::Integer(entries.len() as i64));
        lo.set_object(root, o);
        if let Ok(cat) = lo.catalog_mut() {
            cat.set("Outlines", Object::Reference(root));
            cat.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
    }
    // Document information: ours, in full.
    let l = &r.labels;
    let mut info = Dictionary::new();
    info.set(
        "Title",
        utf16(&format!(
            "{}{} {} — {}",
            l["report_title"], l["colon"], r.project.short_name, r.project.title
        )),
    );
    info.set("Author", utf16(r.project.implementer.as_deref().unwrap_or("")));
    info.set("Subject", utf16(&format!("{} ({})", r.period.code, r.period.dates)));
    let mut kw = vec![r.project.id.clone(), r.period.code.clone()];
    kw.extend(r.project.iati_id.clone());
    info.set("Keywords", utf16(&kw.join(", ")));
    info.set("Creator", utf16(concat!("logframe ", env!("CARGO_PKG_VERSION"))));
    info.set("Producer", utf16("printpdf 0.12.8"));
    info.set("CreationDate", Object::string_literal(pdf_date(opts.created)));
    info.set("ModDate", Object::string_literal(pdf_date(opts.created)));
    let info_id = lo.add_object(info);
    if let Ok(old) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.objects.remove(&old);
    }
    lo.trailer.set("Info", Object::Reference(info_id));
    // /ID: a hash of every object, so equal inputs give equal files.
    let (mut a, mut b) = (0u64, 0u64);
    for (id, obj) in &lo.objects {
        let key = format!("{} {}", id.0, id.1);
        fnv(1, key.as_bytes(), &mut a);
        fnv(2, key.as_bytes(), &mut b);
        let bytes: Vec<u8> = match obj {
            Object::Stream(s) => s.content.clone(),
            other => format!("{other:?}").into_bytes(),
        };
        fnv(1, &bytes, &mut a);
        fnv(2, &bytes, &mut b);
    }
    let id: Vec<u8> = a.to_be_bytes().into_iter().chain(b.to_be_bytes()).collect();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
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

    #[test]
    fn the_id_is_stable_and_dates_are_pdf_dates() {
        let t = chrono::NaiveDate::from_ymd_opt(2023, 9, 30)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        assert_eq!(pdf_date(t), "D:20230930000000+00'00'");
        let (mut a, mut b) = (0u64, 0u64);
        fnv(1, b"abc", &mut a);
        fnv(1, b"abc", &mut b);
        assert_eq!(a, b);
    }
}
