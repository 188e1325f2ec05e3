//! `logframe report`: load, compute, build the report model, render it,
//! write the files. Exit codes as everywhere: 0 written, 1 framework
//! errors, 2 usage or I/O.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::compute::Computed;
use crate::diag::Diagnostic;
use crate::locale::Lang;
use crate::output;
use crate::render::files::{ReportFormat, render_files_in, stem};
use crate::render::markdown;
use crate::report::{Inputs, Layout, Narrative, build};
use crate::terminal::{CLEAN, FINDINGS, USAGE, eprint, out, usage};
use crate::workspace;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// Reporting period; figures are cumulative to its end, e.g. 2023-Q3, FY2022-23, 2022
    #[arg(long)]
    pub period: String,
    /// Output formats, comma-separated: md, json, pdf (e.g. --format md,pdf)
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md")]
    pub format: Vec<ReportFormat>,
    /// Paper size of the PDF
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: crate::render::pdf::Paper,
    /// Language of the report (default: the project's language, else en)
    #[arg(long, value_enum)]
    pub lang: Option<super::formats::LangArg>,
    /// Output folder
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
    /// Folder of templates overriding the built-in ones, file by file
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Built-in layout (default: gac when the donor is Global Affairs Canada, else general)
    #[arg(long, value_enum)]
    pub template: Option<Layout>,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
}

/// Files to write, with their contents.
type Files = Vec<(PathBuf, Vec<u8>)>;

pub(crate) fn run(a: ReportArgs) -> i32 {
    if let Err(d) = templates_folder(a.templates.as_deref()) {
        return usage(d);
    }
    let dir = match workspace::resolve(&a.framework) {
        Ok(d) => d,
        Err(d) => return usage(d),
    };
    let mut loaded = workspace::load(&dir);
    let fw = match loaded.framework.take() {
        Some(fw) if !loaded.diagnostics.has_errors() => fw,
        _ => {
            eprint(&loaded.diagnostics, &loaded.sources);
            return if loaded.diagnostics.is_empty() { USAGE } else { FINDINGS };
        }
    };
    let as_of = match a.as_of.as_deref().map(workspace::parse_as_of).transpose() {
        Ok(x) => x,
        Err(d) => return usage(d),
    };
    let period = match workspace::parse_period_arg(&fw, &a.period) {
        Ok(p) => p,
        Err(d) => return usage(d),
    };
    let lang = a
        .lang
        .map(Lang::from)
        .or_else(|| Lang::parse(&fw.project.language))
        .unwrap_or(Lang::En);
    let layout = a
        .template
        .unwrap_or_else(|| Layout::for_donor(fw.project.donor.as_deref()));
    let source_date_epoch = match workspace::source_date_epoch() {
        Ok(t) => t.map(|t| t.timestamp()),
        Err(d) => return usage(d),
    };
    let narrative = match narrative(&fw.dir, &period.to_string(), lang, &mut loaded.sources) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let (computed, diags) = Computed::new(&fw, &loaded.ledger, &loaded.sources, as_of);
    let mut all = loaded.diagnostics;
    all.extend(diags);
    eprint(&all, &loaded.sources);
    let stem = stem(&fw.project.id, &period.to_string(), lang, &fw.project.language);
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
            sources: &loaded.sources,
            chart_dir: &stem,
        },
    );
    let mut overrides: Vec<PathBuf> = a.templates.into_iter().collect();
    overrides.push(fw.dir.join("templates"));
    if let Err(d) = inside_framework(&fw.dir, &fw.dir.join("templates"), "templates folder") {
        return usage(d);
    }
    let unknown: Vec<Diagnostic> = overrides.iter().flat_map(|d| unknown_templates(d)).collect();
    if !unknown.is_empty() {
        eprint(&crate::diag::Diagnostics(unknown), &loaded.sources);
    }
    let outputs = match render_all(&report, &stem, &a.format, &overrides, a.paper, created, &a.out) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // Every name is checked before the first file is written.
    let (files, messages): (Vec<Files>, Vec<String>) = outputs.into_iter().unzip();
    let files: Files = files.into_iter().flatten().collect();
    if let Err(d) = output::write_files(&a.out, &files) {
        return usage(d);
    }
    for message in messages {
        out(&(message + "\n"));
    }
    if all.has_errors() { FINDINGS } else { CLEAN }
}

/// `--templates` names a folder, when given.
fn templates_folder(templates: Option<&Path>) -> Result<(), Diagnostic> {
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

/// The period's narrative, if the framework has one: read, parsed, its
/// warnings printed. `Err` holds the exit code once the problem is printed.
fn narrative(fw_dir: &Path, period: &str, lang: Lang, sources: &mut crate::source::Sources) -> Result<Narrative, i32> {
    let narrative_file = Narrative::find(fw_dir, period, lang.code());
    if let Some(Err(d)) = narrative_file
        .as_ref()
        .map(|p| inside_framework(fw_dir, p, "narrative"))
    {
        return Err(usage(d));
    }
    Ok(match narrative_file {
        Some(p) => match Narrative::read(&p, sources) {
            Ok(text) => {
                let rel = p
                    .strip_prefix(fw_dir)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                let n = Narrative::parse(&text, Some(rel.clone()));
                let warnings: Vec<Diagnostic> = n
                    .warnings
                    .iter()
                    .map(|w| {
                        Diagnostic::warning(format!("{rel}, {w}"))
                            .hint("give the heading a title, or remove the `##` line to join the text above")
                    })
                    .collect();
                if !warnings.is_empty() {
                    eprint(&crate::diag::Diagnostics(warnings), sources);
                }
                n
            }
            Err(d) => {
                let code = if d.span.is_some() { FINDINGS } else { USAGE };
                eprint(&crate::diag::Diagnostics(vec![d]), sources);
                return Err(code);
            }
        },
        None => Narrative::default(),
    })
}

/// The PDF's creation date: as reproducible as the report's own date.
fn pdf_created(source_date_epoch: Option<i64>, period_end: chrono::NaiveDate) -> chrono::NaiveDateTime {
    source_date_epoch
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| period_end.and_time(chrono::NaiveTime::MIN))
}

/// Every format asked for, rendered in memory with the message to print
/// once written. `Err` holds the exit code once the problem is printed.
fn render_all(
    report: &crate::report::Report,
    stem: &str,
    formats_asked: &[ReportFormat],
    overrides: &[PathBuf],
    paper: crate::render::pdf::Paper,
    created: chrono::NaiveDateTime,
    out: &Path,
) -> Result<Vec<(Files, String)>, i32> {
    // Each format once, in the order asked.
    let mut formats: Vec<ReportFormat> = Vec::new();
    for f in formats_asked {
        if !formats.contains(f) {
            formats.push(*f);
        }
    }
    // Render everything first: a template error writes nothing.
    let mut outputs: Vec<(Files, String)> = Vec::new();
    for format in formats {
        if format == ReportFormat::Pdf {
            let bytes = crate::render::pdf::render(report, &crate::render::pdf::Options { paper, created });
            let name = PathBuf::from(format!("{stem}.pdf"));
            let message = format!(
                "wrote {} ({} kB)",
                out.join(&name).display(),
                bytes.len().div_ceil(1024)
            );
            outputs.push((vec![(name, bytes)], message));
            continue;
        }
        let mut template_sources = crate::source::Sources::default();
        let written = match render_files_in(report, stem, format, overrides.to_vec(), &mut template_sources) {
            Ok(w) => w,
            Err(problem) => {
                eprint(&crate::diag::Diagnostics(vec![problem.diagnostic]), &template_sources);
                return Err(problem.exit);
            }
        };
        let message = format!(
            "wrote {} ({} charts)",
            out.join(&written.main).display(),
            written.files.len().saturating_sub(1)
        );
        outputs.push((
            written.files.into_iter().map(|(p, t)| (p, t.into_bytes())).collect(),
            message,
        ));
    }
    Ok(outputs)
}

/// A file or folder a report reads from the framework (its `templates/`
/// folder, the narrative) lies inside the framework: a symlink to
/// elsewhere would pull any file of the machine into a donor report.
fn inside_framework(fw_dir: &Path, path: &Path, what: &str) -> Result<(), Diagnostic> {
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
        .filter_map(Result::ok)
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
