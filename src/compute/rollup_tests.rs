//! The rules worked by hand on contributions built here.

use std::str::FromStr;

use super::*;
use crate::source::{FileId, Span};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn n(s: &str) -> Value {
    Value::Number { value: d(s) }
}

fn ratio(num: &str, den: &str) -> Value {
    Value::Ratio {
        numerator: d(num),
        denominator: d(den),
    }
}

fn standard(kind: IndicatorType, aggregation: Rule) -> Standard {
    Standard {
        code: "S".into(),
        title: Text::plain("A standard"),
        unit: "people".into(),
        accepts_units: vec!["officials".into()],
        kind,
        aggregation,
        disaggregate_by: Vec::new(),
        span: Span::new(FileId(0), 0, 1),
    }
}

fn contribution(fw: &str, kind: IndicatorType, unit: &str, value: Option<Value>) -> Contribution {
    Contribution {
        framework: fw.into(),
        indicator: "1".into(),
        title: Text::plain("an indicator"),
        unit: Some(unit.into()),
        kind,
        period: Some(Period::quarter(2023, 3)),
        status: Some(Status::OnTrack),
        figure: value.as_ref().and_then(Value::figure),
        value,
        milestone: None,
        parts: Vec::new(),
        misfit: None,
    }
}

/// A contribution as `contributions` builds it: the misfit from the standard.
fn fitted(s: &Standard, mut c: Contribution) -> Contribution {
    c.misfit = if c.kind != s.kind {
        Some(Misfit::Type {
            found: c.kind.name().into(),
        })
    } else if !s.accepts_unit(c.unit.as_deref()) {
        Some(Misfit::Unit { found: c.unit.clone() })
    } else {
        None
    };
    c
}

#[test]
fn counts_are_summed_and_other_units_never_added() {
    use IndicatorType::Count;
    let s = standard(Count, Rule::Sum);
    let cs = vec![
        fitted(&s, contribution("a", Count, "people", Some(n("120")))),
        fitted(&s, contribution("b", Count, "Officials", Some(n("75")))),
        // Cases are not people: shown, never added.
        fitted(&s, contribution("c", Count, "cases", Some(n("40")))),
        // No value for the period: named.
        fitted(&s, contribution("d", Count, "people", None)),
    ];
    let r = combine(&s, cs, false);
    // 120 + 75 = 195 (not 235: the 40 cases stay out).
    assert_eq!(r.total, Total::Sum { value: Some(d("195")) });
    assert_eq!(r.no_value, vec!["d".to_string()]);
    assert_eq!(
        r.contributions[2].misfit,
        Some(Misfit::Unit {
            found: Some("cases".into())
        })
    );
    assert!(r.groups.is_empty());
}

#[test]
fn nothing_to_add_is_undefined_not_zero() {
    use IndicatorType::Count;
    let s = standard(Count, Rule::Sum);
    let r = combine(&s, vec![contribution("a", Count, "people", None)], false);
    assert_eq!(r.total, Total::Sum { value: None });
    assert_eq!(r.no_value, vec!["a".to_string()]);
}

#[test]
fn percentages_are_pooled_not_averaged() {
    use IndicatorType::Percentage;
    let s = standard(Percentage, Rule::Pool);
    let cs = vec![
        contribution("a", Percentage, "people", Some(ratio("30", "40"))),
        contribution("b", Percentage, "people", Some(ratio("10", "60"))),
    ];
    let r = combine(&s, cs, false);
    // (30 + 10) / (40 + 60) x 100 = 40 / 100 x 100 = 40; the mean of
    // 75 % and 16.67 % would have said 45.83.
    assert_eq!(
        r.total,
        Total::Pool {
            numerator: Some(d("40")),
            denominator: Some(d("100")),
            percent: Some(d("40")),
        }
    );
    // Zero over zero is undefined.
    let zero = combine(
        &s,
        vec![contribution("a", Percentage, "people", Some(ratio("0", "0")))],
        false,
    );
    assert_eq!(
        zero.total,
        Total::Pool {
            numerator: Some(d("0")),
            denominator: Some(d("0")),
            percent: None,
        }
    );
}

#[test]
fn levels_are_listed_never_summed() {
    use IndicatorType::Number;
    let s = standard(Number, Rule::List);
    let cs = vec![
        contribution("a", Number, "people", Some(n("45"))),
        contribution("b", Number, "people", Some(n("30"))),
    ];
    let r = combine(&s, cs, true);
    assert_eq!(r.total, Total::List);
    assert!(r.groups.is_empty());
    assert_eq!(r.contributions.len(), 2);
}

#[test]
fn milestones_are_counted_done_overdue_and_not_due() {
    use IndicatorType::Milestone as M;
    let s = standard(M, Rule::Done);
    let mut cs: Vec<Contribution> = [
        Milestone::Done,
        Milestone::Done,
        Milestone::Overdue,
        Milestone::NotYetDue,
    ]
    .into_iter()
    .map(|m| {
        let mut c = contribution(
            "a",
            M,
            "people",
            Some(Value::Flag {
                done: m == Milestone::Done,
            }),
        );
        c.milestone = Some(m);
        c
    })
    .collect();
    cs[3].misfit = Some(Misfit::Type { found: "count".into() });
    let r = combine(&s, cs, false);
    // The fourth does not fit: 2 done, 1 overdue, 0 not yet due.
    assert_eq!(
        r.total,
        Total::Done {
            done: 2,
            overdue: 1,
            not_yet_due: 0
        }
    );
}

#[test]
fn split_sums_add_up_to_the_total() {
    use IndicatorType::Count;
    let s = standard(Count, Rule::Sum);
    let part = |k: Option<&str>, v: &str| Part {
        key: k.map(str::to_string),
        value: n(v),
    };
    let mut a = contribution("a", Count, "people", Some(n("120")));
    a.parts = vec![part(Some("women"), "50"), part(Some("men"), "70")];
    let mut b = contribution("b", Count, "people", Some(n("75")));
    b.parts = vec![part(Some("women"), "30"), part(Some("men"), "40"), part(None, "5")];
    let r = combine(&s, vec![a, b], true);
    // women 50 + 30 = 80, men 70 + 40 = 110, not broken down 5;
    // 80 + 110 + 5 = 195 = 120 + 75.
    let sum = |v: &str| Total::Sum { value: Some(d(v)) };
    assert_eq!(
        r.groups,
        vec![
            Group {
                key: Some("men".into()),
                total: sum("110")
            },
            Group {
                key: Some("women".into()),
                total: sum("80")
            },
            Group {
                key: None,
                total: sum("5")
            },
        ]
    );
    assert_eq!(r.total, sum("195"));
}

#[test]
fn minus_leaves_what_the_parts_do_not_cover() {
    assert_eq!(minus(&n("10"), &n("4")), Some(n("6")));
    assert_eq!(minus(&ratio("5", "8"), &ratio("2", "3")), Some(ratio("3", "5")));
    assert_eq!(minus(&n("1"), &ratio("2", "3")), None);
}
