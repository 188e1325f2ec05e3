//! `logframe sheet`'s question, and the web entry form's: what is due
//! from an enterer in a period, optionally for one country. The model and
//! its rules are in [`crate::evaluate::due`]; this use case reads the
//! period and the country the user named and fills the model from the
//! ledger.

use super::{Done, Failure, Opened, Result};
use crate::compute::Computed;
use crate::diag::{Diagnostic, did_you_mean};
use crate::model::{Framework, Period};

pub use crate::evaluate::due::{Due, DueCell, DueIndicator, InForce, Limit, due_indicators, is_due, prefill};

/// What to list: the period, and the country the enterer reports for.
#[derive(Debug, Default, Clone)]
pub struct Query {
    pub period: String,
    pub country: Option<String>,
}

/// `--country CC`: a category of the framework's `country` disaggregation.
fn country(fw: &Framework, text: &str) -> std::result::Result<(usize, String), Failure> {
    let Some(d) = fw.disaggregation_index("country") else {
        return Err(Failure::usage(
            Diagnostic::error(format!("{} is not broken down by country", fw.project.id))
                .expected("a framework with a `country` disaggregation")
                .found(format!("--country {text}"))
                .hint("drop --country: every value of this framework is entered for the whole project"),
        ));
    };
    let values = &fw.disaggregations[d].values;
    let code = text.trim().to_ascii_uppercase();
    if let Some(v) = values.iter().find(|v| v.eq_ignore_ascii_case(text.trim())) {
        return Ok((d, v.clone()));
    }
    Err(Failure::usage(
        Diagnostic::error(format!(
            "`{}` is not one of the countries of {}",
            text.trim(),
            fw.project.id
        ))
        .expected(format!("one of {}", values.join(", ")))
        .found(format!("--country {text}"))
        .hint(
            did_you_mean(&code, values.iter().map(String::as_str)).unwrap_or_else(|| match values.first() {
                Some(v) => format!("write the country as the framework names it, e.g. --country {v}"),
                None => "the framework's `country` disaggregation lists no country".into(),
            }),
        ),
    ))
}

/// A period values are due in: one of the project's reporting periods. A
/// day, a month or a year would ask for values that overlap the
/// reporting periods' own (a day inside a quarter is counted twice).
fn reporting_period(fw: &Framework, p: Period) -> std::result::Result<Period, Failure> {
    let periods = fw.reporting_periods();
    if periods.contains(&p) {
        return Ok(p);
    }
    let within = periods.iter().find(|w| w.start <= p.end && p.end <= w.end);
    Err(Failure::usage(
        Diagnostic::error(format!("{p} is not a reporting period of {}", fw.project.id))
            .expected(format!(
                "a {} reporting period, e.g. {}",
                fw.project.reporting_frequency,
                periods.last().map(|w| w.to_string()).unwrap_or_default()
            ))
            .found(format!("--period {p}"))
            .hint(match within {
                Some(w) => format!("did you mean {w}? values are due per reporting period"),
                None => "name one of the project's reporting periods".into(),
            }),
    ))
}

/// The values due in `q.period`, for `q.country` when given, each with the
/// value in force.
pub fn due(o: &Opened, q: &Query) -> Result<Due> {
    let fw = &o.framework;
    let all = o.warnings();
    let period = super::period(fw, "--period", &q.period)
        .and_then(|p| reporting_period(fw, p))
        .map_err(|f| f.after(&all, &o.sources))?;
    let country = q
        .country
        .as_deref()
        .map(|c| country(fw, c))
        .transpose()
        .map_err(|f| f.after(&all, &o.sources))?;
    let (computed, _) = Computed::new(fw, &o.ledger, &o.sources, None);
    let mine: Vec<String> = country.iter().map(|(_, c)| c.clone()).collect();
    let limit = country.as_ref().map(|(d, _)| (Some(*d), mine.as_slice()));
    let (mut indicators, skipped) = due_indicators(fw, &computed, &period, limit);
    prefill(&o.ledger, &period, &mut indicators);
    Ok(Done::new(
        Due {
            period,
            country: country.map(|(_, c)| c),
            indicators,
            skipped,
        },
        all,
        o.sources.clone(),
    ))
}
