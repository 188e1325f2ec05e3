//! `logframe history`: every row recorded for an indicator, in force or
//! superseded, with where it came from.

use clap::Args;

use super::terminal::{CLEAN, fail, finish, out, outln};
use crate::app::{Workspace, history};
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
            outln("no values recorded");
        } else {
            out(&render::history::history(
                &o.framework,
                &o.ledger,
                &o.sources,
                &t.rows,
                &t.in_force,
                &t.pending,
            ));
            outln(&format!(
                "{} row{}, {} in force, {} superseded",
                t.rows.len(),
                if t.rows.len() == 1 { "" } else { "s" },
                t.in_force.len(),
                t.rows.len() - t.in_force.len()
            ));
        }
        CLEAN
    })
}
