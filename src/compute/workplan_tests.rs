//! The workplan rule on the hand-worked fixture
//! (`tests/fixtures/register/workplan.yaml`, whose comments work each count).

use super::*;
use crate::compute::risks::tests::fixture;

#[test]
fn at_q2_planned_due_done_and_what_comes_in_q3() {
    let fw = fixture();
    let plan = fw.workplan.as_ref().unwrap();
    let q2 = fw.parse_period("2023-Q2").unwrap();
    let w = workplan_at(&fw, plan, &q2);
    let ids = |v: &[usize]| v.iter().map(|&i| plan.activities[i].id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&w.in_period), ["A4", "A2", "A5", "A3"]);
    assert_eq!((w.due, w.due_done), (3, 1));
    assert_eq!(
        w.by_status,
        [
            (ActivityStatus::Done, 1),
            (ActivityStatus::UnderWay, 1),
            (ActivityStatus::Delayed, 1),
            (ActivityStatus::Cancelled, 1),
        ]
    );
    assert_eq!(w.next, Some(fw.parse_period("2023-Q3").unwrap()));
    let coming: Vec<(String, bool)> = w
        .coming
        .iter()
        .map(|&(i, o)| (plan.activities[i].id.clone(), o))
        .collect();
    assert_eq!(
        coming,
        [("A4".into(), false), ("A3".into(), true), ("A6".into(), false)]
    );
}

#[test]
fn after_the_last_period_nothing_comes_next() {
    let fw = fixture();
    let plan = fw.workplan.as_ref().unwrap();
    let q4 = fw.parse_period("2023-Q4").unwrap();
    let w = workplan_at(&fw, plan, &q4);
    assert_eq!(w.next, None);
    assert!(w.coming.is_empty());
    // Q4: A4 (ends 30 Nov, under way) and A7 (10 Oct, planned); due both, done none.
    assert_eq!((w.in_period.len(), w.due, w.due_done), (2, 2, 0));
}
