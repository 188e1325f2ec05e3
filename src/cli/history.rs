//! `logframe history`: every row recorded for an indicator, in force or
//! superseded, with where it came from.

use clap::Args;

use crate::render;
use crate::terminal::{CLEAN, eprint as eprint_diags, open, out, usage};
use crate::workspace;

macro_rules! outln {
    ($($arg:tt)*) => { out(&(format!($($arg)*) + "\n")) };
}

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
    history(&a.framework, &a.indicator, a.period.as_deref(), a.as_of.as_deref())
}

fn history(arg: &str, indicator: &str, period: Option<&str>, as_of: Option<&str>) -> i32 {
    let (fw, loaded) = match open(arg) {
        Ok(x) => x,
        Err(c) => return c,
    };
    eprint_diags(&loaded.diagnostics, &loaded.sources);
    let Some(ix) = fw.indicator_index(indicator) else {
        return usage(workspace::unknown_indicator(&fw, indicator));
    };
    let as_of = match as_of.map(workspace::parse_as_of).transpose() {
        Ok(a) => a,
        Err(d) => return usage(d),
    };
    let period = match period.map(|p| workspace::parse_period_arg(&fw, p)).transpose() {
        Ok(p) => p,
        Err(d) => return usage(d),
    };
    let ledger = &loaded.ledger;
    let keep = |i: &u32| {
        let e = &ledger.entries[*i as usize];
        e.indicator as usize == ix && period.is_none_or(|p| p.contains(&e.period))
    };
    let trail: Vec<u32> = ledger.trail(as_of).into_iter().filter(keep).collect();
    let mut in_force: Vec<u32> = ledger.current(as_of).into_iter().filter(keep).collect();
    in_force.sort_unstable();
    let ind = &fw.indicators[ix];
    outln!("{} {}", ind.id, ind.title.default);
    if trail.is_empty() {
        outln!("no values recorded");
    } else {
        out(&render::history::history(
            &fw,
            ledger,
            &loaded.sources,
            &trail,
            &in_force,
        ));
        outln!(
            "{} row{}, {} in force, {} superseded",
            trail.len(),
            if trail.len() == 1 { "" } else { "s" },
            in_force.len(),
            trail.len() - in_force.len()
        );
    }
    CLEAN
}
