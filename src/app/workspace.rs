//! The workspace a face serves: the folder whose `frameworks/` holds one
//! folder per framework, and opening one of them with its ledger.
//!
//! The terminal accepts a framework by name or by path
//! ([`Workspace::open`]); a web request names one only by the name of a
//! folder listed under `frameworks/` ([`Workspace::open_named`]), so that
//! no text from a URL reaches the disk unchecked.

use std::path::{Path, PathBuf};

use super::Failure;
use crate::diag::Diagnostics;
use crate::ledger::Ledger;
use crate::model::Framework;
use crate::source::Sources;

/// A workspace folder (the terminal's is the working directory).
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

/// A framework that loaded without errors, with its ledger, the files
/// read and the warnings found.
#[derive(Debug)]
pub struct Opened {
    pub framework: Framework,
    pub ledger: Ledger,
    pub sources: Sources,
    pub diagnostics: Diagnostics,
}

impl Workspace {
    pub fn new(root: impl Into<PathBuf>) -> Workspace {
        Workspace { root: root.into() }
    }

    /// The working directory, as the terminal sees it (paths stay relative,
    /// so messages name `frameworks/x/...` as the user would).
    pub fn current() -> Workspace {
        Workspace::new("")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn frameworks_dir(&self) -> PathBuf {
        self.root.join("frameworks")
    }

    /// The framework folders, sorted.
    pub fn frameworks(&self) -> Vec<PathBuf> {
        crate::workspace::list_frameworks(&self.frameworks_dir())
    }

    /// The framework folders, or why there are none to work on.
    pub fn some_frameworks(&self) -> Result<Vec<PathBuf>, Failure> {
        let dirs = self.frameworks();
        if dirs.is_empty() {
            return Err(Failure::usage(
                crate::diag::Diagnostic::error("no frameworks under ./frameworks")
                    .expected("folders frameworks/<name>/logframe.yaml")
                    .found("none")
                    .hint("run from the workspace folder, or create one with `logframe init NAME`"),
            ));
        }
        Ok(dirs)
    }

    /// The names of the framework folders, sorted.
    pub fn names(&self) -> Vec<String> {
        self.frameworks()
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect()
    }

    /// A framework named on the command line: a folder (or its
    /// logframe.yaml), else a name under `frameworks/`.
    pub fn resolve(&self, arg: &str) -> Result<PathBuf, Failure> {
        crate::workspace::resolve_in(&self.frameworks_dir(), arg).map_err(Failure::usage)
    }

    /// A framework by the name of its folder only: it must be one of
    /// [`Workspace::names`].
    pub fn named(&self, name: &str) -> Result<PathBuf, Failure> {
        if self.names().iter().any(|n| n == name) {
            Ok(self.frameworks_dir().join(name))
        } else {
            Err(Failure::usage(crate::workspace::no_framework(
                &self.frameworks_dir(),
                name,
            )))
        }
    }

    /// Load a framework named on the command line.
    pub fn open(&self, arg: &str) -> Result<Opened, Failure> {
        open_dir(&self.resolve(arg)?)
    }

    /// Load a framework named by its folder only.
    pub fn open_named(&self, name: &str) -> Result<Opened, Failure> {
        open_dir(&self.named(name)?)
    }

    /// A framework named on the command line, without reading its ledger:
    /// what `record` and `import` need (the write reads, under the lock,
    /// the rows it must look at), so that one value does not re-read a
    /// ledger of millions of rows.
    pub fn framework(&self, arg: &str) -> Result<Framework, Failure> {
        framework_in(&self.resolve(arg)?)
    }

    /// [`Workspace::framework`] by the name of its folder only.
    pub fn framework_named(&self, name: &str) -> Result<Framework, Failure> {
        framework_in(&self.named(name)?)
    }
}

/// The framework in `dir` alone; errors stop here.
fn framework_in(dir: &Path) -> Result<Framework, Failure> {
    let mut sources = Sources::default();
    let (framework, diagnostics) = crate::load::load_framework(dir, &mut sources);
    match framework {
        Some(fw) if !diagnostics.has_errors() => Ok(fw),
        _ => Err(Failure::from_diagnostics(diagnostics, sources)),
    }
}

/// Load the framework in `dir` with its ledger; errors stop here.
pub fn open_dir(dir: &Path) -> Result<Opened, Failure> {
    let mut loaded = crate::workspace::load(dir);
    match loaded.framework.take() {
        Some(framework) if !loaded.diagnostics.has_errors() => Ok(Opened {
            framework,
            ledger: loaded.ledger,
            sources: loaded.sources,
            diagnostics: loaded.diagnostics,
        }),
        _ => Err(Failure::from_diagnostics(loaded.diagnostics, loaded.sources)),
    }
}

impl Opened {
    /// The warnings found while loading, as the start of a use case's
    /// diagnostics.
    pub fn warnings(&self) -> Diagnostics {
        self.diagnostics.clone()
    }

    /// A failure after the warnings found while loading.
    pub fn fail(&self, f: Failure) -> Failure {
        f.after(&self.diagnostics, &self.sources)
    }
}
