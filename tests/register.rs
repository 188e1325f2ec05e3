//! The risk register and the workplan in the report, on the hand-worked
//! fixture `tests/fixtures/register/` (its risks.yaml and workplan.yaml
//! comments work every rating and count at 2023-Q2): the Markdown, the
//! JSON model and the PDF text, in English and French, and no section for
//! a framework without the files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture() -> PathBuf {
    common::root().join("tests/fixtures/register")
}

/// The report of `framework` at `period` in `format` and `lang`, as text.
fn report(framework: &Path, period: &str, format: &str, lang: &str) -> (String, PathBuf) {
    let out = tempfile::tempdir().unwrap().keep();
    let run = Command::new(env!("CARGO_BIN_EXE_logframe"))
        .args(["report", framework.to_str().unwrap(), "--period", period])
        .args(["--format", format, "--lang", lang, "-o", out.to_str().unwrap()])
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let file = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == format))
        .expect("the report file");
    let text = if format == "pdf" {
        String::new()
    } else {
        std::fs::read_to_string(&file).unwrap()
    };
    (text, file)
}

fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(heading).unwrap_or_else(|| panic!("{heading} missing"));
    let rest = &md[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

#[test]
fn the_register_lists_risks_by_rating_with_trend_and_flags_the_rise() {
    let (md, _) = report(&fixture(), "2023-Q2", "md", "en");
    let s = section(&md, "## Risk register");
    assert!(s.contains("**The rating rose for one risk: R1 (9 → 16).**"));
    // By rating now: R1 16, R3 16 (written after R1), R2 12, R4 2.
    let rows: Vec<&str> = s.lines().filter(|l| l.starts_with("| ") && l.contains(" × ")).collect();
    assert_eq!(
        rows[1..],
        [
            "| R1 Partners withdraw | Political | 4 × 4 | **16 (high)** | 9 (medium) | **↑ up** |",
            "| R3 Staff turnover | Operational | 4 × 4 | 16 (high) | 16 (high) | → unchanged |",
            "| R2 Funds arrive late | Financial | 3 × 4 | 12 (high) | 25 (critical) | ↓ down |",
            "| R4 Floods close the venue | Environmental | 1 × 2 | 2 (low) | 2 (low) | → unchanged |",
        ]
    );
    assert!(s.contains("- Update, 2023-Q2: A new minister froze cooperation"));
    assert!(s.contains("- **Results affected**: 1.1"));
    // The Q3 update of R4 is after the period.
    assert!(!s.contains("Rainy season"));
}

#[test]
fn the_workplan_lists_the_period_by_start_and_what_comes_next() {
    let (md, _) = report(&fixture(), "2023-Q2", "md", "en");
    let s = section(&md, "## Workplan");
    assert!(s.contains(
        "4 activities were planned in 2023-Q2 (their planned dates overlap it); 3 were due to end in it, of which one is done. By status: done: 1, under way: 1, delayed: 1, cancelled: 1."
    ));
    let firsts: Vec<&str> = s
        .lines()
        .filter(|l| l.starts_with("| A") && !l.contains("Activity"))
        .map(|l| &l[2..4])
        .collect();
    // Q2 by planned start: A4, A2, A5, A3; then Q3: A4, A3 (overdue), A6.
    assert_eq!(firsts, ["A4", "A2", "A5", "A3", "A4", "A3", "A6"]);
    assert!(s.contains("### Next period: 2023-Q3 (1 July 2023 – 30 September 2023)"));
    assert!(s.contains("| Delayed | The venue flooded; overdue since 14 June 2023 |"));
    // Both parts sit between the results and the narrative.
    let at = |h: &str| md.find(h).unwrap();
    assert!(at("## Results") < at("## Risk register"));
    assert!(at("## Risk register") < at("## Workplan"));
    assert!(at("## Workplan") < at("## Narrative"));
}

#[test]
fn the_last_period_says_nothing_comes_next_and_french_is_french() {
    let (md, _) = report(&fixture(), "2023-Q4", "md", "fr");
    let s = section(&md, "## Plan de travail");
    assert!(s.contains("T4 2023 est la dernière période de rapport du projet\u{202f}: aucune période ne suit."));
    let (md, _) = report(&fixture(), "2023-Q2", "md", "fr");
    let r = section(&md, "## Registre des risques");
    assert!(r.contains("Mise à jour, T2 2023\u{202f}: Un nouveau ministre a gelé la coopération"));
    assert!(r.contains("| R1 Des partenaires se retirent | Politique | 4 × 4 | **16 (élevé)** |"));
    let w = section(&md, "## Plan de travail");
    assert!(w.contains("| A3 Atelier 3 | 1.1 |"));
    assert!(w.contains("| Retardée | Le lieu était inondé\u{202f}; en retard depuis le 14 juin 2023 |"));
}

#[test]
fn the_json_model_carries_ratings_trends_and_statuses() {
    let (json, _) = report(&fixture(), "2023-Q2", "json", "en");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let r1 = &v["risks"]["risks"][0];
    assert_eq!(
        (
            &r1["id"],
            &r1["rating"],
            &r1["before_rating"],
            &r1["trend"],
            &r1["rose"]
        ),
        (&"R1".into(), &16.into(), &9.into(), &"up".into(), &true.into())
    );
    let coming = &v["workplan"]["coming"];
    assert_eq!(coming[1]["id"], "A3");
    assert_eq!(coming[1]["overdue"], true);
    let kinds: Vec<&str> = v["outline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds[kinds.len() - 4..], ["risks", "workplan", "narrative", "annex"]);
}

#[test]
fn the_pdf_prints_the_arrows_and_both_sections() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("pdftotext not found: skipped");
        return;
    }
    for (lang, heads) in [
        ("en", ["Risk register", "Workplan"]),
        ("fr", ["Registre des risques", "Plan de travail"]),
    ] {
        let (_, pdf) = report(&fixture(), "2023-Q2", "pdf", lang);
        let out = Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        for h in heads {
            assert!(text.contains(h), "{lang}: {h} missing");
        }
        for arrow in ["↑", "↓", "→"] {
            assert!(text.contains(arrow), "{lang}: {arrow} missing from the PDF text");
        }
    }
}

#[test]
fn a_framework_without_the_files_has_neither_section() {
    let (md, _) = report(&common::root().join("tests/fixtures/gender"), "2023-Q2", "md", "en");
    assert!(!md.contains("## Risk register"));
    assert!(!md.contains("## Workplan"));
}
