//! The one seam between the web server and the engine.
//!
//! Every call the server makes into load, compute, report and render goes
//! through this file, in the same steps as the CLI's commands
//! (`cli/status.rs`, `cli/report.rs`). When the application layer
//! (`src/app/`: open a framework, status, record... returning models) lands,
//! this file is the only one that changes.
//!
//! A framework is reached by its folder name only after that name was
//! found among the folders listed under `<root>/frameworks`: no text from
//! a URL is joined to a path.

use std::path::{Path, PathBuf};

use crate::compute::{Computed, Status};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Framework;
use crate::report::i18n::{self, Lang};
use crate::report::{Inputs, Layout, Report};
use crate::workspace::{self, Loaded};

/// The workspace the server serves: the folder holding ./frameworks.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
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

/// A framework opened for reading, its figures computed on demand.
pub struct Opened {
    fw: Framework,
    loaded: Loaded,
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
        Workspace { root: root.into() }
    }

    /// The framework folder names under ./frameworks, sorted.
    pub fn frameworks(&self) -> Vec<String> {
        workspace::list_frameworks(&self.root.join("frameworks"))
            .iter()
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(str::to_string))
            .collect()
    }

    /// The folder of the framework `name`, when `name` is one of the listed
    /// folder names (compared as text, never joined before it matches).
    pub fn dir(&self, name: &str) -> Option<PathBuf> {
        self.frameworks()
            .into_iter()
            .find(|n| n == name)
            .map(|n| self.root.join("frameworks").join(n))
    }

    pub fn open(&self, name: &str) -> Result<Opened, EngineError> {
        let dir = self.dir(name).ok_or(EngineError::NotFound)?;
        open_dir(&dir)
    }
}

fn open_dir(dir: &Path) -> Result<Opened, EngineError> {
    let mut loaded = workspace::load(dir);
    match loaded.framework.take() {
        Some(fw) if !loaded.diagnostics.has_errors() => Ok(Opened { fw, loaded }),
        _ => {
            let mut d = loaded.diagnostics.clone();
            d.sort();
            Err(EngineError::DoesNotLoad(d.render(&loaded.sources)))
        }
    }
}

impl Opened {
    /// `status FW --format json`, the very same text.
    pub fn status_json(&self, period: Option<&str>) -> Result<String, EngineError> {
        let (computed, _) = Computed::new(&self.fw, &self.loaded.ledger, &self.loaded.sources, None);
        let period = self.period(&computed, period)?;
        Ok(crate::render::status::json(&computed.table(&period)))
    }

    pub fn overview(&self, name: &str, lang: Lang) -> Overview {
        let (computed, _) = Computed::new(&self.fw, &self.loaded.ledger, &self.loaded.sources, None);
        let period = computed.default_period();
        let table = computed.table(&period);
        let counts: Vec<Count> = Status::ALL
            .iter()
            .filter_map(|s| {
                table.counts.get(s).map(|&count| Count {
                    status: *s,
                    label: i18n::status(lang, *s),
                    count,
                })
            })
            .collect();
        Overview {
            name: name.to_string(),
            title: self.fw.project.title.default.clone(),
            short_name: self
                .fw
                .project
                .short_name
                .clone()
                .unwrap_or_else(|| self.fw.project.id.clone()),
            period: period.to_string(),
            total: table.indicators.len(),
            counts,
        }
    }

    /// The report model at `period` (default: the latest with values) in
    /// `lang`: the dashboard's status table, charts and funding. Its chart
    /// paths are the bare file names (`summary.svg`, `chart-1100.1.svg`).
    pub fn report(&self, period: Option<&str>, lang: Lang) -> Result<Report, EngineError> {
        let (computed, found) = Computed::new(&self.fw, &self.loaded.ledger, &self.loaded.sources, None);
        let period = self.period(&computed, period)?;
        let mut diags = self.loaded.diagnostics.clone();
        diags.extend(found);
        Ok(build_report(&computed, period, lang, &diags, &self.loaded))
    }

    /// The periods a user may pick: the framework's reporting periods.
    pub fn periods(&self) -> Vec<String> {
        self.fw.reporting_periods().iter().map(|p| p.to_string()).collect()
    }

    fn period(&self, computed: &Computed, period: Option<&str>) -> Result<crate::model::Period, EngineError> {
        match period.filter(|p| !p.is_empty()) {
            Some(p) => workspace::parse_period_arg(&self.fw, p).map_err(EngineError::BadPeriod),
            None => Ok(computed.default_period()),
        }
    }
}

fn build_report(
    computed: &Computed,
    period: crate::model::Period,
    lang: Lang,
    diags: &Diagnostics,
    loaded: &Loaded,
) -> Report {
    crate::report::build(
        computed,
        Inputs {
            lang,
            layout: Layout::for_donor(computed.fw.project.donor.as_deref()),
            period,
            as_of: None,
            source_date_epoch: None,
            narrative: Default::default(),
            diagnostics: diags,
            sources: &loaded.sources,
            chart_dir: ".",
        },
    )
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
