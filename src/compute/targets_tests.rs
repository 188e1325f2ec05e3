//! The target of a period alone, on a framework written for the test.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::load::framework::load_framework;
use crate::source::Sources;

/// C: a running total (count) with targets 10 by 2022-Q1, 25 by 2022-Q2
/// and 100 at the end. L: a level (number) from baseline 50 with a target
/// of 60 for 2022-Q2. M: a milestone due on 15 August 2022.
const YAML: &str = r#"
project:
  id: t
  title: Targets
  start: 2022-01-01
  end: 2023-12-31
  countries: [MX]
  reporting_frequency: quarterly
results:
  - id: "1"
    level: impact
    statement: Targets under test
    indicators:
      - id: C
        title: Running total
        type: count
        targets:
          - {period: 2022-Q1, value: "10"}
          - {period: 2022-Q2, value: "25"}
          - {period: end, value: "100"}
      - id: L
        title: Level
        type: number
        baseline: {value: "50", date: 2022-01-01}
        targets:
          - {period: 2022-Q2, value: "60"}
      - id: M
        title: Milestone
        type: milestone
        targets:
          - {period: 2022-08-15, value: "yes"}
"#;

fn framework() -> Framework {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), YAML).expect("write");
    let (fw, diags) = load_framework(dir.path(), &mut Sources::default());
    fw.unwrap_or_else(|| panic!("framework: {diags:?}"))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn quarter(q: u32) -> Period {
    Period::quarter(2022, q)
}

#[test]
fn a_running_total_targets_what_the_period_adds() {
    let fw = framework();
    let c = &fw.indicators[0];
    // 2022-Q2: 25 in force at 30 June, less 10 in force at 31 March = 15.
    assert_eq!(target_within_period(&fw, c, &quarter(2)), Some(d("15")));
    // 2022-Q1: 10 at 31 March, less the starting value 0 the day before
    // the project starts (31 December 2021) = 10.
    assert_eq!(target_within_period(&fw, c, &quarter(1)), Some(d("10")));
    // 2022-Q3 has no target written for it: none, although one is in force.
    assert_eq!(target_within_period(&fw, c, &quarter(3)), None);
    assert!(target_at(&fw, c, &quarter(3)).is_some());
}

#[test]
fn a_level_targets_the_level_written_for_the_period() {
    let fw = framework();
    let l = &fw.indicators[1];
    // A level is not a difference: the 60 written for 2022-Q2 stands.
    assert_eq!(target_within_period(&fw, l, &quarter(2)), Some(d("60")));
    assert_eq!(target_within_period(&fw, l, &quarter(1)), None);
}

#[test]
fn a_target_is_interpolated_by_days_between_anchors() {
    let fw = framework();
    let c = &fw.indicators[0];
    // Between 25 on 2022-06-30 and 100 on 2023-12-31 (549 days): on
    // 2022-09-30 (92 days on) 25 + 75 x 92 / 549 = 25 + 12.568... = 37.57.
    let day = NaiveDate::from_ymd_opt(2022, 9, 30).unwrap();
    let (from, to) = (quarter(2).end, fw.project.end);
    assert_eq!(interpolation_days(from, to, day), (92, 549));
    let t = target_at(&fw, c, &Period::days(day, day)).expect("in force");
    assert_eq!(t.value.round_dp(2), d("37.57"));
    assert!(matches!(t.rule, TargetRule::Interpolated { .. }));
}

#[test]
fn a_milestone_is_published_as_1_in_the_period_it_is_due() {
    let fw = framework();
    let (c, m) = (&fw.indicators[0], &fw.indicators[2]);
    // Due 2022-08-15, inside 2022-Q3: 1 there, no target in Q2 or Q4,
    // whatever is in force.
    let in_force = target_at(&fw, c, &quarter(4));
    let t = target_for_period_value(&fw, m, &quarter(3), in_force).expect("due in Q3");
    assert_eq!(t.value, Decimal::ONE);
    assert_eq!(t.rule, TargetRule::Explicit { period: quarter(3) });
    assert_eq!(target_for_period_value(&fw, m, &quarter(2), in_force), None);
    assert_eq!(target_for_period_value(&fw, m, &quarter(4), in_force), None);
    // Any other indicator: the target in force.
    assert_eq!(target_for_period_value(&fw, c, &quarter(4), in_force), in_force);
}

/// `target_rule` set for the framework (step) and overridden by one
/// indicator (interpolate). S and I: the same running total (count) with
/// targets 10 by 2022-Q2 and 30 at the end (2023-12-31).
const RULES: &str = r#"
project:
  id: r
  title: Target rules
  start: 2022-01-01
  end: 2023-12-31
  countries: [MX]
  reporting_frequency: quarterly
target_rule: step
results:
  - id: "1"
    level: impact
    statement: Rules under test
    indicators:
      - id: S
        title: Step, from the framework
        type: count
        targets:
          - {period: 2022-Q2, value: "10"}
          - {period: end, value: "30"}
      - id: I
        title: Interpolate, its own rule
        type: count
        target_rule: interpolate
        targets:
          - {period: 2022-Q2, value: "10"}
          - {period: end, value: "30"}
"#;

fn rules() -> Framework {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), RULES).expect("write");
    let (fw, diags) = load_framework(dir.path(), &mut Sources::default());
    fw.unwrap_or_else(|| panic!("framework: {diags:?}"))
}

#[test]
fn the_indicator_rule_overrides_the_framework_rule() {
    let fw = rules();
    assert_eq!(fw.target_rule, ExpectedRule::Step);
    assert_eq!(fw.indicators[0].target_rule, ExpectedRule::Step);
    assert_eq!(fw.indicators[1].target_rule, ExpectedRule::Interpolate);
    // Without `target_rule:` anywhere: interpolate.
    assert_eq!(framework().indicators[0].target_rule, ExpectedRule::Interpolate);
}

#[test]
fn step_holds_the_latest_written_target_interpolate_draws_a_line() {
    let fw = rules();
    let (s, i) = (&fw.indicators[0], &fw.indicators[1]);
    let value = |ind, q| target_at(&fw, ind, &quarter(q)).expect("in force").value;
    // 2022-Q4 (ends 2022-12-31). Step: 10, the target due 2022-06-30,
    // held until the next one.
    let t = target_at(&fw, s, &quarter(4)).expect("in force");
    assert_eq!(t.value, d("10"));
    assert_eq!(
        t.rule,
        TargetRule::Stepped {
            from: NaiveDate::from_ymd_opt(2022, 6, 30).unwrap()
        }
    );
    // Interpolate: from 10 on 2022-06-30 to 30 on 2023-12-31 is 549 days
    // (184 to the end of 2022, 365 in 2023); 184 of them are done by
    // 2022-12-31: 10 + 20 x 184 / 549 = 10 + 3680 / 549 = 10 + 6.7030...
    // = 16.70.
    assert_eq!(value(i, 4).round_dp(2), d("16.70"));
    // Before the first written target, step expects the start value (0 for
    // a running total), interpolate a share of the way to 10: 2022-03-31
    // is 89 of the 180 days from 2022-01-01 to 2022-06-30, 10 x 89 / 180 =
    // 4.94.
    let q1 = target_at(&fw, s, &quarter(1)).expect("in force");
    assert_eq!((q1.value, q1.rule), (d("0"), TargetRule::Start));
    assert_eq!(value(i, 1).round_dp(2), d("4.94"));
    // On the written target's own period both rules give it as written.
    assert_eq!(
        target_at(&fw, s, &quarter(2)).map(|t| t.rule),
        Some(TargetRule::Explicit { period: quarter(2) })
    );
    assert_eq!(value(s, 2), d("10"));
    assert_eq!(value(i, 2), d("10"));
    // At the project's end both reach the end target.
    let last = Period::quarter(2023, 4);
    assert_eq!(target_at(&fw, s, &last).map(|t| t.value), Some(d("30")));
    assert_eq!(target_at(&fw, i, &last).map(|t| t.value), Some(d("30")));
    // The period's share of an agreed target is the same under step:
    // 2022-Q2 adds 10 - 0 = 10.
    assert_eq!(target_within_period(&fw, s, &quarter(2)), Some(d("10")));
}

#[test]
fn a_count_is_expected_in_whole_units_rounded_half_up() {
    let fw = rules();
    let (i, c) = (&fw.indicators[1], &fw.indicators[0]);
    // 16.703 investigations expected: shown 17; 4.944: shown 5.
    let q4 = target_at(&fw, i, &quarter(4)).unwrap().value;
    assert_eq!(expected_shown(i.kind, q4), d("17"));
    assert_eq!(
        expected_shown(i.kind, target_at(&fw, i, &quarter(1)).unwrap().value),
        d("5")
    );
    // Half up, not to even: 29.5 -> 30, 28.5 -> 29; 29.49 -> 29.
    assert_eq!(expected_shown(c.kind, d("29.5")), d("30"));
    assert_eq!(expected_shown(c.kind, d("28.5")), d("29"));
    assert_eq!(expected_shown(c.kind, d("29.49")), d("29"));
    // A percentage to one decimal: 10.76 % -> 10.8 %, 10.75 % -> 10.8 %.
    assert_eq!(expected_shown(IndicatorType::Percentage, d("10.76")), d("10.8"));
    assert_eq!(expected_shown(IndicatorType::Percentage, d("10.75")), d("10.8"));
    // A level (number) is shown as it is: 130.04 days stays 130.04.
    let fw = framework();
    assert_eq!(expected_shown(fw.indicators[1].kind, d("130.04")), d("130.04"));
}

#[test]
fn an_agreed_target_shows_in_the_column_holding_its_due_date() {
    let fw = framework();
    let (c, m) = (&fw.indicators[0], &fw.indicators[2]);
    // C: 10 due 2022-03-31 (2022-Q1), 25 due 2022-06-30 (2022-Q2), 100 at
    // the end 2023-12-31. 2022-Q3 holds none: no agreed target (not the
    // interpolated 25 + (100 - 25) x 92 / 549).
    assert_eq!(agreed_within(&fw, c, &quarter(1)).map(|t| t.value), Some(d("10")));
    assert_eq!(agreed_within(&fw, c, &quarter(3)), None);
    // The year 2022 holds both 10 and 25: the one due last, 25.
    assert_eq!(
        agreed_within(&fw, c, &Period::year(2022)).map(|t| t.value),
        Some(d("25"))
    );
    assert_eq!(
        agreed_within(&fw, c, &Period::year(2023)).map(|t| t.value),
        Some(d("100"))
    );
    // M: yes (1) due 2022-08-15, in 2022-Q3 only.
    assert_eq!(agreed_within(&fw, m, &quarter(3)).map(|t| t.value), Some(Decimal::ONE));
    assert_eq!(agreed_within(&fw, m, &quarter(2)), None);
}
