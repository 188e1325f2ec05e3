//! `logframe report`: the report rendered by the application layer in
//! every format asked, written to the output folder (every name checked
//! before the first file is written).

use std::path::PathBuf;

use clap::Args;

use super::formats::{LayoutArg, PaperArg, ReportFormatArg};
use super::terminal::{CLEAN, fail, finish, outln, usage};
use crate::app::{Workspace, report};
use crate::locale::term_message;
use crate::output;
use crate::render::files::ReportFormat;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// A framework folder, or a name under ./frameworks (not with --portfolio)
    #[arg(required_unless_present = "portfolio", conflicts_with = "portfolio")]
    pub framework: Option<String>,
    /// Reporting period; figures are cumulative to its end, e.g. 2023-Q3, FY2022-23, 2022.
    /// With --portfolio: the roll-up date is its end (a calendar period)
    #[arg(long, required_unless_present = "portfolio")]
    pub period: Option<String>,
    /// The portfolio report: the standard indicators rolled up across every
    /// framework of ./frameworks, projects off track, funding per currency
    #[arg(long, conflicts_with_all = ["templates", "template"])]
    pub portfolio: bool,
    /// Output formats, comma-separated: md, json, pdf (e.g. --format md,pdf)
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md")]
    pub format: Vec<ReportFormatArg>,
    /// Paper size of the PDF
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// Language of the report (default: the project's language, else en)
    #[arg(long, value_enum)]
    pub lang: Option<super::formats::LangArg>,
    /// Output folder
    #[arg(short = 'o', long, default_value = "reports")]
    pub out: PathBuf,
    /// Folder of templates overriding the built-in ones, file by file
    #[arg(long)]
    pub templates: Option<PathBuf>,
    /// Built-in layout (default: gac when the donor is Global Affairs Canada, else general)
    #[arg(long, value_enum)]
    pub template: Option<LayoutArg>,
    /// Use the ledger as it stood at the end of this date (YYYY-MM-DD)
    #[arg(long)]
    pub as_of: Option<String>,
    /// Fail (exit 1, nothing written) when a title, statement, unit or
    /// budget line has no text in the report's language (a warning
    /// otherwise, and the project's text is printed)
    #[arg(long, conflicts_with = "portfolio")]
    pub strict: bool,
}

pub(crate) fn run(a: ReportArgs) -> i32 {
    if a.portfolio {
        return run_portfolio(a);
    }
    let Some(framework) = a.framework else {
        return usage(
            crate::diag::Diagnostic::error("report: no framework given")
                .expected("a framework folder or name, or --portfolio")
                .hint("logframe report starsom --period 2023-Q3"),
        );
    };
    let mut o = match Workspace::current().open(&framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let q = report::Query {
        period: a.period,
        formats: a.format.into_iter().map(Into::into).collect(),
        paper: a.paper.into(),
        lang: a.lang.map(Into::into),
        templates: a.templates,
        layout: a.template.map(Into::into),
        as_of: a.as_of,
        strict: a.strict,
    };
    let out_dir = a.out;
    finish(report::report(&mut o, &q), |rendered| {
        write_rendered(&out_dir, rendered)
    })
}

/// `report --portfolio`: the portfolio report in every format asked.
fn run_portfolio(a: ReportArgs) -> i32 {
    let q = crate::app::portfolio::ReportQuery {
        period: a.period,
        as_of: a.as_of,
        lang: a.lang.map(Into::into),
        formats: a.format.into_iter().map(Into::into).collect(),
        paper: a.paper.into(),
    };
    let out_dir = a.out;
    finish(crate::app::portfolio::report(&Workspace::current(), &q), |run| {
        super::portfolio::print_found(&run.found);
        write_rendered(&out_dir, &run.rendered)
    })
}

/// Write the rendered files into `out_dir` (every name checked first) and
/// say what was written.
fn write_rendered(out_dir: &std::path::Path, rendered: &[report::Rendered]) -> i32 {
    {
        let files: Vec<(PathBuf, Vec<u8>)> = rendered.iter().flat_map(|r| r.files.iter().cloned()).collect();
        if let Err(d) = output::write_files(out_dir, &files) {
            return usage(d);
        }
        for r in rendered {
            let path = out_dir.join(&r.main);
            if r.format == ReportFormat::Pdf {
                let size: usize = r.files.iter().map(|(_, b)| b.len()).sum();
                outln(&term_message(
                    "report-wrote-pdf",
                    [
                        ("path", path.display().to_string().into()),
                        ("kb", size.div_ceil(1024).to_string().into()),
                    ],
                ));
            } else {
                outln(&term_message(
                    "report-wrote",
                    [
                        ("path", path.display().to_string().into()),
                        ("charts", r.files.len().saturating_sub(1).to_string().into()),
                    ],
                ));
            }
        }
        CLEAN
    }
}
