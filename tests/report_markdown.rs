//! `logframe report` (issue 3): the Markdown parses back with a real
//! CommonMark + GFM parser to the cells we meant, user text cannot break a
//! table, output is byte-identical for the same inputs, templates can be
//! exported and overridden, and exit codes say what happened.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn logframe(args: &[&str], cwd: &Path, epoch: Option<&str>) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_logframe"));
    c.current_dir(cwd).args(args).env_remove("SOURCE_DATE_EPOCH");
    if let Some(e) = epoch {
        c.env("SOURCE_DATE_EPOCH", e);
    }
    c.output().expect("run logframe")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Copy a shipped framework into a temporary folder.
fn copy_framework(name: &str, to: &Path) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                copy(&e.path(), &target)
            } else {
                std::fs::copy(e.path(), target).map(|_| ()).unwrap()
            }
        }
    }
    let dest = to.join(name);
    copy(&root().join("frameworks").join(name), &dest);
    dest
}

/// Every table of a Markdown text as rows of cell texts (header first).
fn tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Table(_)) => out.push(Vec::new()),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => out.last_mut().unwrap().push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => out.last_mut().unwrap().last_mut().unwrap().push(cell.take().unwrap()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&format!("[html:{h}]"));
                }
            }
            _ => {}
        }
    }
    out
}

fn row<'a>(tables: &'a [Vec<Vec<String>>], first: &str) -> &'a Vec<String> {
    tables
        .iter()
        .flatten()
        .find(|r| r.first().is_some_and(|c| c == first))
        .unwrap_or_else(|| panic!("no table row starting with {first:?}"))
}

#[test]
fn issue_3_report_parses_back_to_the_expected_table_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let out = logframe(
        &[
            "report",
            "starsom",
            "--period",
            "2023-Q3",
            "--out",
            tmp.path().to_str().unwrap(),
        ],
        &root(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(tmp.path().join("starsom-2023-Q3.md")).unwrap();
    let t = tables(&md);
    // Every row has as many cells as its header.
    for table in &t {
        for r in table {
            assert_eq!(r.len(), table[0].len(), "{r:?}");
        }
    }
    assert_eq!(
        row(
            &t,
            "1100.2 Number of gender-sensitive migrant smuggling prosecutions initiated (prosecutions)"
        ),
        &[
            "1100.2 Number of gender-sensitive migrant smuggling prosecutions initiated (prosecutions)",
            "0",
            // No target is written for 2023-Q3 in this table: no "Target
            // (period)" column. Expected to date 12.66 prosecutions: 13.
            "13",
            "15",
            "2",
            "6",
            "47.4%",
            "40%",
            "off track"
        ]
    );
    assert_eq!(row(&t, "Total")[0], "Total");
    assert!(md.contains("| **Total** | **12** |"));
    assert!(md.contains("![Progress chart 1100.2](starsom-2023-Q3/chart-1100.2.svg)"));
    assert!(tmp.path().join("starsom-2023-Q3/chart-1100.2.svg").is_file());
    assert!(tmp.path().join("starsom-2023-Q3/summary.svg").is_file());
    // The narrative is included; which indicators it does not explain is
    // said on stderr (tests/narrative_stories.rs), never in the donor's copy.
    assert!(md.contains("Côte d’Ivoire") && md.contains("São Paulo") && md.contains("Bogotá") && md.contains("Perú"));
    assert!(!md.contains("that the narrative does not explain"));
}

#[test]
fn issue_3_user_text_cannot_break_a_table() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = copy_framework("starsom", tmp.path());
    let yaml = fw.join("logframe.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let hostile = r#"definition: "Pipes | and *stars* <b>bold</b> snake_case_name [link](x)\n- second line | end"
                    data_source: Meeting reports"#;
    let patched = text.replacen("data_source: Meeting reports", hostile, 1);
    assert_ne!(patched, text);
    std::fs::write(&yaml, patched).unwrap();
    let out_dir = tmp.path().join("out");
    let out = logframe(
        &[
            "report",
            fw.to_str().unwrap(),
            "--period",
            "2023-Q3",
            "--out",
            out_dir.to_str().unwrap(),
        ],
        &root(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(out_dir.join("starsom-2023-Q3.md")).unwrap();
    let t = tables(&md);
    let r = row(&t, "1211.1 Number of trans-regional meetings held");
    assert_eq!(r.len(), 6);
    assert_eq!(
        r[1],
        "Pipes | and *stars* <b>bold</b> snake_case_name [link](x) - second line | end"
    );
    assert_eq!(r[2], "Meeting reports");
}

#[test]
fn issue_3_same_inputs_give_byte_identical_files() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for d in [&a, &b] {
        let out = logframe(
            &[
                "report",
                "starsom",
                "--period",
                "2023-Q3",
                "--lang",
                "fr",
                "--out",
                d.path().to_str().unwrap(),
            ],
            &root(),
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let files = |d: &Path| {
        let mut v: Vec<(String, Vec<u8>)> = Vec::new();
        v.push(("md".into(), std::fs::read(d.join("starsom-2023-Q3.fr.md")).unwrap()));
        let mut charts: Vec<_> = std::fs::read_dir(d.join("starsom-2023-Q3.fr"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        charts.sort();
        v.extend(charts.into_iter().map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        }));
        v
    };
    let (fa, fb) = (files(a.path()), files(b.path()));
    // The Markdown, the summary chart, 11 indicator charts, the burn-rate
    // chart and the success story's photo.
    assert_eq!(fa.len(), 15);
    assert!(fa.iter().any(|(name, _)| name.starts_with("photo-")), "no photo");
    assert!(fa.iter().any(|(name, _)| name == "funding.svg"), "no burn-rate chart");
    assert!(fa == fb, "outputs differ");
}

#[test]
fn issue_15_the_title_says_data_as_of_the_newest_row_counted() {
    // STARSOM's rows for periods up to 2023-Q3 were recorded from 2021 to
    // 26 October 2023 (one row, measurements/2023.csv); the newest row of
    // a period up to 2023-Q2 on 24 July 2023. The title gives that date,
    // not the period end (30 September 2023) nor SOURCE_DATE_EPOCH
    // (1700000000 = 14 November 2023), which only dates the file.
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().to_str().unwrap();
    let md = |args: &[&str], epoch: Option<&str>, file: &str| {
        let mut all = vec!["report", "starsom", "--out", out_dir];
        all.extend(args);
        let out = logframe(&all, &root(), epoch);
        assert!(out.status.success());
        std::fs::read_to_string(tmp.path().join(file)).unwrap()
    };
    let en = md(&["--period", "2023-Q3"], None, "starsom-2023-Q3.md");
    assert!(en.contains("- Data as of: 26 October 2023\n"), "{en}");
    assert!(!en.contains("Generated on"));
    assert!(en.contains("- Project: STARSOM\n"), "the short name, not the slug");
    let es = md(
        &["--period", "2023-Q3", "--lang", "es"],
        Some("1700000000"),
        "starsom-2023-Q3.es.md",
    );
    assert!(es.contains("- Datos al: 26 de octubre de 2023\n"), "{es}");
    let q2 = md(&["--period", "2023-Q2"], None, "starsom-2023-Q2.md");
    assert!(q2.contains("- Data as of: 24 July 2023\n"), "{q2}");
    // With --as-of, only the rows recorded by then count: 15 rows of 20
    // October 2023 are the newest of them.
    let as_of = md(
        &["--period", "2023-Q3", "--as-of", "2023-10-20"],
        None,
        "starsom-2023-Q3.md",
    );
    assert!(as_of.contains("- Data as of: 20 October 2023\n"), "{as_of}");
}

#[test]
fn issue_3_layout_follows_the_donor_unless_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().to_str().unwrap();
    let gac = logframe(
        &["report", "starsom", "--period", "FY2022-23", "--out", out_dir],
        &root(),
        None,
    );
    assert!(gac.status.success(), "{}", stderr(&gac));
    let md = std::fs::read_to_string(tmp.path().join("starsom-FY2022-23.md")).unwrap();
    let (outcomes, outputs) = (md.find("\n## Outcomes\n").unwrap(), md.find("\n## Outputs\n").unwrap());
    assert!(outcomes < outputs);
    assert!(md.find("Immediate outcome 1210").unwrap() < outputs && md.find("Output 1111").unwrap() > outputs);
    assert!(md.contains("- Fiscal year: FY2022-23 (April – March)"));
    let general = logframe(
        &[
            "report",
            "starsom",
            "--period",
            "FY2022-23",
            "--template",
            "general",
            "--out",
            out_dir,
        ],
        &root(),
        None,
    );
    assert!(general.status.success());
    let md = std::fs::read_to_string(tmp.path().join("starsom-FY2022-23.md")).unwrap();
    assert!(md.contains("\n## Results\n") && !md.contains("\n## Outputs\n"));
}

#[test]
fn issue_3_templates_export_and_override_one_file() {
    let tmp = tempfile::tempdir().unwrap();
    let tpl = tmp.path().join("tpl");
    let out = logframe(&["templates", "export", tpl.to_str().unwrap()], &root(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    for name in [
        "report.md.j2",
        "gac.md.j2",
        "title.md.j2",
        "summary.md.j2",
        "result.md.j2",
        "narrative.md.j2",
        "annex.md.j2",
    ] {
        assert!(tpl.join(name).is_file(), "{name}");
    }
    // Keep only an edited title: the rest comes from the built-in templates.
    let title = std::fs::read_to_string(tpl.join("title.md.j2")).unwrap();
    let only = tmp.path().join("only");
    std::fs::create_dir_all(&only).unwrap();
    std::fs::write(only.join("title.md.j2"), format!("{title}\n<!-- custom title -->\n")).unwrap();
    let out_dir = tmp.path().join("out");
    let args = |t: &Path| {
        vec![
            "report".to_string(),
            "iom-px0012".into(),
            "--period".into(),
            "2013".into(),
            "--templates".into(),
            t.to_string_lossy().into_owned(),
            "--out".into(),
            out_dir.to_string_lossy().into_owned(),
        ]
    };
    let run = |t: &Path| {
        let a = args(t);
        logframe(&a.iter().map(String::as_str).collect::<Vec<_>>(), &root(), None)
    };
    let out = run(&only);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = std::fs::read_to_string(out_dir.join("iom-px0012-2013.md")).unwrap();
    assert!(md.starts_with("# Progress report: PX.0012"));
    assert!(md.contains("\n<!-- custom title -->\n"));
    assert!(md.contains("## Annex A: Performance measurement framework"));
    // An undefined variable is an error, not a blank: a finding located in
    // the template (exit 1).
    std::fs::write(only.join("title.md.j2"), "# {{ project.no_such_field }}\n").unwrap();
    let out = run(&only);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("title.md.j2:1:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("template error"), "{}", stderr(&out));
}

#[test]
fn issue_3_json_format_is_the_report_model() {
    let tmp = tempfile::tempdir().unwrap();
    let out = logframe(
        &[
            "report",
            "unodc-glot92",
            "--period",
            "2012",
            "--format",
            "json",
            "--out",
            tmp.path().to_str().unwrap(),
        ],
        &root(),
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("unodc-glot92-2012.json")).unwrap()).unwrap();
    assert_eq!(v["summary"]["total"], 8);
    assert_eq!(v["project"]["budget"], "USD 3,010,320.00");
    let first = &v["results"][0]["indicators"][0];
    assert_eq!(first["id"], "IMP.a");
    // The model carries the exact figure: (16 - 9) / (18 - 9) x 100.
    assert_eq!(first["figures"]["percent_to_date"], "77.777777777777777777777777778");
    assert_eq!(first["percent_to_date"], "77.8%");
}

#[test]
fn issue_3_exit_codes_say_what_happened() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let o = out_dir.to_str().unwrap();
    assert_eq!(
        logframe(&["report", "nosuch", "--period", "2023-Q3", "--out", o], &root(), None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        logframe(&["report", "starsom", "--period", "2023-Q9", "--out", o], &root(), None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        logframe(&["report", "starsom", "--period", "2030", "--out", o], &root(), None)
            .status
            .code(),
        Some(2)
    );
    let fw = copy_framework("iom-px0012", tmp.path());
    let yaml = fw.join("logframe.yaml");
    let text = std::fs::read_to_string(&yaml)
        .unwrap()
        .replacen("reporting_frequency:", "reporting_frequncy:", 1);
    std::fs::write(&yaml, text).unwrap();
    let bad = logframe(
        &["report", fw.to_str().unwrap(), "--period", "2013", "--out", o],
        &root(),
        None,
    );
    assert_eq!(bad.status.code(), Some(1), "{}", stderr(&bad));
    assert!(!out_dir.exists(), "nothing is written for a broken framework");
}

#[test]
fn issue_6_report_has_a_financial_section_in_each_language() {
    for (lang, heading, budget) in [
        ("en", "## Financial overview", "CAD 2,901,786.00"),
        ("fr", "## Aperçu financier", "CAD 2\u{202f}901\u{202f}786,00"),
        ("es", "## Resumen financiero", "CAD 2.901.786,00"),
    ] {
        let out = tempfile::tempdir().unwrap();
        let r = std::process::Command::new(env!("CARGO_BIN_EXE_logframe"))
            .args(["report", "starsom", "--period", "2023-Q3", "--lang", lang, "--out"])
            .arg(out.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        let name = if lang == "en" {
            "starsom-2023-Q3.md".to_string()
        } else {
            format!("starsom-2023-Q3.{lang}.md")
        };
        let md = std::fs::read_to_string(out.path().join(name)).unwrap();
        let section = &md[md.find(heading).unwrap_or_else(|| panic!("{lang}: no {heading}"))..];
        assert!(section.contains(budget), "{lang}: budget {budget} missing");
        // Spent to date and the burn rate come from compute::funding, formatted per language.
        assert!(section.contains(if lang == "en" {
            "2,720,197.25"
        } else if lang == "fr" {
            "2\u{202f}720\u{202f}197,25"
        } else {
            "2.720.197,25"
        }));
        assert!(section.contains("funding.svg"));
    }
}

/// The Markdown of a report run with `args` (after the framework) into a
/// fresh folder, with its stderr.
fn report_md(framework: &str, period: &str, args: &[&str]) -> (String, String) {
    let tmp = tempfile::tempdir().unwrap();
    let mut a = vec![
        "report",
        framework,
        "--period",
        period,
        "--out",
        tmp.path().to_str().unwrap(),
    ];
    a.extend_from_slice(args);
    let out = logframe(&a, &root(), None);
    assert!(out.status.success(), "{}", stderr(&out));
    let name = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    (std::fs::read_to_string(name).unwrap(), stderr(&out))
}

#[test]
fn annex_b_lists_what_check_quality_finds() {
    let (md, _) = report_md("starsom", "2023-Q3", &["--as-of", "2023-09-30"]);
    let annex = md.split("## Annex B").nth(1).unwrap();
    let notes: Vec<&str> = annex.lines().filter_map(|l| l.strip_prefix("- ")).collect();
    let check = logframe(
        &["check", "starsom", "--quality", "--as-of", "2023-09-30"],
        &root(),
        None,
    );
    let found: Vec<String> = stderr(&check)
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .map(str::to_string)
        .collect();
    assert!(!found.is_empty());
    assert_eq!(notes.len(), found.len(), "{notes:?}\n{found:?}");
    // The same findings in the same order: `check` locates each in its file,
    // the report says it in plain words, about the same indicator.
    for (n, f) in notes.iter().zip(&found) {
        let id = f.split_whitespace().nth(1).unwrap().trim_end_matches(':');
        assert!(n.starts_with(&format!("Indicator {id}: ")), "{f} / {n}");
    }
    assert!(!annex.contains("logframe.yaml:") && !annex.contains(".csv:"), "{annex}");
    // The semi-annual 1000.1 is not missing in its off quarters; the 2021-Q2
    // gap of 1200.1 is there.
    assert!(!annex.contains("1000.1"), "{annex}");
    assert!(annex.contains("- Indicator 1200.1: no value was recorded for the period 2021-Q2."));
}

#[test]
fn templates_folder_must_exist_and_unknown_names_are_warned() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let o = out_dir.to_str().unwrap();
    let missing = tmp.path().join("no-such-templates");
    let r = logframe(
        &[
            "report",
            "iom-px0012",
            "--period",
            "2013",
            "--templates",
            missing.to_str().unwrap(),
            "--out",
            o,
        ],
        &root(),
        None,
    );
    assert_eq!(r.status.code(), Some(2), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("no such folder") && stderr(&r).contains("templates export"),
        "{}",
        stderr(&r)
    );
    assert!(!out_dir.exists());
    let tpl = tmp.path().join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::write(tpl.join("sumary.md.j2"), "typo\n").unwrap();
    let r = logframe(
        &[
            "report",
            "iom-px0012",
            "--period",
            "2013",
            "--templates",
            tpl.to_str().unwrap(),
            "--out",
            o,
        ],
        &root(),
        None,
    );
    assert!(r.status.success(), "{}", stderr(&r));
    let e = stderr(&r);
    assert!(
        e.contains("warning:")
            && e.contains("`sumary.md.j2` is not a built-in template name")
            && e.contains("summary.md.j2"),
        "{e}"
    );
}

#[test]
fn formats_are_written_once_and_nothing_on_a_template_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out_dir = tmp.path().join("out");
    let o = out_dir.to_str().unwrap();
    let r = logframe(
        &[
            "report",
            "iom-px0012",
            "--period",
            "2013",
            "--format",
            "md,pdf,md",
            "--out",
            o,
        ],
        &root(),
        None,
    );
    assert!(r.status.success(), "{}", stderr(&r));
    let stdout = String::from_utf8_lossy(&r.stdout);
    assert_eq!(stdout.matches(".md (").count(), 1, "{stdout}");
    assert_eq!(stdout.matches(".pdf (").count(), 1, "{stdout}");
    let tpl = tmp.path().join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::write(tpl.join("title.md.j2"), "# {{ project.no_such_field }}\n").unwrap();
    let fresh = tmp.path().join("fresh");
    let r = logframe(
        &[
            "report",
            "iom-px0012",
            "--period",
            "2013",
            "--format",
            "pdf,md",
            "--templates",
            tpl.to_str().unwrap(),
            "--out",
            fresh.to_str().unwrap(),
        ],
        &root(),
        None,
    );
    assert_eq!(r.status.code(), Some(1), "{}", stderr(&r));
    assert!(stderr(&r).contains("template error") && stderr(&r).contains("nothing was written"));
    assert!(!fresh.exists(), "the PDF must not be written before the Markdown fails");
}

#[test]
fn narrative_bom_crlf_title_and_headings() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = copy_framework("starsom", tmp.path());
    std::fs::write(
        fw.join("narrative/2023-Q3.md"),
        "\u{feff}# STARSOM narrative title\r\n\r\n## Context\r\nLima.\r\n\r\n### Detail\r\nMore.\r\n\r\n##\r\nOrphan.\r\n",
    )
    .unwrap();
    let out_dir = tmp.path().join("out");
    let a = [
        "report",
        fw.to_str().unwrap(),
        "--period",
        "2023-Q3",
        "--format",
        "md,json",
        "--out",
        out_dir.to_str().unwrap(),
    ];
    let r = logframe(&a, &root(), None);
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(
        stderr(&r).contains("narrative/2023-Q3.md, line 9: a `##` heading without a title"),
        "{}",
        stderr(&r)
    );
    let md = std::fs::read_to_string(out_dir.join("starsom-2023-Q3.md")).unwrap();
    assert!(!md.contains('\u{feff}') && !md.contains('\r') && !md.contains("narrative title"));
    let narrative = md
        .split("## Narrative")
        .nth(1)
        .unwrap()
        .split("## Annex A")
        .next()
        .unwrap();
    assert!(
        narrative.starts_with("\n\n### Context\n\nLima.\n\n#### Detail\nMore.\n\n---\n\nOrphan.\n"),
        "{narrative}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("starsom-2023-Q3.json")).unwrap()).unwrap();
    assert_eq!(json["narrative"]["sections"][0]["title"], "Context");
}

#[test]
fn fiscal_year_line_only_for_a_declared_year_or_a_gac_donor() {
    let (md, _) = report_md("iom-px0012", "2013", &["--template", "gac"]);
    assert!(md.contains("\n## Outcomes\n") && !md.contains("Fiscal year"), "{md}");
    let (md, _) = report_md("starsom", "2023-Q3", &[]);
    assert!(md.contains("- Fiscal year: FY2023-24 (April – March)"));
}

#[test]
fn cumulative_period_target_is_the_increase_over_the_period() {
    let (md, _) = report_md("starsom", "FY2022-23", &[]);
    let t = tables(&md);
    let r = row(
        &t,
        "1100.1 Number of gender-sensitive migrant smuggling investigations initiated (investigations)",
    );
    // Targets to date: 2 by FY2021-22, 20 by FY2022-23: 18 for the year.
    assert_eq!((r[2].as_str(), r[3].as_str(), r[5].as_str()), ("18", "20", "18"));
    let r = row(
        &t,
        "1100.2 Number of gender-sensitive migrant smuggling prosecutions initiated (prosecutions)",
    );
    assert_eq!((r[2].as_str(), r[3].as_str()), ("7", "8"));
}

/// A cross table's row labels are disaggregation values like its column
/// labels, and are translated like them (they were left in English).
#[test]
fn cross_table_row_labels_follow_the_language() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = copy_framework("iom-px0012", tmp.path());
    let yaml = fw.join("logframe.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    assert!(text.contains("disaggregate_by: [sex, country]"));
    std::fs::write(
        &yaml,
        text.replace("disaggregate_by: [sex, country]", "disaggregate_by: [country, sex]"),
    )
    .unwrap();
    for (lang, women, men) in [
        ("en", "women", "men"),
        ("fr", "femmes", "hommes"),
        ("es", "mujeres", "hombres"),
    ] {
        let (md, _) = report_md(fw.to_str().unwrap(), "2013-H2", &["--lang", lang]);
        let t = tables(&md);
        for value in [women, men] {
            // A cross-table row: the value, a cell per country, the total.
            let crossed = t.iter().flatten().any(|r| r[0] == value && r.len() > 2);
            assert!(crossed, "{lang}: no cross-table row {value:?}");
        }
    }
}
