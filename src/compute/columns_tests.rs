//! Columns of the tracking table, worked by hand on a framework written
//! for the test: a project from 2021-03-15 to 2022-12-31 whose fiscal year
//! starts on 1 April.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::*;
use crate::load::framework::load_framework;
use crate::source::Sources;

const YAML: &str = r#"
project:
  id: t
  title: Columns
  start: 2021-03-15
  end: 2022-12-31
  countries: [MX]
  fiscal_year_start: "04-01"
  reporting_frequency: quarterly
results:
  - id: "1"
    level: impact
    statement: Columns under test
    indicators:
      - id: C
        title: Running total
        type: count
      - id: P
        title: Survey
        type: percentage
      - id: L
        title: Level
        type: number
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

fn point(y: i32, q: u32, value: Value) -> Point {
    Point {
        period: Period::quarter(y, q),
        value,
        rows: Vec::new(),
        from_parts: false,
    }
}

fn n(v: &str) -> Value {
    Value::Number { value: d(v) }
}

fn r(num: &str, den: &str) -> Value {
    Value::Ratio {
        numerator: d(num),
        denominator: d(den),
    }
}

const APRIL: FiscalYearStart = FiscalYearStart { month: 4, day: 1 };

#[test]
fn fiscal_years_run_from_the_one_holding_the_start_to_the_one_holding_the_end() {
    // 2021-03-15 is before 1 April: FY2020-21. 2022-12-31: FY2022-23.
    let fw = framework();
    let cols = columns(&fw, ColumnKind::FiscalYear, APRIL);
    let names: Vec<String> = cols.iter().map(|p| p.to_string()).collect();
    assert_eq!(names, ["FY2020-21", "FY2021-22", "FY2022-23"]);
    // The first covers 2021-03-15 .. 2021-03-31 of the project, the last
    // 2022-04-01 .. 2022-12-31.
    let (s, e) = within_project(&fw, &cols[0]);
    assert_eq!(
        (s.to_string(), e.to_string()),
        ("2021-03-15".into(), "2021-03-31".into())
    );
    let (s, e) = within_project(&fw, &cols[2]);
    assert_eq!(
        (s.to_string(), e.to_string()),
        ("2022-04-01".into(), "2022-12-31".into())
    );
    let years: Vec<String> = columns(&fw, ColumnKind::Year, APRIL)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(years, ["2021", "2022"]);
    let quarters = columns(&fw, ColumnKind::Quarter, APRIL);
    assert_eq!((quarters.len(), quarters[0].to_string()), (8, "2021-Q1".to_string()));
}

#[test]
fn a_fiscal_year_sums_a_count_pools_a_percentage_and_keeps_a_level_s_latest() {
    let fw = framework();
    let fy = Period::fiscal_year(2021, APRIL); // 2021-04-01 .. 2022-03-31
    let (c, p, l) = (&fw.indicators[0], &fw.indicators[1], &fw.indicators[2]);
    // Count: Q2 3, Q3 4, Q4 0, 2022-Q1 5 in FY2021-22 (2022-Q2's 7 is not):
    // 3 + 4 + 0 + 5 = 12.
    let counts = vec![
        point(2021, 2, n("3")),
        point(2021, 3, n("4")),
        point(2021, 4, n("0")),
        point(2022, 1, n("5")),
        point(2022, 2, n("7")),
    ];
    assert_eq!(column_actual(c, &counts, &fy), Some(n("12")));
    // Percentage: 8/10 (80 %) in 2021-Q3 and 1/10 (10 %) in 2022-Q1 pool to
    // (8 + 1) / (10 + 10) = 9/20 = 45 %, not the mean of 80 % and 10 %
    // (also 45 % here) nor the latest 10 %; with 1/40 instead the pool is
    // 9/50 = 18 %, the mean 41.25 %.
    let survey = vec![point(2021, 3, r("8", "10")), point(2022, 1, r("1", "40"))];
    let pooled = column_actual(p, &survey, &fy).expect("pooled");
    assert_eq!(pooled, r("9", "50"));
    assert_eq!(pooled.figure(), Some(d("18")));
    // Level: 12 in 2021-Q2, 9 in 2021-Q4: the latest, 9.
    let levels = vec![point(2021, 2, n("12")), point(2021, 4, n("9"))];
    assert_eq!(column_actual(l, &levels, &fy), Some(n("9")));
    // Nothing recorded in FY2020-21: no figure (not zero).
    assert_eq!(column_actual(c, &counts, &Period::fiscal_year(2020, APRIL)), None);
}

#[test]
fn a_percentage_to_date_pooled_and_latest() {
    // 19/27, 21/28 and 20/26: pooled 60/81 = 74.07 %, latest 20/26.
    let fw = framework();
    let p = &fw.indicators[1];
    let survey = vec![
        point(2021, 2, r("19", "27")),
        point(2021, 3, r("21", "28")),
        point(2021, 4, r("20", "26")),
    ];
    let (pooled, latest) = pooled_and_latest(p, &survey, Period::quarter(2021, 4).end).expect("a percentage");
    assert_eq!(pooled, Some(r("60", "81")));
    assert_eq!(latest, Some(r("20", "26")));
    // At 2021-Q3's end the latest is 21/28, the pool 40/55.
    let (pooled, latest) = pooled_and_latest(p, &survey, Period::quarter(2021, 3).end).unwrap();
    assert_eq!((pooled, latest), (Some(r("40", "55")), Some(r("21", "28"))));
    assert!(pooled_and_latest(&fw.indicators[0], &survey, Period::quarter(2021, 4).end).is_none());
}

#[test]
fn shares_weigh_a_percentage_by_its_denominator() {
    // Women 10/12 and men 10/14 (a survey): of 26 respondents, 12 women =
    // 46.15... %, 14 men = 53.84... %.
    let mut parts = std::collections::BTreeMap::new();
    parts.insert(0, r("10", "12"));
    parts.insert(1, r("10", "14"));
    let s = crate::compute::target_parts::shares(&parts);
    assert_eq!(s[&0].map(|v| v.round_dp(2)), Some(d("46.15")));
    assert_eq!(s[&1].map(|v| v.round_dp(2)), Some(d("53.85")));
    // Counts 71, 98, 3 of 172: women 41.28 %.
    let mut parts = std::collections::BTreeMap::new();
    parts.insert(0, n("71"));
    parts.insert(1, n("98"));
    parts.insert(2, n("3"));
    assert_eq!(
        crate::compute::target_parts::shares(&parts)[&0].map(|v| v.round_dp(2)),
        Some(d("41.28"))
    );
}
