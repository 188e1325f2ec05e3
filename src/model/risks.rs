//! The risk register (`frameworks/<name>/risks.yaml`): what the team fears,
//! how likely and how grave on the usual 1-5 scales, what it does about it,
//! and a dated reassessment per reporting period. Its own file beside the
//! logframe because the team rewrites it every period while the logframe
//! stays fixed.

use serde::Serialize;

use super::Period;
use super::text::Text;
use crate::source::Span;

/// What kind of risk: the categories donors' risk registers share
/// (Global Affairs Canada, the EU and UN agencies group risks this way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskCategory {
    Operational,
    Political,
    Security,
    Financial,
    Fiduciary,
    Reputational,
    Environmental,
    /// Gender and social risks (harm to, or exclusion of, the people served).
    Social,
}

impl RiskCategory {
    pub const NAMES: [&'static str; 8] = [
        "operational",
        "political",
        "security",
        "financial",
        "fiduciary",
        "reputational",
        "environmental",
        "social",
    ];

    const ALL: [RiskCategory; 8] = [
        RiskCategory::Operational,
        RiskCategory::Political,
        RiskCategory::Security,
        RiskCategory::Financial,
        RiskCategory::Fiduciary,
        RiskCategory::Reputational,
        RiskCategory::Environmental,
        RiskCategory::Social,
    ];

    pub fn parse(s: &str) -> Option<RiskCategory> {
        let i = Self::NAMES.iter().position(|n| *n == s)?;
        Some(Self::ALL[i])
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// The register: risks in the order written.
#[derive(Debug, Clone, Serialize)]
pub struct Risks {
    pub risks: Vec<Risk>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Risk {
    pub id: String,
    pub statement: Text,
    pub category: RiskCategory,
    /// As assessed when the risk was identified, 1-5.
    pub likelihood: u8,
    pub impact: u8,
    pub mitigation: Text,
    pub owner: Option<Text>,
    /// Results (ids of the logframe) the risk threatens.
    pub results: Vec<String>,
    /// Reassessments, in the order written.
    pub updates: Vec<RiskUpdate>,
    #[serde(skip)]
    pub span: Span,
    /// Where each linked result id is written.
    #[serde(skip)]
    pub result_spans: Vec<Span>,
}

/// A reassessment of a risk for a reporting period.
#[derive(Debug, Clone, Serialize)]
pub struct RiskUpdate {
    pub period: Period,
    pub likelihood: u8,
    pub impact: u8,
    pub text: Text,
    #[serde(skip)]
    pub span: Span,
}
