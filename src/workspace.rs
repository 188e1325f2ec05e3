//! Finding frameworks on disk and loading one with its ledger.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveTime, Utc};

use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::Ledger;
use crate::load::load_framework;
use crate::model::{Framework, Period};
use crate::source::Sources;

/// The folder of a framework named on the command line: a path to a folder
/// (or to its logframe.yaml), else a name under the `frameworks` folder.
pub fn resolve_in(frameworks: &Path, arg: &str) -> Result<PathBuf, Diagnostic> {
    let p = Path::new(arg);
    if p.is_dir() && p.join("logframe.yaml").is_file() {
        return Ok(p.to_path_buf());
    }
    if p.is_file() && p.file_name().is_some_and(|n| n == "logframe.yaml") {
        return Ok(p.parent().map(Path::to_path_buf).unwrap_or_default());
    }
    let under = frameworks.join(arg);
    if under.join("logframe.yaml").is_file() {
        return Ok(under);
    }
    Err(no_framework(frameworks, arg))
}

/// No framework of that name: the nearest name, or how to make one.
pub fn no_framework(frameworks: &Path, arg: &str) -> Diagnostic {
    let known = list_frameworks(frameworks);
    let names: Vec<String> = known
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    Diagnostic::error(format!("no framework `{arg}`"))
        .expected("a folder holding logframe.yaml, or a name under ./frameworks")
        .found(format!("`{arg}`"))
        .hint(
            crate::diag::did_you_mean(arg, names.iter().map(String::as_str)).unwrap_or_else(|| {
                if names.is_empty() {
                    "create one with `logframe init NAME`".into()
                } else {
                    format!("known frameworks: {}", names.join(", "))
                }
            }),
        )
}

/// Framework folders under `root`, sorted.
pub fn list_frameworks(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("logframe.yaml").is_file())
        .collect();
    out.sort();
    out
}

/// A framework with its ledger, and everything found while loading them.
pub struct Loaded {
    pub sources: Sources,
    pub framework: Option<Framework>,
    pub ledger: Ledger,
    pub diagnostics: Diagnostics,
}

pub fn load(dir: &Path) -> Loaded {
    let mut sources = Sources::default();
    let (framework, mut diagnostics) = load_framework(dir, &mut sources);
    let mut ledger = Ledger::default();
    if let Some(fw) = &framework
        && !diagnostics.has_errors()
    {
        let (l, d) = Ledger::load(fw, &mut sources);
        ledger = l;
        diagnostics.extend(d);
    }
    Loaded {
        sources,
        framework,
        ledger,
        diagnostics,
    }
}

/// `--as-of DATE`: the end of that day, UTC.
pub fn parse_as_of(text: &str) -> Result<DateTime<Utc>, Diagnostic> {
    crate::model::period::parse_date(text)
        .map(|d| {
            d.and_time(NaiveTime::from_hms_milli_opt(23, 59, 59, 999).expect("valid time"))
                .and_utc()
        })
        .map_err(|e| {
            Diagnostic::error(format!("--as-of: {}", e.message))
                .expected("a date YYYY-MM-DD")
                .found(text.to_string())
                .hint(e.hint)
        })
}

/// A period given with `flag` (`--from`, `--to`), checked against the framework.
pub fn parse_period_flag(fw: &Framework, flag: &str, text: &str) -> Result<Period, Diagnostic> {
    let p = fw.parse_period(text).map_err(|e| {
        Diagnostic::error(format!("{flag}: {}", e.message))
            .expected(crate::model::period::PERIOD_FORMS)
            .found(text.to_string())
            .hint(e.hint)
    })?;
    if !fw.project.span().overlaps(&p) {
        return Err(Diagnostic::error(format!("{flag} {p} lies outside the project"))
            .expected(format!("a period within {} .. {}", fw.project.start, fw.project.end))
            .found(p.to_string())
            .hint("pick a period during the project"));
    }
    Ok(p)
}

/// An indicator id the framework does not declare, with the nearest one.
pub fn unknown_indicator(fw: &crate::model::Framework, id: &str) -> Diagnostic {
    Diagnostic::error(format!("unknown indicator `{id}`"))
        .expected("an indicator id of the framework")
        .found(id.to_string())
        .hint(
            crate::diag::did_you_mean(id, fw.indicators.iter().map(|i| i.id.as_str()))
                .unwrap_or_else(|| "`logframe status` lists them".into()),
        )
}

/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
/// convention), when set.
pub fn source_date_epoch() -> Result<Option<chrono::DateTime<chrono::Utc>>, Diagnostic> {
    let Ok(text) = std::env::var("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map(Some)
        .ok_or_else(|| {
            Diagnostic::error("SOURCE_DATE_EPOCH is not a number of seconds")
                .expected("an integer such as 1700000000")
                .found(text.clone())
                .hint("unset it, or set it to `date +%s` output")
        })
}
