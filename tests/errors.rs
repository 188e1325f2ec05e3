//! The error catalogue: one reproducer per diagnostic the issue lists.
//!
//! Each case is a folder `tests/errors/<case>/` laid over the small
//! framework in `tests/fixtures/base/` (a case's own `logframe.yaml` or
//! `measurements/*.csv` replace the base's). The command is
//! `logframe import . import.csv` when the case has an `import.csv`, else
//! `logframe check .`, run inside a temporary copy of the folder so that
//! paths in messages are relative and stable. `expected.txt` holds the exit
//! code and the full stderr; `UPDATE_GOLDEN=1 cargo test` rewrites it.
//!
//! Beside the golden file each case states what the message must (and must
//! not) contain, so that a regenerated file cannot bless a message that lost
//! its point; and every diagnostic must carry the four parts the issue asks
//! for: file:line:col, expected, found, hint.

mod common;

use std::path::Path;

use common::{Run, copy_dir, golden, run_env, tests_dir};

/// Declares the cases: one `#[test]` each, plus the list `CASES`.
/// `name: exit code, [texts stderr must contain], [texts it must not contain];`
macro_rules! cases {
    ($($name:ident: $code:expr, [$($want:expr),* $(,)?], [$($absent:expr),* $(,)?];)*) => {
        const CASES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                check_case(stringify!($name), $code, &[$($want),*], &[$($absent),*]);
            }
        )*
    };
}

cases! {
    // logframe.yaml
    yaml_malformed: 1, ["error: logframe.yaml", "--> ./logframe.yaml:"], [];
    yaml_misspelt_key: 1, ["unknown key `targest`", "./logframe.yaml:28:13", "did you mean `targets`?"], [];
    yaml_missing_key: 1, ["missing key `level`", "logframe schema"], [];
    yaml_wrong_type: 1, ["--> ./logframe.yaml:30:30"], [];
    // A type mismatch is explained in the user's terms, not Rust's.
    yaml_wrong_type_text: 1, ["--> ./logframe.yaml:41:24"], ["RawText", "untagged enum"];
    yaml_unknown_level: 1, ["unknown level `outcom`", "did you mean `outcome`?"], [];
    // The first use is shown as a line, not a byte offset.
    yaml_duplicate_result_id: 1, ["duplicate result id `1100`", "logframe.yaml:20:13"], ["byte"];
    // Ids name files and key ledger rows: no paths, no blanks, no spaces.
    yaml_currency_unknown: 1, ["`USS` is not an ISO 4217 currency code", "./logframe.yaml:8:13", "US dollars are USD"], [];
    yaml_iati_id_whitespace: 1, ["`iati_id` is not an IATI activity identifier", "./logframe.yaml:9:12", "it holds whitespace"], [];
    yaml_project_id_path: 1, ["project id `../../pwn` is not allowed", "./logframe.yaml:3:7", "write it as `pwn`"], [];
    yaml_indicator_id_space: 1, ["indicator id `1100 .1` is not allowed", "a space at character 5", "write it as `1100.1`"], [];
    yaml_indicator_id_empty: 1, ["indicator id is empty", "./logframe.yaml:31:17"], [];
    yaml_duplicate_indicator_id: 1, ["duplicate indicator id `1100.1`", "logframe.yaml:24:17"], ["byte"];
    yaml_unknown_disaggregation: 1, ["unknown disaggregation `contry`", "did you mean `country`?"], [];
    yaml_fiscal_without_start: 1, ["fiscal-year periods need", "fiscal_year_start"], [];
    yaml_target_off_boundary: 1, ["2022-05 ends on 2022-05-31", "quarterly reporting period", "2022-Q2"], [];
    // The target is refused; it is not also reported as missing.
    yaml_percentage_target_over_100: 1, ["between 0 and 100", "`120`"], ["has no target"];
    yaml_end_target_below_period_target: 1, ["warning:", "end-of-project target 30 is lower than the target 40", "0 errors, 1 warning"], [];
    // A percentage target written as a fraction: on the wrong side of the baseline.
    yaml_target_wrong_side_of_baseline: 1, ["wrong side of the baseline 20", "0.7 is 70.0 %", "0 errors, 1 warning"], [];
    // Both places a target rule is written: the framework's and an indicator's.
    yaml_target_rule_unknown: 1, ["unknown target rule `stepp`", "./logframe.yaml:12:14", "did you mean `step`?", "unknown target rule `linear`", "./logframe.yaml:28:26", "use one of interpolate, step"], [];
    yaml_bad_country_code: 1, ["`GTM` is not an ISO 3166-1 alpha-2 country code"], [];
    yaml_budget_thousands_separators: 1, ["thousands separators", "1178122"], [];
    // Targets by category (`share:` and `by:`).
    yaml_target_share_unknown_category: 1, ["unknown sex `womn`", "did you mean `women`?", "./logframe.yaml:48:63"], [];
    yaml_target_share_dimension_not_disaggregated: 1, ["indicator 1100.1 is not disaggregated by `sex`", "add `sex` to the indicator's `disaggregate_by`"], [];
    yaml_target_shares_over_100: 1, ["shares by sex add up to 110 %", "women 60 + men 50 = 110 %"], [];
    yaml_target_share_over_100: 1, ["a target share must lie between 0 and 100", "`140`"], ["add up to"];
    yaml_target_parts_over_total: 1, ["parts by sex add up to 110, more than the target 100", "women 60 + men 50 = 110"], [];
    yaml_target_share_and_by: 1, ["gives `sex` both as `share:` and as `by:`"], [];
    yaml_milestone_target_share: 1, ["a milestone target cannot be split by category"], [];
    // The parts of a percentage are not parts of its total: only shares of its denominator.
    yaml_percentage_target_by: 1, ["a percentage target cannot be split with `by:`", "share: {sex: {women: 40}}"], [];
    // risks.yaml and workplan.yaml, beside the logframe
    yaml_risk_category_unknown: 1, ["unknown risk category `politcal`", "./risks.yaml:4:15", "did you mean `political`?"], [];
    yaml_risk_off_scale: 1, ["likelihood `6` is not on the 1-5 scale", "./risks.yaml:5:17", "impact `high` is not on the 1-5 scale", "5 severe"], [];
    yaml_risk_unknown_result: 1, ["risk R1 links to unknown result `1101`", "./risks.yaml:8:23", "did you mean `1100`?"], [];
    yaml_risk_duplicate_id: 1, ["duplicate risk id `R1`", "./risks.yaml:8:9", "first used at ./risks.yaml:2:9"], ["byte"];
    // Twice for one period, after the project, not a reporting period, not a period.
    yaml_risk_update_periods: 1, ["risk R1 is updated twice for 2023-Q2", "2024-Q1 lies outside the project", "2023-08 is not for a reporting period", "such as 2023-Q3", "`Q3 2023` is not written as a period", "did you mean 2023-Q3?", "3 errors, 1 warning"], [];
    yaml_risk_misspelt_key: 1, ["risks.yaml: unknown key `mitigaton`", "./risks.yaml:7:5", "did you mean `mitigation`?"], ["logframe.yaml"];
    yaml_workplan_missing_key: 1, ["workplan.yaml: missing key `status`", "add `status: ...`"], ["logframe schema", "logframe.yaml"];
    yaml_workplan_status: 1, ["unknown activity status `delayd`", "did you mean `delayed`?", "activity A2 is delayed without a reason", "./workplan.yaml:3:93", "activity A3 has an actual end but is under_way"], [];
    yaml_workplan_dates_and_links: 1, ["activity A1 links to unknown result `1111`", "did you mean `1110`?", "duplicate activity id `A1`", "activity A1 is planned outside the project", "activity A3 ends before it starts", "./workplan.yaml:4:68"], [];
    // measurement CSV
    csv_unknown_indicator: 1, ["unknown indicator `111O.1`", "did you mean `1110.1`?", "import.csv:3:1"], [];
    csv_unknown_dimension_value: 1, ["unknown country `PE`", "one of MX, GT", "import.csv:2:26"], [];
    // A country written by its name (any language, accents or not): its code as the hint; a
    // country the framework does not list is for its owner to add, not for the officer.
    csv_country_by_name: 1, ["unknown country `Guatémala`", "`Guatémala` is written `GT` here: write GT", "`Pérou` is PE, which is not one of this framework's country categories"], ["logframe.yaml"];
    csv_dimension_not_in_disaggregate_by: 1, ["indicator 1100.2 is not broken down by sex", "import.csv:2:21"], [];
    csv_period_outside_project: 1, ["2021-Q4 lies outside the project", "2022-01-01 .. 2023-12-31", "import.csv:2:8"], [];
    csv_non_numeric_value: 1, ["`five` is not a number", "measurements/ledger.csv:2:16"], [];
    csv_decimal_comma: 1, ["decimal comma", "3.5", "import.csv:2:16"], [];
    csv_negative_count: 1, ["negative", "`-3`", "import.csv:2:16"], [];
    csv_numerator_over_denominator: 1, ["numerator 12 exceeds denominator 10"], [];
    csv_zero_denominator: 1, ["the denominator is zero"], [];
    csv_percentage_without_parts: 1, ["numerator and denominator", "`45`"], [];
    csv_wrong_cell_count: 1, ["this row has 9 cells, the header has 8", "import.csv:2:1"], [];
    // A year and one of its quarters both count into a running total.
    csv_overlapping_periods: 1, ["values for 2022 and 2022-Q1 overlap; only 2022 is counted", "measurements/ledger.csv:3:1", "0 errors, 1 warning"], [];
    csv_unknown_column: 1, ["unknown column `sexe`", "did you mean `sex`?", "import.csv:1:46"], [];
    import_duplicate_key: 1, ["line 4 records the same key as line 2", "import.csv:4:1"], [];
    // Hostile and careless input (issue 10, "Messages that mislead").
    yaml_latin1: 1, ["logframe.yaml is not UTF-8 text: it looks like Latin-1", "logframe.yaml:4:19", "0xE9", "save logframe.yaml as UTF-8"], ["cannot read", "init NAME"];
    yaml_duplicate_key: 1, ["duplicate key `title`", "logframe.yaml:6:3", "the first `title:` is on line 4"], ["expected a mapping", "indent the keys"];
    // The scanner blamed the line before; the tab itself is pointed at.
    yaml_tab_indentation: 1, ["a tab in the indentation", "logframe.yaml:4:1", "indent with spaces"], ["plain scalar"];
    // Old Mac line ends (CR alone): located on the right line, not 1:1644.
    yaml_cr_line_ends: 1, ["unknown key `donr`", "logframe.yaml:6:3", "did you mean `donor`?"], [":1:"];
    yaml_one_day_project: 1, ["the project ends on the day it starts", "logframe.yaml:7:8"], ["before it starts"];
    yaml_aggregate_pooled_not_percentage: 1, ["indicator 1100.2: `aggregate: pooled`", "which a number indicator does not have", "logframe.yaml:35:24", "use `aggregate: last`"], [];
    csv_latin1: 1, ["import.csv is not UTF-8 text: it looks like Latin-1", "import.csv:2:23", "CSV UTF-8"], [];
    csv_utf16: 1, ["import.csv is not UTF-8 text: it looks like UTF-16", "import.csv:1:1", "byte-order mark", "CSV UTF-8"], [];
    csv_nul_byte: 1, ["NUL byte", "import.csv:2:17"], [];
    csv_period_written_otherwise: 1, ["`Q3 2022` is not written as a period", "did you mean 2022-Q3?", "import.csv:2:8", "did you mean 2022-Q4, the quarterly reporting period holding 2022-12-31", "did you mean 2022-Q4, the quarterly reporting period holding 2022-10 (or 2022-10 for that month alone)?"], ["four-digit year", "OCT 2022"];
    csv_tab_separated: 1, ["unknown indicator `111O.2`", "import.csv:3:1"], ["unknown column"];
    csv_trailing_empty_columns: 1, ["a value under column 10, which has no name", "import.csv:4:24", "`stray`"], ["unknown column", "cells, the header has"];
    csv_narrow_no_break_space: 1, ["contains spaces (no-break spaces", "1234", "import.csv:2:16"], ["not a number"];
    csv_empty: 1, ["import.csv: no rows to import", "import.csv:1:1", "an empty file"], [];
    csv_header_only: 1, ["import.csv: no rows to import", "a header and no rows"], [];
    csv_odd_numbers: 1, ["`1e5` is in scientific notation", "100000", "`--5` has more than one sign", "digits other than 0-9", "`∞` is not a finite number", "`NaN` is not a finite number", "`1e400` is too large", "`1E-30` is in scientific notation and has more than 28 decimal places", "import.csv:8:16"], [];
}

fn case_dir(name: &str) -> std::path::PathBuf {
    tests_dir().join("errors").join(name)
}

/// The command a case runs.
fn args(case: &Path) -> Vec<&'static str> {
    if case.join("import.csv").is_file() {
        vec!["import", ".", "import.csv"]
    } else {
        vec!["check", "."]
    }
}

/// A temporary copy of the base framework with the case laid over it.
fn prepare(name: &str) -> tempfile::TempDir {
    let case = case_dir(name);
    assert!(case.is_dir(), "missing case folder {}", case.display());
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&tests_dir().join("fixtures").join("base"), tmp.path());
    copy_dir(&case, tmp.path());
    let _ = std::fs::remove_file(tmp.path().join("expected.txt"));
    tmp
}

fn run_case(name: &str) -> Run {
    let tmp = prepare(name);
    run_env(
        tmp.path(),
        &args(&case_dir(name)),
        &[("LOGFRAME_NOW", "2024-01-15T10:00:00Z")],
    )
}

fn check_case(name: &str, code: i32, want: &[&str], absent: &[&str]) {
    let run = run_case(name);
    let text = format!("exit: {}\n--- stderr\n{}", run.code, run.stderr);
    let mut failures = Vec::new();
    if let Err(e) = golden(&case_dir(name).join("expected.txt"), &text) {
        failures.push(e);
    }
    if run.code != code {
        failures.push(format!("exit code {}, expected {code}", run.code));
    }
    if run.stderr.contains("panicked") {
        failures.push("the binary panicked".to_string());
    }
    for needle in want {
        if !run.stderr.contains(needle) {
            failures.push(format!("stderr lacks `{needle}`"));
        }
    }
    for needle in absent {
        if run.stderr.contains(needle) {
            failures.push(format!("stderr should not contain `{needle}`"));
        }
    }
    failures.extend(incomplete_diagnostics(&run.stderr));
    if !run
        .stderr
        .lines()
        .any(|l| l.starts_with("error") || l.starts_with("warning"))
    {
        failures.push("no diagnostic at all".to_string());
    }
    assert!(
        failures.is_empty(),
        "[{name}]\n- {}\n--- stderr\n{}",
        failures.join("\n- "),
        run.stderr
    );
}

/// The issue's bar: "Every diagnostic carries file:line:col, what was
/// expected, what was found, and one hint". Returns what each diagnostic
/// block (from `error:` or `warning:` to the next) lacks.
fn incomplete_diagnostics(stderr: &str) -> Vec<String> {
    let mut blocks: Vec<Vec<&str>> = Vec::new();
    for line in stderr.lines() {
        if line.starts_with("error:") || line.starts_with("warning:") {
            blocks.push(vec![line]);
        } else if let Some(b) = blocks.last_mut() {
            b.push(line);
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        let text = b.join("\n");
        let missing: Vec<&str> = [
            ("-->", "file:line:col"),
            ("= expected:", "expected"),
            ("= found:", "found"),
            ("= hint:", "hint"),
        ]
        .iter()
        .filter(|(needle, _)| !text.contains(needle))
        .map(|(_, what)| *what)
        .collect();
        if !missing.is_empty() {
            out.push(format!("`{}` lacks {}", b[0], missing.join(", ")));
        }
    }
    out
}

#[test]
fn every_case_folder_is_declared() {
    let mut on_disk: Vec<String> = std::fs::read_dir(tests_dir().join("errors"))
        .expect("tests/errors")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/errors/ and the cases! list must name the same cases"
    );
    for name in CASES {
        assert!(
            case_dir(name).join("expected.txt").is_file() || common::updating(),
            "{name} has no expected.txt"
        );
    }
}

/// A failed import writes nothing: the import cases run on a framework
/// without a ledger, and the ledger must still not exist afterwards.
#[test]
fn failed_imports_write_no_ledger() {
    let imports: Vec<&str> = CASES
        .iter()
        .copied()
        .filter(|c| case_dir(c).join("import.csv").is_file())
        .collect();
    assert!(imports.len() >= 10, "{imports:?}");
    for name in imports {
        let tmp = prepare(name);
        let run = run_env(tmp.path(), &args(&case_dir(name)), &[]);
        assert_eq!(run.code, 1, "[{name}] {}", run.stderr);
        assert!(run.stderr.contains("nothing was imported"), "[{name}] {}", run.stderr);
        assert!(
            !tmp.path().join("measurements").join("ledger.csv").exists(),
            "[{name}] a failed import wrote the ledger"
        );
    }
}

/// The same rows through `import --dry-run` are refused the same way.
#[test]
fn dry_run_refuses_the_same_rows() {
    for name in CASES
        .iter()
        .copied()
        .filter(|c| case_dir(c).join("import.csv").is_file())
    {
        let tmp = prepare(name);
        let run = run_env(tmp.path(), &["import", ".", "import.csv", "--dry-run"], &[]);
        assert_eq!(run.code, 1, "[{name}] {}", run.stderr);
    }
}
