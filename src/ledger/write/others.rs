//! Whose value is it: a correction that would replace a value someone else
//! recorded (its `recorded_by` differs from the writer's) is refused unless
//! the writer says `--replace`, naming who recorded the value, when, and
//! the value itself. A colleague's figure is then never overwritten by
//! accident (issue 17: the Honduras officer's value replaced Guatemala's as
//! "1 correction"). Values without a known recorder (blank or `unknown`),
//! rows of one's own, rows that keep the value (a comment changed), values
//! sent for review (the reviewer decides), decisions and withdrawals are
//! not held back.

use rustc_hash::FxHashSet;

use super::classify::describe;
use super::new_row::{NewRow, line_span};
use super::overlaps::in_force_of;
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{Review, timestamp_text};
use crate::ledger::{Ledger, origin_text};
use crate::model::Framework;
use crate::source::Sources;

/// The rows that would replace, without `--replace`, a value in force
/// recorded by someone else.
pub(super) fn others_values(fw: &Framework, ledger: &Ledger, sources: &Sources, rows: &[NewRow]) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let held: Vec<&NewRow> = rows.iter().filter(|r| !r.replace && r.review == Review::None).collect();
    if held.is_empty() {
        return diags;
    }
    let groups: FxHashSet<_> = held.iter().map(|r| (r.parsed.indicator, r.parsed.dims)).collect();
    let in_force = in_force_of(ledger, &groups);
    for row in held {
        let Some(e) = in_force.get(&row.key()) else { continue };
        let by = ledger.str(e.recorded_by).unwrap_or("").trim();
        // Only a different value is held back: a row that changes the
        // comment alone (a workbook filled in again) replaces no figure.
        let unchanged = e.value == row.parsed.value;
        // A row dated before the value in force does not replace it.
        let older = e.recorded_at > Some(row.at);
        if by.is_empty() || by == "unknown" || by == row.recorded_by.trim() || unchanged || older {
            continue;
        }
        let what = describe(fw, row);
        let when = e
            .recorded_at
            .map(timestamp_text)
            .unwrap_or_else(|| "an undated row".into());
        let old = crate::format::value(&e.value);
        let new = crate::format::value(&row.parsed.value);
        let place = origin_text(sources, e.origin);
        let message = match &row.from {
            Some(from) => format!(
                "{} would replace {what} = {old}, recorded by {by} ({when}, {place})",
                from.name
            ),
            None => format!("{what} = {old} was recorded by {by} ({when}, {place})"),
        };
        let at = row.span(sources).unwrap_or_else(|| line_span(sources, e.origin));
        diags.push(
            Diagnostic::error(message)
                .at(at)
                .expected(format!("--replace to replace a value {by} recorded"))
                .found(format!("{old} by {by}, then {new} by {}", row.recorded_by))
                .hint(format!(
                    "check with {by} that {new} is right, then record or import again with --replace; \
                     if the value belongs to another breakdown, give its --dim"
                )),
        );
    }
    diags
}
