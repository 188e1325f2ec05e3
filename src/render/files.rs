//! A built report as files: the Markdown with its SVG charts, or the model
//! as JSON, named from the project id, period and language. Nothing is
//! written here: the command writes them through `output`.

use std::path::PathBuf;

use super::{chart, markdown};
use crate::locale::Lang;
use crate::report::{Report, SUMMARY_CHART, chart_file};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Markdown with SVG charts
    Md,
    /// The report model as JSON (no charts)
    Json,
    /// PDF with vector charts, embedded fonts, contents and bookmarks (see --paper)
    Pdf,
}

/// What one `report` run writes: the main file and the charts.
pub struct Written {
    pub main: PathBuf,
    pub files: Vec<(PathBuf, String)>,
}

/// The file stem of a report: `starsom-2023-Q3`, `starsom-2023-Q3.fr` when
/// the language is not the project's own.
pub fn stem(project_id: &str, period: &str, lang: Lang, project_lang: &str) -> String {
    if lang.code() == project_lang {
        format!("{project_id}-{period}")
    } else {
        format!("{project_id}-{period}.{}", lang.code())
    }
}

/// Render a report into text files, named relative to the output folder
/// (nothing is written yet). The PDF is binary: [`crate::render::pdf::render`]
/// makes it and `run` writes it, so here it yields no files.
pub fn render_files(
    report: &Report,
    stem: &str,
    format: ReportFormat,
    overrides: Vec<PathBuf>,
) -> Result<Written, markdown::TemplateProblem> {
    render_files_in(report, stem, format, overrides, &mut crate::source::Sources::default())
}

/// [`render_files`], with a template problem located in the user's
/// template, whose text is added to `sources` for the diagnostic to quote.
pub fn render_files_in(
    report: &Report,
    stem: &str,
    format: ReportFormat,
    overrides: Vec<PathBuf>,
    sources: &mut crate::source::Sources,
) -> Result<Written, markdown::TemplateProblem> {
    match format {
        ReportFormat::Json => {
            let main = PathBuf::from(format!("{stem}.json"));
            let text = serde_json::to_string_pretty(report).expect("report serialises") + "\n";
            Ok(Written {
                main: main.clone(),
                files: vec![(main, text)],
            })
        }
        ReportFormat::Md => {
            // The indicators' charts are drawn on the other cores while this
            // thread fills the template (hundreds of charts for a large
            // framework), in the report's order.
            let charted: Vec<_> = report
                .results
                .iter()
                .flat_map(|r| &r.indicators)
                .filter(|ind| ind.chart.is_some())
                .collect();
            let (text, drawn) = std::thread::scope(|s| {
                let drawn = s.spawn(|| crate::parallel::map(&charted, |_, ind| chart::indicator(report, ind)));
                let text = markdown::render_report(report, report.layout.template(), overrides, sources);
                (text, drawn.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            });
            let main = PathBuf::from(format!("{stem}.md"));
            let charts = PathBuf::from(stem);
            let mut files = vec![
                (main.clone(), text?),
                (charts.join(SUMMARY_CHART), chart::summary(report)),
            ];
            for (ind, svg) in charted.iter().zip(drawn) {
                files.push((charts.join(chart_file(&ind.id)), svg));
            }
            if let Some(svg) = chart::burn(report) {
                files.push((charts.join(crate::report::funding::BURN_CHART), svg));
            }
            Ok(Written { main, files })
        }
        ReportFormat::Pdf => Ok(Written {
            main: PathBuf::from(format!("{stem}.pdf")),
            files: Vec::new(),
        }),
    }
}
