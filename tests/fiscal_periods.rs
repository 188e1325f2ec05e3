//! Fiscal periods (issue 14): Global Affairs Canada counts quarters from
//! April, so a calendar 2023-Q3 is its FY2023-24 Q2. The command line takes
//! either name for the same dates, and the GAC layout titles the period by
//! its fiscal name with the calendar one beside it.

mod common;

use common::{run, workspace};

#[test]
fn a_fiscal_quarter_on_the_command_line_is_the_calendar_quarter_with_the_same_dates() {
    let ws = workspace(&["starsom"]);
    let cal = run(
        ws.path(),
        &["status", "starsom", "--period", "2023-Q3", "--format", "csv"],
    );
    cal.expect_code(0);
    let fiscal = run(
        ws.path(),
        &["status", "starsom", "--period", "FY2023-24-Q2", "--format", "csv"],
    );
    fiscal.expect_code(0);
    // The same dates give the same figures: only the period's name differs.
    assert_eq!(cal.stdout.replace("2023-Q3", "FY2023-24-Q2"), fiscal.stdout);
    assert!(fiscal.stdout.contains("FY2023-24-Q2"), "{}", fiscal.stdout);
}

#[test]
fn the_gac_layout_titles_the_period_by_its_fiscal_name_in_every_language() {
    let ws = workspace(&["starsom"]);
    let cases = [
        (
            "en",
            "starsom-2023-Q3.md",
            "- Reporting period: FY2023-24 Q2 (July–September 2023; calendar 2023-Q3)",
        ),
        (
            "fr",
            "starsom-2023-Q3.fr.md",
            "- Période visée\u{202f}: T2 de l’exercice 2023-2024 (juillet–septembre 2023, période civile T3 2023)",
        ),
        (
            "es",
            "starsom-2023-Q3.es.md",
            "- Período del informe: T2 del ejercicio 2023-2024 (julio–septiembre de 2023, período natural T3 2023)",
        ),
    ];
    for (lang, file, line) in cases {
        run(ws.path(), &["report", "starsom", "--period", "2023-Q3", "--lang", lang]).expect_code(0);
        let md = std::fs::read_to_string(ws.path().join("reports").join(file)).unwrap();
        assert!(md.lines().any(|l| l == line), "{lang}: no line {line:?} in\n{md}");
    }
    // The last fiscal quarter runs from January to March of the next
    // calendar year; asked for by its fiscal name, the report is the same.
    run(ws.path(), &["report", "starsom", "--period", "FY2023-24-Q3"]).expect_code(0);
    let md = std::fs::read_to_string(ws.path().join("reports/starsom-FY2023-24-Q3.md")).unwrap();
    assert!(
        md.contains("- Reporting period: FY2023-24 Q3 (October–December 2023; calendar 2023-Q4)"),
        "{md}"
    );
}

#[test]
fn the_general_layout_keeps_the_calendar_period() {
    let ws = workspace(&["starsom"]);
    run(
        ws.path(),
        &["report", "starsom", "--period", "2023-Q3", "--template", "general"],
    )
    .expect_code(0);
    let md = std::fs::read_to_string(ws.path().join("reports/starsom-2023-Q3.md")).unwrap();
    assert!(
        md.contains("- Reporting period: 2023-Q3 (1 July 2023 – 30 September 2023)"),
        "{md}"
    );
}

#[test]
fn a_fiscal_quarter_out_of_range_says_which_are_valid() {
    let ws = workspace(&["starsom"]);
    let r = run(ws.path(), &["status", "starsom", "--period", "FY2023-24-Q5"]);
    r.expect_code(2);
    assert!(
        r.stderr.contains("`Q5` is not a fiscal quarter or half"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("fiscal quarters are Q1 to Q4"), "{}", r.stderr);
}
