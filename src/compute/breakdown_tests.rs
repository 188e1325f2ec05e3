//! Breakdown sums on a hand-made ledger. Dimension 0 is sex (0 = female,
//! 1 = male), dimension 1 is age (0 = under 18, 1 = 18 and over).

use rust_decimal::Decimal;

use super::*;
use crate::ledger::Entry;
use crate::ledger::row::Origin;
use crate::model::{Aggregate, Period};
use crate::source::FileId;

fn n(v: i64) -> Value {
    Value::Number {
        value: Decimal::from(v),
    }
}

/// A key giving `sex` and/or `age`.
fn key(sex: Option<u16>, age: Option<u16>) -> DimKey {
    let mut k = DimKey::TOTAL;
    k.0[0] = sex.unwrap_or(TOTAL);
    k.0[1] = age.unwrap_or(TOTAL);
    k
}

fn entry(q: u32, dims: DimKey, v: i64) -> Entry {
    Entry {
        indicator: 0,
        period: Period::quarter(2023, q),
        dims,
        value: n(v),
        comment: 0,
        source: 0,
        recorded_by: 0,
        recorded_at: None,
        origin: Origin {
            file: FileId(0),
            line: 1,
        },
        review: Default::default(),
        review_of: None,
        reviewed_by: 0,
        review_note: 0,
    }
}

/// Q1: total 10 = female 6 + male 4 = female/under 18 2 + female/adult 4 +
/// male/under 18 1 + male/adult 3. Q2: total 5 = female 5 (nothing else).
fn ledger() -> Ledger {
    Ledger::of_entries(
        &[
            entry(1, DimKey::TOTAL, 10),
            entry(1, key(Some(0), None), 6),
            entry(1, key(Some(1), None), 4),
            entry(1, key(Some(0), Some(0)), 2),
            entry(1, key(Some(0), Some(1)), 4),
            entry(1, key(Some(1), Some(0)), 1),
            entry(1, key(Some(1), Some(1)), 3),
            entry(2, DimKey::TOTAL, 5),
            entry(2, key(Some(0), None), 5),
        ],
        Default::default(),
    )
}

fn point(l: &Ledger, rows: &[u32]) -> Point {
    let e = &l.entry(rows[0]);
    Point {
        period: e.period,
        value: e.value.clone(),
        rows: rows.to_vec(),
        from_parts: false,
    }
}

#[test]
fn sum_adds_and_is_none_for_nothing() {
    assert_eq!(sum(&[n(2), n(3), n(4)]), Some(n(9)));
    assert_eq!(sum(&[]), None);
}

#[test]
fn by_dimension_takes_the_finest_shape_once() {
    let l = ledger();
    // Q1 by sex: the sex-only rows (depth 1) beat sex x age (depth 2):
    // female 6, male 4; the depth-2 rows are not added a second time.
    let b = by_dimension(&l, &[0, 1, 2, 3, 4, 5, 6], 0);
    assert_eq!(b, BTreeMap::from([(0, n(6)), (1, n(4))]));
    // Q1 by age: only sex x age rows give age: under 18 = 2 + 1 = 3,
    // adults = 4 + 3 = 7.
    let b = by_dimension(&l, &[0, 1, 2, 3, 4, 5, 6], 1);
    assert_eq!(b, BTreeMap::from([(0, n(3)), (1, n(7))]));
    // Q1 and Q2 by sex: female 6 + 5 = 11, male 4.
    let b = by_dimension(&l, &[0, 1, 2, 7, 8], 0);
    assert_eq!(b, BTreeMap::from([(0, n(11)), (1, n(4))]));
    // Totals only: nothing.
    assert!(by_dimension(&l, &[0, 7], 0).is_empty());
}

#[test]
fn cross_sums_cells_and_margins() {
    let l = ledger();
    // Down: age, across: sex.        female  male  total
    //                 under 18         2      1      3
    //                 18 and over      4      3      7
    //                 total            6      4     10
    let t = cross(&l, &[0, 1, 2, 3, 4, 5, 6], 0, 1).expect("rows give both");
    assert_eq!(t.downs, vec![0, 1]);
    assert_eq!(t.acrosses, vec![0, 1]);
    assert_eq!(t.cells[&(0, 1)], n(1));
    assert_eq!(t.row_totals, vec![Some(n(3)), Some(n(7))]);
    assert_eq!(t.column_totals, vec![Some(n(6)), Some(n(4))]);
    assert_eq!(t.total, Some(n(10)));
    // Q2 has no row giving both.
    assert_eq!(cross(&l, &[7, 8], 0, 1), None);
}

#[test]
fn a_level_breaks_down_its_latest_period_a_total_every_period() {
    let l = ledger();
    // Rows 0, 1 are Q1, rows 7, 8 are Q2.
    assert_eq!(rows_to_break_down(&l, &[0, 1, 7, 8], false), vec![7, 8]);
    assert_eq!(rows_to_break_down(&l, &[0, 1, 7, 8], true), vec![0, 1, 7, 8]);
}

#[test]
fn points_behind_follow_the_rule() {
    let l = ledger();
    let (q1, q2) = (point(&l, &[0]), point(&l, &[7]));
    let within = [&q1, &q2];
    assert_eq!(points_behind(Aggregate::Sum, &within).len(), 2);
    // Last: Q2 (5); max: Q1 (10 > 5); mean: none.
    assert_eq!(points_behind(Aggregate::Last, &within)[0].value, n(5));
    assert_eq!(points_behind(Aggregate::Max, &within)[0].value, n(10));
    assert!(points_behind(Aggregate::Mean, &within).is_empty());
}

#[test]
fn complete_cells_keep_breakdowns_that_add_up_in_every_point() {
    let l = ledger();
    // Q1 alone: by sex 6 + 4 = 10, by age 3 + 7 = 10 (derived from sex x
    // age), and sex x age 2 + 4 + 1 + 3 = 10: all complete.
    let q1 = point(&l, &[0, 1, 2, 3, 4, 5, 6]);
    let cells = complete_cells(&l, &[&q1]);
    assert_eq!(cells.len(), 2 + 2 + 4);
    assert_eq!(cells[0], (key(Some(0), None), n(6)));
    assert_eq!(cells[2], (key(None, Some(0)), n(3)));
    // With Q2 (female 5 only): only the breakdown by sex is complete in
    // both; female 6 + 5 = 11, male 4.
    let q2 = point(&l, &[7, 8]);
    let cells = complete_cells(&l, &[&q1, &q2]);
    assert_eq!(cells, vec![(key(Some(0), None), n(11)), (key(Some(1), None), n(4))]);
}

#[test]
fn split_points_by_one_and_by_two_dimensions() {
    let l = ledger();
    let q1 = point(&l, &[0, 1, 2, 3, 4, 5, 6]);
    let q2 = point(&l, &[7, 8]);
    // By sex over Q1 and Q2: female 6 + 5 = 11, male 4 (+ 0): 15 = 10 + 5.
    let by_sex = split_points(&l, &[&q1, &q2], &[0]);
    assert_eq!(by_sex.get(&Some(vec![0])), Some(&n(11)));
    assert_eq!(by_sex.get(&Some(vec![1])), Some(&n(4)));
    assert_eq!(by_sex.get(&None), None);
    // By sex x age: Q1 gives 2, 4, 1, 3; Q2 has no age, so its 5 is not
    // broken down: 2 + 4 + 1 + 3 + 5 = 15.
    let both = split_points(&l, &[&q1, &q2], &[0, 1]);
    assert_eq!(both.get(&Some(vec![0, 0])), Some(&n(2)));
    assert_eq!(both.get(&Some(vec![0, 1])), Some(&n(4)));
    assert_eq!(both.get(&Some(vec![1, 0])), Some(&n(1)));
    assert_eq!(both.get(&Some(vec![1, 1])), Some(&n(3)));
    assert_eq!(both.get(&None), Some(&n(5)));
    // Only Q2's point (the latest, for a level): female 5 and nothing for male.
    let latest = split_points(&l, &[&q2], &[0]);
    assert_eq!(latest.len(), 1);
    assert_eq!(latest.get(&Some(vec![0])), Some(&n(5)));
}

/// The split of a point recorded in one breakdown only (no total row),
/// read straight from its rows, is the split [`complete_cells`] gives:
/// by sex, by age, by both, and for points whose rows give only sex.
#[test]
fn a_point_of_one_breakdown_splits_as_its_complete_cells_do() {
    // Q3: sex x age only, 2 + 4 + 1 + 3 = 10; Q4: sex only, 6 + 4 = 10.
    let l = Ledger::of_entries(
        &[
            entry(3, key(Some(0), Some(0)), 2),
            entry(3, key(Some(0), Some(1)), 4),
            entry(3, key(Some(1), Some(0)), 1),
            entry(3, key(Some(1), Some(1)), 3),
            entry(4, key(Some(0), None), 6),
            entry(4, key(Some(1), None), 4),
        ],
        Default::default(),
    );
    let with_total = |rows: &[u32], total: i64| Point {
        value: n(total),
        from_parts: true,
        ..point(&l, rows)
    };
    let q3 = with_total(&[0, 1, 2, 3], 10);
    let q4 = with_total(&[4, 5], 10);
    // What `split_points` gave before reading rows directly.
    let general = |points: &[&Point], dims: &[usize]| {
        let mut out: BTreeMap<Option<Vec<u16>>, Value> = BTreeMap::new();
        for p in points {
            let parts: Vec<_> = complete_cells(&l, &[p])
                .into_iter()
                .filter(|(k, _)| k.0.iter().enumerate().all(|(j, &v)| dims.contains(&j) == (v != TOTAL)))
                .collect();
            if parts.is_empty() {
                add_into(&mut out, None, &p.value);
            }
            for (k, v) in parts {
                add_into(&mut out, Some(dims.iter().map(|&d| k.0[d]).collect()), &v);
            }
        }
        out
    };
    for points in [vec![&q3], vec![&q4], vec![&q3, &q4]] {
        for dims in [vec![0], vec![1], vec![0, 1]] {
            assert_eq!(split_points(&l, &points, &dims), general(&points, &dims), "{dims:?}");
        }
    }
    // By hand: Q3 by age, under 18 2 + 1 = 3, adults 4 + 3 = 7; Q4 has no
    // age: its 10 is not broken down.
    let by_age = split_points(&l, &[&q3, &q4], &[1]);
    assert_eq!(by_age.get(&Some(vec![0])), Some(&n(3)));
    assert_eq!(by_age.get(&Some(vec![1])), Some(&n(7)));
    assert_eq!(by_age.get(&None), Some(&n(10)));
}
