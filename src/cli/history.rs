//! `logframe history`: every row recorded for an indicator, in force or
//! superseded, with where it came from.

use clap::Args;

use super::terminal::{CLEAN, fail, finish, out, outln};
use crate::app::{Workspace, history};
use crate::locale::{term, term_message};
use crate::render;

/// The trail of values recorded for an indicator, corrections included
#[derive(Debug, Args)]
pub struct HistoryArgs {
    pub framework: String,
    pub indicator: String,
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long)]
    pub as_of: Option<String>,
}

pub fn run(a: HistoryArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let q = history::Query {
        indicator: a.indicator,
        period: a.period,
        as_of: a.as_of,
    };
    finish(history::history(&o, &q), |t| {
        let ind = &o.framework.indicators[t.indicator];
        outln(&format!("{} {}", ind.id, ind.title.default));
        if t.rows.is_empty() {
            outln(term("history-none"));
        } else {
            out(&render::history::history(
                &o.framework,
                &o.ledger,
                &o.sources,
                &t.rows,
                &t.states,
            ));
            // Withdrawals (`logframe void`) are counted apart.
            let withdrawn = t
                .states
                .iter()
                .filter(|s| matches!(s, crate::ledger::review::RowState::Void { .. }))
                .count();
            let counts = term_message(
                "history-counts",
                [
                    ("rows", t.rows.len().into()),
                    ("in_force", t.in_force.len().to_string().into()),
                    (
                        "superseded",
                        (t.rows.len() - t.in_force.len() - withdrawn).to_string().into(),
                    ),
                ],
            );
            if withdrawn > 0 {
                let w = term_message("history-withdrawn", [("n", withdrawn.to_string().into())]);
                outln(&format!("{counts}, {w}"));
            } else {
                outln(&counts);
            }
        }
        CLEAN
    })
}
