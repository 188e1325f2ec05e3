//! Every period form parses to its dates and prints back; bad periods say why.

use super::*;

const APRIL: Option<FiscalYearStart> = Some(FiscalYearStart { month: 4, day: 1 });

#[test]
fn every_form_parses_to_its_dates_and_prints_back() {
    let cases = [
        ("2022", "2022-01-01", "2022-12-31"),
        ("2022-Q3", "2022-07-01", "2022-09-30"),
        ("2022-H1", "2022-01-01", "2022-06-30"),
        ("2022-07", "2022-07-01", "2022-07-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2022-07-15", "2022-07-15", "2022-07-15"),
        ("FY2022-23", "2022-04-01", "2023-03-31"),
        // Quarter 2 of the April year 2023-24: July to September 2023.
        ("FY2023-24-Q2", "2023-07-01", "2023-09-30"),
        // Quarter 4 runs into the next calendar year: January to March 2024.
        ("FY2023-24-Q4", "2024-01-01", "2024-03-31"),
        ("FY2023-24-H2", "2023-10-01", "2024-03-31"),
        ("2022-04-01..2022-06-30", "2022-04-01", "2022-06-30"),
    ];
    for (text, start, end) in cases {
        let p = parse_period(text, APRIL).unwrap();
        assert_eq!(p.start.to_string(), start, "{text}");
        assert_eq!(p.end.to_string(), end, "{text}");
        assert_eq!(p.to_string(), text);
    }
}

#[test]
fn same_dates_are_the_same_period() {
    let q = parse_period("2022-Q2", None).unwrap();
    let r = parse_period("2022-04-01..2022-06-30", None).unwrap();
    assert_eq!(q, r);
}

#[test]
fn bad_periods_say_why() {
    let cases = [
        ("2022-Q5", "quarter"),
        ("22-Q1", "four-digit year"),
        ("2022-13", "not a month"),
        ("2022-02-30", "not a date"),
        ("FY2022-24", "consecutive"),
        ("FY2022-23-Q5", "not a fiscal quarter or half"),
        ("FY2022-23-X1", "not a fiscal year"),
        ("FY2022-2", "not a fiscal year"),
        ("2022-06-30..2022-04-01", "before it starts"),
        ("", "empty"),
    ];
    for (text, needle) in cases {
        let e = parse_period(text, APRIL).unwrap_err();
        assert!(e.message.contains(needle), "{text}: {}", e.message);
    }
    let e = parse_period("FY2022-23", None).unwrap_err();
    assert!(e.hint.contains("fiscal_year_start"));
}

#[test]
fn reporting_periods_cover_the_project() {
    let span = Period::days(ymd(2021, 3, 15), ymd(2023, 12, 31));
    let q = reporting_periods(span, Frequency::Quarterly, None);
    assert_eq!(q.first().unwrap().to_string(), "2021-Q1");
    assert_eq!(q.last().unwrap().to_string(), "2023-Q4");
    assert_eq!(q.len(), 12);
    let fy = reporting_periods(span, Frequency::Annual, APRIL);
    let labels: Vec<String> = fy.iter().map(Period::to_string).collect();
    assert_eq!(labels, ["FY2020-21", "FY2021-22", "FY2022-23", "FY2023-24"]);
}

#[test]
fn a_fiscal_quarter_is_the_calendar_quarter_with_the_same_dates() {
    // With an April year, FY2023-24-Q2 and 2023-Q3 are both 1 July to
    // 30 September 2023: one period, two names.
    let fq = parse_period("FY2023-24 Q2", APRIL).unwrap();
    let q = parse_period("2023-Q3", None).unwrap();
    assert_eq!(fq, q);
    assert_eq!(fq.to_string(), "FY2023-24-Q2");
    let april = APRIL.unwrap();
    assert_eq!(q.as_fiscal_part(april).unwrap().to_string(), "FY2023-24-Q2");
    // January to March 2024 is the last quarter of FY2023-24.
    let q1 = parse_period("2024-Q1", None).unwrap();
    assert_eq!(q1.as_fiscal_part(april).unwrap().to_string(), "FY2023-24-Q4");
    // A calendar half that is not a fiscal half has no fiscal name.
    assert_eq!(parse_period("2023-H1", None).unwrap().as_fiscal_part(april), None);
    // October 2023 to March 2024 is the second fiscal half.
    let h = Period::days(ymd(2023, 10, 1), ymd(2024, 3, 31));
    assert_eq!(h.as_fiscal_part(april).unwrap().to_string(), "FY2023-24-H2");
    // A calendar fiscal year: the fiscal and calendar quarters coincide.
    let jan = FiscalYearStart { month: 1, day: 1 };
    assert_eq!(q.as_fiscal_part(jan).unwrap().to_string(), "FY2023-24-Q3");
}
