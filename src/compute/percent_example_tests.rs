//! The footnote's worked percent, on a framework written for the test.

use std::str::FromStr;

use super::*;
use crate::compute::progress::progress;
use crate::compute::series::Point;
use crate::load::framework::load_framework;
use crate::model::{Framework, Period};
use crate::source::Sources;

/// L: a level from baseline 2 to an end target of 4 (a score, written as a
/// number). T: a running total (count) with an end target of 35. M: a
/// milestone.
const YAML: &str = r#"
project:
  id: p
  title: Percents
  start: 2022-01-01
  end: 2023-12-31
  countries: [MX]
  reporting_frequency: quarterly
results:
  - id: "1"
    level: impact
    statement: Percents under test
    indicators:
      - id: L
        title: Level
        type: number
        baseline: {value: "2", date: 2022-01-01}
        targets:
          - {period: end, value: "4"}
      - id: T
        title: Running total
        type: count
        targets:
          - {period: end, value: "35"}
      - id: M
        title: Milestone
        type: milestone
        targets:
          - {period: 2023-06-30, value: "yes"}
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

fn point(q: u32, value: Value) -> Point {
    Point {
        period: Period::quarter(2023, q),
        value,
        rows: Vec::new(),
        from_parts: false,
    }
}

fn number(s: &str) -> Value {
    Value::Number { value: d(s) }
}

#[test]
fn a_level_is_worked_from_its_baseline() {
    let fw = framework();
    let l = &fw.indicators[0];
    let p = progress(&fw, l, &[point(3, number("3.5"))], &Period::quarter(2023, 3));
    // (3.5 - 2) / (4 - 2) x 100 = 1.5 / 2 x 100 = 75, not 3.5 / 4 = 87.5.
    let w = percent_of_end(l, &p).expect("defined");
    assert_eq!(
        (w.formula, w.actual, w.start, w.target, w.percent),
        (Formula::FromBaseline, d("3.5"), d("2"), d("4"), d("75"))
    );
    assert_eq!(Some(w.percent), p.percent_of_end);
}

#[test]
fn a_running_total_is_worked_as_a_ratio() {
    let fw = framework();
    let t = &fw.indicators[1];
    let points = [point(2, number("25")), point(3, number("6"))];
    let p = progress(&fw, t, &points, &Period::quarter(2023, 3));
    // 25 + 6 = 31 to date; 31 / 35 x 100 = 88.571..., shown 88.6 %.
    let w = percent_of_end(t, &p).expect("defined");
    assert_eq!(
        (w.formula, w.actual, w.start, w.target),
        (Formula::Ratio, d("31"), d("0"), d("35"))
    );
    assert_eq!(w.percent.round_dp(1), d("88.6"));
}

#[test]
fn nothing_is_worked_without_a_value_or_for_a_milestone() {
    let fw = framework();
    let q3 = Period::quarter(2023, 3);
    let t = &fw.indicators[1];
    assert_eq!(percent_of_end(t, &progress(&fw, t, &[], &q3)), None);
    let m = &fw.indicators[2];
    let done = [point(2, Value::Flag { done: true })];
    assert_eq!(percent_of_end(m, &progress(&fw, m, &done, &q3)), None);
}
