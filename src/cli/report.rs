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
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// Reporting period; figures are cumulative to its end, e.g. 2023-Q3, FY2022-23, 2022
    #[arg(long)]
    pub period: String,
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
    #[arg(long, default_value = "reports")]
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
}

pub(crate) fn run(a: ReportArgs) -> i32 {
    let mut o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let q = report::Query {
        period: Some(a.period),
        formats: a.format.into_iter().map(Into::into).collect(),
        paper: a.paper.into(),
        lang: a.lang.map(Into::into),
        templates: a.templates,
        layout: a.template.map(Into::into),
        as_of: a.as_of,
    };
    let out_dir = a.out;
    finish(report::report(&mut o, &q), |rendered| {
        let files: Vec<(PathBuf, Vec<u8>)> = rendered.iter().flat_map(|r| r.files.iter().cloned()).collect();
        if let Err(d) = output::write_files(&out_dir, &files) {
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
    })
}
