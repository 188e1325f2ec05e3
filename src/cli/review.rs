//! `logframe pending` and `logframe approve`: the approval queue of a
//! framework with `approval: true`, at the terminal.

use clap::Args;

use super::formats::TableFormat;
use super::terminal::{CLEAN, fail, finish, out, outln};
use crate::app::{Workspace, review};
use crate::locale::{term, term_message};

/// Values waiting for review, each beside the value it would replace
#[derive(Debug, Args)]
pub struct PendingArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TableFormat,
}

/// Approve (or with --reject, reject) values waiting for review
#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// A framework folder, or a name under ./frameworks
    pub framework: String,
    /// Ids from `logframe pending`
    pub ids: Vec<String>,
    /// Every value waiting for review
    #[arg(long, conflicts_with = "ids")]
    pub all: bool,
    /// Reject instead of approving (needs --comment)
    #[arg(long)]
    pub reject: bool,
    /// What the person who entered the value should read
    #[arg(long)]
    pub comment: Option<String>,
    /// Who decides (default: $LOGFRAME_USER; one of the two is required)
    #[arg(long)]
    pub by: Option<String>,
}

pub fn pending(a: PendingArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    finish(review::queue(&o), |items| {
        match a.format {
            TableFormat::Json => out(&(serde_json::to_string_pretty(items).unwrap_or_default() + "\n")),
            TableFormat::Csv => out(&csv(items)),
            TableFormat::Table => {
                if items.is_empty() {
                    outln(&term_message(
                        "review-nothing",
                        [("project", o.framework.project.id.as_str().into())],
                    ));
                }
                for p in items {
                    let replaces = p
                        .replaces
                        .as_ref()
                        .map(|r| {
                            term_message(
                                "review-replaces",
                                [
                                    ("value", r.value.to_string().into()),
                                    ("by", r.recorded_by.to_string().into()),
                                    ("at", r.recorded_at.to_string().into()),
                                ],
                            )
                        })
                        .unwrap_or_else(|| term("review-new-value").into());
                    outln(&term_message(
                        "review-line",
                        [
                            ("id", p.id.to_string().into()),
                            ("indicator", p.indicator.to_string().into()),
                            ("period", p.period.to_string().into()),
                            ("breakdown", p.breakdown.to_string().into()),
                            ("value", p.value.to_string().into()),
                            ("by", p.recorded_by.to_string().into()),
                            ("at", p.recorded_at.to_string().into()),
                            ("replaces", replaces.into()),
                        ],
                    ));
                }
            }
        }
        CLEAN
    })
}

fn csv(items: &[review::Pending]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "indicator",
        "period",
        "breakdown",
        "value",
        "comment",
        "recorded_by",
        "recorded_at",
        "replaces",
    ]);
    for p in items {
        let _ = w.write_record([
            p.id.as_str(),
            &p.indicator,
            &p.period,
            &p.breakdown,
            &crate::render::status::spreadsheet_safe(&p.value),
            &crate::render::status::spreadsheet_safe(&p.comment),
            &p.recorded_by,
            &p.recorded_at,
            &p.replaces.as_ref().map(|r| r.value.clone()).unwrap_or_default(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

pub fn approve(a: ApproveArgs) -> i32 {
    let o = match Workspace::current().open(&a.framework) {
        Ok(o) => o,
        Err(f) => return fail(f),
    };
    let decision = if a.reject {
        review::Decision::Reject
    } else {
        review::Decision::Approve
    };
    let note = a.comment.unwrap_or_default();
    super::commit::show(
        &o.framework,
        review::decide(&o, &a.ids, a.all, decision, &note, a.by.as_deref()),
        false,
    )
}
