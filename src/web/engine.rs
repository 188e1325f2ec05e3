//! The web's adapter to the application layer (`crate::app`): the same use
//! cases the terminal calls, with their failures turned into what a page
//! or the API shows.
//!
//! A framework is reached by its folder name only after that name was
//! found among the folders listed under `<root>/frameworks`
//! (`app::Workspace::open_named`): no text from a URL is joined to a path.

use std::path::PathBuf;

use crate::app::{self, Failure, FailureKind};
use crate::compute::Status;
use crate::diag::Diagnostic;
use crate::locale::{Lang, words};
use crate::report::Report;

/// The workspace the server serves: the folder holding ./frameworks.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    app: app::Workspace,
}

/// Why a framework's figures could not be given.
#[derive(Debug)]
pub enum EngineError {
    /// No framework folder of that name.
    NotFound,
    /// The framework or its ledger has errors; `logframe check` text.
    DoesNotLoad(String),
    /// A `period` that is not one of the framework's.
    BadPeriod(Diagnostic),
}

impl EngineError {
    /// A use case's failure after the framework opened: a request error
    /// (usage) is the period or argument given; findings mean it does not
    /// load.
    pub fn from_failure(f: Failure) -> EngineError {
        match f.kind {
            FailureKind::Usage => match f.diagnostics.0.into_iter().rfind(|d| d.is_error()) {
                Some(d) => EngineError::BadPeriod(d),
                None => EngineError::NotFound,
            },
            FailureKind::Findings => {
                let mut d = f.diagnostics;
                d.sort();
                EngineError::DoesNotLoad(d.render(&f.sources))
            }
        }
    }
}

/// A framework opened for reading, its figures computed on demand.
pub struct Opened {
    opened: app::Opened,
}

/// A framework on the list page: its names and its status counts at the
/// latest period with values.
#[derive(Debug, serde::Serialize)]
pub struct Overview {
    pub name: String,
    pub title: String,
    pub short_name: String,
    pub period: String,
    pub counts: Vec<Count>,
    pub total: usize,
}

#[derive(Debug, serde::Serialize)]
pub struct Count {
    pub status: Status,
    pub label: &'static str,
    pub count: usize,
}

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Workspace {
        let root = root.into();
        Workspace {
            app: app::Workspace::new(root.clone()),
            root,
        }
    }

    /// The framework folder names under ./frameworks, sorted.
    pub fn frameworks(&self) -> Vec<String> {
        self.app.names()
    }

    /// The application layer's workspace, for the use cases that write.
    pub fn app(&self) -> &app::Workspace {
        &self.app
    }

    pub fn open(&self, name: &str) -> Result<Opened, EngineError> {
        if !self.frameworks().iter().any(|n| n == name) {
            return Err(EngineError::NotFound);
        }
        match self.app.open_named(name) {
            Ok(opened) => Ok(Opened { opened }),
            Err(f) if f.kind == FailureKind::Usage && f.sources.files().next().is_none() => Err(EngineError::NotFound),
            Err(f) => {
                let mut d = f.diagnostics;
                d.sort();
                Err(EngineError::DoesNotLoad(d.render(&f.sources)))
            }
        }
    }
}

impl Opened {
    /// The opened framework, for the use cases.
    pub fn app(&self) -> &app::Opened {
        &self.opened
    }

    /// The opened framework, for the use cases that take it whole (the
    /// report renders the period's narrative into its sources).
    pub fn into_app(self) -> app::Opened {
        self.opened
    }

    fn status(&self, period: Option<&str>) -> Result<crate::compute::StatusTable, EngineError> {
        let q = app::status::Query {
            period: period.filter(|p| !p.is_empty()).map(str::to_string),
            ..Default::default()
        };
        app::status::status(&self.opened, &q)
            .map(|d| d.value)
            .map_err(EngineError::from_failure)
    }

    /// `status FW --format json`, the very same text.
    pub fn status_json(&self, period: Option<&str>) -> Result<String, EngineError> {
        Ok(crate::render::status::json(&self.status(period)?))
    }

    pub fn overview(&self, name: &str, lang: Lang) -> Overview {
        let fw = &self.opened.framework;
        let table = self.status(None).ok();
        let counts: Vec<Count> = Status::ALL
            .iter()
            .filter_map(|s| {
                table.as_ref()?.counts.get(s).map(|&count| Count {
                    status: *s,
                    label: words::status(lang, *s),
                    count,
                })
            })
            .collect();
        Overview {
            name: name.to_string(),
            title: fw.project.title.default.clone(),
            short_name: fw.project.short_name.clone().unwrap_or_else(|| fw.project.id.clone()),
            period: table.as_ref().map(|t| t.period.to_string()).unwrap_or_default(),
            total: table.as_ref().map_or(0, |t| t.indicators.len()),
            counts,
        }
    }

    /// The report model at `period` (default: the latest with values) in
    /// `lang`: the dashboard's status table, charts and funding. Its chart
    /// paths are the bare file names (`summary.svg`, `chart-1100.1.svg`).
    pub fn report(mut self, period: Option<&str>, lang: Lang) -> Result<Report, EngineError> {
        let q = app::report::Query {
            period: period.filter(|p| !p.is_empty()).map(str::to_string),
            lang: Some(lang),
            ..Default::default()
        };
        app::report::model(&mut self.opened, &q, Some("."))
            .map(|d| d.value.report)
            .map_err(EngineError::from_failure)
    }

    /// The periods a user may pick: the framework's reporting periods.
    pub fn periods(&self) -> Vec<String> {
        self.opened
            .framework
            .reporting_periods()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }
}

/// A chart of the report as SVG, by its file name: `summary.svg`,
/// `burn.svg` (with expenditure) or an indicator's `chart-ID.svg` (with
/// values); `None` for any other name.
pub fn chart(report: &Report, file: &str) -> Option<String> {
    let named = |path: &Option<String>| path.as_deref().is_some_and(|p| p.rsplit('/').next() == Some(file));
    if named(&Some(report.summary_chart.clone())) {
        return Some(crate::render::chart::summary(report));
    }
    if report.funding.as_ref().is_some_and(|f| named(&f.chart)) {
        return crate::render::chart::burn(report);
    }
    report
        .results
        .iter()
        .flat_map(|r| &r.indicators)
        .find(|i| named(&i.chart))
        .map(|i| crate::render::chart::indicator(report, i))
}
