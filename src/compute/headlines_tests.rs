//! The headline rule, on a framework written for the test: an outcome
//! with five outputs under it, figures at 2022-Q2 against 2022-Q1.

use std::str::FromStr;

use super::*;
use crate::compute::progress::progress;
use crate::compute::series::Point;
use crate::load::framework::load_framework;
use crate::model::Framework;
use crate::source::Sources;

/// The project runs through 2022 by quarter. Every count has an end target
/// of 40 except A (10). In force on 30 June (180 of 364 days):
/// 40 x 180 / 364 = 19.78.
const YAML: &str = r#"
project:
  id: h
  title: Headlines
  start: 2022-01-01
  end: 2022-12-31
  countries: [MX]
  reporting_frequency: quarterly
results:
  - id: "1"
    level: outcome
    statement: The outcome
    indicators:
      - id: U
        title: Outcome count
        type: count
        targets:
          - {period: end, value: "40"}
    results:
      - id: "1.1"
        level: output
        statement: The output
        indicators:
          - id: A
            title: Reaches its end target in 2022-Q2
            type: count
            targets:
              - {period: end, value: "10"}
          - id: M
            title: Milestone done in 2022-Q1
            type: milestone
            targets:
              - {period: 2022-Q3, value: "yes"}
          - id: O
            title: Output just above its target in force
            type: count
            targets:
              - {period: end, value: "40"}
          - id: O2
            title: Output well above its target in force
            type: count
            targets:
              - {period: end, value: "40"}
          - id: B
            title: Output on track but below its target in force
            type: count
            targets:
              - {period: end, value: "40"}
          - id: F
            title: Level output that fell since 2022-Q1
            type: number
            baseline: {value: "0", date: 2022-01-01}
            targets:
              - {period: end, value: "100"}
"#;

fn framework() -> Framework {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), YAML).expect("write");
    let (fw, diags) = load_framework(dir.path(), &mut Sources::default());
    fw.unwrap_or_else(|| panic!("framework: {diags:?}"))
}

fn point(n: u32, value: Value) -> Point {
    Point {
        period: Period::quarter(2022, n),
        value,
        rows: Vec::new(),
        from_parts: false,
    }
}

fn numbers(values: &[&str]) -> Vec<Point> {
    values
        .iter()
        .zip(1..)
        .map(|(v, n)| {
            point(
                n,
                Value::Number {
                    value: Decimal::from_str(v).unwrap(),
                },
            )
        })
        .collect()
}

/// Each indicator's points, in logframe order (U, A, M, O, O2, B, F).
fn points() -> Vec<Vec<Point>> {
    vec![
        // U: 10 + 10 = 20 against 19.78 (101.1 %), but an outcome.
        numbers(&["10", "10"]),
        // A: 4 + 6 = 10, its end target, reached in 2022-Q2 (4 in Q1).
        numbers(&["4", "6"]),
        // M: done in 2022-Q1.
        vec![point(1, Value::Flag { done: true })],
        // O: 10 + 10 = 20 against 19.78: 101.1 %, 50 % of the end target.
        numbers(&["10", "10"]),
        // O2: 12 + 12 = 24 against 19.78: 121.3 %, 60 % of the end target.
        numbers(&["12", "12"]),
        // B: 9 + 9 = 18 against 19.78: 91 %, on track (85 %) yet below.
        numbers(&["9", "9"]),
        // F: 60 then 55, a level; 55 against 0 + 100 x 180 / 364 = 49.45
        // is 111.2 %, but it fell from 60.
        numbers(&["60", "55"]),
    ]
}

#[test]
fn the_rule_picks_new_achievements_then_milestones_then_outputs_on_target() {
    let fw = framework();
    let pts = points();
    let at = |n: u32| -> Vec<Progress> {
        fw.indicators
            .iter()
            .zip(&pts)
            .map(|(ind, p)| progress(&fw, ind, p, &Period::quarter(2022, n)))
            .collect()
    };
    let (now, before) = (at(2), at(1));
    let candidates: Vec<Candidate> = fw
        .indicators
        .iter()
        .enumerate()
        .map(|(i, ind)| Candidate {
            indicator: ind,
            is_output: ind.id != "U",
            now: &now[i],
            before: Some(&before[i]),
        })
        .collect();
    let kinds: Vec<Option<Kind>> = candidates.iter().map(kind).collect();
    assert_eq!(
        kinds,
        [
            None,                       // U: an outcome not yet achieved
            Some(Kind::NewlyAchieved),  // A: 10 of 10, was 4
            Some(Kind::MilestoneDone),  // M: done in 2022-Q1
            Some(Kind::OutputOnTarget), // O: 101.1 %
            Some(Kind::OutputOnTarget), // O2: 121.3 %
            None,                       // B: 91 %, below its target in force
            None,                       // F: fell from 60 to 55
        ]
    );
    assert!(fell_since(&fw.indicators[6], &before[6], &now[6]));
    // Kind first, then the larger percent of the end target (O2 60 % before
    // O 50 %); three at most, so O is left out.
    assert_eq!(
        choose(&candidates),
        [
            (1, Kind::NewlyAchieved),
            (2, Kind::MilestoneDone),
            (4, Kind::OutputOnTarget)
        ]
    );
}

#[test]
fn an_achievement_is_new_only_once() {
    let fw = framework();
    // A stays at 10 in 2022-Q3: achieved then and before; an output at
    // 10 against 10 x 272 / 364 = 7.47 in force (133.8 %): an output on
    // target, no longer new.
    let a = numbers(&["4", "6", "0"]);
    let ind = &fw.indicators[1];
    let (now, before) = (
        progress(&fw, ind, &a, &Period::quarter(2022, 3)),
        progress(&fw, ind, &a, &Period::quarter(2022, 2)),
    );
    let c = Candidate {
        indicator: ind,
        is_output: true,
        now: &now,
        before: Some(&before),
    };
    assert_eq!(kind(&c), Some(Kind::OutputOnTarget));
    // With no earlier period, an achievement is new.
    let first = Candidate { before: None, ..c };
    assert_eq!(kind(&first), Some(Kind::NewlyAchieved));
}

#[test]
fn the_previous_period_is_the_last_reporting_period_before() {
    let fw = framework();
    let reporting = fw.reporting_periods();
    assert_eq!(
        previous_period(&reporting, &Period::quarter(2022, 3)),
        Some(Period::quarter(2022, 2))
    );
    assert_eq!(previous_period(&reporting, &Period::quarter(2022, 1)), None);
}
