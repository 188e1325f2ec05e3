//! Overlapping values are never both counted, on the hand-built framework
//! of tests/fixtures/compute (C1: a count, summed).

use std::path::{Path, PathBuf};

use super::*;
use crate::compute::sum::add;
use crate::ledger::row::RowParser;
use crate::load::framework::load_framework;

fn framework() -> Framework {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compute");
    let (fw, diags) = load_framework(&dir, &mut Sources::default());
    fw.unwrap_or_else(|| panic!("framework: {diags:?}"))
}

#[test]
fn of_overlapping_values_the_longer_period_counts_and_the_other_is_named() {
    let fw = framework();
    let mut sources = Sources::default();
    let file = sources.add(
        PathBuf::from("ledger.csv"),
        "indicator,period,value\n\
         C1,2022-Q1,10\n\
         C1,2022-03-31,4\n\
         C1,2022-Q2,15\n\
         C1,2022-H2,7\n\
         C1,2022-Q3,5\n"
            .into(),
    );
    let mut ledger = Ledger::default();
    let read = ledger.read_file(&fw, &mut RowParser::new(&fw), &sources, file);
    assert!(!read.has_errors(), "{read:?}");
    let (series, diags) = Series::build(&fw, &ledger, &ledger.current(None), &sources);
    let c1 = fw.indicator_index("C1").expect("C1");
    let kept: Vec<String> = series.by_indicator[c1]
        .iter()
        .map(|p| format!("{}={}", p.period, show(&p.value)))
        .collect();
    // The day 2022-03-31 lies in 2022-Q1 (longer: Q1 counts); 2022-Q3 lies
    // in 2022-H2 (longer: H2 counts). Counted: 10 + 15 + 7 = 32, not the
    // 10 + 4 + 15 + 7 + 5 = 41 of adding everything.
    assert_eq!(kept, ["2022-Q1=10", "2022-Q2=15", "2022-H2=7"]);
    let messages: Vec<&str> = diags.0.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "indicator C1: values for 2022-Q1 and 2022-03-31 overlap; only 2022-Q1 is counted",
            "indicator C1: values for 2022-H2 and 2022-Q3 overlap; only 2022-H2 is counted",
        ]
    );
    assert!(diags.0.iter().all(|d| !d.is_error()), "warnings, not errors");
}

/// The integer sum of inline numbers gives exactly what adding the values
/// one by one gives, scale included, whatever the mix of scales, signs and
/// numbers too wide to be held inline.
#[test]
fn sums_of_inline_numbers_are_the_sums_of_the_values() {
    let fw = framework();
    let mut sources = Sources::default();
    let values = [
        "2",
        "3",
        "1.5",
        "2.50",
        "-4",
        "12345678901.5",
        "0.10",
        "0.20",
        "7",
        "-7",
        "999999999",
        "1",
    ];
    let mut text = String::from("indicator,period,value\n");
    for (k, v) in values.iter().enumerate() {
        text.push_str(&format!("L1,2022-{:02},{v}\n", k + 1));
    }
    let file = sources.add(PathBuf::from("ledger.csv"), text);
    let mut ledger = Ledger::default();
    let read = ledger.read_file(&fw, &mut RowParser::new(&fw), &sources, file);
    assert!(!read.has_errors(), "{read:?}");
    let rows: Vec<u32> = (0..ledger.len() as u32).collect();
    assert!(ledger.inline_number(0).is_some() && ledger.inline_number(5).is_none());
    // Every run of rows, from every start.
    for start in 0..rows.len() {
        let mut sum = Sum::of(&ledger, rows[start]);
        let mut expected = ledger.value(rows[start]);
        for &i in &rows[start + 1..] {
            sum.add(&ledger, i);
            expected = add(&expected, &ledger.value(i));
            let (got, want) = (sum.value(), expected.clone());
            assert_eq!(format!("{got:?}"), format!("{want:?}"), "from row {start} to {i}");
        }
    }
}
