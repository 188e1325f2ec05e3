//! The risk register at a reporting period: each risk's rating now and
//! before the period began, the trend between the two, and the order the
//! report lists them in.
//!
//! The rule, stated once:
//! - an assessment is a likelihood and an impact (1-5 each); its rating is
//!   likelihood x impact (1-25), and its level is low (1-4), medium (5-9),
//!   high (10-16) or critical (20-25; 17-19 are not products of two
//!   figures 1-5);
//! - the rating *now* is the latest update whose period ends by the
//!   period's end, else the assessment written when the risk was
//!   identified;
//! - the rating *before* is the latest update whose period ends before the
//!   period starts (the last period's), else the identified assessment;
//! - the trend compares the two ratings (up, down, same), and a risk whose
//!   rating went up is flagged;
//! - the period's update is the latest one whose period ends within it;
//! - risks are listed by rating now, highest first, ties in the order the
//!   register writes them.

use serde::Serialize;

use crate::model::Period;
use crate::model::risks::{Risk, RiskUpdate, Risks};

/// Where a rating falls on the register's four levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn of(rating: u8) -> Level {
        match rating {
            0..=4 => Level::Low,
            5..=9 => Level::Medium,
            10..=16 => Level::High,
            _ => Level::Critical,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

/// Which way a rating moved since before the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    Same,
}

/// A likelihood and an impact, and what they make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Assessment {
    pub likelihood: u8,
    pub impact: u8,
    /// likelihood x impact, 1-25.
    pub rating: u8,
    pub level: Level,
    /// The update it comes from; `None` for the assessment made when the
    /// risk was identified.
    pub period: Option<Period>,
}

impl Assessment {
    pub fn new(likelihood: u8, impact: u8, period: Option<Period>) -> Assessment {
        let rating = likelihood * impact;
        Assessment {
            likelihood,
            impact,
            rating,
            level: Level::of(rating),
            period,
        }
    }
}

/// One risk at the period.
#[derive(Debug, Clone, Serialize)]
pub struct RiskAt<'a> {
    /// Index in the register.
    pub index: usize,
    #[serde(skip)]
    pub risk: &'a Risk,
    pub now: Assessment,
    pub before: Assessment,
    pub trend: Trend,
    /// The rating rose since before the period.
    pub rose: bool,
    /// The update written for the period, if any.
    #[serde(skip)]
    pub update: Option<&'a RiskUpdate>,
}

/// The latest update of `risk` whose period `keep` accepts.
fn latest(risk: &Risk, keep: impl Fn(&Period) -> bool) -> Option<&RiskUpdate> {
    risk.updates
        .iter()
        .filter(|u| keep(&u.period))
        .max_by_key(|u| (u.period.end, std::cmp::Reverse(u.period.start)))
}

fn assessment(risk: &Risk, u: Option<&RiskUpdate>) -> Assessment {
    match u {
        Some(u) => Assessment::new(u.likelihood, u.impact, Some(u.period)),
        None => Assessment::new(risk.likelihood, risk.impact, None),
    }
}

/// One risk at `period`.
pub fn risk_at<'a>(index: usize, risk: &'a Risk, period: &Period) -> RiskAt<'a> {
    let now = assessment(risk, latest(risk, |p| p.end <= period.end));
    let before = assessment(risk, latest(risk, |p| p.end < period.start));
    let trend = match now.rating.cmp(&before.rating) {
        std::cmp::Ordering::Greater => Trend::Up,
        std::cmp::Ordering::Less => Trend::Down,
        std::cmp::Ordering::Equal => Trend::Same,
    };
    RiskAt {
        index,
        risk,
        now,
        before,
        trend,
        rose: trend == Trend::Up,
        update: latest(risk, |p| period.contains_date(p.end)),
    }
}

/// The register at `period`, highest rating first.
pub fn register_at<'a>(risks: &'a Risks, period: &Period) -> Vec<RiskAt<'a>> {
    let mut out: Vec<RiskAt> = risks
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| risk_at(i, r, period))
        .collect();
    out.sort_by_key(|r| (std::cmp::Reverse(r.now.rating), r.index));
    out
}

#[cfg(test)]
#[path = "risks_tests.rs"]
pub(crate) mod tests;
