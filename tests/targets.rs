//! Targets a donor agreed (issue 14), through the report: the rule for the
//! value expected to date (`target_rule: interpolate | step`), expected
//! counts in whole units, the worked percent under each results table, and
//! the "Target (period)" column only where a target is written.
//!
//! STARSOM's 1100.1 (investigations, a running total) has the agreed
//! targets 2 for FY2021-22 (due 2022-03-31), 20 for FY2022-23 (due
//! 2023-03-31) and 35 at the project's end (2023-12-31); 31 by 2023-Q3.

mod common;

use std::path::Path;

use common::{run, workspace};

/// The Markdown report of `frameworks/starsom` in `ws` for `period`.
fn report(ws: &Path, period: &str, lang: &str) -> String {
    let out = format!("out-{lang}");
    run(
        ws,
        &["report", "starsom", "--period", period, "--lang", lang, "--out", &out],
    )
    .expect_code(0);
    let md = std::fs::read_dir(ws.join(&out))
        .expect("report folder")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "md") && p.to_string_lossy().contains(period))
        .expect("a Markdown report");
    std::fs::read_to_string(md).expect("report written")
}

/// The table row of indicator `id`, as its cells.
fn row(md: &str, id: &str) -> Vec<String> {
    let line = md
        .lines()
        .find(|l| l.starts_with(&format!("| {id} ")))
        .unwrap_or_else(|| panic!("no row for {id}"));
    line.trim_matches('|')
        .split(" | ")
        .map(|c| c.trim().to_string())
        .collect()
}

/// Rewrite STARSOM's logframe.yaml with `edit`.
fn edit_logframe(ws: &Path, edit: impl Fn(String) -> String) {
    let path = ws.join("frameworks/starsom/logframe.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit applies");
    std::fs::write(&path, edited).unwrap();
}

#[test]
fn interpolate_shows_whole_investigations_expected_and_says_so() {
    let ws = workspace(&["starsom"]);
    let md = report(ws.path(), "2023-Q3", "en");
    // 2023-Q3 ends 2023-09-30, 183 of the 275 days from 20 (2023-03-31)
    // to 35 (2023-12-31): 20 + 15 x 183 / 275 = 20 + 9.98 = 29.98
    // investigations expected. A reader sees whole ones: 30.
    let r = row(&md, "1100.1");
    assert_eq!(r[2], "30", "{r:?}");
    assert!(!md.contains("29.98"));
    // Grading keeps the exact figure: 31 / 29.98 = 103.4 % (31 / 30 would
    // be 103.3 %).
    assert_eq!(r[6], "103.4%");
    assert!(md.contains(
        "Targets: the end-of-project and period targets are the ones agreed in the logframe; \
         the value expected to date is interpolated by days between them"
    ));
}

#[test]
fn step_holds_the_latest_agreed_target_and_an_indicator_can_keep_interpolating() {
    let ws = workspace(&["starsom"]);
    edit_logframe(ws.path(), |t| {
        t.replacen(
            "status_thresholds: {on_track: 85, at_risk: 60}",
            "status_thresholds: {on_track: 85, at_risk: 60}\ntarget_rule: step",
            1,
        )
        .replacen(
            "            unit: {en: \"prosecutions\", fr: \"poursuites\", es: \"procesamientos\"}\n",
            "            unit: {en: \"prosecutions\", fr: \"poursuites\", es: \"procesamientos\"}\n            target_rule: interpolate\n",
            1,
        )
    });
    let md = report(ws.path(), "2023-Q3", "en");
    // 1100.1 under step: the latest agreed target due by 2023-09-30 is
    // FY2022-23's 20 (due 2023-03-31), held until 35 falls due. 31 / 20 =
    // 155 % of the expected; 31 / 35 = 88.6 % of the end target.
    let r = row(&md, "1100.1");
    assert_eq!(
        (r[2].as_str(), r[6].as_str(), r[7].as_str()),
        ("20", "155%", "88.6%"),
        "{r:?}"
    );
    // 1100.2 keeps interpolating (its own target_rule): 12.66 shown 13.
    assert_eq!(row(&md, "1100.2")[2], "13");
    assert!(md.contains(
        "the value expected to date is the latest agreed target due by the period's end, held until the next one."
    ));
    assert!(md.contains(
        "For 1100.2, the value expected to date is instead interpolated by days between the agreed targets."
    ));
    // `explain` says where the 20 comes from.
    let e = run(ws.path(), &["explain", "starsom", "1100.1", "--period", "2023-Q3"]);
    assert!(
        e.stdout
            .contains("20: the latest target written in logframe.yaml, due 2023-03-31, holds until the next one"),
        "{}",
        e.stdout
    );
}

#[test]
fn a_footnote_works_the_percent_of_one_row() {
    let ws = workspace(&["starsom"]);
    let md = report(ws.path(), "2023-Q3", "en");
    // 1000.1, a level from baseline 2 to 4, at 3.5: (3.5 - 2) / (4 - 2) =
    // 1.5 / 2 = 75 %, not 3.5 / 4 = 87.5 %.
    assert!(md.contains(
        "*% of end target for level indicators is progress from the baseline: (3.5 − 2) / (4 − 2) = 75% (1000.1)."
    ));
    // 1100.1, a running total: 31 / 35 = 0.8857 = 88.6 %.
    assert!(md.contains("is the value to date over the end target: 31 / 35 = 88.6% (1100.1)."));
    // Each language words it.
    let fr = report(ws.path(), "2023-Q3", "fr");
    assert!(fr.contains("(3,5 − 2) / (4 − 2) = 75\u{202f}% (1000.1)"), "{fr}");
    let es = report(ws.path(), "2023-Q3", "es");
    assert!(es.contains("31 / 35 = 88,6\u{a0}% (1100.1)"));
}

#[test]
fn the_period_target_column_is_dropped_only_where_no_target_is_written() {
    let ws = workspace(&["starsom"]);
    // No target is written for 2023-Q3: no column of dashes.
    let q3 = report(ws.path(), "2023-Q3", "en");
    assert!(!q3.contains("Target (period)"));
    assert_eq!(row(&q3, "1100.1").len(), 9);
    // FY2022-23 has its agreed targets: the column stays, with the
    // period's share of 1100.1's running total: 20 - 2 = 18.
    let fy = report(ws.path(), "FY2022-23", "en");
    assert!(fy.contains("| Indicator | Baseline | Target (period) | Expected to date |"));
    let r = row(&fy, "1100.1");
    assert_eq!((r.len(), r[2].as_str(), r[3].as_str()), (10, "18", "20"), "{r:?}");
}

#[test]
fn an_unknown_target_rule_is_located_with_a_suggestion() {
    let ws = workspace(&["starsom"]);
    edit_logframe(ws.path(), |t| {
        t.replacen(
            "status_thresholds: {on_track: 85, at_risk: 60}",
            "status_thresholds: {on_track: 85, at_risk: 60}\ntarget_rule: steps",
            1,
        )
    });
    let r = run(ws.path(), &["check", "starsom"]);
    r.expect_code(1);
    assert!(r.stderr.contains("unknown target rule `steps`"), "{}", r.stderr);
    assert!(r.stderr.contains("logframe.yaml:46:14"), "{}", r.stderr);
    assert!(r.stderr.contains("did you mean `step`?"), "{}", r.stderr);
}

#[test]
fn under_step_a_level_before_its_first_agreed_target_expects_nothing_yet() {
    let ws = workspace(&["starsom"]);
    edit_logframe(ws.path(), |t| {
        t.replacen(
            "status_thresholds: {on_track: 85, at_risk: 60}",
            "status_thresholds: {on_track: 85, at_risk: 60}\ntarget_rule: step",
            1,
        )
    });
    // 1000.1, a level from the baseline 2, has its first agreed target (3)
    // due with FY2022-23 on 2023-03-31. At 2022-Q3 the baseline holds:
    // nothing is expected yet, which is not "no target".
    let out = run(
        ws.path(),
        &["status", "starsom", "--period", "2022-Q3", "--format", "csv"],
    );
    out.expect_code(0);
    let line = out.stdout.lines().find(|l| l.starts_with("1000.1,")).expect("1000.1");
    assert!(line.contains(",on track,"), "{line}");
    assert!(!line.contains("no target"), "{line}");
}
