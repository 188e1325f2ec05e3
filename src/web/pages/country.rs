//! One country's figures on the dashboard (`/f/{fw}?country=GT`): the very
//! table of `logframe status FW --dim country=GT` (`app::status` with the
//! category, nothing recomputed here), with the country by its name in the
//! reader's language. A user limited to countries sees her first country
//! by default, with a link to the whole project (`?country=all`).

use serde::Serialize;

use super::grid::place_name;
use crate::app::{self, status};
use crate::locale::{self, Lang};
use crate::model::Framework;
use crate::users::User;
use crate::web::engine::EngineError;

/// `country=all`: the whole project, for a user whose default is a country.
pub const WHOLE: &str = "all";

/// A country of the framework, for the drop-down and the heading.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub code: String,
    /// `Guatemala (GT)`.
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct CountryView {
    pub code: String,
    pub name: String,
    pub rows: Vec<Row>,
    /// The indicators not broken down by country: only the whole project
    /// has their figures.
    pub not_broken_down: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub period_actual: String,
    pub to_date_actual: String,
}

/// The framework's countries (its `country` disaggregation), by name.
pub fn choices(fw: &Framework, lang: Lang) -> Vec<Choice> {
    let Some(d) = fw.disaggregation_index("country") else {
        return Vec::new();
    };
    fw.disaggregations[d]
        .values
        .iter()
        .map(|c| Choice {
            code: c.clone(),
            name: place_name(lang, "country", c),
        })
        .collect()
}

/// The country shown: the one asked for (`all` or empty: none), else the
/// user's first country when the framework is broken down by it.
pub fn chosen(fw: &Framework, user: &User, asked: Option<&str>) -> Option<String> {
    match asked.map(str::trim) {
        Some(a) if a.is_empty() || a.eq_ignore_ascii_case(WHOLE) => None,
        Some(a) => Some(a.to_string()),
        None => {
            let d = fw.disaggregation_index("country")?;
            user.countries
                .iter()
                .find(|c| fw.disaggregations[d].values.contains(c))
                .cloned()
        }
    }
}

/// `status --dim country=CODE` at `period`, for the page.
pub fn view(o: &app::Opened, period: Option<&str>, code: &str, lang: Lang) -> Result<CountryView, EngineError> {
    let q = status::Query {
        period: period.filter(|p| !p.is_empty()).map(str::to_string),
        categories: vec![("country".to_string(), code.to_string())],
        ..Default::default()
    };
    let table = status::status(o, &q).map_err(EngineError::from_failure)?.value;
    let fw = &o.framework;
    let figure = |v: Option<&crate::model::Value>| v.map(|v| locale::value(lang, v)).unwrap_or_default();
    let rows = table
        .indicators
        .iter()
        .map(|p| Row {
            title: fw
                .indicator_index(&p.indicator)
                .map(|i| fw.indicators[i].title.get(lang.code()).to_string())
                .unwrap_or_default(),
            id: p.indicator.clone(),
            period_actual: figure(p.period_actual.as_ref()),
            to_date_actual: figure(p.to_date_actual.as_ref()),
        })
        .collect();
    Ok(CountryView {
        code: code.to_string(),
        name: place_name(lang, "country", code),
        rows,
        not_broken_down: table.category.map(|c| c.not_broken_down).unwrap_or_default(),
    })
}
