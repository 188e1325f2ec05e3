//! The report assembled into pages: a cover with the title block, a table
//! of contents with page numbers and links, then the body (see
//! [`super::content`] for what goes in it), each page but the cover with a
//! running header (project short name, period) and a footer "page N of M".
//!
//! The table of contents is laid out twice: once with placeholder numbers
//! to learn how many pages it takes (its lines are wrapped to a width that
//! does not depend on the numbers), then with the page numbers the body's
//! headings landed on. The outline (bookmarks) lists the cover, the
//! contents and every heading where it landed. All of it is pure: pages of
//! positioned items, no PDF ([`super::file`] writes those).

use super::Paper;
use super::charts;
use super::content::{body, cover};
use super::font::Fonts;
use super::layout::{
    Block, Face, GREY, Geometry, Heading, Item, Laid, Measure, Paragraph, Run, lay_out, running_header,
};
use crate::locale;
use crate::report::Report;

fn toc(r: &Report, headings: &[Heading], page_of: &dyn Fn(&str) -> String) -> Vec<Block> {
    let mut b = vec![Block::Paragraph(Paragraph {
        space_after: 14.0,
        colour: [0.07, 0.2, 0.4],
        ..Paragraph::new(vec![Run::bold(locale::text(r.lang, "pdf-contents"))], 15.0)
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
        let width = Measure::width(fonts, face, size, &s);
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
    let footer = locale::message(
        r.lang,
        "pdf-page",
        [("n", n.to_string().into()), ("m", m.to_string().into())],
    );
    let fw = Measure::width(fonts, Face::Regular, size, &footer);
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
            text: locale::text(r.lang, "pdf-contents").into(),
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
