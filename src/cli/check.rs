//! `logframe check`: validate frameworks and their ledgers, and with
//! `--quality` the data-quality rules, as of a date.

use std::path::Path;

use clap::Args;

use crate::compute::Computed;
use crate::diag::Diagnostic;
use crate::ledger::write::now;
use crate::terminal::{CLEAN, eprint as eprint_diags, out, usage};
use crate::workspace;

macro_rules! outln {
    ($($arg:tt)*) => { out(&(format!($($arg)*) + "\n")) };
}

/// Validate frameworks and their ledgers (all under ./frameworks when none is named)
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: Option<String>,
    /// Also report data-quality findings: missing, late and outlying values, percentages outside 0-100, periods without targets
    #[arg(long)]
    pub quality: bool,
    /// With --quality: days after a period's end by which its values are due (default: the project's reporting_deadline_days, else 30)
    #[arg(long, requires = "quality")]
    pub deadline_days: Option<u32>,
    /// Read the ledger as it stood at the end of this date (YYYY-MM-DD); with --quality, values are due as of then
    #[arg(long)]
    pub as_of: Option<String>,
}

pub fn run(a: CheckArgs) -> i32 {
    check(a.framework.as_deref(), a.quality, a.deadline_days, a.as_of.as_deref())
}

/// `check [--quality] [--as-of DATE]`: validation, plus the data-quality
/// rules when `quality` is set (deadline: the flag, else the project's). With `--as-of` the ledger
/// is read as it stood that day, and that day is "today" for what is due.
fn check(arg: Option<&str>, quality: bool, deadline_days: Option<u32>, as_of: Option<&str>) -> i32 {
    let dirs = match arg {
        Some(a) => match workspace::resolve(a) {
            Ok(d) => vec![d],
            Err(d) => return usage(d),
        },
        None => {
            let all = workspace::list_frameworks(Path::new("frameworks"));
            if all.is_empty() {
                return usage(Diagnostic::error("no frameworks under ./frameworks").hint(
                    "run from the workspace folder, name a framework folder, or create one with `logframe init NAME`",
                ));
            }
            all
        }
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let today = match as_of.map_or_else(now, Ok) {
        Ok(t) => t.date_naive(),
        Err(d) => return usage(d),
    };
    let mut code = CLEAN;
    for dir in dirs {
        let mut loaded = workspace::load(&dir);
        let mut diags = std::mem::take(&mut loaded.diagnostics);
        let summary = match &loaded.framework {
            Some(fw) if !diags.has_errors() => {
                let (computed, d) = Computed::new(fw, &loaded.ledger, &loaded.sources, as_of);
                diags.extend(d);
                let mut summary = format!(
                    "{}: {} results, {} indicators, {} ledger rows",
                    fw.project.id,
                    fw.results.len(),
                    fw.indicators.len(),
                    loaded.ledger.entries.len()
                );
                if quality {
                    let deadline_days = deadline_days.unwrap_or(fw.project.reporting_deadline_days);
                    let rules = crate::compute::quality::Rules {
                        deadline_days,
                        today,
                        now: Some(chrono::Utc::now()),
                    };
                    diags.extend(crate::compute::quality::findings(&computed, &loaded.sources, &rules));
                    summary.push_str(&format!(", quality checked on {today}"));
                }
                summary
            }
            _ => dir.display().to_string(),
        };
        eprint_diags(&diags, &loaded.sources);
        if diags.is_empty() {
            outln!("{summary}: ok");
        } else {
            let n = |k: usize, what: &str| format!("{k} {what}{}", if k == 1 { "" } else { "s" });
            outln!(
                "{summary}: {}, {}",
                n(diags.errors(), "error"),
                n(diags.warnings(), "warning")
            );
            code = code.max(crate::terminal::exit_code(&diags));
        }
    }
    code
}
