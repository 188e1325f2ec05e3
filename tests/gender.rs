//! Gender equality results on the hand-built framework
//! `tests/fixtures/gender/`: shares by sex, share targets and graded
//! target parts. Every figure below is worked out by hand from its
//! logframe.yaml and measurements/ledger.csv.

mod common;

use std::path::Path;

use logframe::app::workspace::open_dir;
use logframe::compute::Computed;
use logframe::compute::gender::{SexShares, Trend};
use logframe::compute::target_parts::{PartGrade, grade_parts};
use logframe::model::{PartKind, Period, TargetPeriod};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn opened() -> logframe::app::Opened {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gender");
    open_dir(&dir).unwrap_or_else(|_| panic!("the gender fixture loads"))
}

fn q(n: u32) -> Period {
    Period::quarter(2023, n)
}

fn shares_of<'a>(all: &'a [SexShares], o: &logframe::app::Opened, id: &str) -> &'a SexShares {
    let ix = o.framework.indicator_index(id).unwrap();
    all.iter().find(|s| s.indicator == ix).unwrap()
}

fn grades(o: &logframe::app::Opened, c: &Computed, id: &str, p: &Period) -> Vec<PartGrade> {
    let ix = o.framework.indicator_index(id).unwrap();
    grade_parts(&o.framework, &o.ledger, &o.framework.indicators[ix], &c.progress(ix, p))
}

#[test]
fn shares_by_sex_keep_other_and_pool_the_rows_to_date() {
    let o = opened();
    let (c, _) = Computed::new(&o.framework, &o.ledger, &o.sources, None);
    let all = c.sex_shares(&q(2));
    // Every indicator disaggregated by sex, in logframe order; T.3 is not.
    let ids: Vec<&str> = all
        .iter()
        .map(|s| o.framework.indicators[s.indicator].id.as_str())
        .collect();
    assert_eq!(ids, ["P.1", "T.1", "T.2", "T.4"]);

    // T.1 to 2023-Q2: women 6 + 9 = 15, men 10 + 6 = 16, other 0 + 1 = 1;
    // total 32. Women 15 / 32 = 46.875 %, men 16 / 32 = 50 %, other 1 / 32 = 3.125 %.
    let t1 = shares_of(&all, &o, "T.1");
    let to_date = t1.to_date.as_ref().unwrap();
    assert_eq!(to_date.total, d("32"));
    let s: Vec<Option<Decimal>> = to_date.categories.iter().map(|c| c.share).collect();
    assert_eq!(s, [Some(d("46.875")), Some(d("50")), Some(d("3.125"))]);
    // Within 2023-Q2: women 9 / 16 = 56.25 %, men 6 / 16 = 37.5 %, other 1 / 16 = 6.25 %.
    assert_eq!(t1.women_in_period(), Some(d("56.25")));
    assert_eq!(t1.period.as_ref().unwrap().share(2), Some(d("6.25")));
    // Previous reporting period 2023-Q1, to date: women 6 / 16 = 37.5 %: up.
    assert_eq!(t1.previous_period, Some(q(1)));
    assert_eq!(t1.women_previous(), Some(d("37.5")));
    assert_eq!(t1.trend, Some(Trend::Up));
    // The share target in force at 2023-Q2 is the 2023-Q2 target's 50 %
    // (due 2023-06-30); 46.875 < 50: not met.
    let target = t1.target.unwrap();
    assert_eq!((target.share, target.kind), (d("50"), PartKind::Share));
    assert_eq!(t1.met, Some(false));

    // P.1, a percentage: the share of women among the respondents (the
    // denominators), 10 / (10 + 15) = 40 %, not among those applying
    // the procedures (8 of 14). Target 50 %: not met. No value before Q2: no trend.
    let p1 = shares_of(&all, &o, "P.1");
    assert_eq!(p1.women_to_date(), Some(d("40")));
    assert_eq!(p1.to_date.as_ref().unwrap().total, d("25"));
    assert_eq!(p1.met, Some(false));
    assert_eq!(p1.trend, None);

    // T.2, by sex x country: women 8 + 4 = 12, men 5, other 3; total 20.
    // Women 12 / 20 = 60 %. Its `by:` target gives women 20 of 50:
    // a share target of 20 / 50 = 40 %, met. Nothing in Q2: no period split.
    let t2 = shares_of(&all, &o, "T.2");
    assert_eq!(t2.women_to_date(), Some(d("60")));
    assert_eq!(t2.period, None);
    let target = t2.target.unwrap();
    assert_eq!((target.share, target.kind), (d("40"), PartKind::Value));
    assert_eq!(t2.met, Some(true));
    // Q1 to date already held every row: the same share, trend same.
    assert_eq!(t2.trend, Some(Trend::Same));

    // T.4: 0 women and 0 men certified: a total of 0, every share undefined
    // (not 0 %), no verdict on its 40.5 % target.
    let t4 = shares_of(&all, &o, "T.4");
    assert_eq!(t4.to_date.as_ref().unwrap().total, Decimal::ZERO);
    assert!(
        t4.to_date
            .as_ref()
            .unwrap()
            .categories
            .iter()
            .all(|c| c.share.is_none())
    );
    assert_eq!(t4.target.unwrap().share, d("40.5"));
    assert_eq!((t4.met, t4.trend), (None, None));
}

#[test]
fn a_row_without_sex_counts_in_no_category_and_the_end_target_takes_over() {
    let o = opened();
    let (c, _) = Computed::new(&o.framework, &o.ledger, &o.sources, None);
    let all = c.sex_shares(&q(3));
    // T.1 at 2023-Q3: 12 trained recorded without sex; the shares stay
    // those of the 32 recorded by sex (46.875 % women), and Q3 has no split.
    let t1 = shares_of(&all, &o, "T.1");
    assert_eq!(t1.women_to_date(), Some(d("46.875")));
    assert_eq!(t1.to_date.as_ref().unwrap().total, d("32"));
    assert_eq!(t1.period, None);
    assert_eq!(t1.trend, Some(Trend::Same));
    // The 2023-Q2 target has passed: the end target's 40 % is in force; met.
    assert_eq!(t1.target.unwrap().share, d("40"));
    assert_eq!(t1.target.unwrap().period, TargetPeriod::End);
    assert_eq!(t1.met, Some(true));
}

#[test]
fn target_parts_are_graded_like_targets() {
    let o = opened();
    let (c, _) = Computed::new(&o.framework, &o.ledger, &o.sources, None);
    // T.1 at 2023-Q2: women 46.875 % against 50 % (due): 46.875 / 50 =
    // 93.75 %, not met; against the end's 40 % (not yet due):
    // 46.875 / 40 = 117.1875 %, met.
    let g = grades(&o, &c, "T.1", &q(2));
    assert_eq!(g.len(), 2);
    assert_eq!(
        (g[0].actual, g[0].percent, g[0].met, g[0].due),
        (Some(d("46.875")), Some(d("93.75")), Some(false), true)
    );
    assert_eq!((g[0].category_value, g[0].total), (Some(d("15")), Some(d("32"))));
    assert_eq!(
        (g[1].actual, g[1].percent, g[1].met, g[1].due),
        (Some(d("46.875")), Some(d("117.1875")), Some(true), false)
    );
    // T.2's values: women 12 of 20 = 60 %, men 5 of 20 = 25 %; neither met.
    let g = grades(&o, &c, "T.2", &q(2));
    let v: Vec<_> = g
        .iter()
        .map(|g| (g.kind, g.category, g.actual, g.percent, g.met))
        .collect();
    assert_eq!(
        v,
        [
            (PartKind::Value, 0, Some(d("12")), Some(d("60")), Some(false)),
            (PartKind::Value, 1, Some(d("5")), Some(d("25")), Some(false)),
        ]
    );
    // Nothing recorded yet (2023-Q1 for P.1): no actual, no percent, not graded.
    let g = grades(&o, &c, "P.1", &q(1));
    assert_eq!((g[0].actual, g[0].percent, g[0].met), (None, None, None));
}

/// The report's section on the same fixture at 2023-Q2 (figures above):
/// the overall line names the count with the largest total recorded by
/// sex (T.1, 32; T.2 has 20), every category keeps its column, and each
/// indicator has its sentence.
#[test]
fn the_report_section_states_the_shares_the_targets_and_the_trend() {
    let ws = common::fixture_workspace("gender", "gender");
    let out = ws.path().join("out");
    let r = common::run(
        ws.path(),
        &[
            "report",
            "gender",
            "--period",
            "2023-Q2",
            "--format",
            "json,md",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    r.expect_code(0);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("gender-2023-Q2.json")).unwrap()).unwrap();
    let g = &json["gender"];
    assert_eq!(
        g["overall"],
        "Overall, women are 46.9% of the 32 officials of indicator T.1 (Number of officials trained) to date, against a target of at least 50%."
    );
    assert_eq!(
        g["table"]["header"].as_array().unwrap()[2..5],
        ["Women", "Men", "Other"]
    );
    // T.1: 46.875 % (15) women, 50 % (16) men, 3.125 % (1) other; 9 of 16 this period.
    assert_eq!(
        g["table"]["rows"][1],
        serde_json::json!([
            "T.1",
            "32",
            "46.9% (15)",
            "50% (16)",
            "3.1% (1)",
            "56.2%",
            "37.5%",
            "at least 50%",
            "up"
        ])
    );
    let t1 = &g["indicators"][1];
    assert_eq!(t1["women_to_date"], "46.875");
    assert_eq!(t1["met"], false);
    assert_eq!(
        t1["sentence"],
        "Women are 46.9% of the 32 officials recorded by sex to date. This period: 56.2% of 16. \
         The target of at least 50% women is not met. Up from 37.5% at the end of 2023-Q1. \
         Sex: women 46.9%, men 50%, other 3.1%."
    );
    // P.1: of the 25 respondents (the denominators), 10 are women: 40 %.
    assert!(
        g["indicators"][0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("Women are 40% of the 25 people counted in the denominator")
    );
    // T.4: a total of 0 has no share, and says so.
    assert_eq!(
        g["indicators"][3]["sentence"],
        "The total recorded by sex to date is 0: there is no share to give."
    );
    let md = std::fs::read_to_string(out.join("gender-2023-Q2.md")).unwrap();
    assert!(md.contains("## Gender equality results"), "{md}");
}
