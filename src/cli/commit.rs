//! What a `record` or `import` did, on stdout: counts of new rows,
//! corrections and unchanged ones, and each value kept in the trail but
//! not in force; or why nothing was written.

use super::terminal::{CLEAN, finish, out};
use crate::app;
use crate::ledger::write::Outcome;
use crate::model::Framework;

pub fn show(fw: &Framework, result: app::Result<Outcome>, dry_run: bool) -> i32 {
    finish(result, |o| {
        out(&summary(fw, o, dry_run));
        CLEAN
    })
}

/// The lines printed after a write.
pub fn summary(fw: &Framework, o: &Outcome, dry_run: bool) -> String {
    let older = if o.older > 0 {
        format!(", {} older than the value in force (kept in the history)", o.older)
    } else {
        String::new()
    };
    let mut text = format!(
        "{}{}: {} new, {} correction{}, {} unchanged{older}\n",
        if dry_run { "dry run, nothing written: " } else { "" },
        fw.project.id,
        o.added,
        o.corrections,
        if o.corrections == 1 { "" } else { "s" },
        o.unchanged
    );
    let mut review = Vec::new();
    for (n, what) in [
        (o.pending, "waiting for review"),
        (o.approved, "approved"),
        (o.rejected, "rejected"),
    ] {
        if n > 0 {
            review.push(format!("{n} {what}"));
        }
    }
    if !review.is_empty() {
        text.push_str(&format!("  {}\n", review.join(", ")));
    }
    for k in &o.kept {
        text.push_str(&format!(
            "  {} = {}: kept in the trail, not in force; {} stays in force \
             (recorded {} by {}, {})\n",
            k.what, k.value, k.in_force_value, k.in_force_at, k.in_force_by, k.in_force_at_place
        ));
    }
    text
}
