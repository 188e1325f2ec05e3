//! French and Spanish reports say nothing in English that logframe wrote:
//! every generated word comes from the catalogues, the data-quality annex
//! included; project texts print in the report's language when the
//! framework has them (STARSOM does), and the command says on stderr which
//! ones it lacks (`--strict` refuses to write). Countries print by name.

mod common;

use std::path::Path;

use common::{root, run};

/// Generated English that must never reach a French or Spanish report.
/// Project texts (the ledger's comments, IOM's and GLOT92's titles, the
/// narrative files) are the team's words and may be English; none of these
/// phrases occurs in them.
const ENGLISH: &[&str] = &[
    "Progress report",
    "Executive summary",
    "Indicators by status",
    "Headline achievements",
    "Indicators off track",
    "Financial overview",
    "Spent to date",
    "Spent this period",
    "Burn rate",
    "Spending by budget line",
    "Expected to date",
    "End-of-project target",
    "Actual to date",
    "% of end target",
    "Comments recorded with the values",
    "Progress chart",
    "Performance measurement framework",
    "Data-quality notes",
    "No value was recorded",
    "the other quarters",
    "the team noted",
    "Reporting period",
    "Fiscal year",
    "Project dates",
    "Implementing organisation",
    "Generated on",
    "Gender equality results",
    "on track",
    "off track",
    "not achieved",
    "FY20",
    "calendar 20",
    "No expenditure is recorded",
    "Disaggregation",
];

/// The three shipped frameworks with values, at a period each reports.
const REPORTS: &[(&str, &str)] = &[
    ("starsom", "2023-Q3"),
    ("iom-px0012", "2013-H2"),
    ("unodc-glot92", "2012"),
];

fn report(dir: &Path, framework: &str, period: &str, lang: &str, format: &str) -> common::Run {
    let out = dir.to_str().unwrap();
    let r = run(
        &root(),
        &[
            "report", framework, "--period", period, "--lang", lang, "--format", format, "-o", out,
        ],
    );
    r.expect_code(0);
    r
}

/// The text without the team's narrative, which is theirs to translate:
/// an untranslated narrative is shown as written, with a note. Cut from
/// the last line that is the narrative's heading (`Narrativa`, `Exposé
/// narratif`; a contents page names it earlier) to the last Annex A
/// heading; the rest of the report is checked whole.
fn generated(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let heading = |l: &str, names: &[&str]| {
        let l = l.trim().trim_start_matches('#').trim();
        names.iter().any(|n| l == *n || l.starts_with(&format!("{n} ")))
    };
    let end = lines
        .iter()
        .rposition(|l| heading(l, &["Anexo A:", "Annexe A\u{202f}:", "Anexo A", "Annexe A"]));
    let start = end.and_then(|e| {
        lines[..e]
            .iter()
            .rposition(|l| heading(l, &["Narrativa", "Exposé narratif"]))
    });
    match (start, end) {
        (Some(s), Some(e)) => [&lines[..s], &lines[e..]].concat().join("\n"),
        _ => text.to_string(),
    }
}

fn english_in(text: &str) -> Vec<&'static str> {
    // pdftotext may break a phrase across lines.
    let text = generated(text);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    ENGLISH.iter().copied().filter(|p| flat.contains(p)).collect()
}

#[test]
fn the_english_report_says_every_phrase_the_list_checks() {
    // The list is of real phrases: the English STARSOM report has most.
    let tmp = tempfile::tempdir().unwrap();
    report(tmp.path(), "starsom", "2023-Q3", "en", "md");
    let md = std::fs::read_to_string(tmp.path().join("starsom-2023-Q3.md")).unwrap();
    assert!(english_in(&md).len() >= 25, "{:?}", english_in(&md));
}

#[test]
fn french_and_spanish_markdown_has_no_generated_english() {
    let tmp = tempfile::tempdir().unwrap();
    for (fw, period) in REPORTS {
        for lang in ["fr", "es"] {
            report(tmp.path(), fw, period, lang, "md");
            let md = std::fs::read_to_string(tmp.path().join(format!("{fw}-{period}.{lang}.md"))).unwrap();
            assert_eq!(english_in(&md), Vec::<&str>::new(), "{fw} {lang}");
        }
    }
}

/// The PDF's text, when `pdftotext` is installed.
fn pdf_text(path: &Path) -> Option<String> {
    let o = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn french_and_spanish_pdfs_have_no_generated_english() {
    let tmp = tempfile::tempdir().unwrap();
    for (fw, period) in REPORTS {
        for lang in ["fr", "es"] {
            report(tmp.path(), fw, period, lang, "pdf");
            let Some(text) = pdf_text(&tmp.path().join(format!("{fw}-{period}.{lang}.pdf"))) else {
                eprintln!("pdftotext is not installed: PDF text not checked");
                return;
            };
            assert_eq!(english_in(&text), Vec::<&str>::new(), "{fw} {lang}");
        }
    }
}

#[test]
fn annex_b_says_the_outlier_in_plain_words_with_the_teams_comment() {
    let tmp = tempfile::tempdir().unwrap();
    let annex = |lang: &str| {
        report(tmp.path(), "starsom", "2023-Q3", lang, "md");
        let name = if lang == "en" {
            "starsom-2023-Q3.md".to_string()
        } else {
            format!("starsom-2023-Q3.{lang}.md")
        };
        let md = std::fs::read_to_string(tmp.path().join(name)).unwrap();
        let annex = md.rsplit("## ").next().unwrap().to_string();
        assert!(!annex.contains("logframe.yaml") && !annex.contains(".csv"), "{annex}");
        annex
    };
    let n = '\u{202f}';
    assert!(annex("en").contains(
        "- Indicator 1210.1: the value for 2021-Q4 (6) is far above the other quarters (median 2.5); \
         the team noted: “Perú, Brazil, Ecuador designate two focal points each”."
    ));
    assert!(annex("fr").contains(&format!(
        "- Indicateur 1210.1{n}: la valeur de T4 2021 (6) est très supérieure à celles des autres trimestres \
         (médiane 2,5){n}; l’équipe a noté{n}: «{n}Perú, Brazil, Ecuador designate two focal points each{n}»."
    )));
    assert!(annex("es").contains("- Indicador 1200.1: no se registró ningún valor para el período T2 2021."));
}

#[test]
fn missing_translations_are_listed_on_stderr_and_strict_refuses() {
    let tmp = tempfile::tempdir().unwrap();
    // STARSOM has every title, statement, unit and budget line in French.
    let r = report(tmp.path(), "starsom", "2023-Q3", "fr", "md");
    assert!(!r.stderr.contains("translation"), "{}", r.stderr);
    // IOM is written in English only: the report is written, and says so.
    let r = report(tmp.path(), "iom-px0012", "2013-H2", "fr", "md");
    assert!(r.stderr.contains("warning: "), "{}", r.stderr);
    for what in [
        "project title",
        "result OBJ statement",
        "indicator OBJ.1 title",
        "indicator OBJ.1 unit",
    ] {
        assert!(r.stderr.contains(what), "{what}: {}", r.stderr);
    }
    assert!(r.stderr.contains("no `fr` translation"), "{}", r.stderr);
    // --strict: an error, exit 1, nothing written.
    let strict = tmp.path().join("strict");
    let out = strict.to_str().unwrap();
    let r = run(
        &root(),
        &[
            "report",
            "iom-px0012",
            "--period",
            "2013-H2",
            "--lang",
            "es",
            "--strict",
            "-o",
            out,
        ],
    );
    r.expect_code(1);
    assert!(
        r.stderr.contains("error: ") && r.stderr.contains("no `es` translation"),
        "{}",
        r.stderr
    );
    assert!(!strict.exists() || std::fs::read_dir(&strict).unwrap().next().is_none());
    // The project's own language needs no translation, strict or not.
    let r = run(
        &root(),
        &["report", "iom-px0012", "--period", "2013-H2", "--strict", "-o", out],
    );
    r.expect_code(0);
}

#[test]
fn countries_print_by_name_and_machines_keep_the_codes() {
    let tmp = tempfile::tempdir().unwrap();
    report(tmp.path(), "starsom", "2023-Q3", "es", "md,json");
    let md = std::fs::read_to_string(tmp.path().join("starsom-2023-Q3.es.md")).unwrap();
    assert!(md.contains("Canadá, Estados Unidos, México, Guatemala"), "cover");
    assert!(md.contains("| Perú | 4 |"), "breakdown table");
    assert!(!md.contains("| PE |"));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("starsom-2023-Q3.es.json")).unwrap()).unwrap();
    assert_eq!(json["project"]["country_codes"][9], "PE");
    report(tmp.path(), "starsom", "2023-Q3", "fr", "md");
    let md = std::fs::read_to_string(tmp.path().join("starsom-2023-Q3.fr.md")).unwrap();
    assert!(md.contains("| Pérou | 4 |") && md.contains("| Brésil | 3 |"), "fr");
}
