//! The report's risk register: [`crate::compute::risks`] at the period,
//! turned into a table (highest rating first), a line for the risks whose
//! rating rose, and each risk's update, mitigation and owner. Nothing is
//! computed here; ratings, levels, trends and the order come from compute.
//!
//! Where it stands: after the gender equality results and before the
//! workplan and the narrative, in both layouts (`report::outline`). Global
//! Affairs Canada's narrative report asks for risks and their mitigation
//! right after the results, and the team's prose comes last so that it can
//! refer to the register the reader has just seen. Without `risks.yaml`
//! there is no section, and the narrative's own risks stay as written.

use serde::Serialize;

use super::Table;
use crate::compute::risks::{Level, RiskAt, Trend, register_at};
use crate::locale::{self, Lang, message};
use crate::model::risks::RiskCategory;
use crate::model::{Framework, Period};

#[derive(Debug, Serialize)]
pub struct RiskSection {
    /// How ratings are made and compared, in a sentence or two.
    pub intro: String,
    /// The risks whose rating rose, or that none did.
    pub rising: String,
    pub table: Table,
    pub risks: Vec<RiskRow>,
}

/// One risk at the period, in the register's order.
#[derive(Debug, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub statement: String,
    pub category: RiskCategory,
    pub category_label: String,
    pub likelihood: u8,
    pub impact: u8,
    pub rating: u8,
    pub level: Level,
    /// `16 (high)`.
    pub rating_label: String,
    pub before_rating: u8,
    pub before_level: Level,
    pub before_label: String,
    pub trend: Trend,
    /// ↑, ↓ or →.
    pub arrow: &'static str,
    /// up, down, unchanged.
    pub trend_label: String,
    pub rose: bool,
    /// The period's update, or that there is none.
    pub update: String,
    pub has_update: bool,
    pub mitigation: String,
    pub owner: Option<String>,
    /// Linked result ids, joined: `1100, 1200`.
    pub results: Option<String>,
}

pub fn arrow(t: Trend) -> &'static str {
    match t {
        Trend::Up => "↑",
        Trend::Down => "↓",
        Trend::Same => "→",
    }
}

fn trend_name(t: Trend) -> &'static str {
    match t {
        Trend::Up => "up",
        Trend::Down => "down",
        Trend::Same => "same",
    }
}

fn rating(lang: Lang, rating: u8, level: Level) -> String {
    message(
        lang,
        "risk-rating",
        [
            ("rating", rating.to_string().into()),
            (
                "level",
                locale::text(lang, &format!("risk-level-{}", level.name())).into(),
            ),
        ],
    )
}

/// The section, when the framework has a risk register.
pub(super) fn section(fw: &Framework, period: &Period, lang: Lang) -> Option<RiskSection> {
    let reg = register_at(fw.risks.as_ref()?, period);
    let code = locale::period_name(lang, period);
    let risks: Vec<RiskRow> = reg.iter().map(|r| row(r, lang, &code)).collect();
    let rose: Vec<String> = risks
        .iter()
        .filter(|r| r.rose)
        .map(|r| {
            message(
                lang,
                "risk-rose-item",
                [
                    ("id", r.id.clone().into()),
                    ("before", r.before_rating.to_string().into()),
                    ("now", r.rating.to_string().into()),
                ],
            )
        })
        .collect();
    let rising = if rose.is_empty() {
        locale::text(lang, "risk_none_rose").to_string()
    } else {
        message(
            lang,
            "risk-rose",
            [("count", rose.len().into()), ("list", rose.join(", ").into())],
        )
    };
    let header = [
        "risk_col_risk",
        "risk_col_category",
        "risk_col_score",
        "risk_col_rating",
        "risk_col_before",
        "risk_col_trend",
    ]
    .iter()
    .map(|k| locale::text(lang, k).to_string())
    .collect();
    let rows = risks
        .iter()
        .map(|r| {
            vec![
                format!("{} {}", r.id, r.statement),
                r.category_label.clone(),
                format!("{} × {}", r.likelihood, r.impact),
                r.rating_label.clone(),
                r.before_label.clone(),
                format!("{} {}", r.arrow, r.trend_label),
            ]
        })
        .collect();
    Some(RiskSection {
        intro: message(lang, "risk-intro", [("period", code.into())]),
        rising,
        table: Table {
            caption: String::new(),
            header,
            rows,
        },
        risks,
    })
}

fn row(r: &RiskAt, lang: Lang, period: &str) -> RiskRow {
    let l = lang.code();
    let risk = r.risk;
    let update = match r.update {
        Some(u) => message(
            lang,
            "risk-update",
            [("period", period.into()), ("text", u.text.get(l).into())],
        ),
        None => locale::text(lang, "risk_no_update").to_string(),
    };
    RiskRow {
        id: risk.id.clone(),
        statement: risk.statement.get(l).to_string(),
        category: risk.category,
        category_label: locale::text(lang, &format!("risk-category-{}", risk.category.name())).to_string(),
        likelihood: r.now.likelihood,
        impact: r.now.impact,
        rating: r.now.rating,
        level: r.now.level,
        rating_label: rating(lang, r.now.rating, r.now.level),
        before_rating: r.before.rating,
        before_level: r.before.level,
        before_label: rating(lang, r.before.rating, r.before.level),
        trend: r.trend,
        arrow: arrow(r.trend),
        trend_label: locale::text(lang, &format!("risk-trend-{}", trend_name(r.trend))).to_string(),
        rose: r.rose,
        has_update: r.update.is_some(),
        update,
        mitigation: risk.mitigation.get(l).to_string(),
        owner: risk.owner.as_ref().map(|o| o.get(l).to_string()),
        results: (!risk.results.is_empty()).then(|| risk.results.join(", ")),
    }
}
