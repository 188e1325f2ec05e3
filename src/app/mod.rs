//! The application layer: what each command does, as a function of its
//! inputs that returns a model (or the diagnostics that stopped it).
//!
//! Nothing here prints, chooses an exit code or knows clap: the terminal
//! (`src/cli/`) and the web server call these same functions and only
//! differ in how they show the result. A [`Failure`] says whether the input
//! had findings or the request itself was wrong (usage or I/O); the faces
//! map that to an exit code or an HTTP status in one place each.
//!
//! Each use case has its file: [`status`], [`record`], [`import`],
//! [`history`], [`explain`], [`compare`], [`report`], [`check`],
//! [`funding`], [`iati`], [`init`], [`void`]; [`workspace`] finds and opens the
//! frameworks they work on.

pub mod check;
pub mod compare;
pub mod due;
pub mod evaluate;
pub mod explain;
pub mod funding;
pub mod history;
pub mod iati;
pub mod import;
pub mod init;
pub mod narrative;
pub mod portfolio;
pub mod record;
pub mod report;
pub mod review;
pub mod sheet;
pub mod status;
pub mod stories;
pub mod void;
pub mod whose;
pub mod workspace;

use chrono::{DateTime, Utc};

pub use crate::diag::FailureKind;
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::{Framework, Period};
use crate::source::Sources;

pub use workspace::{Opened, Workspace};

/// A use case that stopped: every diagnostic found on the way (warnings
/// included), the files they point into, and an optional closing note
/// ("nothing was imported: ...").
#[derive(Debug)]
pub struct Failure {
    pub kind: FailureKind,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
    pub note: Option<String>,
}

impl Failure {
    /// One usage or I/O error with no place in any file.
    pub fn usage(d: Diagnostic) -> Failure {
        Failure {
            kind: FailureKind::Usage,
            diagnostics: Diagnostics(vec![d]),
            sources: Sources::default(),
            note: None,
        }
    }

    /// Diagnostics that stop a use case: errors that point into a file are
    /// findings; errors with no place in any file (a file that cannot be
    /// read, a folder where a file should be) are usage or I/O.
    pub fn from_diagnostics(diagnostics: Diagnostics, sources: Sources) -> Failure {
        Failure {
            kind: kind_of(&diagnostics),
            diagnostics,
            sources,
            note: None,
        }
    }

    /// The same failure, after the warnings found before it.
    pub fn after(mut self, earlier: &Diagnostics, sources: &Sources) -> Failure {
        if self.sources.files().next().is_none() {
            self.sources = sources.clone();
        }
        let mut all = earlier.clone();
        all.extend(std::mem::take(&mut self.diagnostics));
        self.diagnostics = all;
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Failure {
        self.note = Some(note.into());
        self
    }
}

/// What diagnostics that stop a use case make of it: errors that point
/// into a file are findings; errors with no place in any file (a file that
/// cannot be read, a folder where a file should be) are usage or I/O.
/// Warnings alone are findings.
pub fn kind_of(diagnostics: &Diagnostics) -> FailureKind {
    let unlocated_only =
        diagnostics.has_errors() && diagnostics.0.iter().filter(|d| d.is_error()).all(|d| d.span.is_none());
    if diagnostics.is_empty() || unlocated_only {
        FailureKind::Usage
    } else {
        FailureKind::Findings
    }
}

/// A use case that produced its result, with the warnings (and, where a
/// result is still useful, the errors) found on the way.
#[derive(Debug)]
pub struct Done<T> {
    pub value: T,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
    /// The result was produced, but the input has errors to fix (exit 1).
    pub findings: bool,
}

impl<T> Done<T> {
    pub fn new(value: T, diagnostics: Diagnostics, sources: Sources) -> Done<T> {
        Done {
            value,
            diagnostics,
            sources,
            findings: false,
        }
    }
}

pub type Result<T> = std::result::Result<Done<T>, Failure>;

/// `--as-of DATE`, when given.
pub fn as_of(text: Option<&str>) -> std::result::Result<Option<DateTime<Utc>>, Failure> {
    text.map(crate::workspace::parse_as_of)
        .transpose()
        .map_err(Failure::usage)
}

/// A period named by the user (`--period`, `--from`, `--to`, a form field),
/// checked against the framework.
pub fn period(fw: &Framework, flag: &str, text: &str) -> std::result::Result<Period, Failure> {
    crate::workspace::parse_period_flag(fw, flag, text).map_err(Failure::usage)
}

/// A disaggregation named by the user (`--dim NAME=...`): its index in
/// `Framework::disaggregations`, or the list and the nearest name.
pub fn disaggregation(fw: &Framework, name: &str) -> std::result::Result<usize, Diagnostic> {
    let name = name.trim();
    fw.disaggregation_index(name).ok_or_else(|| {
        let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
        Diagnostic::unknown_choice("disaggregation", name, &names)
    })
}

/// A category named by the user (`--dim country=GT`): the disaggregation's
/// index and the category's, or the list and the nearest name.
pub fn category(fw: &Framework, name: &str, value: &str) -> std::result::Result<(usize, u16), Diagnostic> {
    let d = disaggregation(fw, name)?;
    let value = value.trim();
    let values: Vec<&str> = fw.disaggregations[d].values.iter().map(String::as_str).collect();
    match values.iter().position(|v| *v == value) {
        Some(i) => Ok((d, i as u16)),
        // A country written by name gets its code (`Guatemala` -> `GT`).
        None => Err(
            Diagnostic::unknown_choice(name.trim(), value, &values).hint(crate::ledger::row::category_hint(
                value,
                name.trim(),
                &fw.disaggregations[d].values,
            )),
        ),
    }
}

/// An indicator named by the user: its index, or the nearest id as a hint.
pub fn indicator(fw: &Framework, id: &str) -> std::result::Result<usize, Failure> {
    fw.indicator_index(id)
        .ok_or_else(|| Failure::usage(crate::workspace::unknown_indicator(fw, id)))
}
