//! Page layout: blocks of text, tables and charts flowed onto pages.
//!
//! Pure and PDF-free so that it can be tested with boxes and positions:
//! the input is a list of [`Block`]s and a [`Measure`] (text widths), the
//! output is pages of positioned [`Item`]s in points, origin at the top left
//! of the page, y growing downwards. [`super::draw`] turns items into PDF
//! operations.
//!
//! This file holds what every stage shares: the vocabulary of the input
//! (blocks, runs, paragraphs, headings) and of the output (items, pages,
//! anchors). The stages live beside it, one concern each:
//! - `text`: measuring words, greedy line breaking, ellipsis;
//! - `table`: column sizing, cells, rows split across pages, header rows
//!   repeated;
//! - `flow`: the cursor that places blocks on pages, page breaks and
//!   keep-with-next;
//! - `header`: the running header's two sides sharing one line.
//!
//! Lines break greedily at spaces and after a hyphen inside a word
//! (ragged right, never an inserted hyphen); a word wider than its column
//! breaks after its URL punctuation (`/`, `.`, `?` ...) and, failing that,
//! is cut between characters, so nothing ever overflows. Tables size their
//! columns from their content (after the CSS automatic table algorithm:
//! each column gets its longest short word, so figures and header words
//! are never split, a long word or URL asks for at most
//! `LONG_WORD_EM` ems and is broken in its own column, and the remaining
//! width is shared in proportion to what each column would need on one
//! line), break between rows (or between lines of a row taller than a
//! page) and repeat their header row on every page. The running header
//! ([`running_header`]) gives its two sides a width budget each.

mod flow;
mod header;
mod table;
#[cfg(test)]
mod testing;
mod text;

pub(crate) use flow::lay_out;
pub(crate) use header::running_header;
pub(crate) use table::{Align, Cell, Column, Table};
pub use text::ellipsize;

use std::collections::BTreeMap;

/// A face of the bundled font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
}

/// Text measurement, in points.
pub trait Measure {
    fn width(&self, face: Face, size: f32, text: &str) -> f32;
}

/// An RGB colour, components 0 to 1.
pub type Rgb = [f32; 3];

pub(crate) const BLACK: Rgb = [0.0, 0.0, 0.0];
pub(crate) const GREY: Rgb = [0.35, 0.35, 0.35];

/// A status as drawn: a colour and, so that it also reads in greyscale, a
/// fill pattern. The text label is always printed next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Solid dark fill.
    Achieved,
    /// Solid fill.
    OnTrack,
    /// Diagonal stripes.
    AtRisk,
    /// Cross-hatching.
    OffTrack,
    /// Dark fill with light horizontal lines.
    NotAchieved,
    /// Light grey, dotted outline.
    Neutral,
}

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub right: f32,
    pub bottom: f32,
    pub left: f32,
}

impl Geometry {
    pub fn body_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    pub fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }
    pub fn body_right(&self) -> f32 {
        self.width - self.right
    }
    /// Whether a box lies inside the body area (with a rounding tolerance).
    pub fn contains(&self, b: [f32; 4]) -> bool {
        let e = 0.01;
        b[0] >= self.left - e && b[1] >= self.top - e && b[2] <= self.body_right() + e && b[3] <= self.body_bottom() + e
    }
}

/// Something drawn on a page. Coordinates in points from the top left;
/// text is placed by its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        colour: Rgb,
        text: String,
        /// The measured width.
        width: f32,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight line or a polyline.
    Path {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: Rgb,
        dash: Option<(f32, f32)>,
    },
    Dot {
        x: f32,
        y: f32,
        r: f32,
        colour: Rgb,
    },
    /// A bar of `w` at most, filled to `fraction` (0 to 1) in the status's
    /// colour and pattern, with an outline.
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fraction: f32,
        tone: Tone,
        /// Where to draw a tick (fraction of `w`), e.g. the 100 % mark.
        tick: Option<f32>,
    },
    /// A picture (a story's photo) drawn into this box by the caller.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
    /// A chart drawn into this box by the caller.
    Chart {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
    /// A clickable area that jumps to an anchor.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: String,
    },
}

impl Item {
    /// The box `[x0, y0, x1, y1]` the item covers.
    pub fn bbox(&self) -> [f32; 4] {
        match self {
            Item::Text { x, y, size, width, .. } => [*x, y - size * 0.76, x + width, y + size * 0.24],
            Item::Rect { x, y, w, h, .. }
            | Item::Bar { x, y, w, h, .. }
            | Item::Chart { x, y, w, h, .. }
            | Item::Image { x, y, w, h, .. }
            | Item::Link { x, y, w, h, .. } => [*x, *y, x + w, y + h],
            Item::Path { points, width, .. } => {
                // Butt caps: each segment widens across its direction only.
                let hw = width / 2.0;
                let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                let mut add = |px: f32, py: f32| b = [b[0].min(px), b[1].min(py), b[2].max(px), b[3].max(py)];
                for w in points.windows(2) {
                    let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                    let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt().max(1e-6);
                    let (nx, ny) = (-(y1 - y0) / len * hw, (x1 - x0) / len * hw);
                    for (px, py) in [(x0, y0), (x1, y1)] {
                        add(px + nx, py + ny);
                        add(px - nx, py - ny);
                    }
                }
                if points.len() == 1 {
                    add(points[0].0, points[0].1);
                }
                b
            }
            Item::Dot { x, y, r, .. } => [x - r, y - r, x + r, y + r],
        }
    }
}

/// A run of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub text: String,
    pub face: Face,
}

impl Run {
    pub(crate) fn regular(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            face: Face::Regular,
        }
    }
    pub(crate) fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            face: Face::Bold,
        }
    }
}

/// Paragraph style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Paragraph {
    pub runs: Vec<Run>,
    pub size: f32,
    /// Left indent of every line.
    pub indent: f32,
    /// A marker hung in the indent of the first line ("•").
    pub bullet: Option<String>,
    pub colour: Rgb,
    pub space_after: f32,
    /// A caption or a label ("Assumptions:", "Disaggregation – Country"):
    /// kept on the page of what it introduces.
    pub keep_with_next: bool,
    /// A note under a table: kept on the page of the table's last rows.
    pub keep_with_previous: bool,
}

impl Paragraph {
    pub(crate) fn new(runs: Vec<Run>, size: f32) -> Paragraph {
        Paragraph {
            runs,
            size,
            indent: 0.0,
            bullet: None,
            colour: BLACK,
            space_after: size * 0.6,
            keep_with_next: false,
            keep_with_previous: false,
        }
    }
}

/// Outline level and title of a heading, for the table of contents and
/// the bookmarks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
    /// Listed in the table of contents.
    pub in_toc: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    Table(Table),
    /// A chart of this height across the body width.
    Chart {
        height: f32,
        index: usize,
    },
    /// A picture of these proportions (its pixels), scaled to the body
    /// width (at most half a page high) and centred.
    Image {
        width: f32,
        height: f32,
        index: usize,
    },
    Space(f32),
    /// A table-of-contents line: title, dot leaders, page number, linked.
    TocLine {
        level: u8,
        text: String,
        page: String,
        target: String,
    },
}

/// Where an anchor landed: page index (from 0) and y.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Anchor {
    pub page: usize,
    pub y: f32,
}

#[derive(Debug, Default)]
pub(crate) struct Laid {
    pub pages: Vec<Vec<Item>>,
    pub anchors: BTreeMap<String, Anchor>,
}

pub(crate) const LEADING: f32 = 1.3;

pub(crate) fn heading_size(level: u8) -> f32 {
    match level {
        1 => 20.0,
        2 => 15.0,
        3 => 11.5,
        _ => 10.0,
    }
}
