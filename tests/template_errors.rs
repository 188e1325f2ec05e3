//! A broken user template (`--templates DIR` or the framework's
//! `templates/` folder) is input like the YAML: its problems are located
//! diagnostics (`tpl/funding.md.j2:7:4`, the line quoted with a caret,
//! expected, found and a hint), exit 1, never minijinja's own text with its
//! debug dump, never a panic. A template that is not UTF-8 gets the shared
//! encoding diagnostic; a line over the limit is refused before minijinja's
//! 16-bit column counter can overflow on it.

mod common;

use common::{Run, run, workspace};

/// `report starsom` for 2023-Q3, general layout, templates from `tpl/`.
const REPORT_WITH_TPL: [&str; 10] = [
    "report",
    "starsom",
    "--period",
    "2023-Q3",
    "--template",
    "general",
    "--templates",
    "tpl",
    "--out",
    "out",
];

/// Run `report starsom` with `tpl/<name>` holding `bytes`, as
/// `--templates tpl`; check that a refused report wrote nothing.
fn report_with(name: &str, bytes: &[u8]) -> Run {
    let w = workspace(&["starsom"]);
    let t = w.path().join("tpl");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(t.join(name), bytes).expect("write template");
    let r = run(w.path(), &REPORT_WITH_TPL);
    if r.code != 0 {
        assert!(!w.path().join("out").exists(), "nothing written: {}", r.stderr);
    }
    r
}

fn assert_plain(r: &Run) {
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    // minijinja's debug dump of the template and its variables.
    assert!(!r.stderr.contains("~~~~~~"), "{}", r.stderr);
    assert!(!r.stderr.contains("Referenced variables"), "{}", r.stderr);
}

#[test]
fn an_endif_without_its_if_is_located_in_the_users_file() {
    let text = "# Title\n\n{{ project.title }}\n\n\n\n{% endif %}\n";
    let r = report_with("report.md.j2", text.as_bytes());
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:7:4"), "{}", r.stderr);
    assert!(r.stderr.contains("{% endif %}"), "the line is quoted: {}", r.stderr);
    assert!(
        r.stderr
            .contains("expected: a `{% endif %}` closes an `{% if %}` opened earlier in the same template"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("= hint:"), "{}", r.stderr);
}

#[test]
fn an_unclosed_block_is_located() {
    let r = report_with("report.md.j2", b"# Title\n{% if true %}\nyes\n");
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:"), "{}", r.stderr);
    assert!(r.stderr.contains("= expected:"), "{}", r.stderr);
}

#[test]
fn an_error_in_an_included_template_is_located_in_that_file() {
    let w = workspace(&["starsom"]);
    let t = w.path().join("tpl");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(t.join("report.md.j2"), "# Title\n{% include \"extra.md.j2\" %}\n").expect("write");
    std::fs::write(t.join("extra.md.j2"), "line one\n{{ project.no_such_thing.deeper }}\n").expect("write");
    let r = run(w.path(), &REPORT_WITH_TPL);
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/extra.md.j2:2:"), "{}", r.stderr);
    assert!(!w.path().join("out").exists(), "nothing written");
}

#[test]
fn a_framework_template_error_names_the_framework_file() {
    let w = workspace(&["starsom"]);
    let t = w.path().join("frameworks/starsom/templates");
    std::fs::create_dir_all(&t).expect("mkdir");
    std::fs::write(t.join("report.md.j2"), "{% for x in %}\n").expect("write");
    let r = run(
        w.path(),
        &[
            "report",
            "starsom",
            "--period",
            "2023-Q3",
            "--template",
            "general",
            "--out",
            "out",
        ],
    );
    r.expect_code(1);
    assert_plain(&r);
    assert!(
        r.stderr.contains("frameworks/starsom/templates/report.md.j2:1:"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_latin1_template_gets_the_encoding_diagnostic() {
    let r = report_with("report.md.j2", b"# Rapport\n\nCaf\xe9 {{ project.title }}\n");
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:3:4"), "{}", r.stderr);
    assert!(r.stderr.contains("not UTF-8"), "{}", r.stderr);
    assert!(r.stderr.contains("Latin-1"), "{}", r.stderr);
    assert!(!r.stderr.contains("stream did not contain valid UTF-8"), "{}", r.stderr);
}

#[test]
fn a_line_over_the_limit_is_refused_before_the_template_engine_sees_it() {
    // Past 65,535 characters minijinja's column counter overflows: a
    // panic in debug builds.
    let text = format!("# Title\n{}{{{{ @ }}}}\n", "x".repeat(70_000));
    let r = report_with("report.md.j2", text.as_bytes());
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:2:10001"), "{}", r.stderr);
    assert!(r.stderr.contains("at most 10000 characters"), "{}", r.stderr);
}

#[test]
fn a_long_line_under_the_limit_still_renders() {
    let text = format!("# Title {{{{ project.title }}}}\n{}\n", "y".repeat(9_000));
    let r = report_with("report.md.j2", text.as_bytes());
    r.expect_code(0);
}

#[test]
fn a_statement_cut_short_says_what_is_missing() {
    let r = report_with("report.md.j2", b"# Title\n\n{% if %}yes{% endif %}\n");
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:3:7"), "{}", r.stderr);
    assert!(r.stderr.contains("a condition after `if`"), "{}", r.stderr);
}

#[test]
fn a_built_in_template_extended_out_of_place_is_located_at_the_extends() {
    // The error is raised inside the built-in result.md.j2 (which needs
    // the values its callers give it); the user's line that pulls it in is
    // the place to fix.
    let text = "# Title\n\n{% extends 'result.md.j2' %}\n";
    let r = report_with("report.md.j2", text.as_bytes());
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:3:12"), "{}", r.stderr);
    assert!(r.stderr.contains("built-in"), "{}", r.stderr);
}

#[test]
fn a_missing_include_is_located_at_the_include() {
    let r = report_with("report.md.j2", b"# Title\n{% include \"nope.md.j2\" %}\n");
    r.expect_code(1);
    assert_plain(&r);
    assert!(r.stderr.contains("tpl/report.md.j2:2:4"), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("template error in report.md.j2: an included template is not there"),
        "{}",
        r.stderr
    );
}
