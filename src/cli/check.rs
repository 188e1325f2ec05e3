//! `logframe check`: validate frameworks and their ledgers, and with
//! `--quality` the data-quality rules, as of a date.

use clap::Args;

use super::terminal::{CLEAN, eprint, finish, outln};
use crate::app::{self, Workspace, check};
use crate::locale::term_message;

/// Validate frameworks and their ledgers (all under ./frameworks when none is named)
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: Option<String>,
    /// Also report data-quality findings (missing, late and outlying values, percentages outside 0-100, periods without targets) and the completeness, timeliness and consistency rates
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
    let q = check::Query {
        framework: a.framework,
        quality: a.quality,
        deadline_days: a.deadline_days,
        as_of: a.as_of,
    };
    finish(check::check(&Workspace::current(), &q), |checked| {
        let mut code = CLEAN;
        for c in checked {
            let summary = match &c.counts {
                Some(n) => {
                    let mut s = term_message(
                        "check-counts",
                        [
                            ("id", n.id.to_string().into()),
                            ("results", n.results.to_string().into()),
                            ("indicators", n.indicators.to_string().into()),
                            ("rows", n.ledger_rows.to_string().into()),
                        ],
                    );
                    if let Some(day) = n.quality_on {
                        s.push_str(", ");
                        s.push_str(&term_message("check-quality", [("day", day.to_string().into())]));
                    }
                    s
                }
                None => c.dir.display().to_string(),
            };
            eprint(&c.diagnostics, &c.sources);
            if c.diagnostics.is_empty() {
                outln(&term_message("check-ok", [("summary", summary.into())]));
            } else {
                outln(&term_message(
                    "check-findings",
                    [
                        ("summary", summary.into()),
                        ("errors", c.diagnostics.errors().into()),
                        ("warnings", c.diagnostics.warnings().into()),
                    ],
                ));
                code = code.max(super::terminal::code(app::kind_of(&c.diagnostics)));
            }
            if let Some(r) = c.counts.as_ref().and_then(|n| n.rates.as_ref()) {
                for line in crate::render::quality::rates_lines(r) {
                    outln(&format!("  {line}"));
                }
            }
        }
        code
    })
}
