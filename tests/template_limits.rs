//! A framework's templates are hostile input like its YAML (issue 10,
//! item 7): a template that loops for ever or nests without end fails with
//! an error naming it, within seconds, and writes nothing; a template file
//! that is a symlink out of its folder is refused. The fuel budget stays
//! generous for real reports: the STARSOM report and a 120-indicator report
//! use a small fraction of it.

mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{run, workspace};
use logframe::compute::Computed;
use logframe::locale::Lang;
use logframe::render::markdown::{FUEL, render_counting_fuel};
use logframe::report::narrative::Narrative;
use logframe::report::{Inputs, Layout, build};
use logframe::workspace as ws;

/// Run `report starsom` with one override template; return the run and
/// how long it took.
fn report_with_template(name: &str, text: &str) -> (common::Run, Duration, tempfile::TempDir) {
    let w = workspace(&["starsom"]);
    let t = w.path().join("frameworks/starsom/templates");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(t.join(name), text).expect("write template");
    let start = Instant::now();
    let r = run(w.path(), &["report", "starsom", "--period", "2023-Q3", "--out", "out"]);
    (r, start.elapsed(), w)
}

#[test]
fn template_that_loops_for_ever_runs_out_of_fuel_and_writes_nothing() {
    let looping = "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}";
    let (r, took, w) = report_with_template("gac.md.j2", looping);
    r.expect_code(2);
    assert!(r.stderr.contains("template error in gac.md.j2"), "{}", r.stderr);
    assert!(r.stderr.contains("too much work"), "{}", r.stderr);
    assert!(took < Duration::from_secs(60), "took {took:?}");
    assert!(!w.path().join("out").exists(), "nothing written");
}

#[test]
fn template_that_includes_itself_stops_at_the_recursion_limit() {
    let (r, _, w) = report_with_template("gac.md.j2", "x{% include \"gac.md.j2\" %}");
    r.expect_code(2);
    assert!(r.stderr.contains("nest too deep"), "{}", r.stderr);
    assert!(r.stderr.contains("gac.md.j2"), "{}", r.stderr);
    assert!(!w.path().join("out").exists(), "nothing written");
}

#[test]
fn macro_that_calls_itself_stops_at_the_recursion_limit() {
    let text = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}";
    let (r, _, _) = report_with_template("gac.md.j2", text);
    r.expect_code(2);
    assert!(r.stderr.contains("nest too deep"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn template_symlinked_out_of_its_folder_is_refused() {
    let w = workspace(&["starsom"]);
    let secret = w.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-TOKEN").expect("write");
    for folder in ["frameworks/starsom/templates", "overrides"] {
        let t = w.path().join(folder);
        std::fs::create_dir_all(&t).expect("mkdir");
        std::os::unix::fs::symlink(&secret, t.join("gac.md.j2")).expect("symlink");
    }
    for args in [vec![], vec!["--templates", "overrides"]] {
        let mut all = vec!["report", "starsom", "--period", "2023-Q3", "--out", "out"];
        all.extend(args);
        let r = run(w.path(), &all);
        r.expect_code(2);
        assert!(r.stderr.contains("outside"), "{}", r.stderr);
        assert!(!w.path().join("out").exists(), "nothing written");
    }
}

#[cfg(unix)]
#[test]
fn framework_templates_folder_symlinked_out_is_refused() {
    let w = workspace(&["starsom"]);
    let elsewhere = w.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::write(elsewhere.join("gac.md.j2"), "FROM-ELSEWHERE\n").expect("write");
    std::os::unix::fs::symlink(&elsewhere, w.path().join("frameworks/starsom/templates")).expect("symlink");
    let r = run(w.path(), &["report", "starsom", "--period", "2023-Q3", "--out", "out"]);
    r.expect_code(2);
    assert!(r.stderr.contains("leads outside the framework"), "{}", r.stderr);
    assert!(!w.path().join("out").exists(), "nothing written");
}

#[cfg(unix)]
#[test]
fn narrative_symlinked_out_of_the_framework_is_refused() {
    let w = workspace(&["starsom"]);
    let secret = w.path().join("secret.md");
    std::fs::write(&secret, "SECRET-TOKEN\n").expect("write");
    let narrative = w.path().join("frameworks/starsom/narrative/2023-Q3.md");
    std::fs::remove_file(&narrative).expect("remove the shipped narrative");
    std::os::unix::fs::symlink(&secret, &narrative).expect("symlink");
    let r = run(w.path(), &["report", "starsom", "--period", "2023-Q3", "--out", "out"]);
    r.expect_code(2);
    assert!(r.stderr.contains("leads outside the framework"), "{}", r.stderr);
    assert!(!w.path().join("out").exists(), "nothing written");
}

#[cfg(unix)]
#[test]
fn template_symlinked_inside_its_folder_is_read() {
    let (r, _, w) = report_with_template("mine.md.j2", "MY-OWN-TEMPLATE\n");
    r.expect_code(0);
    let t = w.path().join("frameworks/starsom/templates");
    std::os::unix::fs::symlink(t.join("mine.md.j2"), t.join("gac.md.j2")).expect("symlink");
    run(w.path(), &["report", "starsom", "--period", "2023-Q3", "--out", "out"]).expect_code(0);
    let md = std::fs::read_to_string(w.path().join("out/starsom-2023-Q3.md")).expect("report");
    assert!(md.starts_with("MY-OWN-TEMPLATE"), "{md}");
}

/// Fuel the built-in template of `layout` uses for `dir`'s report.
fn fuel_used(dir: &Path, period: &str, layout: Layout) -> u64 {
    let loaded = ws::load(dir);
    let fw = loaded.framework.as_ref().expect("framework loads");
    let period = fw.parse_period(period).expect("period");
    let narrative = std::fs::read_to_string(dir.join(format!("narrative/{period}.md"))).unwrap_or_default();
    let (computed, diags) = Computed::new(fw, &loaded.ledger, &loaded.sources, None);
    let report = build(
        &computed,
        Inputs {
            lang: Lang::En,
            layout,
            period,
            as_of: None,
            source_date_epoch: None,
            narrative: Narrative::parse(&narrative, None),
            diagnostics: &diags,
            sources: &loaded.sources,
            chart_dir: "charts",
        },
    );
    let (_, used) = render_counting_fuel(&report, layout.template(), Vec::new()).expect("renders");
    used
}

/// A framework of 24 results × 5 count indicators with quarterly values in
/// five countries over four years, and a comment on some of them.
fn synthetic_120(dir: &Path) {
    std::fs::create_dir_all(dir.join("measurements")).expect("mkdir");
    let countries = ["PE", "CO", "BR", "CI", "SN"];
    let mut yaml = String::from(
        "project:\n  id: big\n  title: Synthetic\n  donor: Global Affairs Canada\n  start: 2020-01-01\n  end: 2024-12-31\n  reporting_frequency: quarterly\n",
    );
    let _ = writeln!(
        yaml,
        "disaggregations:\n  country: [{}]\nresults:",
        countries.join(", ")
    );
    let mut csv = String::from("indicator,period,value,country,comment,recorded_at,recorded_by\n");
    for r in 0..24 {
        let _ = writeln!(
            yaml,
            "  - id: \"{r}\"\n    level: outcome\n    statement: Result {r}, a statement of a usual length for a logframe\n    indicators:"
        );
        for i in 0..5 {
            let _ = writeln!(
                yaml,
                "      - id: \"{r}.{i}\"\n        title: Number of practitioners trained, indicator {r}.{i}\n        type: count\n        unit: practitioners\n        targets: [{{period: end, value: \"400\"}}]\n        disaggregate_by: [country]"
            );
            for y in 2020..2024 {
                for q in 1..=4 {
                    for (k, c) in countries.iter().enumerate() {
                        let comment = if k == 0 {
                            "Quarterly review with the focal points"
                        } else {
                            ""
                        };
                        let _ = writeln!(
                            csv,
                            "{r}.{i},{y}-Q{q},{},{c},{comment},2024-01-15T10:00:00Z,t",
                            (r + i + k + q) % 7
                        );
                    }
                }
            }
        }
    }
    std::fs::write(dir.join("logframe.yaml"), yaml).expect("write yaml");
    std::fs::write(dir.join("measurements/ledger.csv"), csv).expect("write csv");
}

#[test]
fn real_reports_use_a_small_share_of_the_template_fuel() {
    let starsom = common::root().join("frameworks/starsom");
    let tmp = tempfile::tempdir().expect("temp dir");
    let big = tmp.path().join("big");
    synthetic_120(&big);
    let cases = [
        ("STARSOM, GAC layout", fuel_used(&starsom, "2023-Q3", Layout::Gac)),
        (
            "STARSOM, general layout",
            fuel_used(&starsom, "2023-Q3", Layout::General),
        ),
        ("120 indicators, GAC layout", fuel_used(&big, "2023-Q4", Layout::Gac)),
        (
            "120 indicators, general layout",
            fuel_used(&big, "2023-Q4", Layout::General),
        ),
    ];
    for (what, used) in cases {
        eprintln!("{what}: {used} fuel of {FUEL}");
        assert!(used > 0, "{what}: fuel is counted");
        assert!(
            used * 20 < FUEL,
            "{what}: {used} fuel leaves less than 20x headroom under {FUEL}"
        );
    }
}
