//! The report's gender equality results: the shares by sex of
//! [`crate::compute::gender`] turned into a table, a sentence per
//! indicator and an overall line. Nothing is computed here; the shares,
//! targets and trends come whole from compute.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Table, UNDEFINED};
use crate::compute::Computed;
use crate::compute::gender::{SexShares, Trend};
use crate::compute::target_parts::Composition;
use crate::locale::{self, Lang, message};
use crate::model::{Framework, Indicator, IndicatorType, Period};

#[derive(Debug, Serialize)]
pub struct GenderSection {
    /// How the shares are taken (pooled, of the denominator for percentages).
    pub note: String,
    /// The widest reach: the sex-disaggregated count with the largest total.
    pub overall: Option<String>,
    pub table: Table,
    pub indicators: Vec<GenderIndicator>,
}

/// One sex-disaggregated indicator: its sentence and raw figures.
#[derive(Debug, Serialize)]
pub struct GenderIndicator {
    pub id: String,
    pub title: String,
    pub sentence: String,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub total_to_date: Option<Decimal>,
    /// Every category of the dimension, in declared order, to date.
    pub to_date: Vec<CategoryShare>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub women_to_date: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub women_period: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub women_previous: Option<Decimal>,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub target_share: Option<Decimal>,
    pub met: Option<bool>,
    pub trend: Option<Trend>,
}

#[derive(Debug, Serialize)]
pub struct CategoryShare {
    pub category: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub value: Decimal,
    #[serde(with = "rust_decimal::serde::str_option")]
    pub share: Option<Decimal>,
}

/// The section, when some indicator is disaggregated by sex.
pub(super) fn section(c: &Computed, period: &Period, lang: Lang) -> Option<GenderSection> {
    let fw = c.fw;
    let all = c.sex_shares(period);
    let first = all.first()?;
    let dim = &fw.disaggregations[first.dimension];
    let pct = |d: Option<Decimal>| d.map(|d| locale::percent(lang, d)).unwrap_or_else(|| UNDEFINED.into());
    let cats: Vec<String> = dim
        .values
        .iter()
        .map(|v| locale::capitalise(&locale::dimension_value(lang, v)))
        .collect();
    let women_label = first
        .women
        .map(|w| cats[w].clone())
        .unwrap_or_else(|| locale::text(lang, "gender_women").into());
    let mut header = vec![
        locale::text(lang, "indicator").to_string(),
        locale::text(lang, "gender_total").to_string(),
    ];
    header.extend(cats.iter().cloned());
    header.extend(
        [
            "gender-col-period",
            "gender-col-previous",
            "gender-col-target",
            "gender-col-trend",
        ]
        .map(|k| message(lang, k, [("women", women_label.clone().into())])),
    );
    let mut rows = Vec::new();
    let mut indicators = Vec::new();
    for s in &all {
        let ind = &fw.indicators[s.indicator];
        let mut row = vec![
            ind.id.clone(),
            s.to_date
                .as_ref()
                .map(|t| locale::number(lang, t.total))
                .unwrap_or_else(|| UNDEFINED.into()),
        ];
        row.extend((0..cats.len()).map(|k| category_cell(lang, s.to_date.as_ref(), k)));
        row.extend([
            pct(s.women_in_period()),
            pct(s.women_previous()),
            s.target
                .map(|t| {
                    message(
                        lang,
                        "gender-at-least",
                        [("share", locale::percent(lang, t.share).into())],
                    )
                })
                .unwrap_or_else(|| UNDEFINED.into()),
            s.trend
                .map(|t| locale::text(lang, trend_key(t)).to_string())
                .unwrap_or_else(|| UNDEFINED.into()),
        ]);
        rows.push(row);
        indicators.push(GenderIndicator {
            id: ind.id.clone(),
            title: ind.title.get(lang.code()).to_string(),
            sentence: sentence(fw, ind, s, lang),
            total_to_date: s.to_date.as_ref().map(|t| t.total),
            to_date: s
                .to_date
                .iter()
                .flat_map(|t| &t.categories)
                .map(|c| CategoryShare {
                    category: dim.values[c.category].clone(),
                    value: c.value,
                    share: c.share,
                })
                .collect(),
            women_to_date: s.women_to_date(),
            women_period: s.women_in_period(),
            women_previous: s.women_previous(),
            target_share: s.target.map(|t| t.share),
            met: s.met,
            trend: s.trend,
        });
    }
    Some(GenderSection {
        note: message(
            lang,
            "gender-note",
            [(
                "previous",
                first
                    .previous_period
                    .map(|p| locale::period_name(lang, &p))
                    .unwrap_or_else(|| UNDEFINED.into())
                    .into(),
            )],
        ),
        overall: overall(fw, &all, lang),
        table: Table {
            caption: message(
                lang,
                "gender-table-caption",
                [("period", locale::period_name(lang, period).into())],
            ),
            header,
            rows,
        },
        indicators,
    })
}

fn trend_key(t: Trend) -> &'static str {
    match t {
        Trend::Up => "gender_trend_up",
        Trend::Down => "gender_trend_down",
        Trend::Same => "gender_trend_same",
    }
}

/// `41.3 % (71)`: a category's share and value to date.
fn category_cell(lang: Lang, c: Option<&Composition>, k: usize) -> String {
    let Some(c) = c else {
        return UNDEFINED.into();
    };
    match (c.share(k), c.value(k)) {
        (Some(s), Some(v)) => format!("{} ({})", locale::percent(lang, s), locale::number(lang, v)),
        _ => UNDEFINED.into(),
    }
}

/// What the total counts: the unit of a count or number, the people in
/// the denominator of a percentage.
fn counted(ind: &Indicator, lang: Lang) -> String {
    match (ind.kind, ind.unit_in(lang.code())) {
        (IndicatorType::Percentage, _) => locale::text(lang, "gender_denominator").to_string(),
        (_, Some(u)) => u.to_string(),
        (_, None) => locale::text(lang, "gender_values").to_string(),
    }
}

/// One sentence per indicator: the women's share to date and this
/// period, against the target, with the trend and every category.
fn sentence(fw: &Framework, ind: &Indicator, s: &SexShares, lang: Lang) -> String {
    let Some(to_date) = &s.to_date else {
        return message(lang, "gender-nothing", []);
    };
    if to_date.total.is_zero() {
        return message(lang, "gender-zero", []);
    }
    let pct = |d: Decimal| locale::percent(lang, d);
    let dim = &fw.disaggregations[s.dimension];
    let mut parts = Vec::new();
    if let Some(w) = s.women_to_date() {
        parts.push(message(
            lang,
            "gender-sentence",
            [
                ("share", pct(w).into()),
                ("total", locale::number(lang, to_date.total).into()),
                ("counted", counted(ind, lang).into()),
            ],
        ));
    }
    if let (Some(w), Some(p)) = (s.women_in_period(), &s.period) {
        parts.push(message(
            lang,
            "gender-sentence-period",
            [
                ("share", pct(w).into()),
                ("total", locale::number(lang, p.total).into()),
            ],
        ));
    }
    if let (Some(t), Some(met)) = (s.target, s.met) {
        parts.push(message(
            lang,
            if met {
                "gender-target-met"
            } else {
                "gender-target-not-met"
            },
            [("target", pct(t.share).into())],
        ));
    }
    if let (Some(t), Some(prev), Some(pp)) = (s.trend, s.women_previous(), s.previous_period) {
        let way = match t {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Same => "same",
        };
        parts.push(message(
            lang,
            "gender-trend",
            [
                ("way", way.into()),
                ("previous", pct(prev).into()),
                ("period", locale::period_name(lang, &pp).into()),
            ],
        ));
    }
    let list = to_date
        .categories
        .iter()
        .map(|c| {
            format!(
                "{} {}",
                locale::dimension_value(lang, &dim.values[c.category]),
                c.share.map(pct).unwrap_or_else(|| UNDEFINED.into())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    parts.push(message(
        lang,
        "gender-categories",
        [
            ("dimension", locale::dimension(lang, &dim.name).into()),
            ("list", list.into()),
        ],
    ));
    parts.join(" ")
}

/// The overall line: the sex-disaggregated count indicator with the
/// largest total to date (the first in logframe order among equals).
/// Indicators are not pooled: the same person is often counted by several
/// (those mentored were trained).
fn overall(fw: &Framework, all: &[SexShares], lang: Lang) -> Option<String> {
    let mut best: Option<(&SexShares, Decimal, Decimal)> = None;
    for s in all {
        let ind = &fw.indicators[s.indicator];
        if ind.kind != IndicatorType::Count {
            continue;
        }
        let (Some(t), Some(w)) = (s.to_date.as_ref(), s.women_to_date()) else {
            continue;
        };
        if best.is_none_or(|(_, total, _)| t.total > total) {
            best = Some((s, t.total, w));
        }
    }
    let (s, total, w) = best?;
    let ind = &fw.indicators[s.indicator];
    let target = s
        .target
        .map(|t| {
            message(
                lang,
                "gender-overall-target",
                [("target", locale::percent(lang, t.share).into())],
            )
        })
        .unwrap_or_default();
    Some(message(
        lang,
        "gender-overall",
        [
            ("share", locale::percent(lang, w).into()),
            ("total", locale::number(lang, total).into()),
            ("counted", counted(ind, lang).into()),
            ("id", ind.id.clone().into()),
            ("title", ind.title.get(lang.code()).to_string().into()),
            ("target", target.into()),
        ],
    ))
}
