//! Statuses that stay honest to the end, on a framework written for the
//! test: at the project's final period a figure short of its end target is
//! "not achieved", a milestone never done is "not achieved", and a level
//! that fell back below an end target it had reached says so.

use std::str::FromStr;

use chrono::NaiveDate;

use super::*;
use crate::load::framework::load_framework;
use crate::source::Sources;

/// The project runs through 2022, reported by quarter; 2022-Q4 holds its
/// end date. C: a running total (count) with an end target of 24. L: a
/// level (number) from a baseline of 2 to an end target of 4. D: a level
/// that should decrease from 10 to 5. M: a milestone due by 2022-Q2.
const YAML: &str = r#"
project:
  id: t
  title: Final statuses
  start: 2022-01-01
  end: 2022-12-31
  countries: [MX]
  reporting_frequency: quarterly
results:
  - id: "1"
    level: impact
    statement: Final statuses under test
    indicators:
      - id: C
        title: Running total
        type: count
        targets:
          - {period: end, value: "24"}
      - id: L
        title: Level
        type: number
        baseline: {value: "2", date: 2022-01-01}
        targets:
          - {period: end, value: "4"}
      - id: D
        title: Level that should decrease
        type: number
        direction: decrease
        baseline: {value: "10", date: 2022-01-01}
        targets:
          - {period: end, value: "5"}
      - id: M
        title: Milestone
        type: milestone
        targets:
          - {period: 2022-Q2, value: "yes"}
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

fn q(n: u32) -> Period {
    Period::quarter(2022, n)
}

fn number(period: Period, v: &str) -> Point {
    Point {
        period,
        value: Value::Number { value: d(v) },
        rows: Vec::new(),
        from_parts: false,
    }
}

/// One number per quarter from 2022-Q1.
fn quarterly(values: &[&str]) -> Vec<Point> {
    values.iter().zip(1..).map(|(v, n)| number(q(n), v)).collect()
}

fn at(fw: &Framework, id: &str, points: &[Point], period: Period) -> Progress {
    let ind = fw.indicators.iter().find(|i| i.id == id).expect("indicator");
    progress(fw, ind, points, &period)
}

#[test]
fn the_final_period_is_the_one_reaching_the_project_end() {
    let fw = framework();
    assert!(!is_final(&fw, &q(3)));
    // 2022-Q4 ends on the project's end date, 31 December 2022.
    assert!(is_final(&fw, &q(4)));
    // A period after the end, and one that holds the end and runs past it.
    assert!(is_final(&fw, &Period::quarter(2023, 1)));
    let past = Period::days(
        NaiveDate::from_ymd_opt(2022, 11, 1).unwrap(),
        NaiveDate::from_ymd_opt(2023, 1, 15).unwrap(),
    );
    assert!(is_final(&fw, &past));
}

#[test]
fn a_running_total_short_of_its_end_target_at_the_end_is_not_achieved() {
    let fw = framework();
    // 5 + 6 + 2 + 9 = 22 by 2022-Q4, against 24: 22 / 24 x 100 = 91.67 %.
    let points = quarterly(&["5", "6", "2", "9"]);
    let p = at(&fw, "C", &points, q(4));
    assert_eq!(p.status, Status::NotAchieved);
    let Reason::NotAchieved {
        actual,
        target,
        start,
        percent,
        fell,
    } = p.reason
    else {
        panic!("reason {:?}", p.reason)
    };
    assert_eq!((actual, target, start, fell), (d("22"), d("24"), d("0"), None));
    assert_eq!(percent.round_dp(2), d("91.67"));
    // The same figures after the end (2023-Q1: nothing new) stay not achieved.
    assert_eq!(
        at(&fw, "C", &points, Period::quarter(2023, 1)).status,
        Status::NotAchieved
    );
    // Before the end the same shortfall is graded, not final: 13 by 2022-Q3.
    assert_ne!(at(&fw, "C", &points, q(3)).status, Status::NotAchieved);
    // Reaching 24 at the end is achieved: 5 + 6 + 2 + 11 = 24.
    let reached = quarterly(&["5", "6", "2", "11"]);
    assert_eq!(at(&fw, "C", &reached, q(4)).status, Status::Achieved);
}

#[test]
fn a_milestone_never_done_is_not_achieved_at_the_end_and_off_track_before() {
    let fw = framework();
    let none: Vec<Point> = Vec::new();
    let due = q(2).end;
    let p3 = at(&fw, "M", &none, q(3));
    assert_eq!(
        (p3.status, &p3.reason),
        (Status::OffTrack, &Reason::MilestoneOverdue { due })
    );
    let p4 = at(&fw, "M", &none, q(4));
    assert_eq!(
        (p4.status, &p4.reason),
        (Status::NotAchieved, &Reason::MilestoneOverdue { due })
    );
}

#[test]
fn a_level_that_fell_back_is_graded_against_the_target_in_force_and_shows_the_fall() {
    let fw = framework();
    // L: 3, then 4 (the end target, reached in 2022-Q2), then 3.5.
    let points = quarterly(&["3", "4", "3.5"]);
    assert_eq!(at(&fw, "L", &points, q(2)).status, Status::Achieved);
    let p = at(&fw, "L", &points, q(3));
    // In force on 30 September: from 2 on 1 January to 4 on 31 December,
    // 272 of 364 days on: 2 + 2 x 272 / 364 = 3.4945. Progress from the
    // baseline: (3.5 - 2) / (3.4945 - 2) = 1.5 x 364 / 544 = 100.37 %:
    // on track, and the reason says it fell from 4 (2022-Q2) to 3.5.
    assert_eq!(p.status, Status::OnTrack);
    let Reason::FellBack {
        fell,
        actual,
        target,
        expected,
        percent,
        ..
    } = p.reason
    else {
        panic!("reason {:?}", p.reason)
    };
    assert_eq!(
        fell,
        Fall {
            from: d("4"),
            period: q(2)
        }
    );
    assert_eq!((actual, target), (d("3.5"), d("4")));
    assert_eq!(expected.round_dp(4), d("3.4945"));
    assert_eq!(percent.round_dp(2), d("100.37"));
    let text = crate::locale::plain_explanation(p.status, &p.reason);
    assert!(
        text.starts_with("on track: fell from 4 (2022-Q2) to 3.5, below the end-of-project target of 4; "),
        "{text}"
    );
    // Still 3.5 at the end: not achieved, (3.5 - 2) / (4 - 2) = 75 % of the
    // way, and the fall from 4 is kept.
    let end = quarterly(&["3", "4", "3.5", "3.5"]);
    let p4 = at(&fw, "L", &end, q(4));
    assert_eq!(p4.status, Status::NotAchieved);
    assert!(matches!(
        p4.reason,
        Reason::NotAchieved { percent, fell: Some(f), start, .. }
            if percent == d("75") && f == Fall { from: d("4"), period: q(2) } && start == d("2")
    ));
}

#[test]
fn a_decreasing_level_falls_back_by_rising() {
    let fw = framework();
    // D reached 5 in 2022-Q1, then rose to 7 in 2022-Q2. In force on
    // 30 June: 10 - 5 x 180 / 364 = 7.5275; progress (7 - 10) / (7.5275 -
    // 10) = 3 x 364 / 900 = 121.33 %: on track, fallen back from 5.
    let points = quarterly(&["5", "7"]);
    let p = at(&fw, "D", &points, q(2));
    assert_eq!(p.status, Status::OnTrack);
    assert!(matches!(
        p.reason,
        Reason::FellBack { fell, percent, .. } if fell == Fall { from: d("5"), period: q(1) } && percent.round_dp(2) == d("121.33")
    ));
}

#[test]
fn a_level_that_never_reached_its_target_did_not_fall_back() {
    let fw = framework();
    // 3, 3.8, 3.5: below 4 throughout; a plain progress reason.
    let p = at(&fw, "L", &quarterly(&["3", "3.8", "3.5"]), q(3));
    assert!(matches!(p.reason, Reason::Progress { .. }), "{:?}", p.reason);
}
