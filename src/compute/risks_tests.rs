//! The register rule on the hand-worked fixture
//! (`tests/fixtures/register/risks.yaml`, whose comments work each figure).

use super::*;
use crate::model::Framework;

pub(crate) fn fixture() -> Framework {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/register");
    let (fw, diags) = crate::load::load_framework(&dir, &mut crate::source::Sources::default());
    assert!(!diags.has_errors(), "{diags:?}");
    fw.expect("the fixture loads")
}

#[test]
fn rating_is_likelihood_times_impact_and_levels_cut_at_5_10_and_17() {
    assert_eq!(Assessment::new(2, 3, None).rating, 6);
    let levels: Vec<Level> = [1, 4, 5, 9, 10, 16, 20, 25].into_iter().map(Level::of).collect();
    use Level::*;
    assert_eq!(levels, [Low, Low, Medium, Medium, High, High, Critical, Critical]);
}

#[test]
fn at_q2_the_register_is_ordered_by_rating_with_trends_from_before_the_period() {
    let fw = fixture();
    let q2 = fw.parse_period("2023-Q2").unwrap();
    let reg = register_at(fw.risks.as_ref().unwrap(), &q2);
    let row = |r: &RiskAt| {
        (
            r.risk.id.clone(),
            r.now.rating,
            r.now.level,
            r.before.rating,
            r.trend,
            r.rose,
            r.update.map(|u| u.text.default.clone()),
        )
    };
    let rows: Vec<_> = reg.iter().map(row).collect();
    assert_eq!(
        rows,
        [
            // 4 x 4 = 16 now (Q2 update) against 3 x 3 = 9 (Q1 update).
            (
                "R1".to_string(),
                16,
                Level::High,
                9,
                Trend::Up,
                true,
                Some("A new minister froze cooperation".to_string())
            ),
            // 4 x 4 = 16 as identified, no update: same; after R1 (written later).
            ("R3".to_string(), 16, Level::High, 16, Trend::Same, false, None),
            // 3 x 4 = 12 now against 5 x 5 = 25 as identified.
            (
                "R2".to_string(),
                12,
                Level::High,
                25,
                Trend::Down,
                false,
                Some("The advance was paid".to_string())
            ),
            // 1 x 2 = 2: the Q3 update is after the period.
            ("R4".to_string(), 2, Level::Low, 2, Trend::Same, false, None),
        ]
    );
    assert_eq!(reg[0].before.period, Some(fw.parse_period("2023-Q1").unwrap()));
    assert_eq!(reg[1].now.period, None);
}

#[test]
fn at_q3_the_q3_update_counts_and_the_q2_one_is_before() {
    let fw = fixture();
    let q3 = fw.parse_period("2023-Q3").unwrap();
    let reg = register_at(fw.risks.as_ref().unwrap(), &q3);
    let by_id = |id: &str| reg.iter().find(|r| r.risk.id == id).unwrap();
    // R4: 3 x 2 = 6 now, 1 x 2 = 2 before: up.
    assert_eq!((by_id("R4").now.rating, by_id("R4").before.rating), (6, 2));
    assert!(by_id("R4").rose);
    // R1: no Q3 update: 16 now and 16 before (the Q2 update), no text this period.
    let r1 = by_id("R1");
    assert_eq!((r1.now.rating, r1.before.rating, r1.trend), (16, 16, Trend::Same));
    assert!(r1.update.is_none());
}
