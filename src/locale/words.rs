//! Sentences and names built from the catalogues: the status and its
//! explanation (one sentence for the report and the terminal), the
//! report's summary and funding sentences, results levels and
//! disaggregation names.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Arg, Lang, capitalise, date, figure, get, message, percent, text};
use crate::compute::{Reason, Status};
use crate::model::IndicatorType;

/// The status in words: `on track`, `en bonne voie`.
pub fn status(lang: Lang, s: Status) -> &'static str {
    text(
        lang,
        match s {
            Status::Achieved => "status-achieved",
            Status::OnTrack => "status-on_track",
            Status::AtRisk => "status-at_risk",
            Status::OffTrack => "status-off_track",
            Status::NotAchieved => "status-not_achieved",
            Status::NoData => "status-no_data",
            Status::NotYetDue => "status-not_yet_due",
            Status::NoTarget => "status-no_target",
        },
    )
}

/// How a sentence writes its figures: as the report does (grouped, by the
/// indicator's type, dates in words) or as the terminal does (plain
/// decimals, `71.4 %`, ISO dates).
#[derive(Clone, Copy)]
pub enum Figures {
    Report(IndicatorType),
    Plain,
}

impl Figures {
    /// A value expected to date: in the report, a count in whole units
    /// ([`crate::compute::targets::expected_shown`]); the terminal keeps
    /// the exact figure.
    fn expected(self, lang: Lang, d: Decimal) -> Arg {
        match self {
            Figures::Report(kind) => self.figure(lang, crate::compute::targets::expected_shown(kind, d)),
            Figures::Plain => self.figure(lang, d),
        }
    }

    fn figure(self, lang: Lang, d: Decimal) -> Arg {
        match self {
            Figures::Report(kind) => figure(lang, kind, d),
            Figures::Plain => crate::format::figure(d),
        }
        .into()
    }

    fn percent(self, lang: Lang, d: Decimal) -> Arg {
        match self {
            Figures::Report(_) => percent(lang, d),
            Figures::Plain => format!("{} %", crate::format::figure(d)),
        }
        .into()
    }

    fn date(self, lang: Lang, d: NaiveDate) -> Arg {
        match self {
            Figures::Report(_) => date(lang, d),
            Figures::Plain => d.to_string(),
        }
        .into()
    }
}

/// Why an indicator has its status, in one clause: `3 against 4.2
/// expected by ...`. The report and the terminal word it from the same
/// message; only the way figures are written differs.
pub fn reason(lang: Lang, r: &Reason, f: Figures) -> String {
    match r {
        Reason::Reached { actual, target } => message(
            lang,
            "reason-reached",
            [("actual", f.figure(lang, *actual)), ("target", f.figure(lang, *target))],
        ),
        Reason::MilestoneDone {
            period,
            late_after: None,
        } => message(
            lang,
            "reason-milestone-done",
            [("period", super::period_name(lang, period).into())],
        ),
        Reason::MilestoneDone {
            period,
            late_after: Some(due),
        } => message(
            lang,
            "reason-milestone-done-late",
            [
                ("period", super::period_name(lang, period).into()),
                ("due", f.date(lang, *due)),
            ],
        ),
        Reason::MilestoneOverdue { due } => message(lang, "reason-milestone-overdue", [("due", f.date(lang, *due))]),
        Reason::MilestoneNotDue { due } => message(lang, "reason-milestone-not-due", [("due", f.date(lang, *due))]),
        Reason::NothingExpectedYet { by } => message(lang, "reason-nothing-expected", [("by", f.date(lang, *by))]),
        Reason::Missing { by, expected } => message(
            lang,
            "reason-missing",
            [("by", f.date(lang, *by)), ("expected", f.expected(lang, *expected))],
        ),
        Reason::Progress {
            actual,
            expected,
            start,
            by,
            percent: p,
            thresholds: t,
        } => {
            let (verdict, threshold) = if p >= &t.on_track {
                ("verdict-on-track", t.on_track)
            } else if p >= &t.at_risk {
                ("verdict-at-risk", t.on_track)
            } else {
                ("verdict-off-track", t.at_risk)
            };
            let verdict = message(lang, verdict, [("threshold", f.percent(lang, threshold))]);
            let args = [
                ("actual", f.figure(lang, *actual)),
                ("expected", f.expected(lang, *expected)),
                ("by", f.date(lang, *by)),
                ("percent", f.percent(lang, p.round_dp(1))),
                ("verdict", verdict.into()),
            ];
            if start.is_zero() {
                message(lang, "reason-progress", args)
            } else {
                let [a, b, c, d, e] = args;
                message(
                    lang,
                    "reason-progress-from",
                    [a, b, c, d, e, ("start", f.figure(lang, *start))],
                )
            }
        }
        Reason::NotAchieved {
            actual,
            target,
            start,
            percent: p,
            fell,
        } => {
            let args = [
                ("actual", f.figure(lang, *actual)),
                ("target", f.figure(lang, *target)),
                ("percent", f.percent(lang, p.round_dp(1))),
            ];
            let clause = if start.is_zero() {
                message(lang, "reason-not-achieved", args)
            } else {
                let [a, b, c] = args;
                message(
                    lang,
                    "reason-not-achieved-from",
                    [a, b, c, ("start", f.figure(lang, *start))],
                )
            };
            match fell {
                None => clause,
                Some(fall) => message(
                    lang,
                    "reason-had-reached",
                    [
                        ("reason", clause.into()),
                        ("from", f.figure(lang, fall.from)),
                        ("period", super::period_name(lang, &fall.period).into()),
                    ],
                ),
            }
        }
        Reason::FellBack {
            fell,
            actual,
            target,
            expected,
            start,
            by,
            percent: p,
            thresholds,
        } => {
            let progress = Reason::Progress {
                actual: *actual,
                expected: *expected,
                start: *start,
                by: *by,
                percent: *p,
                thresholds: *thresholds,
            };
            message(
                lang,
                "reason-fell-back",
                [
                    ("from", f.figure(lang, fell.from)),
                    ("period", super::period_name(lang, &fell.period).into()),
                    ("actual", f.figure(lang, *actual)),
                    ("target", f.figure(lang, *target)),
                    ("progress", reason(lang, &progress, f).into()),
                ],
            )
        }
        Reason::TargetEqualsBaseline { target } => message(
            lang,
            "reason-target-equals-baseline",
            [("target", f.figure(lang, *target))],
        ),
        Reason::NoTarget => text(lang, "reason-no-target").into(),
        Reason::NoTargetNoData => text(lang, "reason-no-target-no-data").into(),
    }
}

/// The report's status sentence: `On track: 3 against 4.2 expected ...`.
pub fn explanation(lang: Lang, kind: IndicatorType, s: Status, r: &Reason) -> String {
    message(
        lang,
        "status-sentence",
        [
            ("status", capitalise(status(lang, s)).into()),
            ("reason", reason(lang, r, Figures::Report(kind)).into()),
        ],
    )
}

/// The terminal's status sentence: `off track: 3 against 4.2 expected ...`.
pub fn plain_explanation(s: Status, r: &Reason) -> String {
    format!("{}: {}", status(Lang::En, s), reason(Lang::En, r, Figures::Plain))
}

/// A headline achievement: `172 people against an end-of-project target of 200 (86% of the target)`.
pub fn headline(lang: Lang, actual: &str, unit: &str, target: &str, percent: &str) -> String {
    message(
        lang,
        "summary-headline",
        [
            ("actual", actual.into()),
            ("unit", unit.into()),
            ("target", target.into()),
            ("percent", percent.into()),
        ],
    )
}

/// The stated shortfall of a source set against budget − pledged.
pub fn shortfall_note(lang: Lang, currency: &str, stated: Decimal, computed: Decimal) -> String {
    message(
        lang,
        "shortfall-note",
        [
            ("currency", currency.into()),
            ("stated", super::money(lang, stated).into()),
            ("computed", super::money(lang, computed).into()),
        ],
    )
}

/// The name of a results level (`intermediate_outcome`); unknown levels
/// are shown as written, underscores as spaces.
pub fn level(lang: Lang, level: &str) -> String {
    match get(lang, &format!("level-{level}")) {
        Some(name) => name.to_string(),
        None => capitalise(&level.replace('_', " ")),
    }
}

/// The name of a disaggregation dimension; unknown ones as written.
pub fn dimension(lang: Lang, name: &str) -> String {
    match get(lang, &format!("dimension-{name}")) {
        Some(n) => n.to_string(),
        None => name.replace('_', " "),
    }
}

/// A value of a disaggregation dimension (`women`, `PE`); unknown ones
/// as written.
pub fn dimension_value(lang: Lang, value: &str) -> String {
    match get(lang, &format!("dimension-value-{value}")) {
        Some(v) => v.to_string(),
        None => value.replace('_', " "),
    }
}

/// A value of the dimension named `dimension`, as the report prints it: a
/// country's name for the `country` dimension (`Perú` for `PE` in
/// Spanish), else [`dimension_value`].
pub fn breakdown_value(lang: Lang, dimension: &str, value: &str) -> String {
    match dimension {
        "country" | "countries" => super::country_or_code(lang, value),
        _ => dimension_value(lang, value),
    }
}
