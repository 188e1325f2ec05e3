//! The tracking table (`compare`) as an evaluator reads it, on STARSOM,
//! every figure worked by hand from `frameworks/starsom/measurements/*.csv`.
//!
//! 1110.1 (share of trained practitioners reporting improved skills, a
//! percentage, `aggregate: last` by default) has six follow-up surveys,
//! numerator/denominator by sex:
//!
//! | period  | women | men   | other | total  |
//! |---------|-------|-------|-------|--------|
//! | 2022-Q1 | 8/11  | 11/16 |       | 19/27  |
//! | 2022-Q2 | 9/12  | 12/16 |       | 21/28  |
//! | 2022-Q4 | 9/11  | 11/14 | 1/1   | 21/26  |
//! | 2023-Q1 | 6/8   | 12/16 |       | 18/24  |
//! | 2023-Q2 | 9/11  | 10/13 | 1/1   | 20/25  |
//! | 2023-Q3 | 10/12 | 10/14 |       | 20/26  |
//! | pooled  | 51/65 | 66/89 | 2/2   | 119/156 |
//!
//! Latest (2023-Q3): 20/26 = 76.923 %; pooled: 119/156 = 76.282 %.

mod common;

use common::{copy_dir, root, run};
use serde_json::Value;

/// A workspace with STARSOM's logframe (changed by `edit`) and ledger.
fn starsom_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    let yaml = std::fs::read_to_string(from.join("logframe.yaml")).expect("logframe.yaml");
    std::fs::write(to.join("logframe.yaml"), edit(yaml)).expect("write logframe.yaml");
    dir
}

/// [`starsom_with`] an edit that must change the file: an edit that no
/// longer matches the shipped logframe fails here, rather than testing the
/// unedited framework.
fn starsom_edited(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    starsom_with(|y| {
        let edited = edit(y.clone());
        assert_ne!(edited, y, "the edit applies to frameworks/starsom/logframe.yaml");
        edited
    })
}

fn starsom() -> tempfile::TempDir {
    starsom_with(|y| y)
}

fn json(ws: &tempfile::TempDir, args: &[&str]) -> Value {
    serde_json::from_str(&common::compare_json(ws.path(), args).stdout).expect("json")
}

fn indicator(c: &Value, id: &str) -> Value {
    c["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["indicators"].as_array().unwrap().iter())
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("indicator {id}"))
        .clone()
}

fn category(i: &Value, name: &str) -> Value {
    i["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["category"] == name)
        .unwrap_or_else(|| panic!("category {name}"))
        .clone()
}

fn cell(i: &Value, period: &str) -> Value {
    i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["period"] == period)
        .unwrap_or_else(|| panic!("cell {period}"))
        .clone()
}

fn ratio(v: &Value) -> (String, String) {
    (
        v["numerator"].as_str().expect("numerator").to_string(),
        v["denominator"].as_str().expect("denominator").to_string(),
    )
}

fn r(n: &str, d: &str) -> (String, String) {
    (n.to_string(), d.to_string())
}

fn round(v: &Value, dp: u32) -> String {
    let d: rust_decimal::Decimal = v.as_str().expect("a decimal").parse().expect("decimal");
    d.round_dp(dp).normalize().to_string()
}

#[test]
fn a_last_indicator_s_breakdown_comes_from_its_total_s_period_and_pooled_shows_beside_latest() {
    let ws = starsom();
    let c = json(&ws, &["--to", "2023-Q3", "--by", "sex"]);
    let i = indicator(&c, "1110.1");
    // To date (aggregate last): the 2023-Q3 survey, 20/26 = 76.9 %, 96.2 %
    // of the end target 80 (76.923 / 80).
    assert_eq!(ratio(&i["life"]["actual"]), r("20", "26"));
    assert_eq!(i["life"]["actual_rule"], "latest");
    assert_eq!(round(&i["life"]["percent"], 1), "96.2");
    // Pooled over the project: 119/156 = 76.3 %, 95.4 % of 80 (76.282 / 80
    // = 95.35).
    assert_eq!(i["life"]["alternative"]["rule"], "pooled");
    assert_eq!(ratio(&i["life"]["alternative"]["actual"]), r("119", "156"));
    assert_eq!(round(&i["life"]["alternative"]["percent"], 1), "95.4");
    // The breakdown to date is 2023-Q3's: women 10/12 + men 10/14 = 20/26,
    // the total; "other" answered in 2022-Q4 and 2023-Q2 but not in
    // 2023-Q3, so it has no figure to date (it was 1/1 from 2023-Q2: 21/27).
    let (w, m, o) = (category(&i, "women"), category(&i, "men"), category(&i, "other"));
    assert_eq!(ratio(&w["to_date"]), r("10", "12"));
    assert_eq!(ratio(&m["to_date"]), r("10", "14"));
    assert_eq!(o["to_date"], Value::Null);
    // Pooled by sex: women 51/65 = 78.5 %, men 66/89 = 74.2 %, other 2/2.
    assert_eq!(ratio(&w["alternative"]), r("51", "65"));
    assert_eq!(ratio(&m["alternative"]), r("66", "89"));
    assert_eq!(ratio(&o["alternative"]), r("2", "2"));
    // Shares of the respondents of 2023-Q3: women 12/26 = 46.2 %, men
    // 14/26 = 53.8 %; the indicator's share of women is the same.
    assert_eq!(round(&w["share"], 1), "46.2");
    assert_eq!(round(&m["share"], 1), "53.8");
    assert_eq!(round(&i["women_share"], 1), "46.2");
    // In the 2023-Q2 column, other's 1/1 is there with women 9/11 and men
    // 10/13: 20/25, the column's total.
    let q2 = |k: &Value| k["actuals"].as_array().unwrap()[9].clone();
    assert_eq!(c["periods"][9], "2023-Q2");
    assert_eq!(ratio(&q2(&o)), r("1", "1"));
    assert_eq!(ratio(&cell(&i, "2023-Q2")["actual"]), r("20", "25"));
}

#[test]
fn aggregate_pooled_makes_the_pooled_figure_the_one_to_date() {
    let ws = starsom_edited(|y| {
        y.replacen(
            "es: \"% de los encuestados\"}\n                direction: increase",
            "es: \"% de los encuestados\"}\n                direction: increase\n                aggregate: pooled",
            1,
        )
    });
    let c = json(&ws, &["--to", "2023-Q3", "--by", "sex"]);
    let i = indicator(&c, "1110.1");
    assert_eq!(i["aggregate"], "pooled");
    // 119/156 to date, 95.35 % of 80; the latest 20/26 beside it.
    assert_eq!(i["life"]["actual_rule"], "pooled");
    assert_eq!(ratio(&i["life"]["actual"]), r("119", "156"));
    assert_eq!(round(&i["life"]["percent"], 2), "95.35");
    assert_eq!(i["life"]["alternative"]["rule"], "latest");
    assert_eq!(ratio(&i["life"]["alternative"]["actual"]), r("20", "26"));
    // Categories pooled too: women 51/65, other 2/2 (now to date); shares
    // of all 156 respondents: women 65/156 = 41.7 %.
    let (w, o) = (category(&i, "women"), category(&i, "other"));
    assert_eq!(ratio(&w["to_date"]), r("51", "65"));
    assert_eq!(ratio(&o["to_date"]), r("2", "2"));
    assert_eq!(round(&w["share"], 1), "41.7");
    // The table labels the basis.
    let t = run(ws.path(), &["compare", "starsom", "--to", "2023-Q3"]);
    let line = t.stdout.lines().find(|l| l.starts_with("1110.1")).expect("1110.1 line");
    assert!(
        line.contains("76.3 %") && line.contains("pooled") && line.contains("76.9 %"),
        "{line}"
    );
}

#[test]
fn aggregate_pooled_is_refused_for_a_count() {
    let ws = starsom_edited(|y| {
        y.replacen(
            "es: \"investigaciones\"}\n            direction: increase\n            cumulative: true\n            aggregate: sum",
            "es: \"investigaciones\"}\n            direction: increase\n            cumulative: false\n            aggregate: pooled",
            1,
        )
    });
    let r = run(ws.path(), &["check", "starsom"]);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("indicator 1100.1: `aggregate: pooled` pools numerators and denominators"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("logframe.yaml:"), "located: {}", r.stderr);
    assert!(r.stderr.contains("type: percentage"), "{}", r.stderr);
}

#[test]
fn fiscal_years_roll_up_a_count_a_percentage_and_a_level() {
    // STARSOM's fiscal year starts on 1 April (fiscal_year_start: 04-01).
    let ws = starsom();
    let c = json(&ws, &["--to", "2023-Q3", "--columns", "fiscal-year", "--increments"]);
    assert_eq!(c["columns"], "fiscal-year");
    let periods: Vec<&str> = c["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(periods, ["FY2020-21", "FY2021-22", "FY2022-23", "FY2023-24"]);
    // 1111.2, practitioners trained (a running total). FY2022-23 holds
    // 2022-Q2 0, 2022-Q3 5+6+1+4+5+3+4 = 28, 2022-Q4 4+9+4+9 = 26 and
    // 2023-Q1 6+8+1+3+3+3+2+1+1 = 28: it adds 82 to the 62 of FY2021-22
    // (2021-Q4 32 + 2022-Q1 30, with the correction of women GT 7 -> 8):
    // 144 by 2023-03-31, against the agreed 150 for FY2022-23: 96 %.
    let i = indicator(&c, "1111.2");
    let fy = cell(&i, "FY2022-23");
    assert_eq!(fy["actual"]["value"], "144");
    assert_eq!(fy["increment"]["value"], "82");
    assert_eq!(fy["target_shown"], "150");
    assert_eq!(fy["agreed"], true);
    assert_eq!(fy["percent"], "96");
    assert_eq!(cell(&i, "FY2021-22")["actual"]["value"], "62");
    // 1110.1 (a percentage): FY2022-23 pools 2022-Q2 21/28, 2022-Q4 21/26
    // and 2023-Q1 18/24: 60/78 = 76.92 %, against 75: 102.56 %.
    let p = indicator(&c, "1110.1");
    let fy = cell(&p, "FY2022-23");
    assert_eq!(ratio(&fy["actual"]), r("60", "78"));
    assert_eq!(round(&fy["percent"], 2), "102.56");
    // FY2023-24 so far (to 2023-09-30): 20/25 + 20/26 = 40/51, no target due.
    let fy = cell(&p, "FY2023-24");
    assert_eq!(ratio(&fy["actual"]), r("40", "51"));
    assert_eq!(
        (fy["start"].as_str(), fy["end"].as_str()),
        (Some("2023-04-01"), Some("2023-09-30"))
    );
    assert_eq!(fy["target"], Value::Null);
    // 1200.1 (a level, days, decrease): FY2022-23's latest is 2023-Q1's 148
    // (after 171, 163, 155); from the baseline 180 toward the agreed 150:
    // (148 - 180) / (150 - 180) = 106.67 %.
    let l = indicator(&c, "1200.1");
    let fy = cell(&l, "FY2022-23");
    assert_eq!(fy["actual"]["value"], "148");
    assert_eq!(round(&fy["percent"], 2), "106.67");
    // The first fiscal year covers the project from its start only.
    let first = cell(&i, "FY2020-21");
    assert_eq!(
        (first["start"].as_str(), first["end"].as_str()),
        (Some("2021-03-15"), Some("2021-03-31"))
    );
}

#[test]
fn agreed_targets_by_default_expected_only_when_asked() {
    let ws = starsom();
    let agreed = json(&ws, &["--to", "2023-Q3"]);
    let expected = json(&ws, &["--to", "2023-Q3", "--targets", "expected"]);
    let both = json(&ws, &["--to", "2023-Q3", "--targets", "both"]);
    // 1100.1 in 2021-Q1: nothing agreed. Expected: 2 by 2022-03-31 from 0
    // on 2021-03-15, 16 of 381 days gone by 2021-03-31: 2 x 16 / 381 =
    // 0.084, shown as 0 investigations; graded against the 0 shown, which
    // grades nothing (never 0 % against 0.08).
    let (a, e) = (indicator(&agreed, "1100.1"), indicator(&expected, "1100.1"));
    let (a1, e1) = (cell(&a, "2021-Q1"), cell(&e, "2021-Q1"));
    assert_eq!(
        (a1["target"].clone(), a1["percent"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(a1["status"], "not_yet_due");
    assert_eq!(e1["target_shown"], "0");
    assert_eq!(e1["agreed"], false);
    assert_eq!(e1["percent"], Value::Null);
    // 2022-Q1 (FY2021-22 ends): the agreed 2 in every mode, 2/2 = 100 %.
    assert_eq!(cell(&a, "2022-Q1")["target_shown"], "2");
    assert_eq!(cell(&a, "2022-Q1")["agreed"], true);
    assert_eq!(cell(&a, "2022-Q1")["percent"], "100");
    // 1110.1 in 2022-Q1: expected 0 + 75 x 381 / 746 = 38.3 % (2021-03-15 to
    // 2022-03-31 of 2021-03-15 to 2023-03-31): under `expected` it is the
    // target shown and 70.4 % is graded against it (183.7 %); under
    // `agreed` there is none; under `both` it stands beside, ungraded.
    let p = |c: &Value| cell(&indicator(c, "1110.1"), "2022-Q1");
    assert_eq!(p(&expected)["target_shown"], "38.3");
    assert_eq!(round(&p(&expected)["percent"], 1), "183.7");
    assert_eq!(
        (p(&agreed)["target"].clone(), p(&agreed)["percent"].clone()),
        (Value::Null, Value::Null)
    );
    assert_eq!(p(&both)["expected"], "38.3");
    assert_eq!(
        (p(&both)["target"].clone(), p(&both)["percent"].clone()),
        (Value::Null, Value::Null)
    );
    // 1212.1, the Assessment Report: yes due 2023-06-30, agreed in 2023-Q2
    // (done then: 100 %), in no other column.
    let m = indicator(&agreed, "1212.1");
    assert_eq!(cell(&m, "2023-Q2")["target_shown"], "1");
    assert_eq!(cell(&m, "2023-Q2")["percent"], "100");
    assert_eq!(cell(&m, "2023-Q1")["target"], Value::Null);
    assert_eq!(cell(&m, "2023-Q3")["target"], Value::Null);
    // The text marks the expected value with ~ and the agreed one bare.
    let t = run(
        ws.path(),
        &["compare", "starsom", "--to", "2022-Q1", "--targets", "both"],
    );
    assert!(t.stdout.contains("~38.3 %"), "{}", t.stdout);
}

#[test]
fn by_sex_and_country_gives_a_row_per_combination_present() {
    let ws = starsom();
    let c = json(&ws, &["--to", "2023-Q3", "--by", "sex,country"]);
    assert_eq!(c["by"], "sex, country");
    // 1111.2 is disaggregated by both: women/PE 6 (2021-Q4) + 3 (2023-Q2) = 9.
    let i = indicator(&c, "1111.2");
    let k = category(&i, "women, PE");
    assert_eq!(k["key"], serde_json::json!(["women", "PE"]));
    assert_eq!(k["to_date"]["value"], "9");
    // Every row gives both, so the combinations add up to the 172 to date.
    let sum: i64 = i["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["to_date"]["value"].as_str().unwrap().parse::<i64>().unwrap())
        .sum();
    assert_eq!(sum, 172);
    // 1110.1 is disaggregated by sex only: its rows split by sex.
    let p = indicator(&c, "1110.1");
    assert_eq!(category(&p, "women")["dimensions"], serde_json::json!(["sex"]));
    // By sex alone, 1111.2's women carry the share target: at least 40 % at
    // the end; 71 of 172 = 41.3 %, met.
    let c = json(&ws, &["--to", "2023-Q3", "--by", "sex"]);
    let w = category(&indicator(&c, "1111.2"), "women");
    assert_eq!(w["to_date"]["value"], "71");
    assert_eq!(round(&w["share"], 1), "41.3");
    assert_eq!(w["target"]["kind"], "share");
    assert_eq!(w["target"]["target"], "40");
    assert_eq!(w["target"]["met"], true);
}

#[test]
fn the_life_of_project_counts_from_the_project_start_and_says_so() {
    let ws = starsom();
    // Without --from: the first quarter starts on the project's start
    // (2021-03-15, not 2021-01-01), and so does the `end` row.
    let r = run(ws.path(), &["compare", "starsom", "--to", "2023-Q3", "--format", "csv"]);
    r.expect_code(0);
    let rows: Vec<Vec<String>> = csv::Reader::from_reader(r.stdout.as_bytes())
        .records()
        .map(|x| x.expect("record").iter().map(str::to_string).collect())
        .collect();
    let of = |ind: &str, period: &str| {
        rows.iter()
            .find(|x| x[3] == ind && x[5].is_empty() && x[6] == period)
            .unwrap_or_else(|| panic!("{ind} {period}"))
            .clone()
    };
    assert_eq!(
        (of("1111.2", "2021-Q1")[7].as_str(), of("1111.2", "2021-Q1")[8].as_str()),
        ("2021-03-15", "2021-03-31")
    );
    assert_eq!(
        (of("1111.2", "end")[7].as_str(), of("1111.2", "end")[8].as_str()),
        ("2021-03-15", "2023-09-30")
    );
    // 1110.1 has two `end` rows: latest 20/26 and pooled 119/156.
    let ends: Vec<&Vec<String>> = rows
        .iter()
        .filter(|x| x[3] == "1110.1" && x[5].is_empty() && x[6] == "end")
        .collect();
    assert_eq!(ends.len(), 2);
    assert_eq!(
        (ends[0][13].as_str(), ends[0][14].as_str(), ends[0][16].as_str()),
        ("20", "26", "latest")
    );
    assert_eq!(
        (ends[1][13].as_str(), ends[1][14].as_str(), ends[1][16].as_str()),
        ("119", "156", "pooled")
    );
    // With --from 2022-Q3 the `end` row still starts on 2021-03-15 and
    // counts 172 (not what 2022-Q3 .. 2023-Q3 added); the table says so.
    let c = json(&ws, &["--from", "2022-Q3", "--to", "2023-Q3"]);
    assert_eq!(c["life_start"], "2021-03-15");
    assert_eq!(c["life_before_first"], true);
    assert_eq!(indicator(&c, "1111.2")["life"]["actual"]["value"], "172");
    let t = run(
        ws.path(),
        &["compare", "starsom", "--from", "2022-Q3", "--to", "2023-Q3"],
    );
    assert!(
        t.stdout.contains("life of project, 2021-03-15 to 2023-09-30"),
        "{}",
        t.stdout
    );
    assert!(
        t.stdout.contains("counted from the project's start (2021-03-15)"),
        "{}",
        t.stdout
    );
}

#[test]
fn a_gac_project_without_fiscal_year_start_runs_april_to_march() {
    // STARSOM's donor is Global Affairs Canada: without its
    // `fiscal_year_start: "04-01"` the fiscal years still run April-March,
    // as in the GAC report.
    // (Its targets, written for FY2021-22 and FY2022-23, are written as
    // date ranges instead.)
    let ws = starsom_edited(|y| {
        y.replace("  fiscal_year_start: \"04-01\"\n", "")
            .replace("FY2021-22", "2021-04-01..2022-03-31")
            .replace("FY2022-23", "2022-04-01..2023-03-31")
    });
    let c = json(&ws, &["--to", "2023-Q3", "--columns", "fiscal-year"]);
    let i = indicator(&c, "1111.2");
    let fy = cell(&i, "FY2022-23");
    assert_eq!(
        (fy["start"].as_str(), fy["end"].as_str()),
        (Some("2022-04-01"), Some("2023-03-31"))
    );
    assert_eq!(fy["actual"]["value"], "144");
    // Calendar years: 2022 ends with 116 to date (32 + 30 + 0 + 28 + 26);
    // the target agreed within 2022 is 1111.2's 60, due 2022-03-31:
    // 116 / 60 = 193.3 %.
    let c = json(&ws, &["--to", "2023-Q3", "--columns", "year"]);
    let y22 = cell(&indicator(&c, "1111.2"), "2022");
    assert_eq!(y22["actual"]["value"], "116");
    assert_eq!(y22["target_shown"], "60");
    assert_eq!(round(&y22["percent"], 1), "193.3");
}
