//! What a data-quality finding is about, as data rather than a sentence.
//!
//! `check --quality` prints each finding as a located diagnostic (file,
//! line, column, in English: the terminal's words); the donor report's
//! data-quality annex words the same finding in the report's language,
//! in plain terms and without file references. Both come from one run of
//! the checks ([`super::quality::located`]), so they never disagree.

use rust_decimal::Decimal;

use crate::diag::Diagnostic;
use crate::model::Period;

/// One finding: what it is about, and its located diagnostic.
#[derive(Debug, Clone)]
pub struct Located {
    pub finding: Finding,
    pub diag: Diagnostic,
}

/// A finding about the data. `indicator` is the index of the indicator in
/// the framework; `breakdown` the disaggregation values of the row
/// (`[women, PE]`), empty for a total.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// Reporting periods that are due and have no value.
    Missing { indicator: usize, periods: Vec<Period> },
    /// A value first recorded `days` days after its period ended.
    Late {
        indicator: usize,
        period: Period,
        breakdown: Vec<String>,
        days: i64,
    },
    /// A row whose recording time lies in the future.
    Future {
        indicator: usize,
        period: Period,
        breakdown: Vec<String>,
    },
    /// A period value far from the indicator's other period values.
    Outlier {
        indicator: usize,
        period: Period,
        value: Decimal,
        median: Decimal,
        /// Above the band (else below it).
        above: bool,
        /// The comment recorded with the value, if any: often the reason.
        comment: Option<String>,
    },
    /// A percentage outside 0-100.
    PercentOutside {
        indicator: usize,
        place: PercentPlace,
        value: Decimal,
    },
    /// Reporting periods with a value and no target in force.
    TargetMissing { indicator: usize, periods: Vec<Period> },
    /// Due reporting periods without expenditure.
    ExpenditureMissing { periods: Vec<Period> },
}

/// Where a percentage outside 0-100 was written.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentPlace {
    Baseline,
    /// A target for a period; `None` for the end-of-project target.
    Target(Option<Period>),
    /// A recorded value.
    Value {
        period: Period,
        breakdown: Vec<String>,
    },
}
