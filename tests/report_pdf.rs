//! `logframe report --format pdf` (issue 4): the PDF passes `qpdf --check`,
//! embeds subset fonts with ToUnicode maps, carries every indicator title
//! and every figure of the Markdown report and Latin accents byte for byte
//! (checked with `pdftotext`), is byte-identical for equal inputs, and
//! follows `--paper`.
//!
//! The checks need poppler-utils and qpdf (`.ci/run` installs them); without
//! them each test prints why it skips and passes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// True when qpdf, pdftotext, pdffonts and pdfinfo can run; otherwise print
/// a clear message so that a skipped check is never mistaken for a pass.
fn tools() -> bool {
    let missing: Vec<&str> = [
        ("qpdf", "--version"),
        ("pdftotext", "-v"),
        ("pdffonts", "-v"),
        ("pdfinfo", "-v"),
    ]
    .into_iter()
    .filter(|(t, arg)| Command::new(t).arg(arg).output().is_err())
    .map(|(t, _)| t)
    .collect();
    if missing.is_empty() {
        return true;
    }
    eprintln!(
        "SKIPPED: {} not installed; install them with `apt-get install -y poppler-utils qpdf` (as .ci/run does)",
        missing.join(", ")
    );
    false
}

fn run(cmd: &str, args: &[&str]) -> Output {
    Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("run {cmd}: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `logframe report FRAMEWORK --period 2023-Q3 ARGS --out OUT`.
fn report(framework: &Path, out: &Path, args: &[&str]) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_logframe"));
    c.current_dir(root())
        .arg("report")
        .arg(framework)
        .args(["--period", "2023-Q3", "--out"])
        .arg(out)
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH");
    let o = c.output().expect("run logframe");
    assert!(
        o.status.success(),
        "logframe report failed\n{}\n{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn starsom() -> PathBuf {
    root().join("frameworks/starsom")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target)
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Text as `pdftotext` gives it, with lines joined: a hyphen at a line end
/// is a real hyphen (the layout never inserts one), so the word continues.
fn pdf_text(pdf: &Path) -> String {
    let o = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(o.status.success());
    normalise(&stdout(&o).replace("-\n", "-"))
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every word of the Markdown that holds a digit: the report's figures,
/// dates, ids and periods. Chart image lines are left out (the PDF draws
/// the charts).
fn figures(md: &str) -> BTreeSet<String> {
    md.lines()
        .filter(|l| !l.trim_start().starts_with("!["))
        .flat_map(|l| l.split(|c: char| c.is_whitespace() || c == '|'))
        .map(|w| {
            w.replace('\\', "")
                .trim_matches(|c: char| "*()[],;:.".contains(c))
                .to_string()
        })
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(' ')
        .map(|w| w.trim_matches(|c: char| "*()[],;:.".contains(c)).to_string())
        .collect()
}

#[test]
fn starsom_pdf_is_valid_with_subset_embedded_fonts() {
    if !tools() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    report(&starsom(), out.path(), &["--format", "pdf"]);
    let pdf = out.path().join("starsom-2023-Q3.pdf");
    let q = run("qpdf", &["--check", pdf.to_str().unwrap()]);
    assert!(q.status.success(), "qpdf --check:\n{}", stdout(&q));
    let fonts = stdout(&run("pdffonts", &[pdf.to_str().unwrap()]));
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "regular and bold:\n{fonts}");
    for r in rows {
        let cols: Vec<&str> = r.split_whitespace().collect();
        let n = cols.len();
        // name type... encoding emb sub uni object ID
        assert_eq!(
            &cols[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, ToUnicode: {r}"
        );
        assert!(cols[0].contains('+') && cols[0].contains("DejaVuSans"), "{r}");
    }
    // A full DejaVu Sans is 740 kB; the subsets are a small part of that.
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size < 250_000, "{size} bytes: fonts are not subset");
    let info = stdout(&run("pdfinfo", &[pdf.to_str().unwrap()]));
    assert!(
        info.contains("Author:          United Nations Office on Drugs and Crime (UNODC)"),
        "{info}"
    );
    assert!(
        info.contains("Subject:         2023-Q3 (1 July 2023 – 30 September 2023)"),
        "{info}"
    );
    assert!(info.contains("Title:           Progress report: STARSOM"), "{info}");
    assert!(info.contains("CreationDate:    Sat Sep 30 00:00:00 2023 UTC"), "{info}");
    assert!(info.contains("(A4)"), "{info}");
    // Outline and internal links from the contents.
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Outlines"), "an outline");
    assert!(raw.matches("/S/GoTo").count() >= 10, "links from the contents");
}

#[test]
fn starsom_pdf_has_every_title_and_figure_of_the_markdown() {
    if !tools() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    report(&starsom(), out.path(), &["--format", "md,pdf"]);
    let md = std::fs::read_to_string(out.path().join("starsom-2023-Q3.md")).unwrap();
    let text = pdf_text(&out.path().join("starsom-2023-Q3.pdf"));
    let mut titles = 0;
    for l in md.lines() {
        if let Some(h) = l.strip_prefix("#### ") {
            let h = normalise(&h.replace('\\', ""));
            assert!(text.contains(&h), "indicator heading missing from the PDF: {h}");
            titles += 1;
        }
    }
    assert!(titles >= 12, "{titles} indicators");
    let in_pdf = words(&text);
    let missing: Vec<String> = figures(&md).into_iter().filter(|f| !in_pdf.contains(f)).collect();
    assert!(
        missing.is_empty(),
        "figures of the Markdown missing from the PDF: {missing:?}"
    );
    assert!(!text.contains("Page 1 of"), "the cover has no footer");
    assert!(text.contains("Page 3 of"), "a running footer");
    assert!(text.contains("Contents"));
}

#[test]
fn latin_text_survives_copy_and_paste() {
    if !tools() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let fw = tmp.path().join("starsom");
    copy_dir(&starsom(), &fw);
    let names = [
        "Perú",
        "Côte d’Ivoire",
        "Bogotá",
        "Québec",
        "São Paulo",
        "naïve",
        "€",
        "—",
        "“curly quotes”",
        "‘single’",
    ];
    let narrative = fw.join("narrative/2023-Q3.md");
    let mut text = std::fs::read_to_string(&narrative).unwrap();
    text.push_str(&format!(
        "\n## Partners — “Québec” and Côte d’Ivoire\n\nA naïve estimate of €12,500 for Québec, Perú, Bogotá and São Paulo — ‘single’ and “curly quotes”. {}\n",
        names.join(" ")
    ));
    std::fs::write(&narrative, text).unwrap();
    let out = tmp.path().join("out");
    report(&fw, &out, &["--format", "pdf"]);
    let text = pdf_text(&out.join("starsom-2023-Q3.pdf"));
    for n in names {
        assert!(text.contains(n), "{n:?} missing from pdftotext output");
    }
    assert!(text.contains("Partners — “Québec” and Côte d’Ivoire"), "heading");
    assert!(text.contains("€12,500"));
    assert!(!text.contains('?'), "a character became `?`");
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    report(&starsom(), &a, &["--format", "pdf"]);
    report(&starsom(), &b, &["--format", "pdf"]);
    let (x, y) = (
        std::fs::read(a.join("starsom-2023-Q3.pdf")).unwrap(),
        std::fs::read(b.join("starsom-2023-Q3.pdf")).unwrap(),
    );
    assert!(x == y, "two runs differ");
    assert!(x.starts_with(b"%PDF-"));
}

#[test]
fn letter_paper_is_letter_and_a4_is_a4() {
    if !tools() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let (a4, letter) = (tmp.path().join("a4"), tmp.path().join("letter"));
    report(&starsom(), &a4, &["--format", "pdf"]);
    report(&starsom(), &letter, &["--format", "pdf", "--paper", "letter"]);
    let size = |d: &Path| {
        let info = stdout(&run("pdfinfo", &[d.join("starsom-2023-Q3.pdf").to_str().unwrap()]));
        info.lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(size(&a4).contains("595.276 x 841.89 pts (A4)"), "{}", size(&a4));
    assert!(size(&letter).contains("612 x 792 pts (letter)"), "{}", size(&letter));
}

/// STARSOM with the QA stress inputs: an indicator title holding a long URL
/// and a long project short name, as framework `stress` in `tmp`.
fn stress(tmp: &Path) -> PathBuf {
    let fw = tmp.join("stress");
    copy_dir(&starsom(), &fw);
    let path = fw.join("logframe.yaml");
    let yaml = std::fs::read_to_string(&path).unwrap();
    let edited = yaml
        .replace("  id: starsom\n", "  id: stress\n")
        .replace(
            "  short_name: STARSOM\n",
            "  short_name: Regional Coalition TIP-SOM Phase II\n",
        )
        .replace(
            "en: \"Number of gender-sensitive migrant smuggling investigations initiated\"",
            &format!("en: \"Number of investigations recorded in {URL}\""),
        );
    assert_eq!(edited.matches(URL).count(), 1, "the title was replaced");
    assert!(edited.contains("Regional Coalition"), "the short name was replaced");
    std::fs::write(&path, edited).unwrap();
    fw
}

const URL: &str = "https://sherloc.unodc.org/cld/en/v3/sherloc/cldb/index.html";

/// A URL in a title does not squeeze the figure columns: every figure of
/// the Markdown is still a whole word of the PDF text (a figure wrapped
/// mid-value, `103,4`/`%` or `29.`/`98`, would be missing), and every
/// French "Progression" header is whole.
#[test]
fn a_url_in_a_title_leaves_figures_and_header_words_whole() {
    if !tools() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let fw = stress(tmp.path());
    let out = tmp.path().join("out");
    for lang in ["en", "fr"] {
        report(&fw, &out, &["--format", "md,pdf", "--lang", lang]);
        let suffix = if lang == "en" {
            String::new()
        } else {
            format!(".{lang}")
        };
        let md = std::fs::read_to_string(out.join(format!("stress-2023-Q3{suffix}.md"))).unwrap();
        let text = pdf_text(&out.join(format!("stress-2023-Q3{suffix}.pdf")));
        let in_pdf = words(&text);
        let missing: Vec<String> = figures(&md)
            .into_iter()
            .filter(|f| !in_pdf.contains(f) && !f.contains("://"))
            .collect();
        assert!(missing.is_empty(), "{lang}: figures split in the PDF: {missing:?}");
        // Every result table's header words, "Progression" (wider than
        // the progress-bar column) included, whole on every page.
        let (first, header) = if lang == "fr" {
            ("| Indicateur | Référence |", "Progression")
        } else {
            ("| Indicator | Baseline |", "Progress")
        };
        let tables: Vec<&str> = md.lines().filter(|l| l.starts_with(first)).collect();
        assert!(tables.len() >= 5, "{lang}: {} result tables", tables.len());
        let whole = text.split(' ').filter(|w| *w == header).count();
        assert!(
            whole >= tables.len(),
            "{lang}: {whole} whole {header:?} for {} tables",
            tables.len()
        );
        // (A line may break after the hyphens of "End-of-project".)
        for w in words(&tables[0].replace('|', " "))
            .iter()
            .flat_map(|w| w.split_inclusive('-'))
        {
            let found = if w.ends_with('-') {
                text.contains(w)
            } else {
                in_pdf.iter().any(|p| p == w || p.ends_with(&format!("-{w}")))
            };
            assert!(w.is_empty() || found, "{lang}: header word {w:?} split");
        }
    }
}

/// The laid-out report: every body item inside the margins, the running
/// header and footer inside the page, and no two pieces of text
/// overlapping (the running header's two sides included).
fn assert_laid_out_cleanly(dir: &Path, period: &str, lang: logframe::locale::Lang) {
    use logframe::render::pdf::Paper;
    use logframe::render::pdf::document::lay_out_report;
    use logframe::render::pdf::layout::Item;
    let loaded = logframe::workspace::load(dir);
    let fw = loaded.framework.as_ref().expect("the framework loads");
    let period = fw.parse_period(period).unwrap();
    let (computed, diags) = logframe::compute::Computed::new(fw, &loaded.ledger, &loaded.sources, None);
    let narrative = std::fs::read_to_string(dir.join("narrative/2023-Q3.md")).unwrap();
    let report = logframe::report::build(
        &computed,
        logframe::report::Inputs {
            lang,
            layout: logframe::report::Layout::for_donor(fw.project.donor.as_deref()),
            period,
            as_of: None,
            source_date_epoch: None,
            narrative: logframe::report::Narrative::parse(&narrative, None),
            diagnostics: &diags,
            sources: &loaded.sources,
            chart_dir: "charts",
        },
    );
    for paper in [Paper::A4, Paper::Letter] {
        let laid = lay_out_report(&report, paper);
        let g = laid.geometry;
        assert!(laid.pages.len() >= 8, "{paper:?}: {} pages", laid.pages.len());
        for (p, items) in laid.pages.iter().enumerate() {
            let split = laid.furniture_from[p];
            for it in &items[..split] {
                assert!(
                    g.contains(it.bbox()),
                    "{paper:?} page {}: {it:?} outside the margins",
                    p + 1
                );
            }
            for it in &items[split..] {
                let b = it.bbox();
                assert!(b[0] >= 0.0 && b[1] >= 0.0 && b[2] <= g.width && b[3] <= g.height);
                assert!(
                    b[3] <= g.top || b[1] >= g.body_bottom(),
                    "furniture in the body: {it:?}"
                );
            }
            let texts: Vec<([f32; 4], &str)> = items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { text, .. } => Some((i.bbox(), text.as_str())),
                    _ => None,
                })
                .collect();
            for (a, (ba, ta)) in texts.iter().enumerate() {
                for (bb, tb) in &texts[a + 1..] {
                    let overlap =
                        ba[0] < bb[2] - 0.5 && bb[0] < ba[2] - 0.5 && ba[1] < bb[3] - 0.5 && bb[1] < ba[3] - 0.5;
                    assert!(!overlap, "{paper:?} page {}: {ta:?} overlaps {tb:?}", p + 1);
                }
            }
        }
    }
}

/// The laid-out STARSOM report, A4 and letter.
#[test]
fn nothing_overflows_the_margins_or_overlaps() {
    assert_laid_out_cleanly(&starsom(), "2023-Q3", logframe::locale::Lang::En);
}

/// The same with a URL in a title, a long short name and a date-range
/// period whose dates do not fit beside it in the running header, in every
/// language; and a single-period report.
#[test]
fn stress_inputs_neither_overflow_nor_overlap() {
    use logframe::locale::Lang;
    let tmp = tempfile::tempdir().unwrap();
    let fw = stress(tmp.path());
    for lang in [Lang::En, Lang::Fr, Lang::Es] {
        assert_laid_out_cleanly(&fw, "2021-03-15..2023-12-31", lang);
    }
    assert_laid_out_cleanly(&fw, "2023-Q3", Lang::Fr);
    assert_laid_out_cleanly(&starsom(), "2021-Q1", Lang::En);
}

/// Issue 15, seen as a reader: the title page names the project and the
/// date of its data; no page of the shipped reports holds only a line or
/// two (a heading, a bullet) besides its running header and footer.
#[test]
fn issue_15_title_page_and_no_page_of_one_or_two_lines() {
    if !tools() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let iom = root().join("frameworks/iom-px0012");
    let mut pdfs = Vec::new();
    for lang in ["en", "fr", "es"] {
        let dir = out.path().join(lang);
        report(&starsom(), &dir, &["--format", "pdf", "--lang", lang]);
        let name = if lang == "en" {
            "starsom-2023-Q3.pdf".to_string()
        } else {
            format!("starsom-2023-Q3.{lang}.pdf")
        };
        pdfs.push(dir.join(name));
    }
    let o = Command::new(env!("CARGO_BIN_EXE_logframe"))
        .current_dir(root())
        .args([
            "report",
            iom.to_str().unwrap(),
            "--period",
            "2013-H2",
            "--format",
            "pdf",
            "--out",
        ])
        .arg(out.path().join("iom"))
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert!(o.status.success());
    pdfs.push(out.path().join("iom/iom-px0012-2013-H2.pdf"));
    // The newest STARSOM row up to 2023-Q3 was recorded on 26 October 2023.
    let cover = stdout(&run("pdftotext", &["-l", "1", pdfs[0].to_str().unwrap(), "-"]));
    let cover = normalise(&cover);
    assert!(cover.contains("Project: STARSOM"), "{cover}");
    assert!(cover.contains("Data as of: 26 October 2023"), "{cover}");
    assert!(
        !cover.contains("starsom ") && !cover.contains("Generated on"),
        "{cover}"
    );
    for pdf in &pdfs {
        let info = stdout(&run("pdfinfo", &[pdf.to_str().unwrap()]));
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a page count");
        for p in 2..=pages {
            let n = p.to_string();
            let text = stdout(&run("pdftotext", &["-f", &n, "-l", &n, pdf.to_str().unwrap(), "-"]));
            // Less the running header (two texts) and the footer.
            let lines = text.lines().filter(|l| !l.trim().is_empty()).count().saturating_sub(3);
            assert!(lines > 2, "{}: page {p} holds {lines} lines:\n{text}", pdf.display());
        }
    }
}
