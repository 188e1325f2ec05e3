//! A narrative is the team's own text; one saved in a legacy encoding must
//! be refused where its first bad byte is, not reported as unreadable.

mod common;

/// Found by the mutation suite (tests/robustness_mutation.rs): a narrative
/// saved as Latin-1 stopped `report` with
/// "cannot read ...: stream did not contain valid UTF-8" (exit 2, no place).
#[test]
fn a_narrative_that_is_not_utf8_is_refused_at_its_first_bad_byte() {
    let ws = common::workspace(&["starsom"]);
    let narrative = ws.path().join("frameworks/starsom/narrative/2023-Q3.md");
    std::fs::write(&narrative, b"# Title\n\n## Context\n\nCaf\xe9 in Bogot\xe1\n").expect("write the narrative");
    let run = common::run(ws.path(), &["report", "starsom", "--period", "2023-Q3", "--out", "out"]);
    run.expect_code(1);
    assert!(
        run.stderr.contains("frameworks/starsom/narrative/2023-Q3.md:5:4"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("is not UTF-8 text") && run.stderr.contains("0xE9"),
        "{}",
        run.stderr
    );
    assert!(!ws.path().join("out").exists(), "nothing is written");
}
