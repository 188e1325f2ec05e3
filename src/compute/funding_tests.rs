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
fn the_pace_of_spending_compares_the_burn_rate_with_1() {
    // 40 % spent after 50 % of the time: 40 / 50 = 0.8, slower.
    assert_eq!(Pace::of(d("0.8")), Pace::Slower);
    assert_eq!(Pace::of(d("1.0000")), Pace::InStep);
    assert_eq!(Pace::of(d("1.25")), Pace::Faster);
}

#[test]
fn a_total_of_no_amounts_is_none_not_zero() {
    use rust_decimal::Decimal;
    assert_eq!(super::total(&[]), None);
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    assert_eq!(super::total(&[d("1000000.50"), d("250000.25")]), Some(d("1250000.75")));
}
