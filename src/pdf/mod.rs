//! The donor progress report as PDF: the same [`Report`] the Markdown is
//! rendered from, typeset with our own layout (`layout`: measurement, line
//! breaking, tables, pages; pure and tested without a PDF) and drawn with
//! printpdf (`draw`), with the bundled DejaVu Sans embedded as a subset
//! (`font`). `document` assembles cover, contents, body, running header and
//! footer, outline, links and metadata.

pub mod charts;
pub mod document;
pub mod draw;
pub mod font;
pub mod layout;

use chrono::NaiveDateTime;

use crate::report::Report;

/// Paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in
    Letter,
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
    document::render(report, options)
}
