//! Percent achieved, on the hand-built framework of tests/fixtures/compute.

use std::path::Path;
use std::str::FromStr;

use super::*;
use crate::load::framework::load_framework;
use crate::source::Sources;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn framework() -> Framework {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compute");
    let (fw, diags) = load_framework(&dir, &mut Sources::default());
    fw.unwrap_or_else(|| panic!("framework: {diags:?}"))
}

fn indicator<'a>(fw: &'a Framework, id: &str) -> &'a Indicator {
    fw.indicators.iter().find(|i| i.id == id).expect("indicator")
}

#[test]
fn percent_of_is_the_share_of_the_way_travelled() {
    // From 20 to 70, at 45: (45 - 20) / (70 - 20) x 100 = 25 / 50 x 100 = 50.
    assert_eq!(percent_of(d("45"), d("20"), d("70")), Some(d("50")));
    // A target equal to the start leaves nothing to travel: undefined.
    assert_eq!(percent_of(d("5"), d("5"), d("5")), None);
}

#[test]
fn percent_toward_follows_the_kind_of_indicator() {
    let fw = framework();
    // C1, a running total: 30 / 40 x 100 = 75.
    assert_eq!(percent_toward(indicator(&fw, "C1"), d("30"), d("40")), Some(d("75")));
    // L1, a level falling from 100 to 60, at 80:
    // (80 - 100) / (60 - 100) x 100 = -20 / -40 x 100 = 50.
    assert_eq!(percent_toward(indicator(&fw, "L1"), d("80"), d("60")), Some(d("50")));
}
