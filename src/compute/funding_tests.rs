//! Funding shares on a framework written for the test.

use std::str::FromStr;

use super::*;
use crate::load::framework::load_framework;
use crate::source::Sources;

/// Budget 300, one pledge of 100, a stated shortfall of 210.
const YAML: &str = r#"
project:
  id: f
  title: Funding
  start: 2022-01-01
  end: 2023-12-31
  countries: [MX]
  reporting_frequency: quarterly
results:
  - id: "1"
    level: impact
    statement: Funding under test
    indicators:
      - id: C
        title: Running total
        type: count
        targets:
          - {period: end, value: "100"}
funding:
  currency: USD
  budget: "300.00"
  pledges:
    - {donor: Norway, amount: "100"}
  stated_shortfall: "210"
"#;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn summary_of(yaml: &str) -> FundingSummary {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), yaml).expect("write");
    let (fw, diags) = load_framework(dir.path(), &mut Sources::default());
    let fw = fw.unwrap_or_else(|| panic!("framework: {diags:?}"));
    summary(&fw, None).expect("a funding section").0
}

#[test]
fn percent_is_part_of_whole_to_two_decimals() {
    // 100 / 300 x 100 = 33.333... -> 33.33; 1 / 8 x 100 = 12.5.
    assert_eq!(percent(d("100"), d("300")), Some(d("33.33")));
    assert_eq!(percent(d("1"), d("8")), Some(d("12.5")));
    assert_eq!(percent(d("1"), Decimal::ZERO), None);
}

#[test]
fn the_shortfall_share_completes_the_pledged_share() {
    let s = summary_of(YAML);
    // Pledged 100 of 300: 33.33 %; shortfall 300 - 100 = 200: 66.67 %,
    // which is 100 - 33.33 (the figure the funding table used to work out
    // itself).
    assert_eq!(s.shortfall, d("200"));
    assert_eq!(s.pledged_percent, Some(d("33.33")));
    assert_eq!(s.shortfall_percent(), Some(d("66.67")));
    assert_eq!(
        s.shortfall_percent(),
        s.pledged_percent.map(|p| Decimal::ONE_HUNDRED - p)
    );
}

#[test]
fn a_stated_shortfall_is_off_by_its_gap_either_way() {
    // Stated 210 against 200: 10 more.
    let c = summary_of(YAML).shortfall_check.expect("stated");
    assert_eq!((c.difference, c.gap(), c.agrees), (d("10"), d("10"), false));
    // Stated 190 against 200: 10 less, the gap is still 10.
    let c = summary_of(&YAML.replace("\"210\"", "\"190\""))
        .shortfall_check
        .expect("stated");
    assert_eq!((c.difference, c.gap()), (d("-10"), d("10")));
}

#[test]
fn the_pace_of_spending_is_its_variance_against_a_band_of_10_percent() {
    // 40 % spent after 50 % of the time: burn 0.8, variance -20 %: behind.
    assert_eq!(Pace::of(d("-20")), Pace::Behind);
    assert_eq!(Pace::of(d("-10.01")), Pace::Behind);
    // Within ±10 % (edges included) spending is in step.
    assert_eq!(Pace::of(d("-10")), Pace::InStep);
    assert_eq!(Pace::of(d("3.02")), Pace::InStep);
    assert_eq!(Pace::of(d("10")), Pace::InStep);
    assert_eq!(Pace::of(d("10.01")), Pace::Ahead);
}

#[test]
fn cents_round_halves_away_from_zero() {
    // 0.125 is a half cent: up to 0.13 (banker's rounding would give 0.12).
    assert_eq!(cents(d("0.125")), d("0.13"));
    assert_eq!(cents(d("-0.125")), d("-0.13"));
    assert_eq!(cents(d("272019.725")), d("272019.73"));
}

/// Two lines over a year of four quarters (365 days): training 600 and
/// staff 400 of a budget of 1000. Q1 and Q2 have expenditure, Q3 has none
/// (nobody entered it), Q4 has a written forecast for training only.
const STATEMENT: &str = include_str!("../../tests/fixtures/funding/statement/logframe.yaml");

fn statement_at(period: &str) -> FundingSummary {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), STATEMENT).expect("write");
    let (fw, diags) = load_framework(dir.path(), &mut Sources::default());
    let fw = fw.unwrap_or_else(|| panic!("framework: {diags:?}"));
    let p = fw.parse_period(period).expect("period");
    summary(&fw, Some(p)).expect("a funding section").0
}

#[test]
fn a_period_with_expenditure_has_its_own_spending_comments_and_an_averaged_forecast() {
    let s = statement_at("2022-Q2");
    // This period: 60 + 110 + 0 = 170; to date 150 + 90 + 170 = 410.
    assert_eq!(
        (s.this_period, s.spent, s.remaining),
        (Some(d("170")), d("410"), d("590"))
    );
    let (training, staff) = (&s.lines[0], &s.lines[1]);
    assert_eq!(
        (training.this_period, staff.this_period),
        (Some(d("60")), Some(d("110")))
    );
    // The comment written twice with staff's rows is shown once; training's
    // Q2 row has none (Q1's "Workshop 1, Lima" belongs to Q1).
    assert_eq!(staff.comments, ["Two experts"]);
    assert!(training.comments.is_empty());
    assert!(s.missing.is_empty());
    assert_eq!(s.pace_to.map(|p| p.to_string()).as_deref(), Some("2022-Q2"));
    // No forecast is written for Q3: each line's average over the 2
    // quarters with expenditure: training 210 / 2 = 105, staff 200 / 2 =
    // 100; together 205.
    let f = s.forecast.as_ref().expect("a forecast");
    assert_eq!(
        (f.period.to_string().as_str(), f.amount, f.basis),
        ("2022-Q3", d("205"), Basis::Average)
    );
    assert_eq!(f.periods_averaged, 2);
    let lf = training.forecast.as_ref().expect("training");
    assert_eq!((lf.amount, lf.basis), (d("105"), Basis::Average));
}

#[test]
fn a_period_nobody_entered_is_missing_and_the_pace_runs_to_the_last_period_with_expenditure() {
    let s = statement_at("2022-Q3");
    // Nothing is recorded for Q3: unknown, not 0, and a finding.
    assert_eq!(s.this_period, None);
    assert_eq!(s.lines[0].this_period, None);
    assert_eq!(s.missing.iter().map(|p| p.to_string()).collect::<Vec<_>>(), ["2022-Q3"]);
    assert_eq!(s.spent, d("410"));
    // Time elapsed by the end of Q3: 273 of 365 days = 74.79 %; but the
    // pace runs to the end of Q2: 181 of 365 days = 49.59 %.
    assert_eq!(s.elapsed_percent, Some(d("74.79")));
    assert_eq!(s.pace_to.map(|p| p.to_string()).as_deref(), Some("2022-Q2"));
    assert_eq!(s.pace_elapsed_percent, Some(d("49.59")));
    // Burn: (410 / 1000) / (181 / 365) = 149650 / 181000 = 0.826795... ->
    // 0.8268; variance (0.826795 - 1) x 100 = -17.32 %: behind. (Counting
    // Q3 as zero would have given 0.41 / 0.7479 = 0.548, -45.2 %.)
    assert_eq!(s.burn_rate, Some(d("0.8268")));
    assert_eq!((s.variance_percent, s.pace), (Some(d("-17.32")), Some(Pace::Behind)));
    let (training, staff) = (&s.lines[0], &s.lines[1]);
    // Training: 150 + 60 = 210 of 600 (35 %); pro-rated 600 x 181 / 365 =
    // 297.534... -> 297.53; variance 210 x 365 / (600 x 181) = 76650 /
    // 108600 = 0.705801 -> -29.42 %: behind.
    assert_eq!((training.spent, training.spent_percent), (d("210"), Some(d("35"))));
    assert_eq!(training.pro_rated, Some(d("297.53")));
    assert_eq!(
        (training.variance_percent, training.pace),
        (Some(d("-29.42")), Some(Pace::Behind))
    );
    // Staff: 90 + 110 + 0 = 200 of 400 (50 %); pro-rated 400 x 181 / 365 =
    // 198.356... -> 198.36; variance 73000 / 72400 = 1.008287 -> +0.83 %:
    // in step, though the whole budget runs behind.
    assert_eq!((staff.spent, staff.spent_percent), (d("200"), Some(d("50"))));
    assert_eq!(staff.pro_rated, Some(d("198.36")));
    assert_eq!(
        (staff.variance_percent, staff.pace),
        (Some(d("0.83")), Some(Pace::InStep))
    );
    // Q4: training's forecast is written (250), staff's is its average
    // (200 / 2 = 100): 350, a mixed basis.
    let lf = training.forecast.as_ref().expect("training");
    assert_eq!((lf.amount, lf.basis), (d("250"), Basis::Written));
    assert_eq!(lf.comments, ["Workshop 2"]);
    let sf = staff.forecast.as_ref().expect("staff");
    assert_eq!((sf.amount, sf.basis), (d("100"), Basis::Average));
    let f = s.forecast.as_ref().expect("a forecast");
    assert_eq!(
        (f.period.to_string().as_str(), f.amount, f.basis),
        ("2022-Q4", d("350"), Basis::Mixed)
    );
}

#[test]
fn the_last_period_has_no_next_one_to_forecast() {
    let s = statement_at("2022-Q4");
    assert!(s.forecast.is_none());
    // Q3 and Q4 are both without expenditure.
    assert_eq!(s.missing.len(), 2);
}

#[test]
fn a_framework_that_records_no_expenditure_misses_none() {
    // YAML has pledges only: no period is "missing".
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), YAML).expect("write");
    let (fw, _) = load_framework(dir.path(), &mut Sources::default());
    let fw = fw.expect("framework");
    assert!(missing_periods(&fw, fw.project.end).is_empty());
}

#[test]
fn a_total_of_no_amounts_is_none_not_zero() {
    use rust_decimal::Decimal;
    assert_eq!(super::total(&[]), None);
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    assert_eq!(super::total(&[d("1000000.50"), d("250000.25")]), Some(d("1250000.75")));
}
