//! The donor progress report as PDF: the same [`Report`] the Markdown is
//! rendered from, typeset with our own layout engine and drawn with
//! printpdf, with the bundled DejaVu Sans embedded as a subset.
//!
//! One stage per file: `content` says what goes in each section (mirroring
//! the Markdown templates), `document` assembles cover, contents and body
//! into pages with running header and footer, `layout` is the typesetting
//! engine (measurement, line breaking, tables, pages; pure and tested
//! without a PDF), `charts` draws the chart descriptions of
//! [`crate::render::chart`], `draw` turns positioned items into PDF
//! operations with the fonts of `font`, and `file` writes the PDF file
//! (pages, links, outline, metadata, `/ID`).

mod charts;
mod content;
pub mod document;
mod draw;
mod file;
mod font;
pub mod layout;
mod portfolio;
mod register;
mod stories;

use chrono::NaiveDateTime;

use crate::report::Report;
use layout::Geometry;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in
    Letter,
}

impl Paper {
    /// The page and its margins, in points.
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

/// How to render.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub paper: Paper,
    /// Creation and modification date written into the file: the period
    /// end or `SOURCE_DATE_EPOCH`, never the clock, so that equal inputs
    /// give byte-identical files.
    pub created: NaiveDateTime,
}

/// The report as PDF bytes.
pub fn render(report: &Report, options: &Options) -> Vec<u8> {
    file::render(report, options)
}

/// The portfolio report as PDF bytes: cover, contents and body laid out
/// as the project report's.
pub fn render_portfolio(r: &crate::report::portfolio::PortfolioReport, options: &Options) -> Vec<u8> {
    portfolio::render(r, options)
}
