//! `compare --dim`: the tracking table of one category, a national
//! officer's own country (issue 17), on STARSOM. Every figure is worked by
//! hand from `frameworks/starsom/measurements/*.csv`.
//!
//! 1100.1 (investigations initiated, a cumulative count by country), the
//! rows for GT: 2022-Q1 1, 2022-Q3 2, 2023-Q2 2 (the rows without a
//! country are other countries' totals and do not count). Running totals:
//!
//! | column    | GT added | GT to date |
//! |-----------|----------|------------|
//! | 2021-Q1..Q4 | —      | —          |
//! | 2022-Q1   | 1        | 1          |
//! | 2022-Q2   | —        | 1          |
//! | 2022-Q3   | 2        | 3          |
//! | 2022-Q4   | —        | 3          |
//! | 2023-Q1   | —        | 3          |
//! | 2023-Q2   | 2        | 5          |
//! | 2023-Q3   | —        | 5          |
//!
//! Fiscal years (April): FY2021-22 holds 2022-Q1 (1), FY2022-23 2022-Q3
//! (+2 = 3), FY2023-24 to 2023-09-30 2023-Q2 (+2 = 5).
//!
//! 1110.1 (a percentage, `aggregate: last`) is broken down by sex only in
//! the shipped logframe. [`with_country_surveys`] breaks it down by
//! country too and splits two surveys by country, keeping the project's
//! figures (numerator/denominator):
//!
//! | period  | sex   | whole survey | GT  | other    |
//! |---------|-------|--------------|-----|----------|
//! | 2022-Q2 | women | 9/12         | 5/6 | HN 4/6   |
//! | 2022-Q2 | men   | 12/16        | 4/7 | HN 8/9   |
//! | 2023-Q1 | women | 6/8          | 2/4 | SN 4/4   |
//! | 2023-Q1 | men   | 12/16        | 3/3 | SN 9/13  |
//!
//! GT pooled within each column: 2022-Q2 (5+4)/(6+7) = 9/13, 2023-Q1
//! (2+3)/(4+3) = 5/7; FY2022-23 holds both: (9+5)/(13+7) = 14/20 = 70 %.
//! To date: the latest survey, 5/7 = 71.43 %; pooled, 14/20.

mod common;

use common::{copy_dir, root, run};
use serde_json::Value;

/// A workspace with STARSOM's logframe and ledger, both changed by `edit`
/// (file name, text) -> text.
fn starsom_with(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = root().join("frameworks").join("starsom");
    let to = dir.path().join("frameworks").join("starsom");
    copy_dir(&from.join("measurements"), &to.join("measurements"));
    for name in ["2021.csv", "2022.csv", "2023.csv"] {
        let path = to.join("measurements").join(name);
        let text = std::fs::read_to_string(&path).expect("ledger file");
        std::fs::write(&path, edit(name, text)).expect("write ledger file");
    }
    let yaml = std::fs::read_to_string(from.join("logframe.yaml")).expect("logframe.yaml");
    std::fs::write(to.join("logframe.yaml"), edit("logframe.yaml", yaml)).expect("write logframe.yaml");
    dir
}

fn starsom() -> tempfile::TempDir {
    starsom_with(|_, t| t)
}

/// 1110.1 broken down by sex and country, its 2022-Q2 and 2023-Q1 surveys
/// split by country (see the module's table).
fn with_country_surveys() -> tempfile::TempDir {
    starsom_with(|name, text| {
        let edited = match name {
            "logframe.yaml" => text.replacen(
                "                disaggregate_by: [sex]\n                definition: >-\n                  Respondents",
                "                disaggregate_by: [sex, country]\n                definition: >-\n                  Respondents",
                1,
            ),
            "2022.csv" => split(
                &text,
                "1110.1,2022-Q2,",
                "1110.1,2022-Q2,,5,6,,women,GT,,Survey,2022-07-22T09:00:00Z,j.tremblay\n\
                 1110.1,2022-Q2,,4,6,,women,HN,,Survey,2022-07-22T09:00:00Z,j.tremblay\n\
                 1110.1,2022-Q2,,4,7,,men,GT,,Survey,2022-07-22T09:00:00Z,j.tremblay\n\
                 1110.1,2022-Q2,,8,9,,men,HN,,Survey,2022-07-22T09:00:00Z,j.tremblay\n",
            ),
            "2023.csv" => split(
                &text,
                "1110.1,2023-Q1,",
                "1110.1,2023-Q1,,2,4,,women,GT,,Survey,2023-04-22T09:00:00Z,j.tremblay\n\
                 1110.1,2023-Q1,,4,4,,women,SN,,Survey,2023-04-22T09:00:00Z,j.tremblay\n\
                 1110.1,2023-Q1,,3,3,,men,GT,,Survey,2023-04-22T09:00:00Z,j.tremblay\n\
                 1110.1,2023-Q1,,9,13,,men,SN,,Survey,2023-04-22T09:00:00Z,j.tremblay\n",
            ),
            _ => return text,
        };
        assert_ne!(edited, text, "the edit applies to the shipped {name}");
        edited
    })
}

/// `text` without the lines starting with `prefix`, and `rows` at its end.
fn split(text: &str, prefix: &str, rows: &str) -> String {
    let mut out: String = text
        .lines()
        .filter(|l| !l.starts_with(prefix))
        .map(|l| format!("{l}\n"))
        .collect();
    out.push_str(rows);
    out
}

/// The comparison as JSON, with no warning (these edits of STARSOM raise none).
fn json(ws: &tempfile::TempDir, args: &[&str]) -> Value {
    let r = common::compare_json(ws.path(), args);
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
    serde_json::from_str(&r.stdout).expect("json")
}

fn indicators(c: &Value) -> Vec<Value> {
    c["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["indicators"].as_array().unwrap().iter().cloned())
        .collect()
}

fn indicator(c: &Value, id: &str) -> Value {
    indicators(c)
        .into_iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("indicator {id}"))
}

/// A count's actual per column, `None` where the column has none.
fn counts(i: &Value) -> Vec<Option<String>> {
    i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["actual"]["value"].as_str().map(str::to_string))
        .collect()
}

/// A ratio as "numerator/denominator".
fn ratio(v: &Value) -> String {
    format!(
        "{}/{}",
        v["numerator"].as_str().expect("numerator"),
        v["denominator"].as_str().expect("denominator")
    )
}

#[test]
fn a_count_is_her_countrys_running_total_per_column_and_to_date() {
    let ws = starsom();
    let c = json(&ws, &["--dim", "country=GT"]);
    let i = indicator(&c, "1100.1");
    let s = |v: &str| Some(v.to_string());
    // 2021-Q1 .. 2023-Q3, the module's first table.
    assert_eq!(
        counts(&i),
        vec![
            None,
            None,
            None,
            None,
            s("1"),
            s("1"),
            s("3"),
            s("3"),
            s("3"),
            s("5"),
            s("5")
        ]
    );
    assert_eq!(i["life"]["actual"]["value"], "5");
    // Not the project's 31, and not graded against the project's 35.
    assert_eq!(i["life"]["target"], Value::Null);
    assert_eq!(i["life"]["percent"], Value::Null);
    assert_eq!(i["life"]["status"], "no_target");
    assert_eq!(i["baseline"], Value::Null);
    for cell in i["cells"].as_array().unwrap() {
        assert_eq!(cell["target"], Value::Null);
        assert_eq!(cell["percent"], Value::Null);
    }
}

#[test]
fn fiscal_year_columns_and_increments_still_apply() {
    let ws = starsom();
    let c = json(
        &ws,
        &[
            "--dim",
            "country=GT",
            "--columns",
            "fiscal-year",
            "--increments",
            "--targets",
            "both",
        ],
    );
    let i = indicator(&c, "1100.1");
    let periods: Vec<&str> = i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["FY2020-21", "FY2021-22", "FY2022-23", "FY2023-24"]);
    let s = |v: &str| Some(v.to_string());
    assert_eq!(counts(&i), vec![None, s("1"), s("3"), s("5")]);
    let added: Vec<Option<&str>> = i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["increment"]["value"].as_str())
        .collect();
    assert_eq!(added, [None, Some("1"), Some("2"), Some("2")]);
    // --targets both shows no expected value either: none is hers.
    assert!(i["cells"].as_array().unwrap().iter().all(|c| c["expected"].is_null()));
}

#[test]
fn a_percentage_is_pooled_from_her_countrys_respondents() {
    let ws = with_country_surveys();
    // The project's own figures are unchanged by the split (module table).
    let whole = json(&ws, &[]);
    let w = indicator(&whole, "1110.1");
    assert_eq!(ratio(&w["life"]["actual"]), "20/26");
    assert_eq!(ratio(&w["life"]["alternative"]["actual"]), "119/156");

    let c = json(&ws, &["--dim", "country=GT"]);
    let i = indicator(&c, "1110.1");
    let by_period: Vec<(String, Option<String>)> = i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["period"].as_str().unwrap().to_string(),
                (!c["actual"].is_null()).then(|| ratio(&c["actual"])),
            )
        })
        .filter(|(_, a)| a.is_some())
        .collect();
    assert_eq!(
        by_period,
        [
            ("2022-Q2".to_string(), Some("9/13".to_string())),
            ("2023-Q1".to_string(), Some("5/7".to_string()))
        ]
    );
    // To date: the latest survey (aggregate: last), and pooled beside it.
    assert_eq!(ratio(&i["life"]["actual"]), "5/7");
    assert_eq!(i["life"]["actual_rule"], "latest");
    assert_eq!(ratio(&i["life"]["alternative"]["actual"]), "14/20");

    // A fiscal year pools its surveys: FY2022-23 = 14/20 = 70 %.
    let fy = json(&ws, &["--dim", "country=GT", "--columns", "fiscal-year"]);
    let i = indicator(&fy, "1110.1");
    let cell = i["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["period"] == "FY2022-23")
        .expect("FY2022-23")
        .clone();
    assert_eq!(ratio(&cell["actual"]), "14/20");
    let csv = run(
        ws.path(),
        &[
            "compare",
            "starsom",
            "--dim",
            "country=GT",
            "--columns",
            "fiscal-year",
            "--format",
            "csv",
        ],
    );
    csv.expect_code(0);
    let mut r = csv::Reader::from_reader(csv.stdout.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    let row = r
        .records()
        .map(Result::unwrap)
        .find(|rec| &rec[col("indicator")] == "1110.1" && &rec[col("period")] == "FY2022-23")
        .expect("1110.1 FY2022-23");
    assert_eq!(&row[col("actual")], "70");
    assert_eq!(&row[col("numerator")], "14");
    assert_eq!(&row[col("denominator")], "20");
}

#[test]
fn indicators_not_broken_down_by_country_are_listed_not_zero() {
    let ws = starsom();
    let c = json(&ws, &["--dim", "country=GT"]);
    // 1111.1 (workshops) is the project's, with no country: no row of its
    // own (neither 0 nor the project's 6) ...
    assert!(indicators(&c).iter().all(|i| i["id"] != "1111.1"));
    // ... but named among those not broken down.
    let left: Vec<&str> = c["filter"]["not_broken_down"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        left,
        [
            "1000.1", "1110.1", "1111.1", "1112.1", "1200.1", "1210.1", "1211.1", "1212.1"
        ]
    );
    let text = run(ws.path(), &["compare", "starsom", "--dim", "country=GT"]);
    text.expect_code(0);
    assert!(
        text.stdout
            .contains("not broken down by country, so not shown: 1000.1, 1110.1, 1111.1,"),
        "{}",
        text.stdout
    );
    let csv = run(
        ws.path(),
        &["compare", "starsom", "--dim", "country=GT", "--format", "csv"],
    );
    csv.expect_code(0);
    let line = csv
        .stdout
        .lines()
        .find(|l| l.contains(",1111.1,"))
        .expect("a row for 1111.1");
    assert!(line.ends_with(",not broken down,,,,country=GT"), "{line}");
}

#[test]
fn the_output_names_the_filter() {
    let ws = starsom();
    let c = json(&ws, &["--dim", "country=GT"]);
    assert_eq!(c["filter"]["categories"][0]["dimension"], "country");
    assert_eq!(c["filter"]["categories"][0]["category"], "GT");
    let text = run(ws.path(), &["compare", "starsom", "--dim", "country=GT"]);
    assert!(
        text.stdout.contains("category country = Guatemala (GT): "),
        "{}",
        text.stdout
    );
    let csv = run(
        ws.path(),
        &["compare", "starsom", "--dim", "country=GT", "--format", "csv"],
    );
    let header = csv.stdout.lines().next().unwrap();
    assert!(header.ends_with(",women_share,filter"), "{header}");
    // Without --dim, no filter anywhere.
    let whole = json(&ws, &[]);
    assert!(whole.get("filter").is_none());
    let csv = run(ws.path(), &["compare", "starsom", "--format", "csv"]);
    assert!(csv.stdout.lines().next().unwrap().ends_with(",women_share"));
}

#[test]
fn dimensions_narrow_together_and_by_splits_her_rows() {
    let ws = starsom();
    // 1111.2 in GT: 2022-Q1 women 8 (the correction of 7) + men 9, 2023-Q1
    // women 1 + men 1 = 19; women alone 8 + 1 = 9.
    let both = json(&ws, &["--dim", "country=GT", "--dim", "sex=women"]);
    assert_eq!(indicator(&both, "1111.2")["life"]["actual"]["value"], "9");
    // 1100.1 has no sex breakdown: left out when narrowed by sex too.
    assert!(indicators(&both).iter().all(|i| i["id"] != "1100.1"));

    let by = json(&ws, &["--dim", "country=GT", "--by", "sex"]);
    let i = indicator(&by, "1111.2");
    assert_eq!(i["life"]["actual"]["value"], "19");
    let rows: Vec<(String, String)> = i["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["category"].as_str().unwrap().to_string(),
                k["to_date"]["value"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(rows, [("women".into(), "9".into()), ("men".into(), "10".into())]);
}

#[test]
fn an_unknown_category_or_dimension_is_a_usage_error_with_a_suggestion() {
    let ws = starsom();
    let r = run(ws.path(), &["compare", "starsom", "--dim", "country=gt"]);
    r.expect_code(2);
    assert!(r.stderr.contains("unknown country `gt`"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `GT`?"), "{}", r.stderr);
    let r = run(ws.path(), &["compare", "starsom", "--dim", "contry=GT"]);
    r.expect_code(2);
    assert!(r.stderr.contains("unknown disaggregation `contry`"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `country`?"), "{}", r.stderr);
    let r = run(ws.path(), &["compare", "starsom", "--dim", "country"]);
    r.expect_code(2);
    assert!(r.stderr.contains("is not NAME=VALUE"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn the_workbook_names_the_filter_and_holds_her_figures_only() {
    use calamine::{Data, Reader, open_workbook_auto};
    let ws = starsom();
    let out = ws.path().join("gt.xlsx");
    let r = run(
        ws.path(),
        &[
            "compare",
            "starsom",
            "--dim",
            "country=GT",
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    r.expect_code(0);
    let mut wb = open_workbook_auto(&out).expect("the workbook opens");
    let notes = wb.worksheet_range("Notes").expect("Notes");
    let lines: Vec<String> = notes.rows().map(|r| r[0].to_string()).collect();
    assert!(lines[2].starts_with("category country = Guatemala (GT): "), "{lines:?}");
    assert!(
        lines[3].starts_with("not broken down by country, so not shown: 1000.1"),
        "{lines:?}"
    );
    // The Output sheet: 1111.2 (GT: 19 to date), never 1111.1 or 1112.1.
    let output = wb.worksheet_range("Output").expect("Output");
    let ids: Vec<String> = output.rows().skip(2).map(|r| r[1].to_string()).collect();
    assert!(ids.contains(&"1111.2".to_string()), "{ids:?}");
    assert!(
        !ids.contains(&"1111.1".to_string()) && !ids.contains(&"1112.1".to_string()),
        "{ids:?}"
    );
    let row = output
        .rows()
        .find(|r| r[1] == Data::String("1111.2".into()))
        .expect("1111.2");
    assert!(row.contains(&Data::Float(19.0)), "{row:?}");
}
