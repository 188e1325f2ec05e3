//! Issue 16, the portfolio: standard indicators rolled up across
//! frameworks. A hand-worked fixture of three frameworks
//! (`tests/fixtures/portfolio`: alpha reports quarterly, beta semi-annually,
//! gamma has not started), goldens for the shipped examples, totals checked
//! against each framework's own `status`, and located standards.yaml errors.

mod common;

use std::path::Path;
use std::str::FromStr;

use common::{assert_golden, copy_dir, root, run, tests_dir};
use rust_decimal::Decimal;
use serde_json::Value as Json;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

/// A temporary workspace holding the fixture's frameworks and standards.yaml.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &tests_dir().join("fixtures/portfolio/frameworks"),
        &dir.path().join("frameworks"),
    );
    dir
}

/// A temporary workspace holding every shipped framework and standards.yaml.
fn shipped() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root().join("frameworks"), &dir.path().join("frameworks"));
    dir
}

fn json(ws: &Path, args: &[&str]) -> Json {
    let mut all = vec!["portfolio", "--format", "json"];
    all.extend_from_slice(args);
    let r = run(ws, &all);
    r.expect_code(0);
    serde_json::from_str(&r.stdout).expect("portfolio JSON")
}

fn standard<'a>(p: &'a Json, code: &str) -> &'a Json {
    p["standards"]
        .as_array()
        .expect("standards")
        .iter()
        .find(|s| s["code"] == code)
        .unwrap_or_else(|| panic!("standard {code} in {p}"))
}

fn group<'a>(s: &'a Json, key: Option<&str>) -> &'a Json {
    s["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .find(|g| g["key"].as_str() == key)
        .unwrap_or_else(|| panic!("group {key:?} in {s}"))
}

fn periods(s: &Json) -> Vec<(String, Option<String>)> {
    s["contributions"]
        .as_array()
        .expect("contributions")
        .iter()
        .map(|c| {
            (
                c["framework"].as_str().expect("framework").to_string(),
                c["period"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn the_fixture_rolls_up_by_hand_at_the_end_of_2023_q3() {
    let ws = fixture();
    let p = json(ws.path(), &["--period", "2023-Q3", "--by", "sex"]);
    assert_eq!(p["date"], "2023-09-30");

    // Each framework at its latest period ending by 2023-09-30: alpha's
    // 2023-Q3; beta's 2023-H1 (its H2 ends on 31 December); gamma none.
    let trained = standard(&p, "TRAINED");
    assert_eq!(
        periods(trained),
        vec![
            ("alpha".into(), Some("2023-Q3".into())),
            ("beta".into(), Some("2023-H1".into())),
            ("gamma".into(), None),
        ]
    );
    // alpha, a running total: Q1 10 + 5, Q2 8 + 7, Q3 4 + 6 = 40
    // (women 10 + 8 + 4 = 22, men 5 + 7 + 6 = 18);
    // beta's participants count as people: H1 12 + 9 + 1 = 22.
    // 40 + 22 = 62; women 22 + 12 = 34, men 18 + 9 = 27, other 1.
    assert_eq!(trained["total"]["value"], "62");
    assert_eq!(group(trained, Some("women"))["total"]["value"], "34");
    assert_eq!(group(trained, Some("men"))["total"]["value"], "27");
    assert_eq!(group(trained, Some("other"))["total"]["value"], "1");
    assert_eq!(trained["groups"].as_array().map(Vec::len), Some(3), "{trained}");
    assert_eq!(trained["no_value"], serde_json::json!(["gamma"]));

    // Pooled: alpha's latest 30/40 (75 %) and beta's 10/60 (16.7 %):
    // (30 + 10) / (40 + 60) = 40 / 100 = 40 %, not the mean 45.83 %.
    let pass = standard(&p, "PASS");
    assert_eq!(pass["total"]["numerator"], "40");
    assert_eq!(pass["total"]["denominator"], "100");
    assert_eq!(dec(pass["total"]["percent"].as_str().expect("percent")), dec("40"));

    // Levels are listed, never summed: 45 days and 30 days, no 75.
    let days = standard(&p, "DAYS");
    assert_eq!(days["total"], serde_json::json!({"rule": "list"}));
    let figures: Vec<&str> = days["contributions"]
        .as_array()
        .expect("contributions")
        .iter()
        .map(|c| c["figure"].as_str().expect("figure"))
        .collect();
    assert_eq!(figures, vec!["45", "30"]);
    assert!(days.get("groups").is_none(), "levels are not split: {days}");

    // Milestones: alpha's plan done in Q2; beta's is due in 2023-H2.
    let plan = standard(&p, "PLAN");
    assert_eq!(
        plan["total"],
        serde_json::json!({"rule": "done", "done": 1, "overdue": 0, "not_yet_due": 1})
    );

    // Status counts at each framework's own period.
    let fws = p["frameworks"].as_array().expect("frameworks");
    assert_eq!(fws[0]["framework"], "alpha");
    assert_eq!(fws[0]["period"], "2023-Q3");
    assert_eq!(fws[1]["period"], "2023-H1");
    assert_eq!(fws[2]["period"], Json::Null);
    // Funding per currency, never added across currencies.
    let totals = p["funding"]["totals"].as_array().expect("totals");
    let currencies: Vec<&str> = totals
        .iter()
        .map(|t| t["currency"].as_str().expect("currency"))
        .collect();
    assert_eq!(currencies, vec!["EUR", "USD"]);
    assert_eq!(totals[1]["shortfall"], "20000.00");
}

#[test]
fn at_the_end_of_2023_beta_gives_its_second_half_without_a_breakdown() {
    let ws = fixture();
    let p = json(ws.path(), &["--period", "2023-Q4", "--by", "sex"]);
    let trained = standard(&p, "TRAINED");
    assert_eq!(
        periods(trained)[..2],
        [
            ("alpha".to_string(), Some("2023-Q4".to_string())),
            ("beta".to_string(), Some("2023-H2".to_string())),
        ]
    );
    // alpha still 40 (nothing in Q4); beta 22 + 10 = 32, its H2 recorded
    // as a total only: 72 in all, of which 10 not broken down by sex.
    assert_eq!(trained["total"]["value"], "72");
    assert_eq!(group(trained, None)["total"]["value"], "10");
    assert_eq!(group(trained, Some("women"))["total"]["value"], "34");
    // beta's plan was due in 2023-H2 and is not done: overdue.
    assert_eq!(
        standard(&p, "PLAN")["total"],
        serde_json::json!({"rule": "done", "done": 1, "overdue": 1, "not_yet_due": 0})
    );
}

#[test]
fn by_framework_gives_one_group_per_framework() {
    let ws = fixture();
    let p = json(
        ws.path(),
        &["--period", "2023-Q3", "--by", "framework", "--standard", "TRAINED"],
    );
    assert_eq!(p["standards"].as_array().map(Vec::len), Some(1));
    let trained = standard(&p, "TRAINED");
    assert_eq!(group(trained, Some("alpha"))["total"]["value"], "40");
    assert_eq!(group(trained, Some("beta"))["total"]["value"], "22");
}

/// Every sum and pool equals what each framework's own `status --format
/// json` gives for its indicators at the period the portfolio took.
fn totals_match_status(ws: &Path, args: &[&str]) {
    let p = json(ws, args);
    let mut checked = 0;
    for s in p["standards"].as_array().expect("standards") {
        let mut sum: Option<Decimal> = None;
        let (mut num, mut den) = (Decimal::ZERO, Decimal::ZERO);
        for c in s["contributions"].as_array().expect("contributions") {
            let Some(period) = c["period"].as_str() else {
                continue;
            };
            if !c["misfit"].is_null() {
                continue;
            }
            let fw = c["framework"].as_str().expect("framework");
            let r = run(ws, &["status", fw, "--period", period, "--format", "json"]);
            r.expect_code(0);
            let status: Json = serde_json::from_str(&r.stdout).expect("status JSON");
            let ind = status["indicators"]
                .as_array()
                .expect("indicators")
                .iter()
                .find(|i| i["indicator"] == c["indicator"])
                .expect("the indicator in status");
            assert_eq!(ind["status"], c["status"], "{fw} {}", c["indicator"]);
            let v = &ind["to_date_actual"];
            match v["kind"].as_str() {
                Some("number") => *sum.get_or_insert(Decimal::ZERO) += dec(v["value"].as_str().expect("value")),
                Some("ratio") => {
                    num += dec(v["numerator"].as_str().expect("numerator"));
                    den += dec(v["denominator"].as_str().expect("denominator"));
                }
                _ => {}
            }
        }
        match s["total"]["rule"].as_str() {
            Some("sum") => {
                assert_eq!(
                    s["total"]["value"].as_str().map(dec),
                    sum,
                    "{}: total against the status figures",
                    s["code"]
                );
                checked += 1;
            }
            Some("pool") => {
                assert_eq!(s["total"]["numerator"].as_str().map(dec), Some(num), "{}", s["code"]);
                assert_eq!(s["total"]["denominator"].as_str().map(dec), Some(den), "{}", s["code"]);
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(checked > 0, "no sum or pool was checked: {p}");
}

#[test]
fn json_totals_equal_the_sum_of_each_frameworks_status_figures() {
    let ws = fixture();
    totals_match_status(ws.path(), &["--period", "2023-Q3"]);
    totals_match_status(ws.path(), &["--period", "2023-Q4"]);
    let ws = shipped();
    totals_match_status(ws.path(), &["--period", "2023-Q4"]);
    totals_match_status(ws.path(), &["--period", "2013-Q2"]);
}

#[test]
fn shipped_portfolio_goldens() {
    let ws = shipped();
    let golden = |name: &str| tests_dir().join("golden").join(name);
    for (file, args) in [
        ("portfolio_2023-Q4.txt", &["--period", "2023-Q4"][..]),
        (
            "portfolio_2023-Q4_by_sex.txt",
            &["--period", "2023-Q4", "--by", "sex"][..],
        ),
        (
            "portfolio_2023-Q4.csv",
            &["--period", "2023-Q4", "--by", "sex", "--format", "csv"][..],
        ),
        (
            "portfolio_2023-Q4.json",
            &["--period", "2023-Q4", "--by", "sex", "--format", "json"][..],
        ),
    ] {
        let mut all = vec!["portfolio"];
        all.extend_from_slice(args);
        let r = run(ws.path(), &all);
        r.expect_code(0);
        assert_eq!(r.stderr, "", "{file}");
        assert_golden(&golden(file), &r.stdout);
    }
}

#[test]
fn the_shipped_training_standard_adds_starsom_and_iom_by_sex() {
    let ws = shipped();
    let p = json(
        ws.path(),
        &["--period", "2023-Q4", "--by", "sex", "--standard", "MS-TRAINED"],
    );
    let trained = standard(&p, "MS-TRAINED");
    let who: Vec<(String, Option<String>)> = periods(trained);
    assert_eq!(
        who,
        vec![
            ("iom-px0012".into(), Some("2013-H2".into())),
            ("starsom".into(), Some("2023-Q4".into())),
        ]
    );
    // The parts by sex add up to the total.
    let parts: Decimal = trained["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| dec(g["total"]["value"].as_str().expect("value")))
        .sum();
    assert_eq!(Some(parts), trained["total"]["value"].as_str().map(dec));
}

/// A workspace of the fixture with `standards.yaml` replaced.
fn with_standards(text: &str) -> tempfile::TempDir {
    let ws = fixture();
    std::fs::write(ws.path().join("frameworks/standards.yaml"), text).expect("write standards.yaml");
    ws
}

#[test]
fn standards_yaml_errors_are_located() {
    let original = std::fs::read_to_string(tests_dir().join("fixtures/portfolio/frameworks/standards.yaml"))
        .expect("standards.yaml");
    // A misspelt key, an unknown type, an unknown aggregation, a duplicate code.
    let cases = [
        (
            original.replace("accepts_units:", "acepts_units:"),
            "frameworks/standards.yaml:6:5",
            "did you mean `accepts_units`?",
        ),
        (
            original.replacen("type: count", "type: cuont", 1),
            "frameworks/standards.yaml:7:11",
            "did you mean `count`?",
        ),
        (
            original.replacen("aggregation: pool", "aggregation: pol", 1),
            "frameworks/standards.yaml:14:18",
            "did you mean `pool`?",
        ),
        (
            original.replacen("code: PASS", "code: TRAINED", 1),
            "frameworks/standards.yaml:10:11",
            "`TRAINED` is first on line 3",
        ),
        (
            original.replacen("title: {en: Plans adopted,", "title: {en: \"\",", 1),
            "frameworks/standards.yaml:21:12",
            "empty title in `en`",
        ),
    ];
    for (text, place, words) in cases {
        let ws = with_standards(&text);
        for cmd in [&["check"][..], &["portfolio"][..]] {
            let r = run(ws.path(), cmd);
            r.expect_code(1);
            assert!(
                r.stderr.contains(&format!("--> {place}")),
                "{cmd:?} {place}:\n{}",
                r.stderr
            );
            assert!(r.stderr.contains(words), "{cmd:?} {words}:\n{}", r.stderr);
        }
    }
}

#[test]
fn an_unknown_code_or_a_misfit_unit_is_located_in_the_logframe() {
    let ws = fixture();
    let alpha = ws.path().join("frameworks/alpha/logframe.yaml");
    let text = std::fs::read_to_string(&alpha).expect("alpha");
    std::fs::write(&alpha, text.replace("standard: TRAINED", "standard: TRAINNED")).expect("write");
    let beta = ws.path().join("frameworks/beta/logframe.yaml");
    let text = std::fs::read_to_string(&beta).expect("beta");
    std::fs::write(&beta, text.replace("unit: participants", "unit: sessions")).expect("write");
    let r = run(ws.path(), &["check"]);
    r.expect_code(1);
    assert!(
        r.stderr.contains("unknown standard indicator `TRAINNED`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--> frameworks/alpha/logframe.yaml:24:19"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("did you mean `TRAINED`?"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("indicator B1: its unit does not fit the standard `TRAINED`"),
        "{}",
        r.stderr
    );
    // The portfolio shows the misfit and never adds its sessions.
    let r = run(ws.path(), &["portfolio", "--period", "2023-Q3", "--format", "json"]);
    r.expect_code(1);
    let p: Json = serde_json::from_str(&r.stdout).expect("JSON");
    let trained = standard(&p, "TRAINED");
    // alpha no longer reports on TRAINED; beta's 22 sessions are not people.
    assert_eq!(trained["total"]["value"], Json::Null);
    assert_eq!(trained["contributions"][0]["misfit"]["misfit"], "unit");
}

#[test]
fn an_unknown_standard_is_a_usage_error_with_the_nearest_code() {
    let ws = fixture();
    let r = run(ws.path(), &["portfolio", "--standard", "TRAIND"]);
    r.expect_code(2);
    assert!(r.stderr.contains("did you mean `TRAINED`?"), "{}", r.stderr);
}

#[test]
fn as_of_is_the_date_and_the_ledgers_as_they_stood_then() {
    let ws = fixture();
    // Every fixture value was recorded on 2024-01-10: on 2023-09-30 the
    // ledgers held none, so nothing is added and every framework is named.
    let p = json(ws.path(), &["--as-of", "2023-09-30"]);
    assert_eq!(p["date"], "2023-09-30");
    assert_eq!(p["date_from"]["from"], "as_of");
    let trained = standard(&p, "TRAINED");
    assert_eq!(trained["total"]["value"], Json::Null);
    assert_eq!(trained["no_value"], serde_json::json!(["alpha", "beta", "gamma"]));
    // By 2024-06-30: alpha has ended (its last quarter, 2023-Q4), beta is
    // at 2024-H1 (still 22 + 10 = 32), gamma at 2024-Q2 with no value.
    let p = json(ws.path(), &["--as-of", "2024-06-30"]);
    let trained = standard(&p, "TRAINED");
    assert_eq!(
        periods(trained),
        vec![
            ("alpha".into(), Some("2023-Q4".into())),
            ("beta".into(), Some("2024-H1".into())),
            ("gamma".into(), Some("2024-Q2".into())),
        ]
    );
    assert_eq!(trained["total"]["value"], "72");
    assert_eq!(trained["no_value"], serde_json::json!(["gamma"]));
}

#[test]
fn a_count_per_period_is_never_added_to_running_totals() {
    let ws = fixture();
    let alpha = ws.path().join("frameworks/alpha/logframe.yaml");
    let text = std::fs::read_to_string(&alpha).expect("alpha");
    std::fs::write(
        &alpha,
        text.replacen(
            "        standard: TRAINED\n",
            "        standard: TRAINED\n        cumulative: false\n",
            1,
        ),
    )
    .expect("write");
    let r = run(ws.path(), &["check"]);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains("indicator A1: a count per period cannot be summed into the standard `TRAINED`"),
        "{}",
        r.stderr
    );
    let r = run(ws.path(), &["portfolio", "--period", "2023-Q3", "--format", "json"]);
    r.expect_code(1);
    let p: Json = serde_json::from_str(&r.stdout).expect("JSON");
    let trained = standard(&p, "TRAINED");
    // Only beta's running total, 22: alpha's quarter is not added to it.
    assert_eq!(trained["total"]["value"], "22");
    assert_eq!(trained["contributions"][0]["misfit"]["misfit"], "per_period");
}

#[test]
fn by_donor_groups_the_frameworks_by_their_donor() {
    let ws = shipped();
    let p = json(
        ws.path(),
        &["--period", "2023-Q4", "--by", "donor", "--standard", "MS-TRAINED"],
    );
    assert_eq!(p["by"], "donor");
    let trained = standard(&p, "MS-TRAINED");
    // STARSOM (Global Affairs Canada) 172, IOM (IOM Development Fund) 239.
    assert_eq!(group(trained, Some("Global Affairs Canada"))["total"]["value"], "172");
    assert_eq!(group(trained, Some("IOM Development Fund"))["total"]["value"], "239");
    assert_eq!(trained["total"]["value"], "411");
    assert_eq!(trained["groups"].as_array().map(Vec::len), Some(2));

    // A framework that names no donor is a group of its own, said so.
    let yaml = ws.path().join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    std::fs::write(&yaml, text.replacen("  donor: Global Affairs Canada\n", "", 1)).expect("write");
    let p = json(
        ws.path(),
        &["--period", "2023-Q4", "--by", "donor", "--standard", "MS-TRAINED"],
    );
    assert_eq!(group(standard(&p, "MS-TRAINED"), None)["total"]["value"], "172");
    let r = run(
        ws.path(),
        &[
            "portfolio",
            "--period",
            "2023-Q4",
            "--by",
            "donor",
            "--standard",
            "MS-TRAINED",
        ],
    );
    assert!(r.stdout.contains("no donor named          172"), "{}", r.stdout);
}

#[test]
fn the_workbook_holds_the_roll_up_the_frameworks_and_the_funding() {
    use calamine::{Data, Reader};
    let ws = shipped();
    let file = ws.path().join("portfolio.xlsx");
    let r = run(
        ws.path(),
        &[
            "portfolio",
            "--period",
            "2023-Q4",
            "--format",
            "xlsx",
            "-o",
            file.to_str().expect("utf-8"),
        ],
    );
    r.expect_code(0);
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&file).expect("the workbook opens");
    assert_eq!(wb.sheet_names(), vec!["Standards", "Frameworks", "Funding"]);
    let standards = wb.worksheet_range("Standards").expect("Standards");
    let rows: Vec<Vec<Data>> = standards.rows().map(<[Data]>::to_vec).collect();
    let text = |d: &Data| d.to_string();
    assert_eq!(text(&rows[0][0]), "standard");
    // The total row of MS-TRAINED: 411 people, a number in the value column.
    let total = rows
        .iter()
        .find(|r| text(&r[0]) == "MS-TRAINED" && text(&r[1]) == "total")
        .expect("a total row");
    assert_eq!(total[8], Data::Float(411.0));
    // The same rows as the CSV, cell for cell as text.
    let csv = run(ws.path(), &["portfolio", "--period", "2023-Q4", "--format", "csv"]);
    assert_eq!(csv.stdout.lines().count(), rows.len());
    let funding = wb.worksheet_range("Funding").expect("Funding");
    let usd = funding.rows().find(|r| r[0] == "USD").expect("a USD row").to_vec();
    assert_eq!(usd[1], Data::Float(8.0));
    assert_eq!(usd[2], Data::Float(20_487_009.0));
    let frameworks = wb.worksheet_range("Frameworks").expect("Frameworks");
    assert!(frameworks.rows().any(|r| r[0] == "starsom" && r[1] == "2023-Q4"));
}
