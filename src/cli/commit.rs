//! What a `record` or `import` did, on stdout: counts of new rows,
//! corrections and unchanged ones, one line per value written (indicator,
//! period, breakdown, old -> new), and each value kept in the trail but
//! not in force; or why nothing was written.

use super::terminal::{CLEAN, finish, out};
use crate::app;
use crate::ledger::write::{ChangeKind, Outcome};
use crate::locale::{term, term_message};
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
        format!(
            ", {}",
            term_message("commit-older", [("n", o.older.to_string().into())])
        )
    } else {
        String::new()
    };
    let dry = if dry_run {
        format!("{}: ", term("commit-dry-run"))
    } else {
        String::new()
    };
    let counts = term_message(
        "commit-counts",
        [
            ("project", fw.project.id.as_str().into()),
            ("added", o.added.to_string().into()),
            ("corrections", o.corrections.into()),
            ("unchanged", o.unchanged.to_string().into()),
        ],
    );
    let mut text = format!("{dry}{counts}{older}\n");
    let mut review = Vec::new();
    for (n, id) in [
        (o.pending, "commit-pending"),
        (o.approved, "commit-approved"),
        (o.rejected, "commit-rejected"),
        (o.voided, "commit-voided"),
    ] {
        if n > 0 {
            review.push(term_message(id, [("n", n.to_string().into())]));
        }
    }
    if !review.is_empty() {
        text.push_str(&format!("  {}\n", review.join(", ")));
    }
    for c in &o.changes {
        let what = ("what", c.what.clone().into());
        let new = ("new", c.new.clone().into());
        let line = match (c.kind, &c.old) {
            (ChangeKind::Void, old) => term_message(
                "commit-row-void",
                [what, ("old", old.clone().unwrap_or_else(|| c.new.clone()).into())],
            ),
            (ChangeKind::Waiting, _) => term_message("commit-row-waiting", [what, new]),
            (ChangeKind::InForce, None) => term_message("commit-row-new", [what, new]),
            (ChangeKind::InForce, Some(old)) if *old == c.new => term_message("commit-row-comment", [what, new]),
            (ChangeKind::InForce, Some(old)) => {
                term_message("commit-row-correction", [what, ("old", old.clone().into()), new])
            }
        };
        text.push_str(&format!("  {line}\n"));
    }
    for k in &o.kept {
        let kept = term_message(
            "commit-kept",
            [
                ("what", k.what.to_string().into()),
                ("value", k.value.to_string().into()),
                ("in_force", k.in_force_value.to_string().into()),
                ("at", k.in_force_at.to_string().into()),
                ("by", k.in_force_by.to_string().into()),
                ("place", k.in_force_at_place.to_string().into()),
            ],
        );
        text.push_str(&format!("  {kept}\n"));
    }
    text
}
