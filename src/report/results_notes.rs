//! The sentences around the results tables: which rule sets the value
//! expected to date (above them), and the percent formulas worked with the
//! figures of one row (under each). The figures come from compute
//! ([`crate::compute::percent_example`]); here they are only chosen and
//! worded.

use crate::compute::Progress;
use crate::compute::percent_example::{Formula, percent_of_end};
use crate::locale::{self, Lang};
use crate::model::{ExpectedRule, Framework};

/// One sentence (two when some indicators follow the other rule): the
/// framework's `target_rule`, then the indicators that override it.
pub(super) fn target_rule(fw: &Framework, lang: Lang) -> String {
    let (rule, other) = match fw.target_rule {
        ExpectedRule::Interpolate => ("report-target-rule-interpolate", "report-target-rule-except-step"),
        ExpectedRule::Step => ("report-target-rule-step", "report-target-rule-except-interpolate"),
    };
    let mut out = locale::text(lang, rule).to_string();
    let ids: Vec<&str> = fw
        .indicators
        .iter()
        .filter(|i| i.target_rule != fw.target_rule)
        .map(|i| i.id.as_str())
        .collect();
    if !ids.is_empty() {
        out.push(' ');
        out.push_str(&locale::message(lang, other, [("ids", ids.join(", ").into())]));
    }
    out
}

/// The footnote under one results table: for each formula its rows use
/// (a ratio from zero, progress from a baseline), the first row's percent
/// of the end target worked; then how the percent of expected follows.
/// Empty when no row has a percent to work.
pub(super) fn percent_notes(fw: &Framework, rows: &[(usize, &Progress)], lang: Lang) -> Vec<String> {
    let worked: Vec<_> = rows
        .iter()
        .filter_map(|&(i, p)| percent_of_end(&fw.indicators[i], p).map(|w| (i, w)))
        .collect();
    let mut out = Vec::new();
    for (formula, key) in [
        (Formula::Ratio, "note-percent-ratio"),
        (Formula::FromBaseline, "note-percent-level"),
    ] {
        if let Some((i, w)) = worked.iter().find(|(_, w)| w.formula == formula) {
            let n = |d| locale::number(lang, d).into();
            out.push(locale::message(
                lang,
                key,
                [
                    ("actual", n(w.actual)),
                    ("start", n(w.start)),
                    ("target", n(w.target)),
                    ("percent", locale::percent(lang, w.percent).into()),
                    ("id", fw.indicators[*i].id.clone().into()),
                ],
            ));
        }
    }
    if !out.is_empty() && rows.iter().any(|(_, p)| p.percent_to_date.is_some()) {
        out.push(locale::text(lang, "note-percent-expected").to_string());
    }
    out
}
