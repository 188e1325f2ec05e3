//! Golden reports: the three shipped frameworks in English, French and
//! Spanish. `UPDATE_GOLDEN=1 cargo test --test report_golden` rewrites the
//! files under tests/golden/report/; review the diff like code.

use std::path::{Path, PathBuf};
use std::process::Command;

const CASES: &[(&str, &str)] = &[
    ("starsom", "2023-Q3"),
    ("iom-px0012", "2013-H2"),
    ("unodc-glot92", "2012"),
];
const LANGS: &[&str] = &["en", "fr", "es"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `logframe report` from the repository root into `out`.
fn report(framework: &str, period: &str, lang: &str, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_logframe"))
        .current_dir(root())
        .env_remove("SOURCE_DATE_EPOCH")
        .args([
            "report",
            &format!("frameworks/{framework}"),
            "--period",
            period,
            "--lang",
            lang,
            "--out",
        ])
        .arg(out)
        .output()
        .expect("run logframe")
}

/// Compare `actual` with the golden file `name`, or rewrite it.
fn check(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = root().join("tests/golden/report").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(expected) => {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .map_or(expected.lines().count().min(actual.lines().count()), |i| i)
                + 1;
            failures.push(format!(
                "{name}: differs from line {line} (UPDATE_GOLDEN=1 cargo test --test report_golden rewrites it)"
            ));
        }
        Err(_) => failures.push(format!(
            "{name}: no golden file (run UPDATE_GOLDEN=1 cargo test --test report_golden)"
        )),
    }
}

#[test]
fn issue_3_shipped_frameworks_render_as_their_golden_reports() {
    let mut failures = Vec::new();
    for (fw, period) in CASES {
        for lang in LANGS {
            let tmp = tempfile::tempdir().unwrap();
            let out = report(fw, period, lang, tmp.path());
            assert!(
                out.status.success(),
                "{fw} {lang}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stem = if *lang == "en" {
                format!("{fw}-{period}")
            } else {
                format!("{fw}-{period}.{lang}")
            };
            let md = std::fs::read_to_string(tmp.path().join(format!("{stem}.md"))).unwrap();
            check(&format!("{stem}.md"), &md, &mut failures);
            if *fw == "starsom" && *lang == "en" {
                for chart in ["summary.svg", "chart-1100.2.svg"] {
                    let svg = std::fs::read_to_string(tmp.path().join(&stem).join(chart)).unwrap();
                    check(&format!("{stem}/{chart}"), &svg, &mut failures);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
