//! A loaded logframe: project facts, the results tree and its indicators.

use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::period::{FiscalYearStart, Frequency, Period};
pub use super::text::Text;
use crate::source::Span;

#[derive(Debug, Clone, Serialize)]
pub struct Project {
    pub id: String,
    /// Where `id:` is written; `None` when the id defaults to the folder name.
    #[serde(skip)]
    pub id_span: Option<Span>,
    pub iati_id: Option<String>,
    pub title: Text,
    pub short_name: Option<String>,
    pub description: Option<Text>,
    pub donor: Option<String>,
    pub implementer: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub currency: Option<String>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub budget: Option<Decimal>,
    pub countries: Vec<String>,
    pub language: String,
    #[serde(skip)]
    pub fiscal_year_start: Option<FiscalYearStart>,
    pub reporting_frequency: Frequency,
    /// Days after a period's end by which its values are due.
    pub reporting_deadline_days: u32,
    /// Values entered by an enterer are pending until an approver approves
    /// them; pending values do not count.
    pub approval: bool,
}

/// Values are due this many days after their period ends, unless the
/// project says otherwise.
pub const DEFAULT_DEADLINE_DAYS: u32 = 30;

impl Project {
    /// The project's whole life as a period.
    pub fn span(&self) -> Period {
        Period::days(self.start, self.end)
    }
}

/// Where status thresholds cut, in percent of the progress expected to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Thresholds {
    #[serde(with = "rust_decimal::serde::str")]
    pub on_track: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub at_risk: Decimal,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            on_track: Decimal::from(85),
            at_risk: Decimal::from(60),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Disaggregation {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResultNode {
    pub id: String,
    pub level: String,
    /// Position of `level` in the framework's `levels`.
    pub depth: usize,
    pub statement: Text,
    pub assumptions: Vec<Text>,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    pub indicators: Vec<usize>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorType {
    Count,
    Number,
    Percentage,
    Milestone,
    Qualitative,
}

impl IndicatorType {
    pub const NAMES: [&'static str; 5] = ["count", "number", "percentage", "milestone", "qualitative"];

    pub fn parse(s: &str) -> Option<IndicatorType> {
        Some(match s {
            "count" => IndicatorType::Count,
            "number" => IndicatorType::Number,
            "percentage" => IndicatorType::Percentage,
            "milestone" => IndicatorType::Milestone,
            "qualitative" => IndicatorType::Qualitative,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
}

/// How values of shorter periods combine into a longer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregate {
    Sum,
    Last,
    Max,
    Mean,
    /// A percentage pooled over every period so far: the sum of the
    /// numerators over the sum of the denominators (percentages only).
    Pooled,
}

impl Aggregate {
    pub const NAMES: [&'static str; 5] = ["sum", "last", "max", "mean", "pooled"];

    pub fn parse(s: &str) -> Option<Aggregate> {
        Some(match s {
            "sum" => Aggregate::Sum,
            "last" => Aggregate::Last,
            "max" => Aggregate::Max,
            "mean" => Aggregate::Mean,
            "pooled" => Aggregate::Pooled,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// How the value expected between the targets written in the logframe is
/// found (`target_rule:` of the framework, or of an indicator, which
/// overrides it). The written targets are the ones a donor agreed; between
/// them a project may be expected to progress steadily (interpolate) or
/// only to meet each target when it falls due (step).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpectedRule {
    /// Linearly by days between written targets (the default).
    #[default]
    Interpolate,
    /// The latest written target due by the date, held until the next one
    /// (before the first: the start value).
    Step,
}

impl ExpectedRule {
    pub const NAMES: [&'static str; 2] = ["interpolate", "step"];

    pub fn parse(s: &str) -> Option<ExpectedRule> {
        Some(match s {
            "interpolate" => ExpectedRule::Interpolate,
            "step" => ExpectedRule::Step,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// A target's period: a dated period or the end of the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TargetPeriod {
    #[serde(rename = "end")]
    End,
    #[serde(untagged)]
    Period(Period),
}

#[derive(Debug, Clone, Serialize)]
pub struct Target {
    pub period: TargetPeriod,
    /// The target figure: a number, a percentage (in percent), 1/0 for a
    /// milestone, or a score.
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Targets by category (`share:` and `by:`), in the order written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartTarget>,
    #[serde(skip)]
    pub span: Span,
}

/// What a category's part of a target states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartKind {
    /// `share: {sex: {women: 40}}`: at least 40 % of the total.
    Share,
    /// `by: {sex: {women: 150}}`: at least 150 of the total.
    Value,
}

/// One category's part of a target: at least `value` percent of the
/// total (a share) or at least `value` (a value), in a dimension the
/// indicator is disaggregated by.
#[derive(Debug, Clone, Serialize)]
pub struct PartTarget {
    pub kind: PartKind,
    /// Index into `Framework::disaggregations`.
    pub dimension: usize,
    /// Index into that disaggregation's `values`.
    pub category: usize,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    /// Where the figure is written.
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    pub date: Option<NaiveDate>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Scale {
    #[serde(with = "rust_decimal::serde::str")]
    pub min: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub max: Decimal,
}

/// The performance measurement framework columns.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pmf {
    pub definition: Option<Text>,
    pub data_source: Option<Text>,
    pub collection_method: Option<Text>,
    pub frequency: Option<Text>,
    pub responsible: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub title: Text,
    #[serde(rename = "type")]
    pub kind: IndicatorType,
    /// The unit in the project's language: what standards match and
    /// machine outputs (IATI) carry.
    pub unit: Option<String>,
    /// The unit with its translations, for the reader's pages
    /// ([`Indicator::unit_in`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_text: Option<Text>,
    pub direction: Direction,
    pub cumulative: bool,
    pub aggregate: Aggregate,
    pub baseline: Option<Baseline>,
    /// Dated targets, sorted by period end.
    pub targets: Vec<Target>,
    /// The life-of-project target (`period: end`).
    pub end_target: Option<Target>,
    /// Indexes into `Framework::disaggregations`.
    pub disaggregate_by: Vec<usize>,
    pub scale: Option<Scale>,
    pub pmf: Pmf,
    pub thresholds: Thresholds,
    /// The rule for the value expected between written targets: the
    /// indicator's `target_rule:`, else the framework's.
    pub target_rule: ExpectedRule,
    /// Index of the result this indicator measures.
    pub result: usize,
    /// How many targets the YAML lists (some may have been refused).
    #[serde(skip)]
    pub declared_targets: usize,
    /// The standard indicator it reports on (a code of frameworks/standards.yaml).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// Where `standard:` is written.
    #[serde(skip)]
    pub standard_span: Option<Span>,
    #[serde(skip)]
    pub span: Span,
}

impl Indicator {
    /// The unit in `lang`, falling back to the project's language.
    pub fn unit_in(&self, lang: &str) -> Option<&str> {
        match &self.unit_text {
            Some(t) => Some(t.get(lang)),
            None => self.unit.as_deref(),
        }
    }

    /// The value a cumulative or level indicator starts from: zero for a
    /// running total, the baseline for a level.
    pub fn start_value(&self) -> Decimal {
        if self.cumulative {
            Decimal::ZERO
        } else {
            self.baseline.as_ref().map_or(Decimal::ZERO, |b| b.value)
        }
    }

    pub fn has_baseline(&self) -> bool {
        self.baseline.is_some()
    }
}

/// Most disaggregations an indicator may use; keys stay small and `Copy`.
pub const MAX_DIMENSIONS: usize = 6;

#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    /// Folder holding logframe.yaml, measurements/, narrative/.
    #[serde(skip)]
    pub dir: PathBuf,
    pub project: Project,
    pub levels: Vec<String>,
    pub disaggregations: Vec<Disaggregation>,
    /// Results in logframe order (depth first); roots have no parent.
    pub results: Vec<ResultNode>,
    /// Indicators in logframe order.
    pub indicators: Vec<Indicator>,
    pub thresholds: Thresholds,
    /// `target_rule:` of the framework (default interpolate); an
    /// indicator's own overrides it.
    pub target_rule: ExpectedRule,
    /// The `funding:` section, if any.
    pub funding: Option<super::funding::Funding>,
    /// The risk register (`risks.yaml`), if any.
    pub risks: Option<super::risks::Risks>,
    /// The workplan (`workplan.yaml`), if any.
    pub workplan: Option<super::workplan::Workplan>,
}

impl Framework {
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| i.id == id)
    }

    pub fn disaggregation_index(&self, name: &str) -> Option<usize> {
        self.disaggregations.iter().position(|d| d.name == name)
    }

    /// The project's reporting periods, in order.
    pub fn reporting_periods(&self) -> Vec<Period> {
        super::period::reporting_periods(
            self.project.span(),
            self.project.reporting_frequency,
            self.project.fiscal_year_start,
        )
    }

    pub fn parse_period(&self, text: &str) -> Result<Period, super::period::PeriodError> {
        super::period::parse_period_in(
            text,
            self.project.fiscal_year_start,
            Some(self.project.reporting_frequency),
        )
    }
}
