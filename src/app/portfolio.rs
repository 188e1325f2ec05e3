//! The portfolio: the standard indicators of `frameworks/standards.yaml`
//! rolled up across every framework of the workspace at one date, each
//! framework's status counts at its period, and the funding totals per
//! currency (`logframe portfolio`).
//!
//! The date is the end of `--period P`, or `--as-of DATE` (then the
//! ledgers are also read as they stood at the end of that day), or today.
//! Each framework is taken at its latest reporting period ending on or
//! before the date, so projects reporting quarterly and semi-annually
//! each give their values to that date. Frameworks that do not load are
//! left out and named, and the exit is then 1.

use super::funding::Found;
use super::{Done, Failure, Result, Workspace};
use crate::compute::rollup::{self, At, By};
use crate::compute::{Computed, Status};
use crate::diag::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::standards::{self, Standards};
use crate::source::Sources;

#[derive(Debug, Default, Clone)]
pub struct Query {
    /// The roll-up date is this period's end.
    pub period: Option<String>,
    /// The roll-up date, and the ledgers as they stood at its end.
    pub as_of: Option<String>,
    pub by: Option<By>,
    /// Only this standard.
    pub standard: Option<String>,
}

pub use crate::compute::portfolio::{DateFrom, FrameworkStatus, Portfolio, Split};

/// The portfolio and what was found in each framework on the way.
#[derive(Debug)]
pub struct PortfolioRun {
    pub portfolio: Portfolio,
    pub found: Vec<Found>,
    /// Each standard's total split by each breakdown it asks for (filled
    /// by [`portfolio_with_splits`], empty otherwise).
    pub splits: Vec<Split>,
}

pub fn portfolio(ws: &Workspace, q: &Query) -> Result<PortfolioRun> {
    run(ws, q, false)
}

/// [`portfolio`], with each standard's total split by every breakdown its
/// `disaggregate_by` asks for (the portfolio report shows them).
pub fn portfolio_with_splits(ws: &Workspace, q: &Query) -> Result<PortfolioRun> {
    run(ws, q, true)
}

fn run(ws: &Workspace, q: &Query, with_splits: bool) -> Result<PortfolioRun> {
    let dirs = ws.some_frameworks()?;
    let as_of = super::as_of(q.as_of.as_deref())?;
    let (date, date_from) = match (&q.period, as_of) {
        (Some(p), _) => {
            let period = crate::model::period::parse_period(p, None).map_err(|e| {
                Failure::usage(
                    Diagnostic::error(format!("--period: {}", e.message))
                        .expected("a calendar period: 2023, 2023-Q3, 2023-H1, 2023-07 (fiscal years differ by project)")
                        .found(p.clone())
                        .hint(e.hint),
                )
            })?;
            (period.end, DateFrom::Period { period })
        }
        (None, Some(t)) => (t.date_naive(), DateFrom::AsOf),
        (None, None) => (
            crate::ledger::write::now().map_err(Failure::usage)?.date_naive(),
            DateFrom::Today,
        ),
    };

    let mut std_sources = Sources::default();
    let (standards, std_diags) = match standards::load(&ws.frameworks_dir(), &mut std_sources) {
        None => (None, Diagnostics::default()),
        Some((None, diags)) => return Err(Failure::from_diagnostics(diags, std_sources)),
        Some((Some(s), diags)) => (Some(s), diags),
    };
    let chosen = chosen(standards.as_ref(), q.standard.as_deref())?;

    let loaded: Vec<_> = dirs.iter().map(|d| crate::workspace::load(d)).collect();
    let mut found = Vec::new();
    let mut findings = false;
    let mut frameworks = Vec::new();
    let mut computed = Vec::new();
    let (mut summaries, mut without_funding) = (Vec::new(), Vec::new());
    for (dir, l) in dirs.iter().zip(&loaded) {
        let mut diags = l.diagnostics.clone();
        let fw = l.framework.as_ref().filter(|_| !diags.has_errors());
        let left_out = fw.is_none();
        if let Some(fw) = fw {
            // Funding as `funding --portfolio` gives it, from the frameworks
            // already loaded (its warnings are that command's to print).
            match crate::compute::funding::summary(fw, None) {
                Some((summary, _)) => summaries.push(summary),
                None => without_funding.push(fw.project.id.clone()),
            }
            if let Some(s) = &standards {
                diags.extend(standards::check_framework(s, fw));
            }
            let (c, more) = Computed::new(fw, &l.ledger, &l.sources, as_of);
            diags.extend(more);
            let period = rollup::period_at(fw, date);
            let table = period.map(|p| c.table(&p));
            frameworks.push(FrameworkStatus {
                framework: fw.project.id.clone(),
                short_name: fw.project.short_name.clone(),
                reporting_frequency: fw.project.reporting_frequency,
                period,
                counts: table.as_ref().map(|t| t.counts.clone()).unwrap_or_default(),
                off_track: table
                    .iter()
                    .flat_map(|t| &t.indicators)
                    .filter(|p| matches!(p.status, Status::OffTrack | Status::NotAchieved))
                    .map(|p| p.indicator.clone())
                    .collect(),
            });
            computed.push((c, period));
        }
        findings |= left_out || diags.has_errors();
        found.push(Found {
            dir: dir.clone(),
            left_out,
            diagnostics: diags,
            sources: l.sources.clone(),
        });
    }
    let at: Vec<At> = computed
        .iter()
        .map(|(c, period)| At {
            computed: c,
            period: *period,
        })
        .collect();
    let rollups = chosen.iter().map(|s| rollup::roll_up(s, &at, q.by.as_ref())).collect();
    let splits = if with_splits {
        chosen
            .iter()
            .flat_map(|s| {
                let at = &at;
                s.disaggregate_by.iter().map(move |d| Split {
                    code: s.code.clone(),
                    dimension: d.clone(),
                    groups: rollup::roll_up(s, at, Some(&By::Dimension(d.clone()))).groups,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let funding = crate::compute::funding::portfolio(&summaries, without_funding);
    let mut done = Done::new(
        PortfolioRun {
            portfolio: Portfolio {
                date,
                date_from,
                by: q.by.as_ref().map(|b| match b {
                    By::Framework => "framework".to_string(),
                    By::Donor => "donor".to_string(),
                    By::Dimension(d) => d.clone(),
                }),
                has_standards: standards.is_some(),
                standards: rollups,
                frameworks,
                funding,
            },
            found,
            splits,
        },
        std_diags,
        std_sources,
    );
    done.findings = findings;
    Ok(done)
}

/// The standards to roll up: all, or the one asked for.
fn chosen(standards: Option<&Standards>, code: Option<&str>) -> std::result::Result<Vec<standards::Standard>, Failure> {
    let all = standards.map(|s| s.list.clone()).unwrap_or_default();
    let Some(code) = code else {
        return Ok(all);
    };
    let Some(s) = standards else {
        return Err(Failure::usage(
            Diagnostic::error(format!(
                "--standard {code}: the workspace describes no standard indicators"
            ))
            .expected(format!("frameworks/{}", standards::FILE))
            .found("no such file")
            .hint("describe the standard indicators in frameworks/standards.yaml (see the README)"),
        ));
    };
    match s.get(code) {
        Some(one) => Ok(vec![one.clone()]),
        None => Err(Failure::usage(
            Diagnostic::error(format!("--standard: unknown standard indicator `{code}`"))
                .expected(format!("a code of {}", s.path.display()))
                .found(code.to_string())
                .hint(
                    did_you_mean(code, s.codes())
                        .unwrap_or_else(|| format!("the codes are {}", s.codes().collect::<Vec<_>>().join(", "))),
                ),
        )),
    }
}

/// What `report --portfolio` asks for.
#[derive(Debug, Clone, Default)]
pub struct ReportQuery {
    pub period: Option<String>,
    pub as_of: Option<String>,
    pub lang: Option<crate::locale::Lang>,
    /// Formats, each rendered once, in the order asked.
    pub formats: Vec<crate::render::files::ReportFormat>,
    pub paper: crate::render::pdf::Paper,
}

/// The portfolio report, rendered, and what was found in each framework.
#[derive(Debug)]
pub struct ReportRun {
    /// One entry per format, its main file first, then its charts.
    pub rendered: Vec<super::report::Rendered>,
    pub found: Vec<Found>,
}

/// The portfolio report rendered in every format asked, in memory.
pub fn report(ws: &Workspace, q: &ReportQuery) -> Result<ReportRun> {
    let source_date_epoch = crate::workspace::source_date_epoch().map_err(Failure::usage)?;
    let run = portfolio_with_splits(
        ws,
        &Query {
            period: q.period.clone(),
            as_of: q.as_of.clone(),
            by: None,
            standard: None,
        },
    )?;
    let lang = q.lang.unwrap_or(crate::locale::Lang::En);
    let PortfolioRun {
        portfolio,
        splits,
        found,
    } = run.value;
    let portfolio = &portfolio;
    let stem = crate::report::portfolio::stem(portfolio.date, lang);
    let model = crate::report::portfolio::build(
        portfolio,
        &splits,
        lang,
        source_date_epoch.map(|t| t.date_naive()),
        &stem,
    );
    let created = source_date_epoch
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| portfolio.date.and_time(chrono::NaiveTime::MIN));
    let options = crate::render::pdf::Options {
        paper: q.paper,
        created,
    };
    let mut rendered = Vec::new();
    for &format in &q.formats {
        if rendered.iter().any(|r: &super::report::Rendered| r.format == format) {
            continue;
        }
        let files = crate::render::portfolio::report_files(&model, &stem, format, &options)
            .map_err(|d| Failure::usage(d).after(&run.diagnostics, &run.sources))?;
        rendered.push(super::report::Rendered {
            format,
            main: files[0].0.clone(),
            files,
        });
    }
    let mut done = Done::new(ReportRun { rendered, found }, run.diagnostics, run.sources);
    done.findings = run.findings;
    Ok(done)
}
