//! The workplan (`frameworks/<name>/workplan.yaml`): the activities that
//! deliver the outputs, when they are planned and where they stand. Written
//! by the team as it goes (the status is the team's latest word), beside the
//! logframe, which it links to by result id.

use chrono::NaiveDate;
use serde::Serialize;

use super::text::Text;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    UnderWay,
    Done,
    Delayed,
    Cancelled,
}

impl ActivityStatus {
    pub const NAMES: [&'static str; 5] = ["planned", "under_way", "done", "delayed", "cancelled"];

    const ALL: [ActivityStatus; 5] = [
        ActivityStatus::Planned,
        ActivityStatus::UnderWay,
        ActivityStatus::Done,
        ActivityStatus::Delayed,
        ActivityStatus::Cancelled,
    ];

    /// `under way` and `under-way` are read as `under_way`.
    pub fn parse(s: &str) -> Option<ActivityStatus> {
        let s = s.replace([' ', '-'], "_");
        let i = Self::NAMES.iter().position(|n| *n == s)?;
        Some(Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Delayed and cancelled activities must say why.
    pub fn needs_reason(self) -> bool {
        matches!(self, ActivityStatus::Delayed | ActivityStatus::Cancelled)
    }

    /// Nothing is left to do: done or cancelled.
    pub fn closed(self) -> bool {
        matches!(self, ActivityStatus::Done | ActivityStatus::Cancelled)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Workplan {
    pub activities: Vec<Activity>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Activity {
    pub id: String,
    pub title: Text,
    /// The result (usually an output) the activity delivers.
    pub result: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: ActivityStatus,
    /// Why it is delayed or cancelled (or any other note).
    pub reason: Option<Text>,
    pub actual_end: Option<NaiveDate>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub result_span: Option<Span>,
    #[serde(skip)]
    pub dates_span: Span,
}
