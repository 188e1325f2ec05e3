//! Validating frameworks and their ledgers, and with `quality` the
//! data-quality rules (missing, late and outlying values, ...), as of a
//! date.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Done, Failure, Result, Workspace};
use crate::compute::Computed;
use crate::diag::Diagnostics;
use crate::source::Sources;

#[derive(Debug, Default, Clone)]
pub struct Query {
    /// One framework (default: every one of the workspace).
    pub framework: Option<String>,
    /// Also apply the data-quality rules.
    pub quality: bool,
    /// Days after a period's end by which its values are due (default:
    /// the project's `reporting_deadline_days`).
    pub deadline_days: Option<u32>,
    /// Read the ledger as it stood at the end of this date; with
    /// `quality`, values are due as of then.
    pub as_of: Option<String>,
}

/// What one framework holds, when it loads.
#[derive(Debug)]
pub struct Counts {
    pub id: String,
    pub results: usize,
    pub indicators: usize,
    pub ledger_rows: usize,
    /// The day the quality rules were applied as of, when asked.
    pub quality_on: Option<NaiveDate>,
    /// With `quality`: completeness, timeliness and consistency as figures.
    pub rates: Option<crate::compute::quality_rates::QualityRates>,
}

/// One framework checked.
#[derive(Debug)]
pub struct Checked {
    pub dir: PathBuf,
    pub counts: Option<Counts>,
    pub diagnostics: Diagnostics,
    pub sources: Sources,
}

pub fn check(ws: &Workspace, q: &Query) -> Result<Vec<Checked>> {
    let dirs = match q.framework.as_deref() {
        Some(a) => vec![ws.resolve(a)?],
        None => ws.some_frameworks()?,
    };
    let as_of = super::as_of(q.as_of.as_deref())?;
    let today = as_of
        .map_or_else(crate::ledger::write::now, Ok)
        .map_err(Failure::usage)?
        .date_naive();
    // Workspace-level: the standard indicators the frameworks report on.
    let mut std_sources = Sources::default();
    let standards = match q.framework {
        None => crate::load::standards::load(&ws.frameworks_dir(), &mut std_sources),
        Some(_) => None,
    };
    let mut out = Vec::new();
    for dir in dirs {
        let mut loaded = crate::workspace::load(&dir);
        let mut diags = std::mem::take(&mut loaded.diagnostics);
        let counts = match &loaded.framework {
            Some(fw) if !diags.has_errors() => {
                let (computed, d) = Computed::new(fw, &loaded.ledger, &loaded.sources, as_of);
                diags.extend(d);
                let rates = q.quality.then(|| {
                    let rules = crate::compute::quality::Rules {
                        deadline_days: q.deadline_days.unwrap_or(fw.project.reporting_deadline_days),
                        today,
                        now: Some(chrono::Utc::now()),
                    };
                    diags.extend(crate::compute::quality::findings(&computed, &loaded.sources, &rules));
                    crate::compute::quality_rates::rates(&computed, &rules)
                });
                let quality_on = rates.as_ref().map(|r| r.today);
                if let Some((Some(s), _)) = &standards {
                    diags.extend(crate::load::standards::check_framework(s, fw));
                }
                Some(Counts {
                    id: fw.project.id.clone(),
                    results: fw.results.len(),
                    indicators: fw.indicators.len(),
                    ledger_rows: loaded.ledger.len(),
                    quality_on,
                    rates,
                })
            }
            _ => None,
        };
        out.push(Checked {
            dir,
            counts,
            diagnostics: diags,
            sources: loaded.sources,
        });
    }
    if let Some((s, diagnostics)) = standards
        && (s.is_none() || !diagnostics.is_empty())
    {
        out.push(Checked {
            dir: ws.frameworks_dir().join(crate::load::standards::FILE),
            counts: None,
            diagnostics,
            sources: std_sources,
        });
    }
    Ok(Done::new(out, Diagnostics::default(), Sources::default()))
}
