//! The data-quality rates (`compute::quality_rates`) as the terminal's
//! lines under `check --quality`: one line overall, then one per
//! indicator, an indicator not checked saying why.

use crate::compute::quality_rates::{IndicatorRates, NotChecked, QualityRates, Rate};
use crate::format;
use crate::locale::{Arg, term, term_message};

/// A rate's percent with one decimal, or `n/a` when nothing was due.
pub fn percent_text(r: Rate) -> String {
    match r.percent {
        Some(_) => format::percent(r.percent),
        None => term("term-na").to_string(),
    }
}

fn n(k: usize) -> Arg {
    k.to_string().into()
}

/// The overall line, then one line per indicator.
pub fn rates_lines(r: &QualityRates) -> Vec<String> {
    let mut out = vec![term_message(
        "check-rates",
        [
            ("received", n(r.completeness.part)),
            ("due", n(r.completeness.whole)),
            ("completeness", percent_text(r.completeness).into()),
            ("on_time", n(r.timeliness.part)),
            ("judged", n(r.timeliness.whole)),
            ("timeliness", percent_text(r.timeliness).into()),
            ("added", n(r.consistency.part)),
            ("broken", n(r.consistency.whole)),
            ("consistency", percent_text(r.consistency).into()),
            ("days", r.deadline_days.to_string().into()),
        ],
    )];
    out.extend(r.indicators.iter().map(indicator_line));
    out
}

/// One indicator's rates, or why its completeness is not checked.
pub fn indicator_line(i: &IndicatorRates) -> String {
    let consistency = |id: &str, extra: (&str, Arg)| {
        term_message(
            id,
            [
                ("id", i.indicator.clone().into()),
                extra,
                ("added", n(i.consistency.part)),
                ("broken", n(i.consistency.whole)),
                ("consistency", percent_text(i.consistency).into()),
            ],
        )
    };
    match &i.not_checked {
        Some(NotChecked::Irregular { frequency }) => {
            consistency("check-rates-irregular", ("frequency", frequency.clone().into()))
        }
        Some(NotChecked::Milestone) => consistency("check-rates-milestone", ("frequency", "".into())),
        None => term_message(
            "check-rates-indicator",
            [
                ("id", i.indicator.clone().into()),
                ("received", n(i.completeness.part)),
                ("due", n(i.completeness.whole)),
                ("completeness", percent_text(i.completeness).into()),
                ("on_time", n(i.timeliness.part)),
                ("judged", n(i.timeliness.whole)),
                ("timeliness", percent_text(i.timeliness).into()),
                ("added", n(i.consistency.part)),
                ("broken", n(i.consistency.whole)),
                ("consistency", percent_text(i.consistency).into()),
            ],
        ),
    }
}
