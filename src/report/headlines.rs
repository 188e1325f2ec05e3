//! The summary's headline achievements: the indicators that
//! [`crate::compute::headlines`] chooses by its stated rule (the report
//! prints the rule under the heading), each in one sentence.

use super::{Headline, IndicatorSection};
use crate::compute::headlines::{Candidate, choose, previous_period};
use crate::compute::{Computed, StatusTable};
use crate::locale::{self, Figures, Lang};
use crate::model::{IndicatorType, Period};

/// The headlines at `period`, whose figures are `table`; `all` are the
/// report's indicator sections.
pub(super) fn headlines(
    lang: Lang,
    c: &Computed,
    period: &Period,
    table: &StatusTable,
    all: &[&IndicatorSection],
) -> Vec<Headline> {
    let fw = c.fw;
    let before = previous_period(&c.reporting, period).map(|p| c.table(&p));
    let last_level = fw.levels.last();
    let candidates: Vec<Candidate> = fw
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| Candidate {
            indicator: ind,
            is_output: fw.levels.len() > 1 && Some(&fw.results[ind.result].level) == last_level,
            now: &table.indicators[i],
            before: before.as_ref().map(|b| &b.indicators[i]),
        })
        .collect();
    choose(&candidates)
        .into_iter()
        .filter_map(|(i, kind)| {
            let ind = candidates[i].indicator;
            let s = all.iter().find(|s| s.id == ind.id)?;
            let text = if ind.kind == IndicatorType::Milestone {
                locale::reason(lang, &candidates[i].now.reason, Figures::Report(ind.kind))
            } else {
                let unit = s
                    .unit
                    .as_deref()
                    .filter(|_| s.kind != IndicatorType::Percentage)
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                locale::headline(lang, &s.to_date_actual, &unit, &s.end_target, &s.percent_of_end)
            };
            Some(Headline {
                id: s.id.clone(),
                title: s.title.clone(),
                kind,
                text,
            })
        })
        .collect()
}
