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
use super::content::{Content, body, cover};
use super::font::Fonts;
use super::layout::{
    Block, Face, GREY, Geometry, Heading, Item, Laid, Measure, Paragraph, Run, lay_out, running_header,
};
use crate::locale::{self, Lang};
use crate::report::Report;

/// What a document is made of, whatever it reports: the cover's blocks,
/// the body, and the words of the running header and of the cover's
/// bookmark.
pub(super) struct Doc {
    pub(super) lang: Lang,
    pub(super) cover: Vec<Block>,
    pub(super) content: Content,
    /// The running header's left part (bold).
    pub(super) header_left: String,
    /// The running header's right part, and shorter forms of it for when
    /// the long one does not fit.
    pub(super) header_right: Vec<String>,
    /// The cover's bookmark.
    pub(super) cover_title: String,
}

fn toc(lang: Lang, headings: &[Heading], page_of: &dyn Fn(&str) -> String) -> Vec<Block> {
    let mut b = vec![Block::Paragraph(Paragraph {
        space_after: 14.0,
        colour: [0.07, 0.2, 0.4],
        ..Paragraph::new(vec![Run::bold(locale::text(lang, "pdf-contents"))], 15.0)
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
fn furniture(d: &Doc, g: &Geometry, n: usize, m: usize, fonts: &Fonts) -> Vec<Item> {
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
    let footer = locale::message(
        d.lang,
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
        (Face::Bold, &d.header_left),
        (
            Face::Regular,
            &d.header_right.iter().map(String::as_str).collect::<Vec<_>>(),
        ),
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
    /// The pictures `Item::Image` draws, by index.
    pub(crate) images: Vec<crate::report::photo::Image>,
}

/// Lay out the whole report (pure: no PDF).
pub fn lay_out_report(r: &Report, paper: Paper) -> Laidout {
    lay_out_doc(
        &Doc {
            lang: r.lang,
            cover: cover(r),
            content: body(r),
            header_left: format!("{} — {}", r.project.short_name, r.labels["report_title"]),
            header_right: vec![format!("{} ({})", r.period.name, r.period.dates), r.period.name.clone()],
            cover_title: format!(
                "{}{} {}",
                r.labels["report_title"], r.labels["colon"], r.project.short_name
            ),
        },
        paper,
    )
}

/// Lay out a document: cover, contents, body, running header and footer.
pub(super) fn lay_out_doc(d: &Doc, paper: Paper) -> Laidout {
    let fonts = Fonts::get();
    let g = paper.geometry();
    let content = &d.content;
    let mut cover_g = g;
    cover_g.top = g.height * 0.22;
    let cover = lay_out(fonts, cover_g, &d.cover);
    let body = lay_out(fonts, g, &content.blocks);
    // Pass 1: how many pages the contents take (numbers do not change
    // the wrapping), pass 2: with the real numbers.
    let placeholder = lay_out(fonts, g, &toc(d.lang, &content.headings, &|_| "000".into()));
    let first_body = cover.pages.len() + placeholder.pages.len();
    let page_of = |anchor: &str| {
        body.anchors
            .get(anchor)
            .map(|a| (first_body + a.page + 1).to_string())
            .unwrap_or_default()
    };
    let contents: Laid = lay_out(fonts, g, &toc(d.lang, &content.headings, &page_of));
    assert_eq!(
        contents.pages.len(),
        placeholder.pages.len(),
        "the contents kept their length"
    );
    let mut outline = vec![(
        Heading {
            level: 2,
            text: d.cover_title.clone(),
            anchor: "cover".into(),
            in_toc: false,
        },
        0,
        0.0,
    )];
    outline.push((
        Heading {
            level: 2,
            text: locale::text(d.lang, "pdf-contents").into(),
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
            p.extend(furniture(d, &g, i + 1, total, fonts));
        }
    }
    Laidout {
        pages,
        furniture_from,
        outline,
        geometry: g,
        images: content.images.clone(),
    }
}
