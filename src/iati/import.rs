//! An IATI activity -> a framework folder (logframe.yaml and
//! measurements/iati.csv holding the actuals).
//!
//! Any IATI 2.0x activity file is accepted. Without logframe's extension
//! attributes (see the module above) an indicator becomes a level: its
//! actual in each IATI period is the value recorded for that period, its
//! latest actual is the value to date (`cumulative: false, aggregate:
//! last`). With them, the export of a framework comes back with the same
//! types and rules, and a running total published as periods from the
//! project start is turned back into the value of each reporting period.
//!
//! What does not come back: result nesting (results are imported flat, with
//! their levels), assumptions, the PMF columns other than the definition,
//! targets other than the target in force at each reporting period's end,
//! status thresholds, ledger comments, sources and the correction trail
//! (one row per value, recorded at the activity's `last-updated-datetime`).
//!
//! This module reads: the XML (in one pass, in time linear in the file's
//! size) into an [`Activity`];
//! [`super::generate`] writes it, through serialisers only.
//!
//! The reading is split by what it reads: [`xml`] (the element tree), [`choose`] (which activity), [`read_activity`] (the activity's
//! own fields), [`read_results`] (results, indicators, periods), into the
//! values of [`activity`]; [`text`] holds the small conversions they share.

mod activity;
mod choose;
mod ctx;
mod read_activity;
mod read_results;
mod text;
mod xml;

pub(crate) use activity::{Activity, Dims, Figure, IatiPeriod, Imported, ImportedIndicator, ImportedResult, Texts};
pub(crate) use read_activity::period_ends;
pub(crate) use text::{one_line, period_label, slug};

use crate::diag::{Diagnostic, Diagnostics};
use crate::source::{FileId, Span};
use choose::choose_activity;
use ctx::Ctx;
use read_activity::read_activity;
use xml::parse;

/// How an import failed: the file's content (exit 1), or how it was asked
/// for, e.g. several activities and no `--activity` (exit 2).
#[derive(Debug)]
pub(crate) struct ImportError {
    pub diagnostic: Diagnostic,
    pub usage: bool,
}

impl From<Diagnostic> for ImportError {
    fn from(diagnostic: Diagnostic) -> ImportError {
        ImportError {
            diagnostic,
            usage: false,
        }
    }
}

/// Read one activity of `xml`: `want`, else the file's only one (several
/// without `want` is a usage error listing them), with the warnings met on
/// the way. `file` names the document in messages; `id` is its text in the
/// [`crate::source::Sources`] that errors are located in. Reading only:
/// `generate::framework` turns the activity into a framework.
pub(crate) fn read(
    xml: &str,
    want: Option<&str>,
    file: &str,
    id: FileId,
) -> Result<(Activity, Diagnostics), ImportError> {
    if xml.trim().is_empty() {
        let what = if xml.is_empty() {
            "the file is empty"
        } else {
            "the file holds only blank space"
        };
        return Err(
            Diagnostic::error(format!("{file} is not an IATI activity file: {what}"))
                .at(Span::new(id, 0, 0))
                .label(what)
                .expected("an `iati-activities` document (XML)")
                .found(what)
                .hint("export the activity from the IATI registry or d-portal as XML")
                .into(),
        );
    }
    let doc = parse(xml, id)?;
    let (root, act) = choose_activity(&doc, want, file, id)?;
    let ctx = Ctx::new(root, act, id);
    let activity = read_activity(&ctx, act)?;
    Ok((activity, ctx.warnings.into_inner()))
}
