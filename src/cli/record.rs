//! `logframe record`: one value, checked by the same row rules as an
//! import, written through the ledger's write path.

use clap::Args;

use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::row::{RowFields, RowParser};
use crate::ledger::write::{NewRow, commit, now, recorder};
use crate::model::MAX_DIMENSIONS;
use crate::source::Sources;
use crate::terminal::{FINDINGS, eprint as eprint_diags, open, report_commit, usage};

/// Record one value (recording the same key again is a correction)
#[derive(Debug, Args)]
pub struct RecordArgs {
    pub framework: String,
    pub indicator: String,
    #[arg(long)]
    pub period: String,
    /// The value: a number, yes/no for milestones, text for qualitative indicators
    #[arg(long, allow_hyphen_values = true)]
    pub value: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub numerator: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub denominator: Option<String>,
    /// Score of a qualitative value
    #[arg(long, allow_hyphen_values = true)]
    pub score: Option<String>,
    /// Disaggregation, e.g. --dim sex=women --dim country=PE
    #[arg(long = "dim", value_name = "NAME=VALUE")]
    pub dims: Vec<String>,
    #[arg(long)]
    pub comment: Option<String>,
    #[arg(long)]
    pub source: Option<String>,
    /// Who records (default: $LOGFRAME_USER, else $USER)
    #[arg(long)]
    pub by: Option<String>,
}

pub fn run(a: RecordArgs) -> i32 {
    record(&a)
}

fn record(a: &RecordArgs) -> i32 {
    fn text(s: &Option<String>) -> &str {
        s.as_deref().unwrap_or("")
    }
    let (fw, _loaded) = match open(&a.framework) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let mut dims: [&str; MAX_DIMENSIONS] = [""; MAX_DIMENSIONS];
    for d in &a.dims {
        let Some((name, value)) = d.split_once('=') else {
            return usage(
                Diagnostic::error(format!("--dim `{d}` is not NAME=VALUE"))
                    .expected("e.g. --dim sex=women")
                    .found(d.clone())
                    .hint("write the dimension, `=`, and the value"),
            );
        };
        match fw.disaggregation_index(name.trim()) {
            Some(i) if !dims[i].is_empty() => {
                return usage(
                    Diagnostic::error(format!("--dim {} is given twice", name.trim()))
                        .expected(format!("one value for `{}`", name.trim()))
                        .found(format!("{} and {}", dims[i], value))
                        .hint("record each breakdown as its own value"),
                );
            }
            Some(i) => dims[i] = value,
            None => {
                let names: Vec<&str> = fw.disaggregations.iter().map(|d| d.name.as_str()).collect();
                return usage(
                    Diagnostic::error(format!("unknown disaggregation `{}`", name.trim()))
                        .expected(format!("one of {}", names.join(", ")))
                        .found(name.trim().to_string())
                        .hint(
                            crate::diag::did_you_mean(name.trim(), names.iter().copied())
                                .unwrap_or_else(|| "declare it in logframe.yaml".into()),
                        ),
                );
            }
        }
    }
    let fields = RowFields {
        indicator: &a.indicator,
        period: &a.period,
        value: text(&a.value),
        numerator: text(&a.numerator),
        denominator: text(&a.denominator),
        score: text(&a.score),
        dims,
        comment: text(&a.comment),
        source: text(&a.source),
        recorded_at: "",
        recorded_by: "",
    };
    let mut parser = RowParser::new(&fw);
    let parsed = match parser.parse(&fields) {
        Ok(p) => p,
        Err(errors) => {
            let diags = Diagnostics(errors.into_iter().map(|e| e.diagnostic).collect());
            eprint_diags(&diags, &Sources::default());
            return FINDINGS;
        }
    };
    let at = match now() {
        Ok(t) => t,
        Err(d) => return usage(d),
    };
    let row = NewRow::new(&fw, parsed, &fields, at, &recorder(a.by.as_deref()));
    report_commit(&fw, commit(&fw, Sources::default(), vec![row], false), false)
}
