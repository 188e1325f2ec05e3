//! Where each row of an indicator's trail stands, review included: in
//! force or superseded, waiting for review, approved or rejected (by whom,
//! and why). Worked out once here; the terminal's `history` and the web's
//! indicator page each word it.

use super::Ledger;
use super::row::Review;

/// Where a row of the trail stands: in force or superseded, and where
/// review applies, waiting, approved or rejected (by whom, and why).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowState {
    InForce,
    Superseded,
    /// An approval row: it counts from its time.
    Approved {
        by: String,
        in_force: bool,
    },
    /// A rejection row: it never counts.
    Rejection {
        by: String,
        note: String,
    },
    /// A pending row still in the queue.
    Waiting,
    /// A pending row, then approved.
    EnteredApproved {
        by: String,
    },
    /// A pending row, then rejected.
    EnteredRejected {
        by: String,
        note: String,
    },
    /// A pending row replaced before anyone decided on it.
    EnteredNotReviewed,
    /// A withdrawal (`logframe void`): by whom, and why.
    Void {
        by: String,
        reason: String,
    },
}

impl RowState {
    /// `in_force`, `superseded`, `pending`, `approved`, `rejected`, `void`: a class
    /// for a page's styling.
    pub fn class(&self) -> &'static str {
        match self {
            RowState::InForce => "in_force",
            RowState::Approved { .. } => "approved",
            RowState::Rejection { .. } => "rejected",
            RowState::Waiting => "pending",
            RowState::Void { .. } => "void",
            _ => "superseded",
        }
    }
}

/// The state of row `i` of `trail`.
pub fn state(ledger: &Ledger, trail: &[u32], in_force: &[u32], pending: &[u32], i: u32) -> RowState {
    let e = ledger.entry(i);
    let text = |x: u32| ledger.str(x).unwrap_or("").to_string();
    let force = in_force.binary_search(&i).is_ok();
    match e.review {
        Review::None if force => RowState::InForce,
        Review::None => RowState::Superseded,
        Review::Approved => RowState::Approved {
            by: text(e.reviewed_by),
            in_force: force,
        },
        Review::Rejected => RowState::Rejection {
            by: text(e.reviewed_by),
            note: text(e.review_note),
        },
        Review::Void => RowState::Void {
            by: text(e.recorded_by),
            reason: text(e.review_note),
        },
        Review::Pending if pending.contains(&i) => RowState::Waiting,
        Review::Pending => {
            let decision = trail.iter().map(|&j| ledger.entry(j)).find(|d| {
                d.key() == e.key()
                    && d.review_of.is_some()
                    && d.review_of == e.recorded_at
                    && matches!(d.review, Review::Approved | Review::Rejected)
            });
            match decision {
                Some(d) if d.review == Review::Approved => RowState::EnteredApproved {
                    by: text(d.reviewed_by),
                },
                Some(d) => RowState::EnteredRejected {
                    by: text(d.reviewed_by),
                    note: text(d.review_note),
                },
                None => RowState::EnteredNotReviewed,
            }
        }
    }
}
