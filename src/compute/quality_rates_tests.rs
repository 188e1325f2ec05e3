//! Completeness, timeliness and consistency worked by hand on a framework
//! and a ledger written for the test.

use std::str::FromStr;

use chrono::NaiveDate;

use super::*;
use crate::compute::quality::Rules;

/// 2022, by quarter, two countries. A: a count broken down by country,
/// reported quarterly (the project's frequency). B: a survey percentage
/// whose frequency is "After each workshop" (irregular).
const YAML: &str = r#"
project:
  id: t
  title: Quality rates
  start: 2022-01-01
  end: 2022-12-31
  countries: [MX, GT]
  reporting_frequency: quarterly
disaggregations:
  country: [MX, GT]
results:
  - id: "1"
    level: output
    statement: Rates under test
    indicators:
      - id: A
        title: Count by country
        type: count
        disaggregate_by: [country]
        targets:
          - {period: end, value: "20"}
      - id: B
        title: Survey
        type: percentage
        frequency: After each workshop
        targets:
          - {period: end, value: "80"}
"#;

/// Q1: total 5 = MX 3 + GT 2, recorded 2022-04-20 (deadline 2022-03-31 +
/// 30 days = 2022-04-30: on time), the total corrected on 2022-09-01 (a
/// correction is not judged). Q2: total 4 but MX 1 + GT 2 = 3 (does not
/// add up), recorded 2022-08-15 (deadline 2022-07-30: late). Q3: nothing.
/// Q4: total 6 only, recorded 2023-01-10 (deadline 2023-01-30: on time).
const CSV: &str = "indicator,period,value,country,recorded_at
A,2022-Q1,5,,2022-04-20T09:00:00Z
A,2022-Q1,3,MX,2022-04-20T09:00:00Z
A,2022-Q1,2,GT,2022-04-20T09:00:00Z
A,2022-Q1,5,,2022-09-01T09:00:00Z
A,2022-Q2,4,,2022-08-15T09:00:00Z
A,2022-Q2,1,MX,2022-08-15T09:00:00Z
A,2022-Q2,2,GT,2022-08-15T09:00:00Z
A,2022-Q4,6,,2023-01-10T09:00:00Z
";

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn rates_worked_by_hand() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("logframe.yaml"), YAML).expect("write");
    std::fs::create_dir(dir.path().join("measurements")).expect("mkdir");
    std::fs::write(dir.path().join("measurements").join("2022.csv"), CSV).expect("write");
    let loaded = crate::workspace::load(dir.path());
    assert!(!loaded.diagnostics.has_errors(), "{:?}", loaded.diagnostics);
    let fw = loaded.framework.as_ref().expect("framework");
    let (c, _) = Computed::new(fw, &loaded.ledger, &loaded.sources, None);
    let rules = Rules {
        deadline_days: 30,
        today: NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
        now: None,
    };
    let r = rates(&c, &rules);
    let a = &r.indicators[0];
    // Due: Q1..Q4 (Q4's deadline 2023-01-30 is before 2023-06-30): 4.
    // Received: Q1, Q2, Q4: 3 of 4 = 75 %.
    assert_eq!(a.completeness, Rate::new(3, 4));
    assert_eq!(a.completeness.percent, Some(d("75")));
    assert_eq!(a.missing, vec![Period::quarter(2022, 3)]);
    // On time: Q1 and Q4 of 3 received: 2/3 = 66.66... %.
    assert_eq!((a.timeliness.part, a.timeliness.whole), (2, 3));
    assert_eq!(a.timeliness.percent.map(|p| p.round_dp(2)), Some(d("66.67")));
    assert_eq!(a.late, vec![Period::quarter(2022, 2)]);
    // Two shapes in Q1 (adds up) and Q2 (does not); Q4 has one: 1/2.
    assert_eq!(a.consistency, Rate::new(1, 2));
    assert_eq!(a.consistency.percent, Some(d("50")));
    // B: irregular, said so, nothing due, rates undefined (not 0 %).
    let b = &r.indicators[1];
    assert_eq!(
        b.not_checked,
        Some(NotChecked::Irregular {
            frequency: "After each workshop".into()
        })
    );
    assert_eq!(b.completeness.percent, None);
    assert_eq!(b.timeliness.percent, None);
    // Overall: the sums over A and B.
    assert_eq!(r.completeness, Rate::new(3, 4));
    assert_eq!((r.timeliness.part, r.timeliness.whole), (2, 3));
    assert_eq!(r.consistency, Rate::new(1, 2));
    // MX: its keys Q1 (on time) and Q2 (late): 1/2; periods holding MX in
    // two shapes: Q1 (adds up) and Q2 (does not): 1/2. GT the same.
    assert_eq!(r.countries.len(), 2);
    for k in &r.countries {
        assert_eq!(k.timeliness, Rate::new(1, 2), "{}", k.country);
        assert_eq!(k.consistency, Rate::new(1, 2), "{}", k.country);
    }
}

#[test]
fn a_rate_of_nothing_is_undefined() {
    assert_eq!(Rate::new(0, 0).percent, None);
    assert_eq!(Rate::new(0, 3).percent, Some(Decimal::ZERO));
    // 46 of 52 = 88.4615... %
    assert_eq!(Rate::new(46, 52).percent.map(|p| p.round_dp(1)), Some(d("88.5")));
}
