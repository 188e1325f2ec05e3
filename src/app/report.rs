//! The donor report: load, compute, build the report model, render it in
//! every format asked, in memory. The terminal writes the files to its
//! output folder; the web sends them as downloads.

use std::path::{Path, PathBuf};

use super::{Done, Failure, Opened, Result};
use crate::compute::Computed;
use crate::diag::{Diagnostic, Diagnostics};
use crate::locale::Lang;
use crate::render::files::{ReportFormat, render_files_in, stem};
use crate::render::markdown;
use crate::render::pdf::Paper;
use crate::report::{Inputs, Layout, Narrative, build};
use crate::source::Sources;

#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The reporting period (default: the latest with values); figures
    /// are cumulative to its end.
    pub period: Option<String>,
    /// Formats, each rendered once, in the order asked.
    pub formats: Vec<ReportFormat>,
    pub paper: Paper,
    /// Language (default: the project's, else English).
    pub lang: Option<Lang>,
    /// A folder of templates overriding the built-in ones, file by file.
    pub templates: Option<PathBuf>,
    /// Built-in layout (default: the donor's).
    pub layout: Option<Layout>,
    pub as_of: Option<String>,
    /// A project text with no text in the report's language is an error
    /// (nothing is rendered), not a warning.
    pub strict: bool,
}

/// Files named relative to the output folder, with their contents.
pub type Files = Vec<(PathBuf, Vec<u8>)>;

/// One format rendered: its main file and every file it needs (charts).
#[derive(Debug)]
pub struct Rendered {
    pub format: ReportFormat,
    pub main: PathBuf,
    pub files: Files,
}

/// A report model built, with its file stem and the PDF's creation date.
#[derive(Debug)]
pub struct Built {
    pub report: crate::report::Report,
    pub stem: String,
    pub created: chrono::NaiveDateTime,
}

/// The report model at `q.period` (default: the latest with values), with
/// the period's narrative. Chart paths are `<chart_dir>/chart-ID.svg`
/// (default: the file stem, as the Markdown report links them).
pub fn model(o: &mut Opened, q: &Query, chart_dir: Option<&str>) -> Result<Built> {
    let fw = &o.framework;
    let as_of = super::as_of(q.as_of.as_deref()).map_err(|f| o.fail(f))?;
    let lang = q.lang.or_else(|| Lang::parse(&fw.project.language)).unwrap_or(Lang::En);
    let layout = q
        .layout
        .unwrap_or_else(|| Layout::for_donor(fw.project.donor.as_deref()));
    let source_date_epoch = crate::workspace::source_date_epoch()
        .map_err(|d| o.fail(Failure::usage(d)))?
        .map(|t| t.timestamp());
    let mut all = o.warnings();
    let Opened {
        framework: fw,
        ledger,
        sources,
        ..
    } = o;
    let (computed, diags) = Computed::new(fw, ledger, sources, as_of);
    let period = match q.period.as_deref() {
        Some(p) => super::period(fw, "--period", p).map_err(|f| f.after(&all, sources))?,
        None => computed.default_period(),
    };
    if let Some(d) = untranslated(fw, lang, q.strict) {
        if q.strict {
            return Err(Failure {
                kind: crate::diag::FailureKind::Findings,
                diagnostics: Diagnostics(vec![d]),
                sources: sources.clone(),
                note: None,
            }
            .after(&all, sources));
        }
        all.push(d);
    }
    let stem = stem(&fw.project.id, &period.to_string(), lang, &fw.project.language);
    let mut narrative = narrative(
        &fw.dir,
        &period.to_string(),
        lang,
        &fw.project.language,
        sources,
        &mut all,
    )?;
    // For the team, not for the data-quality annex: added after the build.
    let story_findings = super::stories::stories(fw, &mut narrative, lang, chart_dir.unwrap_or(&stem), sources);
    all.extend(diags);
    let created = pdf_created(source_date_epoch, period.end);
    let report = build(
        &computed,
        Inputs {
            lang,
            layout,
            period,
            as_of,
            source_date_epoch,
            narrative,
            diagnostics: &all,
            sources,
            chart_dir: chart_dir.unwrap_or(&stem),
        },
    );
    all.extend(story_findings);
    all.extend(super::stories::notes(&report, &fw.dir));
    let findings = all.has_errors();
    let mut done = Done::new(Built { report, stem, created }, all, sources.clone());
    done.findings = findings;
    Ok(done)
}

/// The report in every format of `q.formats`, rendered in memory.
pub fn report(o: &mut Opened, q: &Query) -> Result<Vec<Rendered>> {
    templates_folder(q.templates.as_deref()).map_err(Failure::usage)?;
    let built = model(o, q, None)?;
    let Built { report, stem, created } = built.value;
    let mut all = built.diagnostics;
    let fw = &o.framework;
    let photos = super::stories::photo_files(&report, &stem);
    let mut overrides: Vec<PathBuf> = q.templates.iter().cloned().collect();
    overrides.push(fw.dir.join("templates"));
    inside_framework(&fw.dir, &fw.dir.join("templates"), "templates folder")
        .map_err(|d| Failure::usage(d).after(&all, &o.sources))?;
    all.extend(Diagnostics(
        overrides.iter().flat_map(|d| unknown_templates(d)).collect(),
    ));
    let mut rendered =
        render_all(&report, &stem, &q.formats, &overrides, q.paper, created).map_err(|f| f.after(&all, &o.sources))?;
    // The Markdown links the stories' photos: their copies go beside its charts.
    for r in rendered.iter_mut().filter(|r| r.format == ReportFormat::Md) {
        r.files.extend(photos.iter().cloned());
    }
    let mut done = Done::new(rendered, all, o.sources.clone());
    done.findings = built.findings;
    Ok(done)
}

/// The project texts with no text in the report's language, as one
/// diagnostic located at the first of them: a warning, an error with
/// `--strict`. `None` when every text has its translation.
fn untranslated(fw: &crate::model::Framework, lang: Lang, strict: bool) -> Option<Diagnostic> {
    let missing = crate::report::translations::untranslated(fw, lang);
    let first = missing.first()?;
    let code = lang.code();
    let list: Vec<&str> = missing.iter().map(|m| m.what.as_str()).collect();
    let message = format!(
        "{} project text{} {} no `{code}` translation and {} printed in the project's language (`{}`): {}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        if missing.len() == 1 { "has" } else { "have" },
        match (strict, missing.len() == 1) {
            (true, _) => "would be",
            (false, true) => "is",
            (false, false) => "are",
        },
        fw.project.language,
        list.join(", ")
    );
    let d = if strict {
        Diagnostic::error(message)
    } else {
        Diagnostic::warning(message)
    };
    let mut d = d
        .expected(format!("a `{code}:` text beside each `{}:` one", fw.project.language))
        .found(format!("{} without", missing.len()))
        .hint(format!(
            "write each as `{{{}: ..., {code}: ...}}` in logframe.yaml{}",
            fw.project.language,
            if strict {
                ", or leave out --strict to print them in the project's language"
            } else {
                "; --strict makes this an error"
            }
        ));
    d.span = first.span;
    Some(d)
}

/// `--templates` names a folder, when given.
fn templates_folder(templates: Option<&Path>) -> std::result::Result<(), Diagnostic> {
    if let Some(t) = templates
        && !t.is_dir()
    {
        return Err(
            Diagnostic::error(format!("--templates {}: no such folder", t.display()))
                .expected("a folder of template overrides")
                .found(if t.exists() { "a file" } else { "nothing there" })
                .hint("create it with `logframe templates export DIR`, or check the path"),
        );
    }
    Ok(())
}

/// The period's narrative, if the framework has one: read and parsed, its
/// warnings added to `all`.
fn narrative(
    fw_dir: &Path,
    period: &str,
    lang: Lang,
    project_lang: &str,
    sources: &mut Sources,
    all: &mut Diagnostics,
) -> std::result::Result<Narrative, Failure> {
    let Some(p) = Narrative::find(fw_dir, period, lang.code()) else {
        return Ok(Narrative::default());
    };
    // `<period>.md` is in the project's language; another language's
    // report without its `<period>.<lang>.md` shows it as written, says so
    // in the report and tells the team here.
    let untranslated = (lang.code() != project_lang && !p.ends_with(format!("{period}.{}.md", lang.code())))
        .then(|| {
            all.push(
                Diagnostic::warning(format!(
                    "narrative/{period}.{}.md does not exist: the report shows narrative/{period}.md as written (in `{project_lang}`), with a note that it is not translated",
                    lang.code()
                ))
                .hint(format!(
                    "translate it into narrative/{period}.{}.md; `logframe narrative new` writes the headings with --lang {}",
                    lang.code(),
                    lang.code()
                )),
            );
            crate::locale::message(
                lang,
                "narrative-untranslated",
                [
                    ("language", lang.code().into()),
                    ("original", project_lang.to_string().into()),
                ],
            )
        });
    inside_framework(fw_dir, &p, "narrative").map_err(|d| Failure::usage(d).after(all, sources))?;
    let text = Narrative::read(&p, sources)
        .map_err(|d| Failure::from_diagnostics(Diagnostics(vec![d]), sources.clone()).after(all, sources))?;
    let rel = p
        .strip_prefix(fw_dir)
        .unwrap_or(&p)
        .to_string_lossy()
        .replace('\\', "/");
    let mut n = Narrative::parse(&text, Some(rel.clone()));
    n.untranslated = untranslated;
    all.extend(Diagnostics(
        n.warnings
            .iter()
            .map(|w| {
                Diagnostic::warning(format!("{rel}, {w}"))
                    .hint("give the heading a title, or remove the `##` line to join the text above")
            })
            .collect(),
    ));
    Ok(n)
}

/// The PDF's creation date: as reproducible as the report's own date.
fn pdf_created(source_date_epoch: Option<i64>, period_end: chrono::NaiveDate) -> chrono::NaiveDateTime {
    source_date_epoch
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| period_end.and_time(chrono::NaiveTime::MIN))
}

/// Every format asked for, rendered in memory: a template error renders
/// (and so writes) nothing.
fn render_all(
    report: &crate::report::Report,
    stem: &str,
    formats_asked: &[ReportFormat],
    overrides: &[PathBuf],
    paper: Paper,
    created: chrono::NaiveDateTime,
) -> std::result::Result<Vec<Rendered>, Failure> {
    let mut formats: Vec<ReportFormat> = Vec::new();
    for f in formats_asked {
        if !formats.contains(f) {
            formats.push(*f);
        }
    }
    let mut outputs = Vec::new();
    for format in formats {
        if format == ReportFormat::Pdf {
            let bytes = crate::render::pdf::render(report, &crate::render::pdf::Options { paper, created });
            let main = PathBuf::from(format!("{stem}.pdf"));
            outputs.push(Rendered {
                format,
                main: main.clone(),
                files: vec![(main, bytes)],
            });
            continue;
        }
        let mut template_sources = Sources::default();
        let written =
            render_files_in(report, stem, format, overrides.to_vec(), &mut template_sources).map_err(|problem| {
                Failure {
                    kind: problem.kind,
                    diagnostics: Diagnostics(vec![problem.diagnostic]),
                    sources: template_sources,
                    note: None,
                }
            })?;
        outputs.push(Rendered {
            format,
            main: written.main,
            files: written.files.into_iter().map(|(p, t)| (p, t.into_bytes())).collect(),
        });
    }
    Ok(outputs)
}

/// A file or folder a report reads from the framework (its `templates/`
/// folder, the narrative) lies inside the framework: a symlink to
/// elsewhere would pull any file of the machine into a donor report.
fn inside_framework(fw_dir: &Path, path: &Path, what: &str) -> std::result::Result<(), Diagnostic> {
    let (Ok(real), Ok(root)) = (path.canonicalize(), fw_dir.canonicalize()) else {
        return Ok(());
    };
    if real.starts_with(&root) {
        return Ok(());
    }
    Err(
        Diagnostic::error(format!("{} leads outside the framework", path.display()))
            .expected(format!("the {what} inside {}", fw_dir.display()))
            .found(format!("a link to {}", real.display()))
            .hint(format!("copy the {what} into the framework instead of linking to it")),
    )
}

/// Warnings for `*.md.j2` files in an override folder that override no
/// built-in template (a typo would otherwise be silently ignored).
fn unknown_templates(dir: &Path) -> Vec<Diagnostic> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(std::result::Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md.j2") && !markdown::BUILTIN.iter().any(|(b, _)| b == n))
        .collect();
    names.sort();
    let known: Vec<&str> = markdown::BUILTIN.iter().map(|(n, _)| *n).collect();
    names
        .into_iter()
        .map(|n| {
            let hint = crate::diag::did_you_mean(&n, known.iter().copied())
                .map(|h| format!("{h} (templates are overridden by file name)"))
                .unwrap_or_else(|| "rename it to the template it overrides, or include it from one".into());
            Diagnostic::warning(format!(
                "{}: `{n}` is not a built-in template name and is only used if another template includes it",
                dir.display()
            ))
            .expected(format!("one of {}", known.join(", ")))
            .found(n.clone())
            .hint(hint)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::pdf_created;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn the_pdf_date_is_source_date_epoch_when_set() {
        let end = NaiveDate::from_ymd_opt(2023, 9, 30).unwrap();
        assert_eq!(pdf_created(Some(0), end), at("1970-01-01 00:00:00"));
        assert_eq!(pdf_created(Some(1_700_000_000), end), at("2023-11-14 22:13:20"));
    }

    #[test]
    fn the_pdf_date_is_the_period_end_at_midnight_otherwise() {
        let end = NaiveDate::from_ymd_opt(2023, 9, 30).unwrap();
        assert_eq!(pdf_created(None, end), at("2023-09-30 00:00:00"));
        // A timestamp chrono cannot hold falls back the same way.
        assert_eq!(pdf_created(Some(i64::MAX), end), at("2023-09-30 00:00:00"));
    }
}
