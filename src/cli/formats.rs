//! The values of flags that several commands share, and the clap faces of
//! the engine's own choices (report format, paper, layout), which map onto
//! them: clap types stay in the cli folder.

use clap::ValueEnum;

/// What a table-shaped command prints: aligned text, CSV or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

/// `report --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// Markdown with SVG charts
    Md,
    /// The report model as JSON (no charts)
    Json,
    /// PDF with vector charts, embedded fonts, contents and bookmarks (see --paper)
    Pdf,
}

impl From<ReportFormatArg> for crate::render::files::ReportFormat {
    fn from(f: ReportFormatArg) -> Self {
        match f {
            ReportFormatArg::Md => Self::Md,
            ReportFormatArg::Json => Self::Json,
            ReportFormatArg::Pdf => Self::Pdf,
        }
    }
}

/// `report --paper`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm
    A4,
    /// US Letter, 8.5 × 11 in
    Letter,
}

impl From<PaperArg> for crate::render::pdf::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

/// `report --template`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutArg {
    /// Results in logframe order
    General,
    /// Global Affairs Canada: outcomes before outputs, fiscal year April-March, performance measurement framework annex
    Gac,
}

impl From<LayoutArg> for crate::report::Layout {
    fn from(l: LayoutArg) -> Self {
        match l {
            LayoutArg::General => Self::General,
            LayoutArg::Gac => Self::Gac,
        }
    }
}

/// `--lang`: the report's language, as the flag spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Fr,
    Es,
}

impl From<LangArg> for crate::locale::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Self::En,
            LangArg::Fr => Self::Fr,
            LangArg::Es => Self::Es,
        }
    }
}

/// `--dim NAME=VALUE` flags as (name, value) pairs.
pub fn dim_pairs(flags: &[String]) -> Result<Vec<(String, String)>, crate::diag::Diagnostic> {
    flags
        .iter()
        .map(|d| match d.split_once('=') {
            Some((name, value)) => Ok((name.trim().to_string(), value.trim().to_string())),
            None => Err(crate::diag::Diagnostic::error(format!("--dim `{d}` is not NAME=VALUE"))
                .expected("e.g. --dim sex=women")
                .found(d.clone())
                .hint("write the dimension, `=`, and the value")),
        })
        .collect()
}
